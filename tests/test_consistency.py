"""Self-consistency checks: rounding is told apart from contradiction."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kompass_cli.core.raw import QUESTION_TABLE, SUMMARY
from kompass_cli.core.rounding import Range, percent_range, printed_range
from kompass_cli.model.consistency import check_report, unprinted_questions
from kompass_cli.model.dataset import load_report
from kompass_cli.model.diagnostics import rechecked
from kompass_cli.reference.catalog import instrument
from kompass_cli.schemas.common import (
    HistoryPrinted,
    HistoryRow,
    Printed,
    Question,
    QuestionPrinted,
    ReportedScore,
)
from tests.conftest import NORMALIZED

YEARS = {"2008": 2008, "2010": 2012, "2016": 2018, "2020": 2021}


def Stated(value, where, line, text=None):  # noqa: N802 - reads as the value it builds
    return ReportedScore(value=value, printed=text or str(value), where=where, line=line)


def _question(qid, achieved, maximum, percent, line=10):
    tokens = QuestionPrinted(achieved=Printed(text=str(achieved), line=line),
                             max=Printed(text=str(maximum), line=line),
                             percent=Printed(text=f"{percent}%", line=line))
    return Question(id=qid, title="t", achieved=achieved, max=maximum, percent=percent,
                    printed=tokens, line=line)


def RawArea(number, name, line, scores, questions=()):  # noqa: N802
    return SimpleNamespace(number=number, line=line, page=None, reported_scores=scores,
                           questions=list(questions))


def RawReport(parser, areas=(), totals=(), history=(), year=None):  # noqa: N802
    return SimpleNamespace(areas=list(areas), total=SimpleNamespace(reported_scores=list(totals)),
                           history=list(history),
                           evaluation=SimpleNamespace(year=year, line=None, page=None))


def check(report, version):
    if report.evaluation.year is None:
        report.evaluation.year = YEARS[version]
    return check_report(report, instrument(version))


def _codes(report, version="2010"):
    return sorted(d.code for d in check(report, version))


def test_printed_ranges_are_half_open():
    assert printed_range(13) == Range(12.5, 13.5)
    assert printed_range(54.5, "54,5") == Range(54.45, 54.55)
    low, high = percent_range(85, 15).low, percent_range(85, 15).high
    assert abs(low - 12.675) < 1e-9 and abs(high - 12.825) < 1e-9
    assert not Range(36.5, 37.5).overlaps(Range(37.5, 38.5))


def test_percent_that_reveals_a_fraction_is_info():
    area = RawArea(1, "x", 1, [Stated(13, SUMMARY, 1)], questions=[_question("1.1", 13, 15, 85)])
    diags = [d for d in check(RawReport("p", areas=[area]), "2010")
             if d.code.startswith("percent")]
    assert [d.code for d in diags] == ["percent-rounding"]
    assert "12.675" in diags[0].message


def test_percent_that_cannot_be_rounding_is_warning():
    area = RawArea(7, "x", 1, [Stated(3, SUMMARY, 1)], questions=[_question("7.5", 3, 20, 40)])
    diags = [d for d in check(RawReport("p", areas=[area]), "2010")
             if d.code.startswith("percent")]
    assert [(d.code, d.severity) for d in diags] == [("percent-mismatch", "warning")]


def test_question_sum_explained_by_percents_is_info():
    # Norsjö area 1: 13+14+12+24+7 = 70, printed 69; the percents allow 69.25-70.25.
    questions = [_question("1.1", 13, 15, 85), _question("1.2", 14, 20, 71),
                 _question("1.3", 12, 25, 48), _question("1.4", 24, 30, 81),
                 _question("1.5", 7, 10, 65)]
    area = RawArea(1, "x", 1, [Stated(69, QUESTION_TABLE, 20)], questions=questions)
    assert "question-sum-rounding" in _codes(RawReport("p", areas=[area]))
    assert "question-sum-mismatch" not in _codes(RawReport("p", areas=[area]))


def test_question_sum_beyond_rounding_is_warning():
    # Hallsberg area 7: 6+6+5+10+10 = 37, printed 38, every percent exact.
    questions = [_question("7.1", 6, 20, 30), _question("7.2", 6, 20, 30),
                 _question("7.3", 5, 20, 25), _question("7.4", 10, 20, 50),
                 _question("7.5", 10, 20, 50)]
    area = RawArea(7, "x", 1, [Stated(38, SUMMARY, 5)], questions=questions)
    diags = check(RawReport("p", areas=[area]), "2008")
    assert [d.code for d in diags] == ["question-sum-mismatch"]
    assert "add up to 37" in diags[0].message and "38" in diags[0].message


def test_conflicting_area_scores_keep_both():
    area = RawArea(1, "x", 1, [Stated(46, SUMMARY, 105), Stated(47, "overview-table", 471)])
    diags = check(RawReport("p", areas=[area]), "2020")
    assert [d.code for d in diags] == ["score-conflict"]
    assert diags[0].line == 471 and "46 and 47" in diags[0].message


def test_total_against_area_scores():
    areas = [RawArea(n, "x", 1, [Stated(50, SUMMARY, n)]) for n in range(1, 9)]
    ok = RawReport("p", areas=areas, totals=[Stated(400, SUMMARY, 9)])
    assert _codes(ok) == []
    # Eight whole area scores, each rounded by at most 0.5, allow a total of 396-404.
    off = RawReport("p", areas=areas, totals=[Stated(405, SUMMARY, 9)])
    assert _codes(off) == ["total-mismatch"]
    near = RawReport("p", areas=areas, totals=[Stated(403, SUMMARY, 9)])
    assert _codes(near) == ["total-rounding"]


def test_history_total_that_does_not_add_up():
    scores = dict(enumerate([48, 42, 72, 60, 61, 53, 56, 63], 1))
    row = HistoryRow(year=2017, instrument_version=None, kind=None,
                     scores={str(n): v for n, v in scores.items()}, total=475,
                     printed=HistoryPrinted(
                         scores={str(n): Printed(text=str(v), line=106 + n)
                                 for n, v in scores.items()},
                         total=Printed(text="475", line=115)), line=105)
    diags = check(RawReport("p", history=[row]), "2016")
    assert [(d.code, d.year, d.line) for d in diags] == [("history-total-mismatch", 2017, 115)]
    assert "455" in diags[0].message and "475" in diags[0].message


def test_question_read_without_its_percent_is_flagged():
    question = _question("7.5", 3, 20, 15)
    question.percent = None  # the cell was unreadable ('15%' scanned as '1596')
    area = RawArea(7, "x", 1, [Stated(3, SUMMARY, 1)], questions=[question])
    diags = [d for d in check(RawReport("p", areas=[area]), "2010")
             if d.code == "question-score-missing"]
    assert [(d.question, d.message) for d in diags] == [
        ("7.5", "Question 7.5: percent not found.")]


def test_the_year_outside_its_version_is_a_warning():
    diags = check(RawReport("p", year=2015), "2008")
    assert [(d.code, d.severity, d.year) for d in diags] == [
        ("year-outside-version", "warning", 2015)]


@pytest.mark.parametrize("name", ["hallsberg-2008.json", "lindesberg-2021.json",
                                  "norsjo-2018.json"])
def test_the_checks_find_on_a_written_file_what_parsing_recorded(name):
    report = load_report(NORMALIZED / name)
    again = [(p.code, p.severity, p.message, p.line, p.area, p.question, p.year)
             for p in check_report(report, instrument(report.instrument.version))]
    recorded = [(d.code, d.severity, d.message, d.line, d.area, d.question, d.year)
                for d in report.diagnostics if d.code in rechecked()]
    assert sorted(again, key=str) == sorted(recorded, key=str) and recorded


def test_area_without_any_question_of_its_catalogue_is_an_error():
    # Instrument 2008 lists three questions for area 1; an area read with none of them
    # (its question table lost) must not pass as clean.
    area = RawArea(1, "x", 7, [Stated(57, SUMMARY, 1)])
    diags = unprinted_questions(RawReport("p", areas=[area]), instrument("2008"))
    assert [(d.code, d.severity, d.area, d.line) for d in diags] == [
        ("area-questions-missing", "error", 1, 7)]
    assert "none of the 3 questions" in diags[0].message
    assert "question-missing" not in _codes(RawReport("p", areas=[area]), version="2008")


def test_area_printing_some_questions_names_each_missing_one():
    area = RawArea(1, "x", 7, [Stated(40, SUMMARY, 1)],
                   questions=[_question("1.1", 26, 40, 65)])
    report = RawReport("p", areas=[area])
    assert _codes(report, version="2008").count("question-missing") == 2
    assert unprinted_questions(report, instrument("2008")) == []


def test_a_version_whose_catalogue_lists_no_questions_asks_for_none():
    area = RawArea(1, "x", 7, [Stated(57, SUMMARY, 1)])
    assert unprinted_questions(RawReport("p", areas=[area]), instrument("2010")) == []
