"""From what a parser read to the validated report: names, codes, checks, provenance.

This is the one place where printed values meet the outside world (the instrument
catalogue, the SCB list): a parser's values are copied as printed, and everything
derived (canonical names, keys, kommunkod) sits beside them, never instead of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kompass_cli.model import diagnostics as d
from kompass_cli.reference import municipalities
from kompass_cli.reference.catalog import (
    Instrument,
    instrument,
    matches_area,
    older_version_naming,
)
from kompass_cli.model.consistency import check_report, primary
from kompass_cli.core.errors import NotAReport
from kompass_cli.repair.policy import RepairTally
from kompass_cli.core.raw import Located, RawArea, RawQuestion, RawReport, Stated
from kompass_cli.schemas.common import ReportBase
from kompass_cli.schemas.report import REPORT_MODELS
from kompass_cli.reference.versions import detect_version

SCHEMA_VERSION = "1"
_LINE_REFERENCE = re.compile(r"\bline (\d+)")
DOC_KIND = "kommunkompassen_report"


@dataclass(frozen=True)
class SourceInfo:
    """Where the text came from, for the report's ``source`` block."""

    file: str
    sha256: str
    format: str  # "text" | "pdf"
    pages: list[int] | None = None  # for a PDF, the page of each line


def build_report(raw: RawReport, source: SourceInfo, repairs: RepairTally | None = None,
                 ) -> ReportBase:
    """Assemble, check and validate the report model for one parsed text."""
    _require_complete(raw)
    version = detect_version(raw)
    inst = instrument(version)
    diagnostics = check_report(raw, inst)
    diagnostics += _catalogue_checks(raw, inst)
    if not raw.totals:
        # A report (a summary need not print one) whose total was not read says so.
        diagnostics.append(d.make("total-missing"))
    diagnostics += [_from_note(note) for note in raw.notes]
    repairs = repairs or RepairTally()
    municipality, found = _municipality(raw, diacritics_reliable=not repairs.applied)
    diagnostics += found
    diagnostics += _date_checks(raw, inst)
    if repairs.applied:
        diagnostics.append(d.make("ocr-repaired", line=None, changes=repairs.changes))
    document = {
        "schema_version": SCHEMA_VERSION,
        "doc_kind": DOC_KIND,
        "instrument": {"name": "Kommunkompassen", "version": version},
        "municipality": municipality,
        "evaluation": _evaluation(raw),
        "total": {"score": score_of(raw.totals), "max": 800,
                  "reported_scores": _reported(raw.totals)},
        "areas": [_area(area, inst) for area in sorted(raw.areas, key=lambda a: a.number)],
        "history": [_history(row) for row in sorted(raw.history, key=lambda r: r.year)],
        "diagnostics": [_diagnostic(x) for x in sorted(diagnostics, key=d.Diagnostic.sort_key)],
        "repairs": {"applied": repairs.applied, "fixes": dict(sorted(repairs.fixes.items()))},
        "source": {"file": source.file, "sha256": source.sha256, "format": source.format,
                   "parser": raw.parser},
    }
    if source.pages:
        _add_pages(document, source.pages)
        document["source"]["pages"] = max(source.pages)
    return REPORT_MODELS[version].model_validate(document)


def _add_pages(node, pages: list[int]) -> None:
    """Give every located value the PDF page its line was read from, and every line a
    diagnostic message cites its page ('line 463 on page 19')."""
    if isinstance(node, dict):
        line = node.get("line")
        if isinstance(line, int) and 1 <= line <= len(pages):
            node["page"] = pages[line - 1]
        if isinstance(node.get("message"), str):
            node["message"] = _LINE_REFERENCE.sub(
                lambda m: f"{m.group(0)} on page {pages[int(m.group(1)) - 1]}"
                if 1 <= int(m.group(1)) <= len(pages) else m.group(0), node["message"])
        for value in node.values():
            _add_pages(value, pages)
    elif isinstance(node, list):
        for value in node:
            _add_pages(value, pages)


def _require_complete(raw: RawReport) -> None:
    """A report missing areas or scores is refused, never emitted as if complete."""
    numbers = sorted({area.number for area in raw.areas})
    if numbers != list(range(1, 9)):
        missing = sorted(set(range(1, 9)) - set(numbers))
        raise NotAReport(f"incomplete report: areas {', '.join(map(str, missing))} not found "
                         f"(truncated or not a full Kommunkompassen report)")
    repeated = sorted({a.number for a in raw.areas if [b.number for b in raw.areas].count(a.number) > 1})
    if repeated:
        which = (f"area {repeated[0]} appears" if len(repeated) == 1 else
                 f"areas {', '.join(map(str, repeated))} appear")
        raise NotAReport(f"ambiguous report: {which} more than once; check the file for "
                         f"duplicated sections")
    unscored = [area.number for area in raw.areas if not area.scores]
    if unscored:
        raise NotAReport(f"incomplete report: no score found for areas "
                         f"{', '.join(map(str, unscored))}")
    if raw.year is None:
        raise NotAReport("the evaluation year is not stated; cannot tell which evaluation "
                         "this is")


def _value(stated: Stated | None):
    return None if stated is None else stated.value


def score_of(stated: list[Stated]):
    """The score a list of printed values gives: the summary value, else the first printed.

    ``kompass validate`` holds a file's scores to the same rule.
    """
    return _value(primary(stated))


def _reported(stated: list[Stated]) -> list[dict]:
    return [{"value": s.value, "where": s.where, "line": s.line} for s in stated]


def _printed(items: list[Located]) -> list[dict]:
    return [{"text": item.text, "line": item.line} for item in items]


def _municipality(raw: RawReport, diacritics_reliable: bool = True,
                  ) -> tuple[dict, list[d.Diagnostic]]:
    """The official municipality of the printed name; none (and a diagnostic) when the
    name is unknown or fits several (Håbo/Habo in a text that lost its diacritics)."""
    printed = raw.municipality
    if printed is None:
        raise NotAReport("the report does not name its municipality")
    match = municipalities.resolve(printed.text, diacritics_reliable)
    if not isinstance(match, municipalities.Municipality):
        diag = (d.make("municipality-unknown", line=printed.line, printed=printed.text)
                if match is None else
                d.make("municipality-ambiguous", line=printed.line, printed=printed.text,
                       candidates=match.names()))
        return ({"name": printed.text, "code": None, "county": None,
                 "name_in_source": printed.text, "line": printed.line}, [diag])
    return ({"name": match.name, "code": match.code, "county": match.county,
             "name_in_source": printed.text, "line": printed.line}, [])


def _evaluation(raw: RawReport) -> dict:
    return {
        "year": raw.year.value,
        "month": _value(raw.month),
        "report_date": raw.report_date.text if raw.report_date else None,
        "publisher": raw.publisher.text if raw.publisher else None,
        "evaluators": [e.text for e in raw.evaluators],
        "interviewees": _value(raw.interviewees),
    }


def _area(area: RawArea, inst: Instrument) -> dict:
    spec = inst.area(area.number)
    return {
        "number": area.number,
        "key": spec.key,
        "name": spec.name,
        "name_in_source": area.name_in_source,
        "line": area.line,
        "score": score_of(area.scores),
        "max": 100,
        "reported_scores": _reported(area.scores),
        "other_names": _printed(area.other_names),
        "questions": [_question(q) for q in area.questions],
        "strengths": _printed(area.strengths),
        "improvements": _printed(area.improvements),
    }


def _question(question: RawQuestion) -> dict:
    return {
        "id": question.id,
        "title": question.title,
        "achieved": _value(question.achieved),
        "max": _value(question.max),
        "percent": _value(question.percent),
        "line": question.line,
        "other_titles": _printed([t for t in question.other_titles if t.text != question.title]),
    }


def _history(row) -> dict:
    return {
        "year": row.year,
        "instrument_version": row.instrument_version,
        "kind": row.kind,
        "scores": {str(n): s.value for n, s in sorted(row.scores.items())},
        "total": _value(row.total),
        "line": row.line,
    }


def _diagnostic(diag: d.Diagnostic) -> dict:
    return {"code": diag.code, "severity": diag.severity, "message": diag.message,
            "line": diag.line, "area": diag.area, "question": diag.question, "year": diag.year}


def _from_note(note) -> d.Diagnostic:
    params = {k: v for k, v in note.params.items() if k not in ("area", "question", "year")}
    return d.make(note.code, line=note.line, area=note.area, question=note.question,
                  year=note.year, **params)


def _catalogue_checks(raw: RawReport, inst: Instrument) -> list[d.Diagnostic]:
    """Printed area names against the detected version: unmatched, or an older name."""
    found: list[d.Diagnostic] = []
    for area in raw.areas:
        spec = inst.area(area.number)
        printed = [Located(area.name_in_source, area.line), *area.other_names]
        for row in raw.history:
            if row.instrument_version in (None, inst.version) and area.number in row.area_names:
                printed.append(row.area_names[area.number])
        for name in _unique(printed):
            found += _name_check(name, area.number, spec, inst)
    return found


def _unique(items: list[Located]) -> list[Located]:
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.text not in seen:
            seen.add(item.text)
            unique.append(item)
    return unique


def _name_check(name: Located, number: int, spec, inst: Instrument) -> list[d.Diagnostic]:
    older = older_version_naming(name.text, inst.version, number)
    if older is not None:
        return [d.make("area-name-older-version", line=name.line, area=number, printed=name.text,
                       printed_line=name.line, older=older, version=inst.version,
                       expected=spec.name)]
    if not matches_area(name.text, spec):
        return [d.make("area-name-unmatched", line=name.line, area=number, printed=name.text,
                       version=inst.version, expected=spec.name)]
    return []


def _date_checks(raw: RawReport, inst: Instrument) -> list[d.Diagnostic]:
    """The evaluation year fits the version; the report is not dated before the evaluation."""
    found: list[d.Diagnostic] = []
    year = raw.year.value
    if not inst.covers(year):
        found.append(d.make("year-outside-version", line=raw.year.line, year=year,
                            version=inst.version, period=inst.period()))
    if raw.report_date is not None:
        date_year, date_month = (int(part) for part in raw.report_date.text.split("-")[:2])
        month = raw.month.value if raw.month else 1
        if (date_year, date_month) < (year, month):
            when = f"{year}-{month:02d}" if raw.month else str(year)
            found.append(d.make("report-date-before-evaluation", line=raw.report_date.line,
                                date=raw.report_date.text, month_year=when))
    return found
