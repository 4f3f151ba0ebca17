"""Typeset the bundled text reports as PDFs, the way such reports are published.

The tests need PDFs whose content is known exactly, so they are made here from
``data/raw`` with reportlab (a test dependency) instead of being committed. Two styles:

* ``flow``: a word-processor or PDF-extract text becomes flowing paragraphs on A4
  (justified, so lines wrap), bullet lists with a bullet glyph, markdown bold and italics
  as fonts, and every run of tab-separated lines as a ruled table whose cells wrap. A
  cell holding HTML blocks (<p>, <li>, a bullet list) gets one paragraph per block, so a
  findings table is two columns of separate items side by side.
* ``lines``: an OCR text keeps its lines, each typeset as a line, as in the text layer
  of a scanned report.

Every page carries a running header and a page footer, which a reader must drop.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

MARGIN = 56
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12, spaceAfter=12,
                      alignment=TA_JUSTIFY)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=14, bulletIndent=2, spaceAfter=0)
CELL_SIZE = 8.0

_BLOCK = re.compile(r"<\s*/?\s*(?:p|li|ul|ol|h[1-6]|br|div)\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_BULLETS = re.compile(r"\s*[•·▪]\s*")


# How each bundled report is typeset: the OCR text line for line, the others flowing.
STYLES = {"hallsberg-2008": "flow", "lindesberg-2021": "flow", "norsjo-2018": "lines"}


def render(text_path: Path, pdf_path: Path, style: str = "flow", header: str = "",
           ruled: bool = True) -> Path:
    """Write ``text_path`` typeset in ``style`` ('flow' or 'lines') to ``pdf_path``;
    with ``ruled=False`` the tables are drawn without borders.

    The output is byte-for-byte reproducible (reportlab's invariant mode: no dates, no
    random document id), so a PDF made here has the same checksum on every run.
    """
    lines = text_path.read_text(encoding="utf-8").splitlines()
    header = header or f"Kommunkompassen | {text_path.stem}"
    if style == "lines":
        _render_lines(lines, pdf_path, header)
    else:
        _render_flow(lines, pdf_path, header, ruled)
    return pdf_path


# --- running header and footer --------------------------------------------------------


def _furniture(header: str):
    """A page callback drawing the running header and 'Sida N' footer."""

    def draw(canvas: Canvas, document) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(MARGIN, height - 30, header)
        canvas.drawRightString(width - MARGIN, 24, f"Sida {canvas.getPageNumber()}")
        canvas.restoreState()

    return draw


# --- flowing text ---------------------------------------------------------------------


def _render_flow(lines: list[str], pdf_path: Path, header: str, ruled: bool) -> None:
    document = SimpleDocTemplate(str(pdf_path), pagesize=A4, leftMargin=MARGIN,
                                 rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                                 title=header, invariant=1)
    story: list[Flowable] = []
    index = 0
    while index < len(lines):
        if "\t" in lines[index]:
            end = index
            while end < len(lines) and "\t" in lines[end]:
                end += 1
            story += [_table(lines[index:end], document.width, ruled), _gap()]
            index = end
            continue
        story += _paragraph(lines[index])
        index += 1
    document.build(story, onFirstPage=_furniture(header), onLaterPages=_furniture(header))


def _gap() -> Flowable:
    return Paragraph("", ParagraphStyle("gap", parent=BODY, fontSize=1, leading=1,
                                        spaceAfter=11))


def _paragraph(line: str) -> list[Flowable]:
    """One text line as a paragraph; a '- ' line as a bullet item; blank lines as nothing."""
    stripped = line.strip()
    if not stripped:
        return []
    if stripped.startswith("- "):
        return [Paragraph(_inline(stripped[2:]), BULLET, bulletText="•")]
    return [Paragraph(_inline(stripped), BODY)]


def _inline(text: str) -> str:
    """Markdown bold and italics as reportlab markup, everything else escaped."""
    escaped = html.escape(text, quote=False)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)
    return re.sub(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])", r"<i>\1</i>", escaped)


# --- tables ---------------------------------------------------------------------------


def _table(rows: list[str], width: float, ruled: bool = True) -> Table:
    """Tab-separated rows as a table with wrapping cells, ruled or not.

    The font shrinks until every column is as wide as its longest word, so words
    wrap between each other and are never cut, as a word processor lays out a table.
    """
    cells = [row.split("\t") for row in rows]
    columns = max(len(row) for row in cells)
    cells = [row + [""] * (columns - len(row)) for row in cells]
    size = CELL_SIZE
    while sum(_natural_widths(cells, size)[0]) > width and size > 4:
        size -= 0.5
    styles = _cell_styles(size)
    data = [[_cell(cell, styles) for cell in row] for row in cells]
    table = Table(data, colWidths=_column_widths(cells, width, size), splitByRow=1)
    table.setStyle(TableStyle([
        *([("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _cell_styles(size: float) -> tuple[ParagraphStyle, ParagraphStyle]:
    plain = ParagraphStyle(f"cell{size}", fontName="Helvetica", fontSize=size,
                           leading=1.2 * size, spaceAfter=size / 2)
    return plain, ParagraphStyle(f"cell-bullet{size}", parent=plain, leftIndent=1.1 * size,
                                 bulletIndent=0)


def _cell(text: str, styles: tuple[ParagraphStyle, ParagraphStyle]) -> list[Flowable]:
    """A cell's blocks: one paragraph per HTML block, one bullet item per bullet glyph."""
    flowables: list[Flowable] = []
    for block in _BLOCK.split(text):
        plain = html.unescape(_TAG.sub(" ", block)).strip()
        items = [item for item in _BULLETS.split(plain) if item]
        bulleted = bool(_BULLETS.search(plain)) and len(items) > 0
        for item in items:
            if bulleted:
                flowables.append(Paragraph(html.escape(item, quote=False), styles[1],
                                           bulletText="•"))
            else:
                flowables.append(Paragraph(html.escape(item, quote=False), styles[0]))
    return flowables


def _natural_widths(cells: list[list[str]], size: float) -> tuple[list[float], list[float]]:
    """Per column: the width of its longest word and of its longest text (plus padding)."""
    least, wanted = [], []
    for column in zip(*cells):
        texts = [_TAG.sub(" ", text) for text in column]
        word = max((stringWidth(w, "Helvetica", size) for t in texts for w in t.split()),
                   default=0) + 2.2 * size
        text = max((stringWidth(" ".join(t.split()), "Helvetica", size) for t in texts),
                   default=0) + 2.2 * size
        least.append(word)
        wanted.append(max(word, min(text, 400)))
    return least, wanted


def _column_widths(cells: list[list[str]], width: float, size: float) -> list[float]:
    """Share the width: every column its longest word, the rest by its longest text."""
    least, wanted = _natural_widths(cells, size)
    spare = sum(wanted) - sum(least)
    share = min(1.0, (width - sum(least)) / spare) if spare > 0 else 0.0
    widths = [low + (high - low) * share for low, high in zip(least, wanted)]
    return [w * width / sum(widths) for w in widths] if sum(widths) > width else widths


# --- OCR text, line for line ------------------------------------------------------------


def _render_lines(lines: list[str], pdf_path: Path, header: str) -> None:
    """Each text line at a fixed leading in a monospaced font; 48 lines a page.

    The page is as wide as the longest line plus the longest word: no line is full,
    as in the text layer of a scan, whose lines were broken by the typesetter of the
    printed page and not by the width of the PDF page.
    """
    longest_line = max(len(line.rstrip()) for line in lines)
    longest_word = max(len(word) for line in lines for word in line.split())
    pagesize = (max(A4[1], 2 * MARGIN + 4.8 * (longest_line + longest_word + 2)), A4[0])
    canvas = Canvas(str(pdf_path), pagesize=pagesize, invariant=1)
    canvas.setTitle(header)
    per_page, leading = 48, 10.5
    draw = _furniture(header)
    for first in range(0, len(lines), per_page):
        draw(canvas, None)
        text = canvas.beginText(MARGIN, pagesize[1] - MARGIN - 8)
        text.setFont("Courier", 8)
        text.setLeading(leading)
        for line in lines[first:first + per_page]:
            text.textLine(line.rstrip())
        canvas.drawText(text)
        canvas.showPage()
    canvas.save()


# --- PDFs that must be refused ------------------------------------------------------------


def encrypted(pdf_path: Path) -> Path:
    """A one-page PDF that opens only with a user password."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    canvas = Canvas(str(pdf_path), encrypt=StandardEncryption("secret", canPrint=0),
                    invariant=1)
    canvas.drawString(MARGIN, 700, "Kommunkompassen")
    canvas.showPage()
    canvas.save()
    return pdf_path


def image_only(pdf_path: Path, pages: int = 2) -> Path:
    """Pages with drawings but no text: a scan before OCR."""
    canvas = Canvas(str(pdf_path), invariant=1)
    for _ in range(pages):
        for step in range(0, 500, 20):
            canvas.rect(MARGIN, 200 + step, 300, 8, fill=1)
        canvas.showPage()
    canvas.save()
    return pdf_path


def columns(pdf_path: Path, rows: list[list[str]], xs: list[float],
            turned: bool = False) -> Path:
    """Rows of words placed at the given x positions, with no ruling: an unruled table.

    ``turned`` draws the portrait page onto a landscape one, turned a quarter by a
    ``cm`` operator, as a report's page printed sideways is.
    """
    canvas = Canvas(str(pdf_path), invariant=1, pagesize=(A4[1], A4[0]) if turned else A4)
    if turned:
        canvas.translate(A4[1], 0)
        canvas.rotate(90)
    canvas.setFont("Helvetica", 10)
    for index, row in enumerate(rows):
        for x, text in zip(xs, row):
            canvas.drawString(x, 760 - 14 * index, text)
    canvas.showPage()
    canvas.save()
    return pdf_path


# --- pages turned ---------------------------------------------------------------------

_CLOCKWISE = {90: lambda w, h: (0, -1, 1, 0, 0, w), 180: lambda w, h: (-1, 0, 0, -1, w, h),
              270: lambda w, h: (0, 1, -1, 0, h, 0)}


def rotated(pdf_path: Path, out_path: Path, degrees: int, how: str = "rotate") -> Path:
    """Every page of ``pdf_path`` turned clockwise by ``degrees`` (90, 180 or 270).

    ``how="rotate"`` sets the page's /Rotate entry (the content stays as it was, the
    viewer turns it); ``how="content"`` turns the drawing itself (each object's matrix)
    onto a page of the turned size, as a page typeset in landscape is.
    """
    import pypdfium2
    import pypdfium2.raw as pdfium

    document = pypdfium2.PdfDocument(pdf_path)
    for index in range(len(document)):
        page = document[index]
        if how == "rotate":
            page.set_rotation(degrees)
        else:
            width, height = page.get_width(), page.get_height()
            matrix = _CLOCKWISE[degrees](width, height)
            for number in range(pdfium.FPDFPage_CountObjects(page.raw)):
                pdfium.FPDFPageObj_Transform(pdfium.FPDFPage_GetObject(page.raw, number),
                                             *matrix)
            if degrees != 180:
                pdfium.FPDFPage_SetMediaBox(page.raw, 0, 0, height, width)
            pdfium.FPDFPage_GenerateContent(page.raw)
        page.close()
    document.save(out_path)
    document.close()
    return out_path


def drawn_paths(pdf_path: Path) -> int:
    """How many paths (lines, rectangles, curves) the PDF's pages draw."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf_path)
    try:
        return sum(1 for index in range(len(document))
                   for _ in document[index].get_objects(
                       filter=[pypdfium2.raw.FPDF_PAGEOBJ_PATH]))
    finally:
        document.close()


def broken_xref(pdf_path: Path, out_path: Path) -> Path:
    """The PDF with every cross-reference offset pointing a few bytes off its object."""
    data = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7),
                  pdf_path.read_bytes())
    out_path.write_bytes(data)
    return out_path
