"""Validate normalised JSON: the schema, then the same checks parsing runs, and more.

A file is checked in three layers. The schema (strict pydantic models) catches missing,
unknown and mistyped fields. The catalogue checks catch areas and questions that do not
belong to the declared instrument version, swapped maxima, impossible scores and a
kommunkod that does not match the name. The consistency checks that ``kompass parse``
runs are run again; a contradiction the file does not record among its diagnostics means
the data was changed after parsing.

Diagnostics recorded at parse time describe the report, not the file: they are listed
as recorded and never count as errors of the file.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pydantic import ValidationError

from kompass_cli import municipalities
from kompass_cli.catalog import instrument
from kompass_cli.consistency import check_report
from kompass_cli.dataset import json_path, read_json
from kompass_cli.modelview import raw_from_model, raw_from_summary
from kompass_cli.schemas.common import ReportBase
from kompass_cli.schemas.report import DOCUMENT_ADAPTER, SUMMARY_KIND
from kompass_cli.writer import report_document

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

# Consistency codes that are errors of the file when the file does not record them.
_RECORDABLE = {"score-conflict", "total-conflict", "total-mismatch", "question-sum-mismatch",
               "percent-mismatch", "question-max-sum", "history-total-mismatch",
               "history-current-mismatch", "question-max-catalogue"}


@dataclass
class Finding:
    """One problem of a file: a code, where in the JSON, and the source line if known."""

    code: str
    severity: str
    message: str
    file: str
    path: str = ""
    line: int | None = None


@dataclass
class FileResult:
    file: str
    findings: list[Finding] = field(default_factory=list)
    recorded: list[dict] = field(default_factory=list)

    def worst(self) -> int:
        return max((SEVERITY_RANK[f.severity] for f in self.findings), default=-1)

    def to_dict(self) -> dict:
        return {"file": self.file, "valid": not any(f.severity == "error" for f in self.findings),
                "findings": [asdict(f) for f in self.findings], "recorded": self.recorded}


def validate_file(path: Path, raw_dir: Path | None) -> FileResult:
    """Validate one JSON file; raises KompassError when it is not readable JSON."""
    document = read_json(path)
    result = FileResult(str(path))
    try:
        report = DOCUMENT_ADAPTER.validate_python(document)
    except ValidationError as error:
        result.findings = _unique([_schema_finding(str(path), e) for e in error.errors()])
        return result
    result.recorded = report_document(report)["diagnostics"]
    result.findings = (_catalogue_findings(report, str(path))
                       + _consistency_findings(report, str(path))
                       + _municipality_findings(report, str(path))
                       + _checksum_findings(report, str(path), raw_dir))
    return result


_SCHEMA_CODES = {"missing": "schema-missing-field", "extra_forbidden": "schema-unknown-field"}


def _schema_finding(file: str, error: dict) -> Finding:
    location = json_path(error["loc"])
    code = _SCHEMA_CODES.get(error["type"], "schema-invalid-value")
    return Finding(code, "error", f"{location}: {error['msg']}", file, location)


def _unique(findings: list[Finding]) -> list[Finding]:
    """One finding per location and code (a union reports each branch that failed)."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for finding in findings:
        if (finding.path, finding.code) not in seen:
            seen.add((finding.path, finding.code))
            unique.append(finding)
    return unique


def _catalogue_findings(report: ReportBase, file: str) -> list[Finding]:
    """Areas, keys, questions and maxima against the declared instrument version."""
    inst = instrument(report.instrument.version)
    found: list[Finding] = []
    numbers = [area.number for area in report.areas]
    if sorted(numbers) != list(range(1, 9)):
        found.append(Finding("areas-incomplete", "error",
                             f"areas are {numbers}, expected each of 1-8 once", file, "areas"))
    for index, area in enumerate(report.areas):
        found += _area_findings(area, index, inst, file)
        if area.score is not None and not 0 <= area.score <= area.max:
            found.append(Finding("score-out-of-range", "error",
                                 f"area {area.number} scores {area.score}, outside 0-{area.max}",
                                 file, f"areas[{index}].score", area.line))
    recorded = any(d.code == "year-outside-version" for d in report.diagnostics)
    if not inst.covers(report.evaluation.year) and not recorded:
        found.append(Finding("year-outside-version", "error",
                             f"evaluation year {report.evaluation.year} is outside instrument "
                             f"version {inst.version} ({inst.period()})", file,
                             "evaluation.year"))
    return found


def _area_findings(area, index: int, inst, file: str) -> list[Finding]:
    spec = inst.area(area.number)
    here = f"areas[{index}]"
    found: list[Finding] = []
    if area.key != spec.key or area.name != spec.name:
        found.append(Finding("area-catalogue-mismatch", "error",
                             f"area {area.number} is '{spec.key}' ({spec.name}) in version "
                             f"{inst.version}, the file says '{area.key}' ({area.name})", file,
                             f"{here}.key", area.line))
    specs = {q.id: q for q in spec.questions}
    for q_index, question in enumerate(getattr(area, "questions", [])):
        where = f"{here}.questions[{q_index}]"
        if not question.id.startswith(f"{area.number}."):
            found.append(Finding("question-wrong-area", "error",
                                 f"question {question.id} is listed under area {area.number}",
                                 file, f"{where}.id", question.line))
        if specs and question.id not in specs:
            found.append(Finding("question-unknown", "error",
                                 f"question {question.id} is not part of version {inst.version}",
                                 file, f"{where}.id", question.line))
        if (question.achieved is not None and question.max is not None
                and question.achieved > question.max):
            found.append(Finding("achieved-over-max", "error",
                                 f"question {question.id}: achieved {question.achieved} exceeds "
                                 f"max {question.max}", file, f"{where}.achieved", question.line))
    return found


def _recorded_keys(report: ReportBase) -> set[tuple]:
    return {(d.code, d.area, d.question, d.year) for d in report.diagnostics}


def _consistency_findings(report: ReportBase, file: str) -> list[Finding]:
    """Contradictions in the data that the file's own diagnostics do not record."""
    recorded = _recorded_keys(report)
    found = []
    raw = (raw_from_summary(report) if report.doc_kind == SUMMARY_KIND
           else raw_from_model(report))
    for diag in check_report(raw, instrument(report.instrument.version)):
        if diag.code not in _RECORDABLE or (diag.code, diag.area, diag.question, diag.year) in recorded:
            continue
        found.append(Finding(diag.code, "error",
                             f"{diag.message} (not recorded at parse time: the data was changed)",
                             file, _diag_path(report, diag), diag.line))
    return found


def _diag_path(report: ReportBase, diag) -> str:
    if diag.area is None:
        return "history" if diag.year is not None else "total"
    index = next((i for i, a in enumerate(report.areas) if a.number == diag.area), None)
    if index is None:
        return "areas"
    if diag.question is None:
        return f"areas[{index}].score"
    q_index = next((i for i, q in enumerate(report.areas[index].questions) if q.id == diag.question), 0)
    return f"areas[{index}].questions[{q_index}]"


def _municipality_findings(report: ReportBase, file: str) -> list[Finding]:
    """The kommunkod, name and county must describe the same municipality."""
    municipality = report.municipality
    if municipality.code is None:
        return []
    official = municipalities.by_code(municipality.code)
    if official is None:
        return [Finding("municipality-code-unknown", "error",
                        f"kommunkod {municipality.code} is not in the SCB list", file,
                        "municipality.code")]
    if (official.name, official.county) != (municipality.name, municipality.county):
        return [Finding("municipality-code-mismatch", "error",
                        f"kommunkod {municipality.code} is {official.name} ({official.county}), "
                        f"the file says {municipality.name} ({municipality.county})", file,
                        "municipality")]
    return []


def _checksum_findings(report: ReportBase, file: str, raw_dir: Path | None) -> list[Finding]:
    """source.sha256 must match the raw report when it is at hand."""
    if raw_dir is None:
        return []
    raw = raw_dir / report.source.file
    if not raw.is_file():
        return []
    digest = hashlib.sha256(raw.read_bytes()).hexdigest()
    if digest == report.source.sha256:
        return []
    return [Finding("source-checksum-mismatch", "error",
                    f"{raw} has sha256 {digest[:12]}…, the file records "
                    f"{report.source.sha256[:12]}…; re-run kompass parse", file, "source.sha256")]
