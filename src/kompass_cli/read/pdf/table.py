"""A table as the parsers read it: rows of tab-separated cells, a cell's paragraphs kept."""

from __future__ import annotations

import html
from dataclasses import dataclass

from kompass_cli.read.pdf.lines import group_lines, paragraphs, shows_unmarked_breaks


@dataclass
class TableBlock:
    """A table: its top on the page and its rows, cells joined by tabs."""

    page: int
    top: float
    rows: list[str]


def cells_text(cells: list[tuple[list[dict], float]], number: int) -> list[str]:
    """The text of each cell (its words, its right edge) of one ruled table.

    A table is set in one style: if any cell shows paragraphs one under the other with
    nothing to mark them, every cell without bullets is read so, also one whose only
    break is in doubt (two items, the first ending near the edge).
    """
    unmarked = any(shows_unmarked_breaks(group_lines(words, number), edge)
                   for words, edge in cells)
    return [cell_text(words, edge, number, unmarked or None) for words, edge in cells]


def cell_text(words: list[dict], right_edge: float, number: int,
              unmarked: bool | None = None) -> str:
    """A cell's paragraphs: plain for one, one <p> block each for several.

    ``right_edge`` is where the cell's text may reach, for telling wrapped lines from
    paragraph ends; ``unmarked`` whether its column sets paragraphs one under the other
    with nothing to mark them (judged from the cell alone when not given). <p> blocks are the markup the text layouts already use for cells
    holding a list of items, so a parser reads a findings cell the same way from a PDF
    as from text.
    """
    lines = group_lines(words, number)
    if not lines:
        return ""
    texts = paragraphs(lines, right_edge, unmarked)
    if len(texts) == 1:
        return texts[0]
    return " ".join(f"<p>{html.escape(text, quote=False)}</p>" for text in texts)
