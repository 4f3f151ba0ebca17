"""The 2016 OCR layout's table of points per year, and what each year's column is.

'Poäng i Kommunkompassen 2015 2017 2018' heads one row per area and a 'Totalt' row; the
evaluation year's column is the report's summary of results. Whether a column is an
evaluation or a self-assessment, and under which instrument version, the report says
only in prose above the table; those sentences are read here, apart from the layout's
sections, because they are about the table and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kompass_cli.core.match import compile_cue
from kompass_cli.core.numbers import parse_number
from kompass_cli.core.raw import (
    HISTORY_TABLE,
    SUMMARY,
    Located,
    RawHistoryRow,
    RawReport,
    Stated,
)
from kompass_cli.core.words import compact, fold
from kompass_cli.parsers.ocrlines import SPECKS_AFTER, fill_gaps
from kompass_cli.parsers.vocabulary import folded_alternatives

NUMBER = r"\d+(?:,\d+)?"
HISTORY_HEADER = compile_cue(
    r"^\s*{{poäng i kommunkompassen}}((?:\s+(?:19|20)\d\d)+)\s*$")
_YEAR = r"(?:19|20)\d\d"
# The sentences above the table that say what its columns are; their words are data
# (data/cues.csv), matched in the folded text.
_REVISED = re.compile(folded_alternatives("history-revised")
                      + rf"\w*\s+({_YEAR}(?:\s*(?:,|och)\s*{_YEAR})*)")
_NOT_COMPARABLE = re.compile(
    rf"({_YEAR})\s*-\s*({_YEAR})\s+inte\s+\S+\s+(?:helt\s+)?"
    + folded_alternatives("history-not-comparable") + rf"\s+med\s+({_YEAR})")
_SELF_ASSESSMENT = re.compile(r"\b" + folded_alternatives("history-self-assessment")
                              + rf"\s+({_YEAR})")


@dataclass
class Summary:
    """The history column of the evaluation year: the report's summary of results."""

    scores: dict[int, Stated] = field(default_factory=dict)
    names: dict[int, Located] = field(default_factory=dict)


def read_history(lines: list[str], report: RawReport) -> tuple[list[RawHistoryRow], Summary]:
    """The 'Poäng i Kommunkompassen <years>' table, one row per year column."""
    summary = Summary()
    for index, line in enumerate(lines):
        header = HISTORY_HEADER.match(line)
        if not header:
            continue
        years = [int(year) for year in header.group(1).split()]
        rows = [RawHistoryRow(year, index + 1) for year in years]
        _read_history_body(lines, index + 1, rows, summary)
        _describe_columns(lines[:index], rows, report.year.value if report.year else None)
        _summarise(rows, report, summary)
        return rows, summary
    return [], summary


@dataclass
class _AreaRow:
    """One area row as printed: its number (None where OCR lost it), name, values."""

    number: int | None
    name: str
    tokens: list[str]
    index: int


# Lines of the table that are neither rows nor blank before the table counts as ended.
_TABLE_REACH = 20


def _read_history_body(lines: list[str], start: int, rows: list[RawHistoryRow],
                       summary: Summary) -> None:
    """Area rows 'N. <name> v1 v2 v3' up to the 'Totalt' row."""
    values = r"((?:\s+" + NUMBER + r"){" + str(len(rows)) + r"})" + SPECKS_AFTER
    area_row = re.compile(r"^\s*(?:([1-8])\.?[^\w\s]?|[^\w\s]{1,2})?\s*([^\W\d_].*?)" + values)
    total_row = compile_cue(r"^\s*{{total}}t?" + values)
    found: list[_AreaRow] = []
    seen = 0
    for index in range(start, len(lines)):
        line = lines[index]
        total = total_row.match(line)
        if total:
            for row, token in zip(rows, total.group(1).split()):
                row.total = Stated(parse_number(token), HISTORY_TABLE, index + 1, token)
            break
        match = area_row.match(line)
        if match:
            number = int(match.group(1)) if match.group(1) else None
            found.append(_AreaRow(number, match.group(2), match.group(3).split(), index))
        elif line.strip():
            seen += 1
            if seen > _TABLE_REACH:
                break
    # Areas are printed in order 1-8: a row whose number OCR lost ('. Tillgänglighet …')
    # takes its place where that is certain, else it is left out (its values missing).
    for number, found_row in zip(fill_gaps([row.number for row in found], 9), found):
        if number is not None:
            found_row.number = number
            _add_row(found_row, rows, summary)


def _add_row(found: _AreaRow, rows: list[RawHistoryRow], summary: Summary) -> None:
    """One area row's values into the year columns, with the name it is printed under."""
    name = Located(compact(found.name), found.index + 1)
    summary.names[found.number] = name
    for row, token in zip(rows, found.tokens):
        row.scores[found.number] = Stated(parse_number(token), HISTORY_TABLE,
                                          found.index + 1, token)
        row.area_names[found.number] = name


def _describe_columns(text_before: list[str], rows: list[RawHistoryRow],
                      evaluation_year: int | None) -> None:
    """Instrument version and kind of each column, from the report's own words.

    Cues: 'reviderades 2010 och 2016' lists the instrument versions; 'värdena 2015-2017
    inte är jämförbara med 2018' puts those years on the version before the one used in
    2018; 'en egen analys 2017' marks a self-assessment. Without a statement a column
    takes the latest revision not after its year.
    """
    text = fold(" ".join(text_before))
    revisions = sorted({int(y) for m in _REVISED.finditer(text)
                        for y in re.findall(r"(?:19|20)\d\d", m.group(1))})
    older = _not_comparable_years(text)
    self_assessed = {int(m.group(1)) for m in _SELF_ASSESSMENT.finditer(text)}
    for row in rows:
        row.kind = "self_assessment" if row.year in self_assessed else "evaluation"
        row.instrument_version = _version_for(row.year, revisions, older, evaluation_year)


def _not_comparable_years(text: str) -> dict[int, int]:
    """'2015-2017 inte är jämförbara med 2018' -> {2015: 2018, 2016: 2018, 2017: 2018}."""
    years: dict[int, int] = {}
    for match in _NOT_COMPARABLE.finditer(text):
        first, last, against = (int(match.group(i)) for i in (1, 2, 3))
        years.update({year: against for year in range(first, last + 1)})
    return years


def _version_for(year: int, revisions: list[int], older: dict[int, int],
                 evaluation_year: int | None) -> str | None:
    """The revision in force for a column (see ``_describe_columns``)."""
    if not revisions:
        return None
    reference = older.get(year, year)
    current = [r for r in revisions if r <= reference]
    if not current:
        return None
    if year in older:
        previous = [r for r in revisions if r < current[-1]]
        return str(previous[-1]) if previous else None
    return str(current[-1])


def _summarise(rows: list[RawHistoryRow], report: RawReport, summary: Summary) -> None:
    """The evaluation year's column is the summary the report's total is built from."""
    year = report.year.value if report.year else None
    column = next((row for row in rows if row.year == year), None)
    if column is None:
        return
    summary.scores = {n: Stated(s.value, SUMMARY, s.line, s.text) for n, s in column.scores.items()}
    if column.total:
        total = column.total
        report.totals.append(Stated(total.value, SUMMARY, total.line, total.text))
