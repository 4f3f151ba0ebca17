"""Check a report against itself, and never change what it says.

Every check compares values the report prints and turns a disagreement into a
diagnostic. Rounding is told apart from contradiction with the ranges of
:mod:`kompass_cli.core.rounding`: a gap is 'rounding' when the ranges the printed numbers
allow overlap, and a contradiction when they cannot.

The checks read the output model itself (a report or a results summary): each number
keeps the token it was printed as and its line, so ``kompass parse`` and ``kompass
validate`` run exactly these checks on exactly the same values.
"""

from __future__ import annotations

from dataclasses import dataclass

from kompass_cli.core.numbers import Number
from kompass_cli.core.raw import OVERVIEW_TABLE, QUESTION_TABLE, SUMMARY
from kompass_cli.core.rounding import Range, fmt, percent_range, printed_range
from kompass_cli.model import diagnostics as d
from kompass_cli.model.diagnostics import cite
from kompass_cli.reference.catalog import Instrument
from kompass_cli.schemas.common import ReportedScore

_TABLE_TOTALS = (QUESTION_TABLE, OVERVIEW_TABLE)


@dataclass(frozen=True)
class Value:
    """A number of a question or history row with its printed token and place."""

    value: Number
    text: str
    line: int
    page: int | None = None


def primary(stated: list):
    """The value the report builds on: its summary value, else the first one printed."""
    return next((s for s in stated if s.where == SUMMARY), stated[0] if stated else None)


def score_of(stated: list) -> Number | None:
    """The score a list of printed values gives: the summary value, else the first printed.

    ``kompass validate`` holds a file's scores to the same rule.
    """
    chosen = primary(stated)
    return None if chosen is None else chosen.value


def reported_scores(part) -> list[ReportedScore]:
    """Every value stated for an area or the total. A results summary states each once,
    in its list (``printed`` beside the score), and they count as its summary values."""
    scores = getattr(part, "reported_scores", None)
    if scores is None:
        return [ReportedScore(value=part.score, printed=part.printed, where=SUMMARY,
                              line=part.line, page=part.page)]
    return [s if isinstance(s, ReportedScore) else
            ReportedScore(value=s.value, printed=s.printed, where=SUMMARY, line=s.line,
                          page=s.page) for s in scores]


def number(item, name: str) -> Value | None:
    """A question's number ('achieved', 'max', 'percent') or a history row's total, with
    its printed token, or None when not printed."""
    return _with_token(getattr(item, name), getattr(item.printed, name))


def history_score(row, area: int) -> Value | None:
    """A history row's score of one area, with its printed token."""
    return _with_token(row.scores.get(str(area)), row.printed.scores.get(str(area)))


def _with_token(value: Number | None, printed) -> Value | None:
    if value is None or printed is None:
        return None
    return Value(value, printed.text, printed.line, printed.page)


def check_report(report, instrument: Instrument, year_at=None) -> list[d.Problem]:
    """All self-consistency checks of one report or results summary; ``year_at`` is
    where the evaluation year is printed, when the model does not say."""
    found: list[d.Problem] = []
    for area in report.areas:
        found += _conflicts(reported_scores(area), area=area.number)
        found += _question_checks(area, instrument)
    found += _total_checks(report)
    found += _history_checks(report)
    found += _year_check(report, instrument, year_at)
    return found


def _year_check(report, instrument: Instrument, year_at) -> list[d.Problem]:
    """The evaluation year lies in the period the version was in use."""
    year = report.evaluation.year
    if instrument.covers(year):
        return []
    if year_at is None and getattr(report.evaluation, "line", None) is not None:
        year_at = d.At(report.evaluation.line, report.evaluation.page)
    return [d.make("year-outside-version", year_at, year=year, version=instrument.version,
                   period=instrument.period())]


def _conflicts(stated: list, area: int | None = None) -> list[d.Problem]:
    """One value printed differently in different places."""
    values = {s.value for s in stated}
    if len(values) < 2:
        return []
    first_off = next(s for s in stated if s.value != stated[0].value)
    places = ", ".join(f"{fmt(s.value)} in {s.where} {cite(s)}" for s in stated)
    shown = " and ".join(fmt(v) for v in sorted(values))
    if area is None:
        return [d.make("total-conflict", first_off, values=shown, places=places)]
    return [d.make("score-conflict", first_off, area=area, values=shown, places=places)]


def question_range(question) -> Range | None:
    """What the question's true score can be, given its printed achieved and percent."""
    achieved, maximum, percent = (number(question, n) for n in ("achieved", "max", "percent"))
    if achieved is None:
        return None
    allowed = printed_range(achieved.value, achieved.text)
    if percent is not None and maximum is not None:
        narrowed = allowed & percent_range(percent.value, maximum.value, percent.text)
        if not narrowed.empty:
            return narrowed
    return allowed


def _question_checks(area, instrument: Instrument) -> list[d.Problem]:
    questions = getattr(area, "questions", [])
    found = [diag for q in questions for diag in _unscored(q, area.number)]
    found += [diag for q in questions for diag in _percent_check(q)]
    found += _max_checks(area, instrument)
    found += _sum_check(area)
    return found


def _unscored(question, area: int) -> list[d.Problem]:
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
    return [d.make("question-score-missing", question, area=area, question=question.id,
                   missing=" and ".join(missing))]


def _percent_check(question) -> list[d.Problem]:
    """Printed percent against achieved/max, rounding told apart from contradiction."""
    achieved, maximum, percent = (number(question, n) for n in ("achieved", "max", "percent"))
    if achieved is None or maximum is None or percent is None or not maximum.value:
        return []
    share = 100 * achieved.value / maximum.value
    allowed = printed_range(percent.value, percent.text)
    if allowed.low <= share < allowed.high:
        return []
    params = dict(achieved=fmt(achieved.value), max=fmt(maximum.value), exact=fmt(share),
                  percent=fmt(percent.value))
    implied = printed_range(achieved.value, achieved.text) & percent_range(
        percent.value, maximum.value, percent.text)
    area = int(question.id.split(".")[0])
    if implied.empty:
        return [d.make("percent-mismatch", percent, area=area, question=question.id, **params)]
    return [d.make("percent-rounding", percent, area=area, question=question.id,
                   implied=f"value in {implied.describe()}", **params)]


def _max_checks(area, instrument: Instrument) -> list[d.Problem]:
    """Maxima add up to 100 and agree with the instrument's catalogue."""
    found: list[d.Problem] = []
    questions = getattr(area, "questions", [])
    maxima = [q.max for q in questions if q.max is not None]
    if maxima and len(maxima) == len(questions) and sum(maxima) != 100:
        found.append(d.make("question-max-sum", questions[0], area=area.number,
                            sum=fmt(sum(maxima))))
    specs = {q.id: q for q in instrument.area(area.number).questions}
    if not specs:
        return found
    for question in questions:
        spec = specs.get(question.id)
        maximum = number(question, "max")
        if spec is None:
            found.append(d.make("question-unknown", question, area=area.number,
                                question=question.id, version=instrument.version))
        elif maximum is not None and maximum.value != spec.max:
            found.append(d.make("question-max-catalogue", maximum, area=area.number,
                                question=question.id, max=fmt(maximum.value),
                                version=instrument.version, expected=spec.max))
    printed_ids = {q.id for q in questions}
    for spec in specs.values():
        if questions and spec.id not in printed_ids:
            found.append(d.make("question-missing", area, area=area.number, question=spec.id,
                                version=instrument.version))
    return found


def unprinted_questions(report, instrument: Instrument) -> list[d.Problem]:
    """Areas of a report that print none of the questions their catalogue lists: an
    error, since the question table was lost (or could not be read) and an empty list
    must not pass for a clean read. A results summary has no questions to print, so
    only reports are asked."""
    found = []
    for area in report.areas:
        count = len(instrument.area(area.number).questions)
        if count and not area.questions:
            found.append(d.make("area-questions-missing", area, area=area.number,
                                count=count, version=instrument.version))
    return found


def _sum_check(area) -> list[d.Problem]:
    """Questions' achieved scores against the area score of the same table, else the summary."""
    scored = [q for q in getattr(area, "questions", []) if q.achieved is not None]
    if not scored:
        return []
    stated = reported_scores(area)
    target = next((s for s in stated if s.where in _TABLE_TOTALS), None) or primary(stated)
    if target is None:
        return []
    total = sum(q.achieved for q in scored)
    if abs(total - target.value) < 1e-9:
        return []
    together = _sum_ranges([question_range(q) for q in scored])
    params = dict(sum=fmt(total), score=fmt(target.value), where=target.where,
                  score_at=cite(target))
    if together.overlaps(printed_range(target.value, target.printed)):
        return [d.make("question-sum-rounding", target, area=area.number,
                       range=together.describe(), **params)]
    return [d.make("question-sum-mismatch", target, area=area.number,
                   hint=_percent_hint(scored, target), **params)]


def _sum_ranges(ranges: list[Range]) -> Range:
    together = Range(0.0, 0.0)
    for item in ranges:
        together = together + item
    return together


def _percent_hint(questions: list, target: ReportedScore) -> str:
    """If reading the contradicting questions from their percents would fit, say so."""
    from_percents = []
    for question in questions:
        achieved, maximum, percent = (number(question, n)
                                      for n in ("achieved", "max", "percent"))
        if percent is None or maximum is None:
            from_percents.append(printed_range(achieved.value, achieved.text))
        else:
            from_percents.append(percent_range(percent.value, maximum.value, percent.text))
    if _sum_ranges(from_percents).overlaps(printed_range(target.value, target.printed)):
        return "; the printed percents fit the area score"
    return ""


def _total_checks(report) -> list[d.Problem]:
    """The printed total against itself and against the area scores it is built from."""
    stated = reported_scores(report.total)
    found = _conflicts(stated)
    total = primary(stated)
    scores = [primary(reported_scores(area)) for area in report.areas]
    if total is None or len(scores) != 8 or any(s is None for s in scores):
        return found
    summed = sum(s.value for s in scores)
    if abs(summed - total.value) < 1e-9:
        return found
    together = _sum_ranges([printed_range(s.value, s.printed) for s in scores])
    code = "total-rounding" if together.overlaps(printed_range(total.value, total.printed)) \
        else "total-mismatch"
    return found + [d.make(code, total, sum=fmt(summed), total=fmt(total.value))]


def _history_checks(report) -> list[d.Problem]:
    """Each history row adds up, and the current year's row agrees with the results."""
    found: list[d.Problem] = []
    for row in getattr(report, "history", []):
        total = number(row, "total")
        if total is not None and len(row.scores) == 8:
            summed = sum(row.scores.values())
            if abs(summed - total.value) > 1e-9:
                found.append(d.make("history-total-mismatch", total, year=row.year,
                                    sum=fmt(summed), total=fmt(total.value)))
        if row.year == report.evaluation.year:
            found += _history_current(row, report)
    return found


def _history_current(row, report) -> list[d.Problem]:
    """The history column of this evaluation against the results."""
    found = []
    for area in report.areas:
        stated = history_score(row, area.number)
        score = primary(reported_scores(area))
        if stated is None or score is None:
            continue
        if stated.value != score.value:
            found.append(d.make("history-current-mismatch", stated, area=area.number,
                                year=row.year, history=fmt(stated.value),
                                score=fmt(score.value)))
    return found

