"""Pages into the lines of text the parsers read, each line with the page it came from.

Free lines are rejoined where a paragraph wraps, including across a page break; the
vertical space between paragraphs becomes blank lines (one per line height, at most
two), as in a text saved from the same document; tables become tab-separated rows with
a blank line around them. A table that runs on to the next page is read as one table:
a table opening the next page that repeats its header row or has as many columns
continues it, and the repeated header is dropped, not read as a row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from kompass_cli.read.pdf.lines import PARAGRAPH_LEADING, Joiner
from kompass_cli.read.pdf.page import PageContent
from kompass_cli.read.pdf.table import TableBlock

MAX_BLANKS = 2


@dataclass
class FlowText:
    """Output lines and, for each, the 1-based page it was read from."""

    lines: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    def add(self, text: str, page: int) -> None:
        self.lines.append(text)
        self.pages.append(page)

    def ensure_blanks(self, count: int, page: int) -> None:
        """End with at least ``count`` blank lines (none at the very start)."""
        trailing = 0
        while trailing < len(self.lines) and not self.lines[-1 - trailing]:
            trailing += 1
        if self.lines:
            for _ in range(count - trailing):
                self.add("", page)


def flow(pages: list[PageContent]) -> FlowText:
    """The text of all pages in reading order, top to bottom, page by page."""
    measures = Measures()
    for page in pages:
        measures.add(page)
    return flow_pages(pages, measures)


def flow_pages(pages: Iterable[PageContent], measures: Measures) -> FlowText:
    """The text of ``pages`` (taken one at a time, in order) in reading order, with the
    text column and line pitch ``measures`` found over all of them."""
    margin = measures.left_margin()
    pitch = measures.line_pitch()
    widths = measures.widths
    out = FlowText()
    joiner = Joiner(lambda number: widths[number] - margin)
    carry: _Carry | None = None  # a table that runs to its page's end
    for page in pages:
        blocks = sorted([*page.lines, *page.tables], key=lambda b: b.top)
        for position, block in enumerate(blocks):
            if isinstance(block, TableBlock):
                rows = block.rows
                if position == 0 and carry is not None and carry.runs_on(rows):
                    if _same_row(rows[0], carry.header):
                        rows = rows[1:]  # the header printed again on the next page
                    _drop_blanks(out)
                else:
                    carry = _Carry(rows[0], _width(rows)) if rows else None
                    out.ensure_blanks(1, block.page)
                _add_table(rows, block.page, out)
                joiner.break_here()
                if position < len(blocks) - 1:
                    carry = None
                continue
            carry = None
            before = joiner.last
            if joiner.continues(block):
                out.lines[-1] += " " + block.text
                continue
            if before is not None and before.page == block.page:
                out.ensure_blanks(_blanks(block.top - before.top, pitch), block.page)
            out.add(block.text, block.page)
    _drop_blanks(out)
    return out


@dataclass
class _Carry:
    """A table that ends its page: its header row and its number of columns."""

    header: str
    columns: int

    def runs_on(self, rows: list[str]) -> bool:
        """Whether a table opening the next page continues this one: it repeats the
        header row, or it has as many columns."""
        return bool(rows) and (_same_row(rows[0], self.header) or
                               _width(rows) == self.columns)


def _width(rows: list[str]) -> int:
    return max(row.count("\t") for row in rows) + 1


def _add_table(rows: list[str], page: int, out: FlowText) -> None:
    for row in rows:
        out.add(row, page)
    out.ensure_blanks(1, page)


def _drop_blanks(out: FlowText) -> None:
    while out.lines and not out.lines[-1]:
        out.lines.pop()
        out.pages.pop()


def _same_row(row: str, header: str) -> bool:
    """The same words in the same order, however they fell into cells."""
    return row.split() == header.split()


def _blanks(distance: float, pitch: float) -> int:
    """Blank lines standing for the space between two lines ``distance`` apart."""
    return max(0, min(MAX_BLANKS, round(distance / pitch) - 1))


class Measures:
    """What the flow needs to know of all pages before it reads the first: where the
    text column starts (``left_margin``), the commonest line pitch (``line_pitch``) and
    each page's width. Pages are added one at a time and not kept."""

    def __init__(self) -> None:
        self.starts: Counter[int] = Counter()
        self.distances: Counter[float] = Counter()
        self.sizes: Counter[float] = Counter()
        self.widths: dict[int, float] = {}

    def add(self, page: PageContent) -> None:
        self.widths[page.number] = page.width
        self.starts.update(round(line.x0) for line in page.lines)
        for before, after in pairwise(page.lines):
            distance = after.top - before.top
            self.sizes[after.size] += 1
            if 0 < distance <= PARAGRAPH_LEADING * max(before.size, after.size):
                self.distances[round(distance, 1)] += 1

    def left_margin(self) -> float:
        """Where most free lines start: the text column's left edge.

        The right edge is taken as symmetric to it; a wrapped line reaches it, a line
        that ends a paragraph need not.
        """
        return float(self.starts.most_common(1)[0][0]) if self.starts else 0.0

    def line_pitch(self) -> float:
        """The commonest distance between consecutive lines of a paragraph; without
        one, 1.2 times the median type size."""
        if self.distances:
            return self.distances.most_common(1)[0][0]
        return 1.2 * (_median(self.sizes) if self.sizes else 10.0)


def _median(counted: Counter[float]) -> float:
    """The value at the middle (the upper one of an even count) of the counted values
    in sorted order."""
    middle = sum(counted.values()) // 2
    for value in sorted(counted):
        middle -= counted[value]
        if middle < 0:
            return value
    raise ValueError("no values")
