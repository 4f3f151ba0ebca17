"""Tables drawn without rules: columns found from the white space running down them.

A table without borders still shows as lines with wide gaps between their words. Where
such lines stand together, the x-ranges that no word of them covers are the gutters
between columns; the block grows up and down over neighbouring lines
that leave those gutters open, narrowing them (a cell's wrapped lines, a column that
runs on alone).
Words are then placed in columns by the gutters and the block is cut into rows where
every column pauses at once or starts afresh, so a cell's wrapped lines and its
separate items are read as in a ruled table. Body text runs across a gutter and so
ends the block.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kompass_cli.read.pdf.lines import (
    BULLETS,
    COLUMN_GAP,
    clean_word,
    fits_after,
    justified,
    opens_paragraph,
    word_lines,
    word_space,
)
from kompass_cli.read.pdf.table import TableBlock, cell_text

# A gutter is at least this many font sizes wide; a word space is about a quarter.
MIN_GUTTER = 0.6
# A line may narrow a gutter the seed lines opened down to this: two cells' paddings
# (a word processor's least is about a quarter of the type size each), never a space.
NARROW_GUTTER = 0.45
# Lines of one table are at most this many font sizes apart (row padding included).
TABLE_LEADING = 2.6
# Within a row, lines are at most this many font sizes apart.
ROW_LEADING = 1.4

# A number column's edge: this many numbers aligned on it, within this many points.
ALIGNED_NUMBERS = 3
ALIGNMENT = 0.75
_NUMBER = re.compile(r"^\d+(?:[,.]\d+)?%?$")

Line = list[dict]


def unruled_tables(words: list[dict], number: int) -> tuple[list[dict], list[TableBlock]]:
    """The words left outside unruled tables, and the tables found among ``words``."""
    lines = word_lines(words)
    tables: list[TableBlock] = []
    taken: set[int] = set()
    start = floor = 0
    while start < len(lines):
        found = _block_from(lines, start, floor)
        if found is None:
            start += 1
            continue
        first, stop, gutters = found
        tables.append(_table(lines[first:stop], gutters, number))
        taken.update(id(word) for line in lines[first:stop] for word in line)
        start = floor = stop
    return [word for word in words if id(word) not in taken], tables


def _size(line: Line) -> float:
    return max(word["size"] for word in line)


def _is_split(line: Line) -> bool:
    """A line with a gap as wide as a table column between two of its words."""
    size = _size(line)
    return any(b["x0"] - a["x1"] > COLUMN_GAP * size for a, b in pairwise(line))


def _near(above: Line, below: Line) -> bool:
    """Close enough, in the same type size, to be lines of one table."""
    size = _size(above)
    return abs(_size(below) - size) <= 0.5 and below[0]["top"] - above[0]["top"] <= \
        TABLE_LEADING * size


def _block_from(lines: list[Line], start: int, floor: int,
                ) -> tuple[int, int, list[tuple]] | None:
    """A table whose first split line is ``start``: (first, stop, gutters), or None.

    Split lines next to each other seed it; neighbouring lines join it as long as every
    gutter stays open (a line may narrow a gutter, not close it); it never reaches
    above ``floor``, where the table before it ended. A split line that no other line
    joins stays a line of free text (its wide gap becomes a tab there), and so does a
    line that lies wholly beside the block's words. The gutters are then taken afresh
    from all the block's lines, so columns that the seed lines leave empty (a half of
    the table that starts lower down, a page that opens with the end of the other
    half) are found as well; narrower than a gutter, only where a seed gutter was.
    """
    if not _is_split(lines[start]):
        return None
    seed = start + 1
    while seed < len(lines) and _near(lines[seed - 1], lines[seed]) and _is_split(lines[seed]):
        seed += 1
    gutters = _gutters(lines[start:seed])
    extent = _extent(lines[start:seed])
    first, stop = start, seed
    while first > floor and _near(lines[first - 1], lines[first]):
        narrowed = _narrowed(gutters, lines[first - 1], extent)
        if narrowed is None:
            break
        first, gutters = first - 1, narrowed
        extent = _extent(lines[first:stop])
    while stop < len(lines) and _near(lines[stop - 1], lines[stop]):
        narrowed = _narrowed(gutters, lines[stop], extent)
        if narrowed is None:
            break
        stop, gutters = stop + 1, narrowed
        extent = _extent(lines[first:stop])
    if not gutters or stop - first < 2:
        return None
    block = lines[first:stop]
    size = max(_size(line) for line in block)
    return first, stop, [(left, right) for left, right in _gutters(block, NARROW_GUTTER)
                         if right - left >= MIN_GUTTER * size or
                         any(left < b and right > a for a, b in gutters) or
                         _aligns_numbers(block, left, right)]


def _aligns_numbers(lines: list[Line], left: float, right: float) -> bool:
    """Whether a narrow gutter is the edge of a number column: at least
    ``ALIGNED_NUMBERS`` numbers start at its right side (set flush left) or end at its
    left side (flush right). A title column wrapped close to the numbers beside it
    leaves only such a gutter, narrower than a word processor's usual padding."""
    numbers = [word for line in lines for word in line if _NUMBER.match(clean_word(word["text"]))]
    starts = sum(1 for word in numbers if abs(word["x0"] - right) <= ALIGNMENT)
    ends = sum(1 for word in numbers if abs(word["x1"] - left) <= ALIGNMENT)
    return max(starts, ends) >= ALIGNED_NUMBERS


def _gutters(lines: list[Line], least: float = MIN_GUTTER) -> list[tuple[float, float]]:
    """x-ranges, between the leftmost and rightmost word, that no word covers (at least
    ``least`` font sizes wide)."""
    spans = sorted((word["x0"], word["x1"]) for line in lines for word in line)
    size = max(_size(line) for line in lines)
    gutters = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= least * size:
            gutters.append((reach, x0))
        reach = max(reach, x1)
    return gutters


def _extent(lines: list[Line]) -> tuple[float, float]:
    return min(line[0]["x0"] for line in lines), max(line[-1]["x1"] for line in lines)


def _narrowed(gutters: list[tuple[float, float]], line: Line,
              extent: tuple[float, float]) -> list[tuple] | None:
    """The gutters left open by one more line, or None if the line closes one or lies
    wholly beside the block (a title over the other, empty half of a table)."""
    if line[-1]["x1"] <= extent[0] or line[0]["x0"] >= extent[1]:
        return None
    minimum = NARROW_GUTTER * _size(line)
    result = []
    for left, right in gutters:
        for word in line:
            if word["x0"] < right and word["x1"] > left:  # the word reaches into the gutter
                if word["x1"] - left < right - word["x0"]:
                    left = max(left, word["x1"])
                else:
                    right = min(right, word["x0"])
        if right - left < minimum:
            return None
        result.append((left, right))
    return result


def _table(lines: list[Line], gutters: list[tuple[float, float]], number: int) -> TableBlock:
    """The block's rows, each row's words placed in their columns (see ``_row_starts``)."""
    bounds = [(left + right) / 2 for left, right in gutters]
    edges = [left for left, _ in gutters] + [max(w["x1"] for line in lines for w in line)]
    split = [_by_column(line, bounds, len(edges)) for line in lines]
    unmarked = _unmarked_columns(split, edges)
    starts = _row_starts(lines, split, edges, unmarked)
    texts = []
    for first, stop in zip(starts, [*starts[1:], len(lines)]):
        cells = [[word for parts in split[first:stop] for word in parts[column]]
                 for column in range(len(edges))]
        texts.append("\t".join(cell_text(words, edge, number, flag)
                               for words, edge, flag in zip(cells, edges, unmarked)))
    return TableBlock(number, lines[0][0]["top"], texts)


def _by_column(line: Line, bounds: list[float], count: int) -> list[Line]:
    parts: list[Line] = [[] for _ in range(count)]
    for word in line:
        centre = (word["x0"] + word["x1"]) / 2
        parts[sum(1 for bound in bounds if centre > bound)].append(word)
    return parts


def _column_parts(split: list[list[Line]], column: int) -> list[tuple[int, Line]]:
    """(line index, words) of one column, for the lines that have words in it."""
    return [(index, parts[column]) for index, parts in enumerate(split) if parts[column]]


def _unmarked_columns(split: list[list[Line]], edges: list[float]) -> list[bool]:
    """Per column, whether its paragraphs follow each other with nothing to mark them.

    A table is set in one style: if in any column a line with room for the next line's
    first word has that next line right under it (a paragraph ended at ordinary line
    spacing), every column without bullets or justification sets its paragraphs so.
    """
    columns = [_column_parts(split, column) for column in range(len(edges))]
    seen = any(_ends_unspaced(before, part, edge)
               for parts, edge in zip(columns, edges)
               for (_, before), (_, part) in pairwise(parts))
    return [seen and not _marked(parts, edge) for parts, edge in zip(columns, edges)]


def _marked(parts: list[tuple[int, Line]], edge: float) -> bool:
    """Paragraphs that bullets tell apart, or justified ones (wrapped lines reach the
    edge, so the room a line leaves tells where a paragraph ends)."""
    return justified([part[-1]["x1"] for _, part in parts], edge) or \
        any(_is_bullet(part[0]) for _, part in parts)


def _ends_unspaced(before: Line, part: Line, edge: float) -> bool:
    """A paragraph of text that ends at ordinary line spacing, the next right under it."""
    return part[0]["text"][:1].isalpha() and \
        part[0]["top"] - before[0]["top"] <= ROW_LEADING * _size(before) and \
        not _carries_on(before, part, edge)


def _row_starts(lines: list[Line], split: list[list[Line]], edges: list[float],
                unmarked: list[bool]) -> list[int]:
    """Indexes of the lines that begin a row.

    A row never begins inside a paragraph of any column (between a full line and the
    line it wraps onto). Elsewhere it begins where every column pauses (a gap wider
    than a line), or where every column with text begins something new, unless the
    line is just one more bullet item of a list in one cell (spaced or not).
    """
    blocked = _inside_paragraphs(split, edges, unmarked)
    starts = [0]
    for index in range(1, len(lines)):
        if index in blocked:
            continue
        pause = lines[index][0]["top"] - lines[index - 1][0]["top"] > \
            ROW_LEADING * _size(lines[index])
        filled = [part for part in split[index] if part]
        bullet_only = len(filled) == 1 and _is_bullet(filled[0][0])
        if bullet_only and _listing(split, starts[-1], index):
            continue
        if pause or not bullet_only:
            starts.append(index)
    return starts


def _is_bullet(word: dict) -> bool:
    """A bullet glyph, however the PDF encodes it (see ``clean_word``)."""
    return clean_word(word["text"]) in BULLETS


def _listing(split: list[list[Line]], start: int, index: int) -> bool:
    """Whether the bullet item on line ``index`` is one more of a list that its column
    began in the row from ``start`` (spaced items of a list, one cell)."""
    column = next(c for c, part in enumerate(split[index]) if part)
    return any(split[i][column] and _is_bullet(split[i][column][0])
               for i in range(start, index))


def _inside_paragraphs(split: list[list[Line]], edges: list[float],
                       unmarked: list[bool]) -> set[int]:
    """Line indexes a row may not begin at: inside some column's wrapped paragraph."""
    blocked: set[int] = set()
    for column, edge in enumerate(edges):
        for (first, before), (index, part) in pairwise(_column_parts(split, column)):
            if _carries_on(before, part, edge, unmarked[column]):
                blocked.update(range(first + 1, index + 1))
    return blocked


def _carries_on(before: Line, part: Line, edge: float, unmarked: bool = False) -> bool:
    """Whether a column's words on this line wrap on from its previous line there.

    In an ``unmarked`` column (see ``_unmarked_columns``) a capital start after a line
    that ends a phrase opens a paragraph too (``opens_paragraph``).

    The line above must have been full (the first word here would not have fitted
    on it), and this line must not open as an entry does: with a bullet or a digit (an
    id, a number). If the line above is the column's widest, its width is no evidence
    (the column's edge was taken from it), so a capital after a sentence's end then
    opens an entry too.
    """
    size = _size(before)
    if _is_bullet(part[0]) or part[0]["top"] - before[0]["top"] > ROW_LEADING * size:
        return False
    opening = part[0]["text"][:1]
    widest = before[-1]["x1"] >= edge - 0.5
    if opening.isdigit() or (widest and opening.isupper() and
                             before[-1]["text"][-1:] in ".!?:"):
        return False
    if unmarked and opens_paragraph(before[-1]["text"], part[0]["text"]):
        return False
    return not fits_after(before[-1]["x1"], size, part[0]["x1"] - part[0]["x0"], edge,
                          word_space(before))
