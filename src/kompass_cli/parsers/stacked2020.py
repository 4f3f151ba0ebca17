"""Tables of the 2020 layout whose cells text extraction set one under another.

pdftotext without options (neither -layout nor -raw) prints each cell of a table as a
paragraph of its own: 'Rubriker', a blank line, 'Poäng'; '1.1 Strategi …', '6', '20',
'30%'. Before the layout is read, such a table is set back in rows: a header whose
cells stand on lines of their own becomes one line, and so does each row after an
overview header (its id and title, then its three numbers; the total row its three
numbers). The joined line takes the place of the row's first cell, the lines of the
other cells go blank, so that every line keeps its number; a value read from a joined
row points at the line of the row's first cell.

The findings header is joined with a space, not a tab: the two columns' paragraphs
follow one another without their positions, which the layout reads as columns lost.
"""

from __future__ import annotations

import re

from kompass_cli.core.match import compile_cue
from kompass_cli.parsers.overview2020 import NUM
from kompass_cli.parsers.vocabulary import alternatives

_ROW_ID = re.compile(r"^\s*[1-8]\.\d{1,2}\s+\S")
_NUMBER = re.compile(rf"^\s*{NUM}\s*$")
_PERCENT = re.compile(rf"^\s*(?:{NUM}\s*%|\d+)\s*$")
_AREA_TITLE = re.compile(r"^\s*[1-8]\.?\s+[^\d\t]+$")
_LONGEST_CELL = 80  # a header's first cell: a word, or an area's number and name
# Headers, cell by cell: (first cell, the others, how the joined cells are set apart).
_OVERVIEW = (_AREA_TITLE, (compile_cue(r"^\s*{{Uppnått}}\s*$"), compile_cue(r"^\s*{{Max}}\s*$"),
                           compile_cue(r"^\s*{{Procent}}\s*$")), "\t")
_BOX = (compile_cue(r"^\s*{{Rubriker}}\s*$"), (compile_cue(r"^\s*{{Poäng}}\s*$"),), "\t")
_HEADERS = (
    _BOX,
    (compile_cue(rf"^\s*{alternatives('strengths-heading')}\s*$"),
     (compile_cue(rf"^\s*{alternatives('improvements-heading')}\s*$"),), " "),
    _OVERVIEW,
)


# Each header's other cells, on one line or more (a tab, a space or a line apart).
_REST = {id(_BOX): compile_cue(r"^\s*{{Poäng}}\s*$"),
         id(_HEADERS[1]): _HEADERS[1][1][0],
         id(_OVERVIEW): compile_cue(r"^\s*{{Uppnått}}\s+{{Max}}\s+{{Procent}}\s*$")}


def unstack(lines: list[str]) -> list[str]:
    """``lines`` with the tables whose cells stand one under another set back in rows."""
    out = list(lines)
    index = 0
    while index < len(out):
        joined = _join_header(out, index)
        if joined is None:
            index += 1
            continue
        index, header = joined
        if header is _OVERVIEW:
            index = _join_rows(out, index)
    return out


def _blocks(lines: list[str], start: int, count: int) -> list[int]:
    """Indexes of the next ``count`` non-blank lines from ``start`` on (fewer at the end)."""
    found = []
    for index in range(start, len(lines)):
        if lines[index].strip():
            found.append(index)
            if len(found) == count:
                break
    return found


def _join_header(lines: list[str], index: int) -> tuple[int, tuple] | None:
    """Join a header whose cells stand on lines of their own, starting at ``index``;
    returns the index after its last cell and the header, or None where none starts.

    The other cells may also share a line ('Uppnått', 'Max Procent'). A score box's
    second cell may come after the first cell's bullets (the extraction gave the
    box column by column): the header is joined, the bullets stay where they are.
    """
    line = lines[index]
    if not line.strip() or "\t" in line or len(line) > _LONGEST_CELL:
        return None
    for header in _HEADERS:
        first, others, apart = header
        if not first.match(line):
            continue
        cells = _blocks(lines, index + 1, len(others))
        for count in range(1, len(cells) + 1):
            if _REST[id(header)].match(" ".join(lines[cell] for cell in cells[:count])):
                _join(lines, [index, *cells[:count]], apart)
                return cells[count - 1] + 1, header
        if header is _BOX:
            after = _after_bullets(lines, index + 1)
            if after is not None and others[0].match(lines[after]):
                lines[index] = apart.join((line.strip(), lines[after].strip()))
                lines[after] = ""
                return index + 1, header
    return None


def _after_bullets(lines: list[str], start: int) -> int | None:
    """The first non-blank line after the bullet lines from ``start`` on, if any."""
    index = start
    while index < len(lines) and (not lines[index].strip() or _BULLET.match(lines[index])):
        index += 1
    return index if index > start and index < len(lines) else None


_BULLET = re.compile(r"^\s*[•·▪●◦*\-–]\s")


def _join_rows(lines: list[str], index: int) -> int:
    """After an overview header: each question row (id and title, achieved, max,
    percent) and the closing total row (three numbers) set back on one line each."""
    while True:
        cells = _blocks(lines, index, 4)
        if len(cells) == 4 and _ROW_ID.match(lines[cells[0]]) \
                and _NUMBER.match(lines[cells[1]]) and _NUMBER.match(lines[cells[2]]) \
                and _PERCENT.match(lines[cells[3]]):
            _join(lines, cells, "\t")
            index = cells[-1] + 1
            continue
        cells = cells[:3]
        if len(cells) == 3 and _NUMBER.match(lines[cells[0]]) \
                and _NUMBER.match(lines[cells[1]]) and _PERCENT.match(lines[cells[2]]):
            _join(lines, cells, "\t", lead="\t")
            return cells[-1] + 1
        return index


def _join(lines: list[str], cells: list[int], apart: str, lead: str = "") -> None:
    """The cells' text on the first cell's line, the other cells' lines blank."""
    lines[cells[0]] = lead + apart.join(lines[cell].strip() for cell in cells)
    for cell in cells[1:]:
        lines[cell] = ""
