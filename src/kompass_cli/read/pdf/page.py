"""One PDF page as free lines and tables, each word placed by its position.

pdfplumber's ``extract_text`` reads a row of a two-column table line by line across both
columns, interleaving them. Here the ruled tables are found first (``find_tables``,
from the drawn cell borders, not from shaded backgrounds); every word whose centre
lies in a cell belongs to that cell, and the cell's lines are rejoined into its paragraphs. Among the other words,
tables drawn without rules are found from their gutters (``columns``). What is left is
the page's free text.
"""

from __future__ import annotations

from dataclasses import dataclass

from kompass_cli.read.pdf.columns import unruled_tables
from kompass_cli.read.pdf.lines import TextLine, group_lines
from kompass_cli.read.pdf.table import TableBlock, cells_text


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
    tables = page.filter(lambda obj: not is_shading(obj)).find_tables()
    in_tables: list[list[dict]] = [[] for _ in tables]
    free: list[dict] = []
    for word in words:
        index = _table_of(word, tables)
        (free if index is None else in_tables[index]).append(word)
    blocks = [_table_block(table, inside, number) for table, inside in zip(tables, in_tables)]
    free, unruled = unruled_tables(free, number)
    return PageContent(number, float(page.width), float(page.height),
                       group_lines(free, number), blocks + unruled)


def is_shading(obj: dict) -> bool:
    """A filled, unstroked rectangle wider and taller than a rule: a cell's or a row's
    background. Word processors fill each shaded cell on its own, so the fills meet
    along the cell borders; taken as rules they would make every shaded row a table
    of its own. A border drawn as a thin filled rectangle is still a rule."""
    return obj.get("object_type") == "rect" and bool(obj.get("fill")) and \
        not obj.get("stroke") and min(obj["width"], obj["height"]) > 2


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
    cells = []
    for row in table.rows:
        in_row = [word for word in words if _inside(_centre(word), row.bbox)]
        cells.append([_cell_words(cell, in_row) for cell in row.cells])
    texts = iter(cells_text([cell for row in cells for cell in row], number))
    rows = ["\t".join(next(texts) for _ in row) for row in cells]
    return TableBlock(number, float(table.bbox[1]), rows)


def _cell_words(cell, words: list[dict]) -> tuple[list[dict], float]:
    """The words of a ruled cell and the right edge of its text, its padding taken as
    equal on both sides; no words for a missing (spanned) cell."""
    if cell is None:
        return [], 0.0
    inside = [word for word in words if _inside(_centre(word), cell)]
    if not inside:
        return [], 0.0
    padding = max(0.0, min(word["x0"] for word in inside) - cell[0])
    return inside, cell[2] - padding
