"""Validate normalised JSON: the schema, then the same checks parsing runs, and more.

A file is checked in layers. The schema (strict pydantic models) catches missing,
unknown and mistyped fields. The catalogue checks catch areas and questions that do not
belong where the file puts them, impossible scores and a kommunkod that does not match
the name. The checks ``kompass parse`` ran on the report are run again on the same
model (each number with its printed token): a diagnostic the data shows that the file
does not record, or records otherwise, means the data was changed after parsing.

Diagnostics recorded at parse time describe the report, not the file: they are listed
as recorded and never count as errors of the file. Every finding's code is in the one
catalogue of :mod:`kompass_cli.model.diagnostics`."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from kompass_cli.core.errors import KompassError
from kompass_cli.core.numbers import printed_value
from kompass_cli.core.rounding import fmt
from kompass_cli.model import legacy
from kompass_cli.model.consistency import (
    check_report,
    primary,
    reported_scores,
    score_of,
)
from kompass_cli.model.dataset import JsonDocument, json_path, number_word, read_json
from kompass_cli.model.diagnostics import Problem, rechecked
from kompass_cli.model.writer import report_document
from kompass_cli.reference import municipalities
from kompass_cli.reference.catalog import instrument
from kompass_cli.schemas.common import ReportBase
from kompass_cli.schemas.report import DOCUMENT_ADAPTER

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

# A version-1 file keeps no printed tokens: rebuilt from the values, they lose trailing
# zeros ('13,0' -> 13), which widens a rounding range, so a contradiction recorded at
# parse time may re-check as rounding. For such a file either code of a pair stands for
# the other, and a recorded message is compared by its numbers only.
_SAME_CHECK = {"total-rounding": "total-mismatch", "question-sum-rounding": "question-sum-mismatch",
               "percent-rounding": "percent-mismatch"}
_SAME_CHECK.update({v: k for k, v in list(_SAME_CHECK.items())})


@dataclass
class FileResult:
    file: str
    findings: list[Problem] = field(default_factory=list)
    recorded: list[dict] = field(default_factory=list)

    def worst(self) -> int:
        return max((SEVERITY_RANK[f.severity] for f in self.findings), default=-1)

    def to_dict(self) -> dict:
        return {"file": self.file, "valid": not any(f.severity == "error" for f in self.findings),
                "findings": [f.finding() for f in self.findings], "recorded": self.recorded}


def validate_file(path: Path, raw_dir: Path | None, require_raw: bool = False) -> FileResult:
    """Validate one JSON file; raises KompassError when it is not readable JSON.

    ``require_raw`` makes a raw report that is not at hand (so ``source.sha256`` cannot
    be checked) an error rather than a note. A version-1 file is read as upgraded, with
    a warning that says how to upgrade it.
    """
    document = read_json(path)
    file = str(path)
    result = FileResult(file)
    result.findings = _document_findings(document, file)
    data, exact = document.data, True
    if legacy.is_version_1(data):
        data, rebuilt = legacy.to_version_2(data)
        exact = rebuilt == 0  # a results summary of version 1 kept its tokens
        result.findings.append(Problem("schema-version-old", {"rebuilt": rebuilt},
                                       path="schema_version", file=file))
    try:
        report = DOCUMENT_ADAPTER.validate_python(data)
    except ValidationError as error:
        said = {location for location, _ in document.non_finite}
        result.findings += _unique([f for f in (_schema_finding(file, e)
                                                for e in error.errors()) if f.path not in said])
        return result
    except RecursionError:
        raise KompassError("is nested too deeply to read; not a kompass JSON file",
                           file) from None
    result.recorded = report_document(report)["diagnostics"]
    result.findings += (_score_findings(report, file)
                        + _range_findings(report, file)
                        + _token_findings(report, file)
                        + _catalogue_findings(report, file)
                        + consistency_findings(report, file, exact)
                        + _municipality_findings(report, file)
                        + _checksum_findings(report, file, raw_dir, require_raw))
    return result


def _document_findings(document: JsonDocument, file: str) -> list[Problem]:
    """Repeated keys and non-finite numbers: JSON that readers may read differently."""
    found = [Problem("json-duplicate-key", path=path, file=file)
             for path in document.repeated_keys]
    found += [Problem("json-non-finite-number", {"value": number_word(value)}, path=path,
                      file=file)
              for path, value in document.non_finite]
    return found


_SCHEMA_CODES = {"missing": "schema-missing-field", "extra_forbidden": "schema-unknown-field"}


def _schema_finding(file: str, error: dict) -> Problem:
    code = _SCHEMA_CODES.get(error["type"], "schema-invalid-value")
    return Problem(code, {"problem": error["msg"]}, path=json_path(error["loc"]), file=file)


def _unique(findings: list[Problem]) -> list[Problem]:
    """One finding per location and code (a union reports each branch that failed)."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for finding in findings:
        if (finding.path, finding.code) not in seen:
            seen.add((finding.path, finding.code))
            unique.append(finding)
    return unique


def _catalogue_findings(report: ReportBase, file: str) -> list[Problem]:
    """Areas, keys and questions against the declared instrument version (maxima, unknown
    questions and the year are checks parsing records, run again with the others)."""
    inst = instrument(report.instrument.version)
    found: list[Problem] = []
    numbers = [area.number for area in report.areas]
    if sorted(numbers) != list(range(1, 9)):
        found.append(Problem("areas-incomplete", {"numbers": numbers}, path="areas", file=file))
    for index, area in enumerate(report.areas):
        found += _area_findings(area, index, inst, file)
    return found


def _area_findings(area, index: int, inst, file: str) -> list[Problem]:
    spec = inst.area(area.number)
    here = f"areas[{index}]"
    found: list[Problem] = []
    if area.key != spec.key or area.name != spec.name:
        found.append(Problem("area-catalogue-mismatch",
                             {"key": spec.key, "name": spec.name, "version": inst.version,
                              "file_key": area.key, "file_name": area.name},
                             line=area.line, area=area.number, path=f"{here}.key", file=file))
    for q_index, question in enumerate(getattr(area, "questions", [])):
        where = f"{here}.questions[{q_index}]"
        place = dict(line=question.line, area=area.number, question=question.id, file=file)
        if not question.id.startswith(f"{area.number}."):
            found.append(Problem("question-wrong-area", path=f"{where}.id", **place))
        if (question.achieved is not None and question.max is not None
                and question.achieved > question.max):
            found.append(Problem("achieved-over-max",
                                 {"achieved": question.achieved, "max": question.max},
                                 path=f"{where}.achieved", **place))
    return found


def _score_findings(report: ReportBase, file: str) -> list[Problem]:
    """Each score is what its own reported values give, by the rule parsing used."""
    found = _score_finding(report.total.score, reported_scores(report.total), "total", file)
    for index, area in enumerate(report.areas):
        found += _score_finding(area.score, reported_scores(area), f"areas[{index}]", file)
    return found


def _score_finding(score, stated, here: str, file: str) -> list[Problem]:
    expected = score_of(stated)
    if score == expected and (score is None) == (expected is None):
        return []
    source = primary(stated)
    if source is None:
        given = "no value is reported (reported_scores is empty)"
    else:
        given = (f"its reported values give {fmt(expected)} ({here}.reported_scores"
                 f"[{stated.index(source)}], {source.where}, line {source.line})")
    return [Problem("score-not-reported",
                    {"shown": "null" if score is None else fmt(score), "given": given},
                    line=None if source is None else source.line, path=f"{here}.score",
                    file=file)]


def _range_findings(report: ReportBase, file: str) -> list[Problem]:
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
    return [Problem("score-out-of-range",
                    {"value": fmt(value), "high": high if high else "its maximum"},
                    path=path, file=file)
            for path, value, high in values
            if value is not None and (value < 0 or (high is not None and value > high))]


def _token_findings(report: ReportBase, file: str) -> list[Problem]:
    """Each reported number is the number its printed token reads: a value edited
    without its token (or the token without its value) is found here."""
    return [Problem("printed-value-mismatch", {"value": fmt(value), "printed": token},
                    path=path, file=file)
            for path, value, token in _tokens(report)
            if value is not None and printed_value(token) not in (None, value)]


def _tokens(report: ReportBase) -> list[tuple[str, object, str]]:
    """(JSON path, value, printed token) of every number that keeps its token."""
    found = [(f"total.reported_scores[{i}].value", s.value, s.printed)
             for i, s in enumerate(report.total.reported_scores)]
    for a, area in enumerate(report.areas):
        here = f"areas[{a}]"
        if not hasattr(area, "reported_scores"):  # a results summary's area
            found.append((f"{here}.score", area.score, area.printed))
            continue
        found += [(f"{here}.reported_scores[{i}].value", s.value, s.printed)
                  for i, s in enumerate(area.reported_scores)]
        found += [(f"{here}.questions[{q}].{name}", getattr(question, name),
                   getattr(question.printed, name).text)
                  for q, question in enumerate(area.questions)
                  for name in ("achieved", "max", "percent")
                  if getattr(question.printed, name) is not None]
    for h, row in enumerate(getattr(report, "history", [])):
        found += [(f"history[{h}].scores.{n}", row.scores.get(n), token.text)
                  for n, token in row.printed.scores.items()]
        if row.printed.total is not None:
            found.append((f"history[{h}].total", row.total, row.printed.total.text))
    return found


def consistency_findings(report: ReportBase, file: str, exact: bool = True,
                         ) -> list[Problem]:
    """Checks parsing records, run again on the file's data: a finding the file's own
    diagnostics do not record, one recorded with other values, and one recorded that the
    data no longer shows each mean the data was changed after parsing, and are errors of
    the file. ``exact``: the file keeps its printed tokens (version 2), so a recorded
    diagnostic must be found again word for word."""
    codes = rechecked()
    recorded = {_key(d): d for d in report.diagnostics if d.code in codes}
    found: list[Problem] = []
    matched: set[tuple] = set()
    for problem in check_report(report, instrument(report.instrument.version)):
        if problem.code not in codes:
            continue
        keys = [_key(problem)] if exact else [_key(problem),
                                              (_SAME_CHECK.get(problem.code), *_key(problem)[1:])]
        key = next((k for k in keys if k in recorded), None)
        if key is None:
            why = "not recorded at parse time"
        elif not _same(recorded[key], problem, exact):
            why = f"recorded at parse time with other values: {recorded[key].message!r}"
        else:
            matched.add(key)
            continue
        matched.add(key)
        problem.severity, problem.note = "error", f"{why}: the data was changed"
        problem.path, problem.file = _diag_path(report, problem), file
        found.append(problem)
    for key, diag in recorded.items():
        if key not in matched:
            found.append(Problem("recorded-contradiction-gone",
                                 {"recorded": diag.code, "message": diag.message},
                                 line=diag.line, page=diag.page, area=diag.area,
                                 question=diag.question, year=diag.year,
                                 path=_diag_path(report, diag), file=file))
    return found


def _key(diag) -> tuple:
    return (diag.code, diag.area, diag.question, diag.year)


def _same(recorded, problem: Problem, exact: bool) -> bool:
    """A recorded diagnostic and one found again say the same: word for word, or for a
    version-1 file the same numbers. (Where a diagnostic is anchored is no part of what
    it says: an upgraded file places a question's numbers on the question's line.)"""
    if exact:
        return recorded.message == problem.message
    return _values(recorded.message) == _values(problem.message)


# What a consistency message says about the data is its numbers, less the lines (and
# pages) it cites and the ranges, which depend on the printed decimals that a version-1
# file no longer shows ('13,0' is written 13).
_CITED_LINE = re.compile(r"\bline \d+(?: on page \d+)?")
_RANGE = re.compile(r"\d+(?:\.\d+)?–\d+(?:\.\d+)?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _values(message: str) -> list[str]:
    """The data a diagnostic message states: its numbers, without cited lines or ranges."""
    return sorted(_NUMBER.findall(_RANGE.sub("", _CITED_LINE.sub("", message))))


def _diag_path(report: ReportBase, diag) -> str:
    if diag.code == "year-outside-version":
        return "evaluation.year"
    if diag.area is None:
        return "history" if diag.year is not None else "total"
    index = next((i for i, a in enumerate(report.areas) if a.number == diag.area), None)
    if index is None:
        return "areas"
    if diag.question is None:
        return f"areas[{index}].score"
    q_index = next((i for i, q in enumerate(report.areas[index].questions) if q.id == diag.question), 0)
    return f"areas[{index}].questions[{q_index}]"


def _municipality_findings(report: ReportBase, file: str) -> list[Problem]:
    """The kommunkod, name and county must describe the same municipality."""
    municipality = report.municipality
    if municipality.code is None:
        return []
    official = municipalities.by_code(municipality.code)
    if official is None:
        return [Problem("municipality-code-unknown", {"code": municipality.code},
                        path="municipality.code", file=file)]
    if (official.name, official.county) != (municipality.name, municipality.county):
        return [Problem("municipality-code-mismatch",
                        {"code": municipality.code, "official": official.name,
                         "official_county": official.county, "name": municipality.name,
                         "county": municipality.county}, path="municipality", file=file)]
    return []


def _checksum_findings(report: ReportBase, file: str, raw_dir: Path | None,
                       require_raw: bool = False) -> list[Problem]:
    """source.sha256 must match the raw report when it is at hand, and not having it at
    hand is said: a checksum that was never compared proves nothing."""
    if raw_dir is None:
        return []
    name = report.source.file
    if not name or Path(name).name != name or name in (".", ".."):
        return [Problem("source-file-not-a-name", {"name": name}, path="source.file",
                        file=file)]
    raw = raw_dir / name
    digest = _sha256(raw)
    if digest is None:
        code = "source-missing" if require_raw else "source-not-checked"
        return [Problem(code, {"raw": raw}, path="source.sha256", file=file)]
    if digest == report.source.sha256:
        return []
    return [Problem("source-checksum-mismatch",
                    {"raw": raw, "digest": digest[:12], "recorded": report.source.sha256[:12]},
                    path="source.sha256", file=file)]


def _sha256(raw: Path) -> str | None:
    """The checksum of a regular file, read in chunks; None when there is none to read."""
    if not raw.is_file():
        return None
    try:
        with raw.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return None
