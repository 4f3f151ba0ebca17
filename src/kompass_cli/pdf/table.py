"""A table as the parsers read it: rows of tab-separated cells, a cell's paragraphs kept."""

from __future__ import annotations

import html
from dataclasses import dataclass

from kompass_cli.pdf.lines import group_lines, paragraphs


@dataclass
class TableBlock:
    """A table: its top on the page and its rows, cells joined by tabs."""

    page: int
    top: float
    rows: list[str]


def cell_text(words: list[dict], right_edge: float, number: int) -> str:
    """A cell's paragraphs: plain for one, one <p> block each for several.

    ``right_edge`` is where the cell's text may reach, for telling wrapped lines from
    paragraph ends. <p> blocks are the markup the text layouts already use for cells
    holding a list of items, so a parser reads a findings cell the same way from a PDF
    as from text.
    """
    lines = group_lines(words, number)
    if not lines:
        return ""
    texts = paragraphs(lines, right_edge)
    if len(texts) == 1:
        return texts[0]
    return " ".join(f"<p>{html.escape(text, quote=False)}</p>" for text in texts)
