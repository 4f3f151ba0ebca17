"""From what a parser read to the validated report: names, codes, checks, provenance.

This is the one place where printed values meet the outside world (the instrument
catalogue, the SCB list): a parser's values are copied as printed, and everything
derived (canonical names, keys, kommunkod) sits beside them, never instead of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kompass_cli.core.errors import NotAReport
from kompass_cli.core.raw import Located, RawArea, RawQuestion, RawReport, Stated
from kompass_cli.model import diagnostics as d
from kompass_cli.model.consistency import check_report, score_of, unprinted_questions
from kompass_cli.reference import municipalities
from kompass_cli.reference.catalog import (
    Instrument,
    instrument,
    matches_area,
    older_version_naming,
)
from kompass_cli.reference.versions import detect_version
from kompass_cli.repair.policy import RepairTally
from kompass_cli.schemas import common as m
from kompass_cli.schemas.report import AREA_MODELS, INSTRUMENT_MODELS, REPORT_MODELS

SCHEMA_VERSION = m.SCHEMA_VERSION
DOC_KIND = "kommunkompassen_report"


@dataclass(frozen=True)
class SourceInfo:
    """Where the text came from, for the report's ``source`` block."""

    file: str
    sha256: str
    format: str  # "text" | "pdf"
    pages: list[int] | None = None  # for a PDF, the page of each line

    def page(self, line: int | None) -> int | None:
        """The PDF page a line was read from (None for text input)."""
        if not self.pages or line is None or not 1 <= line <= len(self.pages):
            return None
        return self.pages[line - 1]

    def at(self, line: int | None) -> d.At | None:
        """A line as a location and as messages cite it, with its page."""
        return None if line is None else d.At(line, self.page(line))


def build_report(raw: RawReport, source: SourceInfo, repairs: RepairTally | None = None,
                 ) -> m.ReportBase:
    """Assemble the report model of one parsed text, check it against itself and the
    instrument, and record what the checks find."""
    _require_complete(raw)
    version = detect_version(raw)
    inst = instrument(version)
    repairs = repairs or RepairTally()
    municipality, found = _municipality(raw, source, diacritics_reliable=not repairs.applied)
    report = _report(raw, inst, source, repairs, municipality)
    found += check_report(report, inst, year_at=source.at(raw.year.line))
    found += unprinted_questions(report, inst)
    found += _catalogue_checks(raw, inst, source)
    found += [from_note(note, source) for note in raw.notes]
    found += _date_checks(raw, source)
    if not raw.totals:
        # A report (a summary need not print one) whose total was not read says so.
        found.append(d.make("total-missing"))
    if repairs.applied:
        found.append(d.make("ocr-repaired", changes=repairs.changes))
    return report.model_copy(update={"diagnostics": diagnostics(found)})


def _report(raw: RawReport, inst: Instrument, source: SourceInfo, repairs: RepairTally,
            municipality: m.Municipality) -> m.ReportBase:
    """The report model of the version, every part as printed, no diagnostics yet."""
    version = inst.version
    return REPORT_MODELS[version](
        schema_version=SCHEMA_VERSION, doc_kind=DOC_KIND,
        instrument=INSTRUMENT_MODELS[version](name="Kommunkompassen", version=version),
        municipality=municipality, evaluation=_evaluation(raw),
        total=m.Total(score=score_of(raw.totals), max=800,
                      reported_scores=_reported(raw.totals, source)),
        areas=[_area(area, inst, source) for area in sorted(raw.areas, key=lambda a: a.number)],
        history=[_history(row, source) for row in sorted(raw.history, key=lambda r: r.year)],
        diagnostics=[],
        repairs=m.Repairs(applied=repairs.applied, fixes=dict(sorted(repairs.fixes.items()))),
        source=m.Source(file=source.file, sha256=source.sha256, format=source.format,
                        parser=raw.parser, pages=max(source.pages) if source.pages else None))


def diagnostics(found: list[d.Problem]) -> list[m.Diagnostic]:
    """The problems a document records, as its JSON gives them, by line."""
    return [m.Diagnostic(code=p.code, severity=p.severity, message=p.message, line=p.line,
                         page=p.page, area=p.area, question=p.question, year=p.year)
            for p in sorted(found, key=d.Problem.sort_key)]


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


def _reported(stated: list[Stated], source: SourceInfo) -> list[m.ReportedScore]:
    return [m.ReportedScore(value=s.value, printed=s.text, where=s.where, line=s.line,
                            page=source.page(s.line)) for s in stated]


def _printed(items: list[Located], source: SourceInfo) -> list[m.Printed]:
    return [_token(item.text, item.line, source) for item in items]


def _token(text: str, line: int, source: SourceInfo) -> m.Printed:
    return m.Printed(text=text, line=line, page=source.page(line))


def _stated_token(stated: Stated | None, source: SourceInfo) -> m.Printed | None:
    return None if stated is None else _token(stated.text, stated.line, source)


def _municipality(raw: RawReport, source: SourceInfo, diacritics_reliable: bool = True,
                  ) -> tuple[m.Municipality, list[d.Problem]]:
    """The official municipality of the printed name; none (and a diagnostic) when the
    name is unknown or fits several (Håbo/Habo in a text that lost its diacritics)."""
    printed = raw.municipality
    if printed is None:
        raise NotAReport("the report does not name its municipality")
    match = municipalities.resolve(printed.text, diacritics_reliable)
    place = dict(name_in_source=printed.text, line=printed.line, page=source.page(printed.line))
    if not isinstance(match, municipalities.OfficialMunicipality):
        at = source.at(printed.line)
        diag = (d.make("municipality-unknown", at, printed=printed.text)
                if match is None else
                d.make("municipality-ambiguous", at, printed=printed.text,
                       candidates=match.names()))
        return m.Municipality(name=printed.text, code=None, county=None, **place), [diag]
    return m.Municipality(name=match.name, code=match.code, county=match.county, **place), []


def _evaluation(raw: RawReport) -> m.Evaluation:
    return m.Evaluation(
        year=raw.year.value, month=_value(raw.month),
        report_date=raw.report_date.text if raw.report_date else None,
        publisher=raw.publisher.text if raw.publisher else None,
        evaluators=[e.text for e in raw.evaluators], interviewees=_value(raw.interviewees))


def _area(area: RawArea, inst: Instrument, source: SourceInfo) -> m.AreaBase:
    spec = inst.area(area.number)
    return AREA_MODELS[inst.version](
        number=area.number, key=spec.key, name=spec.name, name_in_source=area.name_in_source,
        line=area.line, page=source.page(area.line), score=score_of(area.scores), max=100,
        reported_scores=_reported(area.scores, source),
        other_names=_printed(area.other_names, source),
        questions=[_question(q, source) for q in area.questions],
        strengths=[m.Finding(text=f.text, line=f.line, page=source.page(f.line))
                   for f in area.strengths],
        improvements=[m.Finding(text=f.text, line=f.line, page=source.page(f.line))
                      for f in area.improvements])


def _question(question: RawQuestion, source: SourceInfo) -> m.Question:
    return m.Question(
        id=question.id, title=question.title, achieved=_value(question.achieved),
        max=_value(question.max), percent=_value(question.percent),
        printed=m.QuestionPrinted(achieved=_stated_token(question.achieved, source),
                                  max=_stated_token(question.max, source),
                                  percent=_stated_token(question.percent, source)),
        line=question.line, page=source.page(question.line),
        other_titles=_printed([t for t in question.other_titles if t.text != question.title],
                              source))


def _history(row, source: SourceInfo) -> m.HistoryRow:
    scores = sorted(row.scores.items())
    return m.HistoryRow(
        year=row.year, instrument_version=row.instrument_version, kind=row.kind,
        scores={str(n): s.value for n, s in scores}, total=_value(row.total),
        printed=m.HistoryPrinted(scores={str(n): _stated_token(s, source) for n, s in scores},
                                 total=_stated_token(row.total, source)),
        line=row.line, page=source.page(row.line))


def from_note(note, source: SourceInfo) -> d.Problem:
    """A parser's note as the problem it records."""
    params = {k: v for k, v in note.params.items() if k not in ("area", "question", "year")}
    return d.make(note.code, source.at(note.line), area=note.area, question=note.question,
                  year=note.year, **params)


def _catalogue_checks(raw: RawReport, inst: Instrument, source: SourceInfo,
                      ) -> list[d.Problem]:
    """Printed area names against the detected version: unmatched, or an older name."""
    found: list[d.Problem] = []
    for area in raw.areas:
        spec = inst.area(area.number)
        printed = [Located(area.name_in_source, area.line), *area.other_names]
        for row in raw.history:
            if row.instrument_version in (None, inst.version) and area.number in row.area_names:
                printed.append(row.area_names[area.number])
        for name in _unique(printed):
            found += _name_check(source.at(name.line), name.text, area.number, inst)
    return found


def _unique(items: list[Located]) -> list[Located]:
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.text not in seen:
            seen.add(item.text)
            unique.append(item)
    return unique


def _name_check(at: d.At, printed: str, number: int, inst: Instrument) -> list[d.Problem]:
    spec = inst.area(number)
    older = older_version_naming(printed, inst.version, number)
    if older is not None:
        return [d.make("area-name-older-version", at, area=number, printed=printed,
                       printed_at=at, older=older, version=inst.version, expected=spec.name)]
    if not matches_area(printed, spec):
        return [d.make("area-name-unmatched", at, area=number, printed=printed,
                       version=inst.version, expected=spec.name)]
    return []


def _date_checks(raw: RawReport, source: SourceInfo) -> list[d.Problem]:
    """The report is not dated before the evaluation (the year's fit to the version is
    checked with the report's numbers)."""
    if raw.report_date is None:
        return []
    year = raw.year.value
    date_year, date_month = (int(part) for part in raw.report_date.text.split("-")[:2])
    month = raw.month.value if raw.month else 1
    if (date_year, date_month) >= (year, month):
        return []
    when = f"{year}-{month:02d}" if raw.month else str(year)
    return [d.make("report-date-before-evaluation", source.at(raw.report_date.line),
                   date=raw.report_date.text, month_year=when)]
