"""The closing question table of the 2008 layout: every question with max, own score, %.

Two questions side by side per row ('max-poäng / egna poäng / %' twice), area header
rows between them. With tabs, a row's halves are found by their opening cells; without
(text from a PDF, OCR), the rows are read by ``spacedrows`` in whatever shape the text
tool left them.
"""

from __future__ import annotations

import re

from kompass_cli.core.match import compile_cue
from kompass_cli.core.numbers import parse_number, parse_percent
from kompass_cli.core.raw import OVERVIEW_TABLE, Located, RawArea, RawQuestion, Stated
from kompass_cli.core.words import compact
from kompass_cli.parsers.spacedrows import SpacedQuestion, question_rows
from kompass_cli.parsers.vocabulary import alternatives

TABLE_TITLE = compile_cue(rf"^\s*{alternatives('overview-title')}")
_TABLE_MAX = compile_cue(alternatives("overview-max"))
_QUESTION_ID = re.compile(r"^[1-8]\.\d$")
_AREA_KEY = re.compile(r"^[1-8]$")
_VALUE = re.compile(r"^\d+(?:,\d+)?\s*%?$")


def table_start(lines: list[str]) -> int:
    """The closing question table begins at its title row, or at its header where the
    title is broken over lines (text from a PDF, OCR); the last section ends there."""
    for index, line in enumerate(lines):
        if TABLE_TITLE.match(line) or _TABLE_MAX.search(line):
            return index
    return len(lines)


def read_overview_table(lines: list[str], areas: dict[int, RawArea]) -> None:
    """The closing two-column table: every question with max, own score and percent.

    A table without tabs (text extracted from a PDF, OCR) is read row by row from its
    question ids (see ``spacedrows``).
    """
    start = table_start(lines)
    if not any("\t" in line for line in lines[start:]):
        for row in question_rows(lines, start, len(lines)):
            _read_spaced_row(row, areas)
        return
    for index in range(start, len(lines)):
        for half in _halves(lines[index].split("\t")):
            _read_overview_cell(half, index + 1, areas)


def _halves(cells: list[str]) -> list[list[str]]:
    """A row's halves as (id, title, max, own, percent), each found by its opening
    cell (a question id, or an area number before its name) rather than by position:
    a PDF's column grid may add empty cells or split a title over two.

    In a row of the table's own ten columns a half is read by position (an empty
    cell is a missing value); in any other grid the empty cells are the grid's, and
    the values are read from the filled cells after the title only where they leave
    no doubt which is which.
    """
    cells = [cell.strip() for cell in cells]
    starts = [i for i, cell in enumerate(cells) if _opens_half(cells, i)]
    halves = []
    for order, start in enumerate(starts):
        stop = starts[order + 1] if order + 1 < len(starts) else len(cells)
        half = cells[start:stop]
        in_place = len(cells) <= 10 and start in (0, 5) and len(half) <= 5
        halves.append(half if in_place else _by_filled_cells(half))
    return halves


def _opens_half(cells: list[str], index: int) -> bool:
    if _QUESTION_ID.match(cells[index]):
        return True
    following = next((cell for cell in cells[index + 1:] if cell), "")
    return bool(_AREA_KEY.match(cells[index]) and following
                and not _is_value(following) and not _QUESTION_ID.match(following))


def _by_filled_cells(half: list[str]) -> list[str]:
    """A wide half's filled cells: the title up to the first number, then max and
    own score (two plain numbers) and the percent (the one with '%')."""
    filled = [cell for cell in half[1:] if cell]
    title = []
    while filled and not _is_value(filled[0]):
        title.append(filled.pop(0))
    percents = [cell for cell in filled if cell.endswith("%")]
    plain = [cell for cell in filled if not cell.endswith("%")]
    if len(plain) != 2 or len(percents) > 1 or (percents and filled[-1] != percents[0]):
        return [half[0], " ".join(title)]
    return [half[0], " ".join(title), *plain, *percents]


def _is_value(cell: str) -> bool:
    """A number cell: '40', '4,5', '65 %'."""
    return bool(_VALUE.match(cell))


def _read_spaced_row(row: SpacedQuestion, areas: dict[int, RawArea]) -> None:
    """A question row of a table without tabs; its title replaces the listed one only
    where the row's cells were read in order (a laid-out row's title is in pieces)."""
    key = row.id.text
    if int(key[0]) not in areas:
        return
    question = _question_for(areas[int(key[0])], key, row.id.line)
    if row.title:
        _retitle(question, compact(row.title), row.id.line)
    maximum = _located_value(row.maximum, parse_number)
    if maximum is not None and maximum.value > 100:
        return  # more than an area's whole: a rule read as a 1 ('|20'); the row is unread
    question.max = maximum
    question.achieved = _located_value(row.achieved, parse_number)
    question.percent = _located_value(row.percent, parse_percent)


def _located_value(cell: Located | None, reader) -> Stated | None:
    return None if cell is None else _cell_value(cell.text, reader, cell.line)


def _retitle(question: RawQuestion, printed: str, line: int) -> None:
    """The table's title of a question; the one listed in its section is kept too."""
    if question.title and question.title != printed:
        question.other_titles.insert(0, Located(question.title, question.line))
    question.title, question.line = printed, line


def _read_overview_cell(half: list[str], line: int, areas: dict[int, RawArea]) -> None:
    """One half row: an area header ('2', name) or a question (id, title, max, own, %)."""
    half = half + [""] * (5 - len(half))
    key, title, maximum, achieved, percent = (cell.strip() for cell in half)
    if key.isdigit() and title and int(key) in areas:
        area = areas[int(key)]
        name = compact(title)
        if name != area.name_in_source and all(n.text != name for n in area.other_names):
            area.other_names.append(Located(name, line))
        return
    if not _QUESTION_ID.match(key) or int(key[0]) not in areas:
        return
    question = _question_for(areas[int(key[0])], key, line)
    _retitle(question, compact(title), line)
    question.max = _cell_value(maximum, parse_number, line)
    question.achieved = _cell_value(achieved, parse_number, line)
    question.percent = _cell_value(percent, parse_percent, line)


def _cell_value(cell: str, reader, line: int) -> Stated | None:
    """A number cell as printed; an unreadable cell is no value (the build flags it)."""
    try:
        return Stated(reader(cell), OVERVIEW_TABLE, line, cell)
    except ValueError:
        return None


def _question_for(area: RawArea, question_id: str, line: int) -> RawQuestion:
    """The question listed in the area section, or a new one if the section omits it."""
    for question in area.questions:
        if question.id == question_id:
            return question
    question = RawQuestion(question_id, "", line)
    area.questions.append(question)
    area.questions.sort(key=lambda q: int(q.id.split(".")[1]))
    return question
