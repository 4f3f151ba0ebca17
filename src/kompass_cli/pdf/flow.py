"""Pages into the lines of text the parsers read, each line with the page it came from.

Free lines are rejoined where a paragraph wraps, including across a page break; the
vertical space between paragraphs becomes blank lines (one per line height, at most
two), as in a text saved from the same document; tables become tab-separated rows with
a blank line around them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from kompass_cli.pdf.lines import PARAGRAPH_LEADING, Joiner
from kompass_cli.pdf.page import PageContent
from kompass_cli.pdf.table import TableBlock

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
    margin = _left_margin(pages)
    pitch = _line_pitch(pages)
    widths = {page.number: page.width for page in pages}
    out = FlowText()
    joiner = Joiner(lambda number: widths[number] - margin)
    for page in pages:
        for block in sorted([*page.lines, *page.tables], key=lambda b: b.top):
            if isinstance(block, TableBlock):
                _add_table(block, out)
                joiner.break_here()
                continue
            before = joiner.last
            if joiner.continues(block):
                out.lines[-1] += " " + block.text
                continue
            if before is not None and before.page == block.page:
                out.ensure_blanks(_blanks(block.top - before.top, pitch), block.page)
            out.add(block.text, block.page)
    while out.lines and not out.lines[-1]:
        out.lines.pop()
        out.pages.pop()
    return out


def _add_table(table: TableBlock, out: FlowText) -> None:
    out.ensure_blanks(1, table.page)
    for row in table.rows:
        out.add(row, table.page)
    out.ensure_blanks(1, table.page)


def _blanks(distance: float, pitch: float) -> int:
    """Blank lines standing for the space between two lines ``distance`` apart."""
    return max(0, min(MAX_BLANKS, round(distance / pitch) - 1))


def _left_margin(pages: list[PageContent]) -> float:
    """Where most free lines start: the text column's left edge.

    The right edge is taken as symmetric to it; a wrapped line reaches it, a line that
    ends a paragraph need not.
    """
    starts = Counter(round(line.x0) for page in pages for line in page.lines)
    return float(starts.most_common(1)[0][0]) if starts else 0.0


def _line_pitch(pages: list[PageContent]) -> float:
    """The commonest distance between consecutive lines of a paragraph."""
    distances: Counter[float] = Counter()
    sizes: list[float] = []
    for page in pages:
        for before, after in pairwise(page.lines):
            distance = after.top - before.top
            sizes.append(after.size)
            if 0 < distance <= PARAGRAPH_LEADING * max(before.size, after.size):
                distances[round(distance, 1)] += 1
    if distances:
        return distances.most_common(1)[0][0]
    return 1.2 * (sorted(sizes)[len(sizes) // 2] if sizes else 10.0)
