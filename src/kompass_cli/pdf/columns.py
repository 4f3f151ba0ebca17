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

from itertools import pairwise

from kompass_cli.pdf.lines import BULLETS, COLUMN_GAP, clean_word, fits_after, word_lines
from kompass_cli.pdf.table import TableBlock, cell_text

# A gutter is at least this many font sizes wide; a word space is about a quarter.
MIN_GUTTER = 0.6
# Lines of one table are at most this many font sizes apart (row padding included).
TABLE_LEADING = 2.6
# Within a row, lines are at most this many font sizes apart.
ROW_LEADING = 1.4

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
    joins stays a line of free text (its wide gap becomes a tab there).
    """
    if not _is_split(lines[start]):
        return None
    seed = start + 1
    while seed < len(lines) and _near(lines[seed - 1], lines[seed]) and _is_split(lines[seed]):
        seed += 1
    gutters = _gutters(lines[start:seed])
    first, stop = start, seed
    while first > floor and _near(lines[first - 1], lines[first]):
        narrowed = _narrowed(gutters, lines[first - 1])
        if narrowed is None:
            break
        first, gutters = first - 1, narrowed
    while stop < len(lines) and _near(lines[stop - 1], lines[stop]):
        narrowed = _narrowed(gutters, lines[stop])
        if narrowed is None:
            break
        stop, gutters = stop + 1, narrowed
    return (first, stop, gutters) if gutters and stop - first > 1 else None


def _gutters(lines: list[Line]) -> list[tuple[float, float]]:
    """x-ranges, between the leftmost and rightmost word, that no word covers."""
    spans = sorted((word["x0"], word["x1"]) for line in lines for word in line)
    size = max(_size(line) for line in lines)
    gutters = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= MIN_GUTTER * size:
            gutters.append((reach, x0))
        reach = max(reach, x1)
    return gutters


def _narrowed(gutters: list[tuple[float, float]], line: Line) -> list[tuple] | None:
    """The gutters left open by one more line, or None if the line closes one."""
    minimum = MIN_GUTTER * _size(line)
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
    starts = _row_starts(lines, split, edges)
    texts = []
    for first, stop in zip(starts, [*starts[1:], len(lines)]):
        cells = [[word for parts in split[first:stop] for word in parts[column]]
                 for column in range(len(edges))]
        texts.append("\t".join(cell_text(words, edge, number)
                               for words, edge in zip(cells, edges)))
    return TableBlock(number, lines[0][0]["top"], texts)


def _by_column(line: Line, bounds: list[float], count: int) -> list[Line]:
    parts: list[Line] = [[] for _ in range(count)]
    for word in line:
        centre = (word["x0"] + word["x1"]) / 2
        parts[sum(1 for bound in bounds if centre > bound)].append(word)
    return parts


def _row_starts(lines: list[Line], split: list[list[Line]], edges: list[float]) -> list[int]:
    """Indexes of the lines that begin a row.

    A row never begins inside a paragraph of any column (between a full line and the
    line it wraps onto). Elsewhere it begins where every column pauses (a gap wider
    than a line), or where every column with text begins something new, unless the
    line is just one more bullet item of a list in one cell.
    """
    blocked = _inside_paragraphs(split, edges)
    starts = [0]
    for index in range(1, len(lines)):
        if index in blocked:
            continue
        pause = lines[index][0]["top"] - lines[index - 1][0]["top"] > \
            ROW_LEADING * _size(lines[index])
        filled = [part for part in split[index] if part]
        bullet_only = len(filled) == 1 and _is_bullet(filled[0][0])
        if pause or not bullet_only:
            starts.append(index)
    return starts


def _inside_paragraphs(split: list[list[Line]], edges: list[float]) -> set[int]:
    """Line indexes a row may not begin at: inside some column's wrapped paragraph."""
    blocked: set[int] = set()
    for column, edge in enumerate(edges):
        before: tuple[int, Line] | None = None
        for index, parts in enumerate(split):
            part = parts[column]
            if not part:
                continue
            if before is not None and _carries_on(before[1], part, edge):
                blocked.update(range(before[0] + 1, index + 1))
            before = (index, part)
    return blocked


def _is_bullet(word: dict) -> bool:
    """A bullet glyph, however the PDF library spells it (see ``clean_word``)."""
    return clean_word(word["text"]) in BULLETS


def _carries_on(before: Line, part: Line, edge: float) -> bool:
    """Whether a column's words on this line wrap on from its previous line there.

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
    return not fits_after(before[-1]["x1"], size, part[0]["x1"] - part[0]["x0"], edge)
