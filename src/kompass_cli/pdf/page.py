"""One PDF page as free lines and tables, each word placed by its position.

pdfplumber's ``extract_text`` reads a row of a two-column table line by line across both
columns, interleaving them. Here the ruled tables are found first (``find_tables``,
from the drawn cell borders); every word whose centre lies in a cell belongs to that
cell, and the cell's lines are rejoined into its paragraphs. Among the other words,
tables drawn without rules are found from their gutters (``columns``). What is left is
the page's free text.
"""

from __future__ import annotations

from dataclasses import dataclass

from kompass_cli.pdf.columns import unruled_tables
from kompass_cli.pdf.lines import TextLine, group_lines
from kompass_cli.pdf.table import TableBlock, cell_text


@dataclass
class PageContent:
    """What a page holds, in page coordinates (top measured down from the top edge)."""

    number: int
    width: float
    height: float
    lines: list[TextLine]
    tables: list[TableBlock]


def read_page(page, number: int) -> PageContent:
    """The free lines and tables of a pdfplumber page."""
    words = page.extract_words(extra_attrs=["size"])
    tables = page.find_tables()
    in_tables: list[list[dict]] = [[] for _ in tables]
    free: list[dict] = []
    for word in words:
        index = _table_of(word, tables)
        (free if index is None else in_tables[index]).append(word)
    blocks = [_table_block(table, inside, number) for table, inside in zip(tables, in_tables)]
    free, unruled = unruled_tables(free, number)
    return PageContent(number, float(page.width), float(page.height),
                       group_lines(free, number), blocks + unruled)


def _centre(word: dict) -> tuple[float, float]:
    return (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2


def _inside(point: tuple[float, float], box) -> bool:
    x, y = point
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def _table_of(word: dict, tables) -> int | None:
    centre = _centre(word)
    for index, table in enumerate(tables):
        if _inside(centre, table.bbox):
            return index
    return None


def _table_block(table, words: list[dict], number: int) -> TableBlock:
    """Each row's cells as text, tab-separated; a missing (spanned) cell is empty."""
    rows = []
    for row in table.rows:
        in_row = [word for word in words if _inside(_centre(word), row.bbox)]
        rows.append("\t".join(_cell_text(cell, in_row, number) for cell in row.cells))
    return TableBlock(number, float(table.bbox[1]), rows)


def _cell_text(cell, words: list[dict], number: int) -> str:
    """The text of a ruled cell; its padding is taken as equal on both sides."""
    if cell is None:
        return ""
    inside = [word for word in words if _inside(_centre(word), cell)]
    if not inside:
        return ""
    padding = max(0.0, min(word["x0"] for word in inside) - cell[0])
    return cell_text(inside, cell[2] - padding, number)
