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
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pydantic import ValidationError

from kompass_cli.reference import municipalities
from kompass_cli.reference.catalog import instrument
from kompass_cli.model.build import score_of
from kompass_cli.model.consistency import check_report, primary
from kompass_cli.model.dataset import JsonDocument, json_path, number_word, read_json
from kompass_cli.core.errors import KompassError
from kompass_cli.model.modelview import raw_from_model, raw_from_summary
from kompass_cli.core.rounding import fmt
from kompass_cli.schemas.common import ReportBase
from kompass_cli.schemas.report import DOCUMENT_ADAPTER, SUMMARY_KIND
from kompass_cli.model.writer import report_document

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

# Every finding code of validate besides the consistency codes, with its severity and
# meaning (the README's table is checked against it).
CODES = {
    "json-duplicate-key": ("error", "a key is given twice in one object"),
    "json-non-finite-number": ("error", "a number is NaN or ±Infinity (1e309 reads as Infinity)"),
    "schema-missing-field": ("error", "a required field is missing"),
    "schema-unknown-field": ("error", "a field the contract does not have"),
    "schema-invalid-value": ("error", "a value of the wrong type or outside its allowed values"),
    "score-not-reported": ("error", "total.score or an area's score is not the value its "
                                    "reported_scores give (the summary value, else the first)"),
    "score-out-of-range": ("error", "a score below 0 or above its maximum, or a negative "
                                    "question value"),
    "areas-incomplete": ("error", "the areas are not 1-8 once each"),
    "area-catalogue-mismatch": ("error", "an area's key or name is not the version's"),
    "question-wrong-area": ("error", "a question is listed under another area"),
    "question-unknown": ("error", "a question id is not in the version"),
    "achieved-over-max": ("error", "a question's achieved score exceeds its max"),
    "year-outside-version": ("error", "the year lies outside the version's period"),
    "municipality-code-unknown": ("error", "the kommunkod is not in the SCB list"),
    "municipality-code-mismatch": ("error", "kommunkod, name and county disagree"),
    "recorded-contradiction-gone": ("error", "a contradiction the file records is no longer "
                                             "in its data"),
    "source-checksum-mismatch": ("error", "the raw report's sha256 is not source.sha256"),
    "source-not-checked": ("info", "the raw report is not in --raw-dir, so source.sha256 "
                                   "was not checked (an error with --require-raw)"),
    "source-file-not-a-name": ("error", "source.file is not a bare file name"),
}

# Codes of the consistency checks that describe the data of the file: each one the
# re-check finds must be recorded, and each one recorded must still be found. (Unknown
# questions are a catalogue finding of their own.)
_RECORDABLE = {"score-conflict", "total-conflict", "total-mismatch", "total-rounding",
               "question-sum-mismatch", "question-sum-rounding", "percent-mismatch",
               "percent-rounding", "question-max-sum", "history-total-mismatch",
               "history-current-mismatch", "question-max-catalogue", "question-score-missing",
               "question-missing"}

# A value written to JSON loses the trailing zeros of its printed token ('13,0' -> 13),
# which widens its rounding range: a contradiction recorded at parse time may re-check
# as rounding. Either code of a pair stands for the other.
_SAME_CHECK = {"total-rounding": "total-mismatch", "question-sum-rounding": "question-sum-mismatch",
               "percent-rounding": "percent-mismatch"}
_SAME_CHECK.update({v: k for k, v in list(_SAME_CHECK.items())})


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


def validate_file(path: Path, raw_dir: Path | None, require_raw: bool = False) -> FileResult:
    """Validate one JSON file; raises KompassError when it is not readable JSON.

    ``require_raw`` makes a raw report that is not at hand (so ``source.sha256`` cannot
    be checked) an error rather than a note.
    """
    document = read_json(path)
    result = FileResult(str(path))
    result.findings = _document_findings(document, str(path))
    try:
        report = DOCUMENT_ADAPTER.validate_python(document.data)
    except ValidationError as error:
        said = {location for location, _ in document.non_finite}
        result.findings += _unique([f for f in (_schema_finding(str(path), e)
                                                for e in error.errors()) if f.path not in said])
        return result
    except RecursionError:
        raise KompassError("is nested too deeply to read; not a kompass JSON file",
                           str(path)) from None
    result.recorded = report_document(report)["diagnostics"]
    result.findings += (_score_findings(report, str(path))
                        + _range_findings(report, str(path))
                        + _catalogue_findings(report, str(path))
                       + _consistency_findings(report, str(path))
                       + _municipality_findings(report, str(path))
                       + _checksum_findings(report, str(path), raw_dir, require_raw))
    return result


def _document_findings(document: JsonDocument, file: str) -> list[Finding]:
    """Repeated keys and non-finite numbers: JSON that readers may read differently."""
    found = [Finding("json-duplicate-key", "error",
                     f"{path}: the key is given more than once (a reader keeps one of the "
                     f"values, which one depends on the reader)", file, path)
             for path in document.repeated_keys]
    found += [Finding("json-non-finite-number", "error",
                      f"{path}: {number_word(value)} is not a finite number; JSON numbers "
                      f"must be finite", file, path)
              for path, value in document.non_finite]
    return found


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


def _score_findings(report: ReportBase, file: str) -> list[Finding]:
    """Each score is what its own reported values give, by the rule parsing used."""
    raw = _raw(report)
    found = _score_finding(report.total.score, raw.totals, "total", file)
    for index, (area, raw_area) in enumerate(zip(report.areas, raw.areas)):
        found += _score_finding(area.score, raw_area.scores, f"areas[{index}]", file)
    return found


def _raw(report):
    """The file's values as parser output, a report's or a results summary's."""
    return raw_from_summary(report) if report.doc_kind == SUMMARY_KIND else raw_from_model(report)


def _score_finding(score, stated, here: str, file: str) -> list[Finding]:
    expected = score_of(stated)
    if score == expected and (score is None) == (expected is None):
        return []
    if expected is None:
        given = "no value is reported (reported_scores is empty)"
    else:
        source = primary(stated)
        index = stated.index(source)
        given = (f"its reported values give {fmt(expected)} ({here}.reported_scores[{index}], "
                 f"{source.where}, line {source.line})")
    shown = "null" if score is None else fmt(score)
    return [Finding("score-not-reported", "error",
                    f"{here}.score is {shown}, but {given}; a score is the summary value, "
                    f"else the first value printed", file, f"{here}.score",
                    None if expected is None else primary(stated).line)]


def _range_findings(report: ReportBase, file: str) -> list[Finding]:
    """Scores between 0 and their maximum; counts of points are never negative."""
    values = [("total.score", report.total.score, 800)]
    values += [(f"total.reported_scores[{i}].value", s.value, 800)
               for i, s in enumerate(report.total.reported_scores)]
    for index, area in enumerate(report.areas):
        here = f"areas[{index}]"
        values.append((f"{here}.score", area.score, 100))
        values += [(f"{here}.reported_scores[{i}].value", s.value, 100)
                   for i, s in enumerate(getattr(area, "reported_scores", []))]
        for q_index, question in enumerate(getattr(area, "questions", [])):
            for name in ("achieved", "max", "percent"):
                values.append((f"{here}.questions[{q_index}].{name}", getattr(question, name),
                               None))
    for index, row in enumerate(getattr(report, "history", [])):
        values += [(f"history[{index}].scores.{n}", v, 100) for n, v in row.scores.items()]
        values.append((f"history[{index}].total", row.total, 800))
    return [Finding("score-out-of-range", "error",
                    f"{path} is {fmt(value)}, outside 0–{high if high else 'its maximum'}",
                    file, path)
            for path, value, high in values
            if value is not None and (value < 0 or (high is not None and value > high))]


def _consistency_findings(report: ReportBase, file: str) -> list[Finding]:
    """Contradictions in the data that the file's own diagnostics do not record, recorded
    ones whose values are no longer those of the data, and recorded ones the data no
    longer shows: each means the data was changed after parsing."""
    recorded = {_key(d): d for d in report.diagnostics if d.code in _RECORDABLE}
    rechecked = [diag for diag in check_report(_raw(report),
                                               instrument(report.instrument.version))
                 if diag.code in _RECORDABLE]
    found: list[Finding] = []
    matched: set[tuple] = set()
    for diag in rechecked:
        key = next((k for k in (_key(diag), (_SAME_CHECK.get(diag.code), *_key(diag)[1:]))
                    if k in recorded), None)
        if key is None:
            why = "not recorded at parse time"
        elif _values(recorded[key].message) != _values(diag.message):
            why = f"recorded at parse time with other values: {recorded[key].message!r}"
        else:
            matched.add(key)
            continue
        matched.add(key)
        found.append(Finding(diag.code, "error", f"{diag.message} ({why}: the data was changed)",
                             file, _diag_path(report, diag), diag.line))
    for key, diag in recorded.items():
        if key not in matched:
            found.append(Finding("recorded-contradiction-gone", "error",
                                 f"the file records {diag.code} ({diag.message}), but its data "
                                 f"no longer shows it: the data was changed after parsing",
                                 file, _diag_path(report, diag), diag.line))
    return found


def _key(diag) -> tuple:
    return (diag.code, diag.area, diag.question, diag.year)


# What a consistency message says about the data is its numbers, less the lines (and
# pages) it cites and the ranges, which depend on the printed decimals that a value
# written to JSON no longer shows ('13,0' is written 13).
_CITED_LINE = re.compile(r"\bline \d+(?: on page \d+)?")
_RANGE = re.compile(r"\d+(?:\.\d+)?–\d+(?:\.\d+)?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _values(message: str) -> list[str]:
    """The data a diagnostic message states: its numbers, without cited lines or ranges."""
    return sorted(_NUMBER.findall(_RANGE.sub("", _CITED_LINE.sub("", message))))


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


def _checksum_findings(report: ReportBase, file: str, raw_dir: Path | None,
                       require_raw: bool = False) -> list[Finding]:
    """source.sha256 must match the raw report when it is at hand, and not having it at
    hand is said: a checksum that was never compared proves nothing."""
    if raw_dir is None:
        return []
    name = report.source.file
    if not name or Path(name).name != name or name in (".", ".."):
        return [Finding("source-file-not-a-name", "error",
                        f"source.file is {name!r}, not the bare file name parsing writes; "
                        f"the raw report cannot be looked up", file, "source.file")]
    raw = raw_dir / name
    digest = _sha256(raw)
    if digest is None:
        severity, advice = (("error", "--require-raw asks for it") if require_raw else
                            ("info", "give --raw-dir the folder of the raw reports"))
        return [Finding("source-not-checked", severity,
                        f"{raw} is not there or cannot be read, so source.sha256 was not "
                        f"checked; {advice}", file, "source.sha256")]
    if digest == report.source.sha256:
        return []
    return [Finding("source-checksum-mismatch", "error",
                    f"{raw} has sha256 {digest[:12]}…, the file records "
                    f"{report.source.sha256[:12]}…; re-run kompass parse", file, "source.sha256")]


def _sha256(raw: Path) -> str | None:
    """The checksum of a regular file, read in chunks; None when there is none to read."""
    if not raw.is_file():
        return None
    try:
        with raw.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None
