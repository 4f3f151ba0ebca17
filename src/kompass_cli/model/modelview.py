"""Read a validated report model back as parser output, to re-run the same checks.

``kompass validate`` checks a JSON file with exactly the checks ``kompass parse`` ran
on the report, so the two can never disagree about what counts as a contradiction.
"""

from __future__ import annotations

from kompass_cli.core.raw import (
    SUMMARY,
    Located,
    RawArea,
    RawHistoryRow,
    RawQuestion,
    RawReport,
    Stated,
)
from kompass_cli.schemas.common import ReportBase


def _token(value) -> str:
    """The printed form of a value: its decimals set how much rounding it allows."""
    return str(value).replace(".", ",")


def _stated(value, where: str, line: int) -> Stated | None:
    return None if value is None else Stated(value, where, line, _token(value))


def raw_from_model(report: ReportBase) -> RawReport:
    """The values of a report model, as a RawReport for the consistency checks."""
    raw = RawReport(parser=report.source.parser)
    raw.year = Stated(report.evaluation.year, "evaluation", 1, str(report.evaluation.year))
    raw.totals = [Stated(s.value, s.where, s.line, _token(s.value))
                  for s in report.total.reported_scores]
    raw.areas = [_area(area) for area in report.areas]
    raw.history = [_history(row) for row in report.history]
    return raw


def raw_from_summary(summary) -> RawReport:
    """The values of a results summary, with their printed tokens, for the same checks."""
    raw = RawReport(parser=summary.source.parser)
    raw.year = Stated(summary.evaluation.year, "evaluation", summary.evaluation.line or 1,
                      str(summary.evaluation.year))
    raw.totals = [Stated(s.value, SUMMARY, s.line, s.printed)
                  for s in summary.total.reported_scores]
    for area in summary.areas:
        raw_area = RawArea(area.number, area.name_in_source or "", area.line)
        raw_area.scores = [Stated(area.score, SUMMARY, area.line, area.printed)]
        raw.areas.append(raw_area)
    return raw


def _area(area) -> RawArea:
    raw = RawArea(area.number, area.name_in_source, area.line)
    raw.scores = [Stated(s.value, s.where, s.line, _token(s.value)) for s in area.reported_scores]
    raw.questions = [
        RawQuestion(q.id, q.title, q.line,
                    achieved=_stated(q.achieved, "question", q.line),
                    max=_stated(q.max, "question", q.line),
                    percent=_stated(q.percent, "question", q.line),
                    other_titles=[Located(t.text, t.line) for t in q.other_titles])
        for q in area.questions]
    return raw


def _history(row) -> RawHistoryRow:
    return RawHistoryRow(
        row.year, row.line,
        scores={int(n): Stated(v, "history-table", row.line, _token(v))
                for n, v in row.scores.items()},
        total=_stated(row.total, "history-table", row.line),
        instrument_version=row.instrument_version, kind=row.kind)
