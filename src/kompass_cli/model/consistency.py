"""Check a report against itself, and never change what it says.

Every check compares values the report prints and turns a disagreement into a
diagnostic. Rounding is told apart from contradiction with the ranges of
:mod:`kompass_cli.core.rounding`: a gap is 'rounding' when the ranges the printed numbers
allow overlap, and a contradiction when they cannot.
"""

from __future__ import annotations

from kompass_cli.model import diagnostics as d
from kompass_cli.reference.catalog import Instrument
from kompass_cli.core.raw import (
    OVERVIEW_TABLE,
    QUESTION_TABLE,
    SUMMARY,
    RawArea,
    RawQuestion,
    RawReport,
    Stated,
)
from kompass_cli.core.rounding import Range, fmt, percent_range, printed_range

_TABLE_TOTALS = (QUESTION_TABLE, OVERVIEW_TABLE)


def primary(stated: list[Stated]) -> Stated | None:
    """The value the report builds on: its summary value, else the first one printed."""
    return next((s for s in stated if s.where == SUMMARY), stated[0] if stated else None)


def check_report(raw: RawReport, instrument: Instrument) -> list[d.Diagnostic]:
    """All self-consistency checks of one report."""
    found: list[d.Diagnostic] = []
    for area in raw.areas:
        found += _conflicts(area.scores, area=area.number)
        found += _question_checks(area, instrument)
    found += _total_checks(raw)
    found += _history_checks(raw)
    return found


def _conflicts(stated: list[Stated], area: int | None = None) -> list[d.Diagnostic]:
    """One value printed differently in different places."""
    values = {s.value for s in stated}
    if len(values) < 2:
        return []
    first_off = next(s for s in stated if s.value != stated[0].value)
    places = ", ".join(f"{fmt(s.value)} in {s.where} line {s.line}" for s in stated)
    shown = " and ".join(fmt(v) for v in sorted(values))
    if area is None:
        return [d.make("total-conflict", line=first_off.line, values=shown, places=places)]
    return [d.make("score-conflict", line=first_off.line, area=area, values=shown, places=places)]


def question_range(question: RawQuestion) -> Range | None:
    """What the question's true score can be, given its printed achieved and percent."""
    if question.achieved is None:
        return None
    allowed = printed_range(question.achieved.value, question.achieved.text)
    if question.percent is not None and question.max is not None:
        narrowed = allowed & percent_range(question.percent.value, question.max.value,
                                           question.percent.text)
        if not narrowed.empty:
            return narrowed
    return allowed


def _question_checks(area: RawArea, instrument: Instrument) -> list[d.Diagnostic]:
    found = [diag for q in area.questions for diag in _unscored(q, area.number)]
    found += [diag for q in area.questions for diag in _percent_check(q)]
    found += _max_checks(area, instrument)
    found += _sum_check(area)
    return found


def _unscored(question: RawQuestion, area: int) -> list[d.Diagnostic]:
    """A question printed without its achieved score or maximum: its row was not read.

    A row read without its percent (a cell OCR left unreadable, '30%' as '3020') is
    flagged too: every layout prints one.
    """
    missing = [name for name, value in (("achieved score", question.achieved),
                                        ("maximum", question.max)) if value is None]
    if not missing and question.percent is None:
        missing = ["percent"]
    if not missing:
        return []
    return [d.make("question-score-missing", line=question.line, area=area,
                   question=question.id, missing=" and ".join(missing))]


def _percent_check(question: RawQuestion) -> list[d.Diagnostic]:
    """Printed percent against achieved/max, rounding told apart from contradiction."""
    if question.achieved is None or question.max is None or question.percent is None:
        return []
    if not question.max.value:
        return []
    share = 100 * question.achieved.value / question.max.value
    printed = question.percent.value
    if printed_range(printed, question.percent.text).low <= share < printed_range(
            printed, question.percent.text).high:
        return []
    params = dict(achieved=fmt(question.achieved.value), max=fmt(question.max.value),
                  exact=fmt(share), percent=fmt(printed))
    implied = printed_range(question.achieved.value, question.achieved.text) & percent_range(
        printed, question.max.value, question.percent.text)
    area = int(question.id.split(".")[0])
    if implied.empty:
        return [d.make("percent-mismatch", line=question.percent.line, area=area,
                       question=question.id, **params)]
    return [d.make("percent-rounding", line=question.percent.line, area=area,
                   question=question.id, implied=f"value in {implied.describe()}", **params)]


def _max_checks(area: RawArea, instrument: Instrument) -> list[d.Diagnostic]:
    """Maxima add up to 100 and agree with the instrument's catalogue."""
    found: list[d.Diagnostic] = []
    maxima = [q.max.value for q in area.questions if q.max is not None]
    if maxima and len(maxima) == len(area.questions) and sum(maxima) != 100:
        found.append(d.make("question-max-sum", line=area.questions[0].line, area=area.number,
                            sum=fmt(sum(maxima))))
    specs = {q.id: q for q in instrument.area(area.number).questions}
    if not specs:
        return found
    for question in area.questions:
        spec = specs.get(question.id)
        if spec is None:
            found.append(d.make("question-unknown", line=question.line, area=area.number,
                                question=question.id, version=instrument.version))
        elif question.max is not None and question.max.value != spec.max:
            found.append(d.make("question-max-catalogue", line=question.max.line,
                                area=area.number, question=question.id,
                                max=fmt(question.max.value), version=instrument.version,
                                expected=spec.max))
    printed_ids = {q.id for q in area.questions}
    for spec in specs.values():
        if area.questions and spec.id not in printed_ids:
            found.append(d.make("question-missing", line=area.line, area=area.number,
                                question=spec.id, version=instrument.version))
    return found


def _sum_check(area: RawArea) -> list[d.Diagnostic]:
    """Questions' achieved scores against the area score of the same table, else the summary."""
    scored = [q for q in area.questions if q.achieved is not None]
    if not scored:
        return []
    target = next((s for s in area.scores if s.where in _TABLE_TOTALS), None) or primary(area.scores)
    if target is None:
        return []
    total = sum(q.achieved.value for q in scored)
    if abs(total - target.value) < 1e-9:
        return []
    ranges = [question_range(q) for q in scored]
    together = _sum_ranges(ranges)
    params = dict(sum=fmt(total), score=fmt(target.value), where=target.where,
                  score_line=target.line)
    if together.overlaps(printed_range(target.value, target.text)):
        return [d.make("question-sum-rounding", line=target.line, area=area.number,
                       range=together.describe(), **params)]
    return [d.make("question-sum-mismatch", line=target.line, area=area.number,
                   hint=_percent_hint(scored, target), **params)]


def _sum_ranges(ranges: list[Range]) -> Range:
    together = Range(0.0, 0.0)
    for item in ranges:
        together = together + item
    return together


def _percent_hint(questions: list[RawQuestion], target: Stated) -> str:
    """If reading the contradicting questions from their percents would fit, say so."""
    from_percents = []
    for question in questions:
        if question.percent is None or question.max is None:
            from_percents.append(printed_range(question.achieved.value, question.achieved.text))
        else:
            from_percents.append(percent_range(question.percent.value, question.max.value,
                                               question.percent.text))
    if _sum_ranges(from_percents).overlaps(printed_range(target.value, target.text)):
        return "; the printed percents fit the area score"
    return ""


def _total_checks(raw: RawReport) -> list[d.Diagnostic]:
    """The printed total against itself and against the area scores it is built from."""
    found = _conflicts(raw.totals)
    total = primary(raw.totals)
    scores = [primary(area.scores) for area in raw.areas]
    if total is None or len(scores) != 8 or any(s is None for s in scores):
        return found
    summed = sum(s.value for s in scores)
    if abs(summed - total.value) < 1e-9:
        return found
    together = _sum_ranges([printed_range(s.value, s.text) for s in scores])
    code = "total-rounding" if together.overlaps(printed_range(total.value, total.text)) \
        else "total-mismatch"
    return found + [d.make(code, line=total.line, sum=fmt(summed), total=fmt(total.value))]


def _history_checks(raw: RawReport) -> list[d.Diagnostic]:
    """Each history row adds up, and the current year's row agrees with the results."""
    found: list[d.Diagnostic] = []
    for row in raw.history:
        if row.total is not None and len(row.scores) == 8:
            summed = sum(s.value for s in row.scores.values())
            if abs(summed - row.total.value) > 1e-9:
                found.append(d.make("history-total-mismatch", line=row.total.line,
                                    year=row.year, sum=fmt(summed),
                                    total=fmt(row.total.value)))
        if raw.year is not None and row.year == raw.year.value:
            found += _history_current(row, raw)
    return found


def _history_current(row, raw: RawReport) -> list[d.Diagnostic]:
    found = []
    for area in raw.areas:
        stated = row.scores.get(area.number)
        score = primary(area.scores)
        if stated is None or score is None or stated is score:
            continue
        if stated.value != score.value:
            found.append(d.make("history-current-mismatch", line=stated.line, area=area.number,
                                year=row.year, history=fmt(stated.value),
                                score=fmt(score.value)))
    return found
