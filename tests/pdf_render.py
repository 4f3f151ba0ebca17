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

Every page carries a running header and a page footer, which a reader must drop. A
``Typesetting`` varies what a word processor varies: fonts (the standard Helvetica, Times
and Courier, and DejaVu Sans from matplotlib's data as a TrueType font), sizes, page size
and margins, ragged or justified text, tables ruled, borderless or with shaded rows, the
header row repeated on every page a table runs on to, cell paragraphs with or without
spacing and bullets, number columns aligned left or right.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

MARGIN = 56

_BLOCK = re.compile(r"<\s*/?\s*(?:p|li|ul|ol|h[1-6]|br|div)\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_BULLETS = re.compile(r"\s*[•·▪]\s*")
_NUMBER = re.compile(r"^\s*\d+(?:[,.]\d+)?\s*%?\s*$")


@dataclass(frozen=True)
class Typesetting:
    """How a report is typeset: fonts, sizes, page, table style and page furniture.

    ``table`` is ``ruled`` (a grid), ``borderless`` (no lines at all) or ``shaded``
    (no borders; a rule under the header and every other row on a grey band, filled
    rectangles that are not cell borders). ``cell_spacing`` False sets the paragraphs
    of a cell (findings) one under the other with no space and no bullet, so only
    where a line ends tells them apart. ``repeat_header`` prints a table's first row
    again at the top of each page it runs on to; ``padding`` is the space between a
    cell's text and its left and right borders. ``footer`` is ``sida`` ('Sida N'
    at the right) or ``number`` ('N', centred); ``header_at`` where the running header
    stands (``left`` or ``right``).
    """

    name: str
    font: str = "Helvetica"
    size: float = 10.0
    cell_size: float = 8.0
    justify: bool = True
    table: str = "ruled"
    cell_spacing: bool = True
    repeat_header: bool = False
    numbers_right: bool = False
    pagesize: tuple[float, float] = A4
    margin: float = MARGIN
    footer: str = "sida"
    header_at: str = "left"
    bullet: str = "•"
    padding: float = 3.0


DEFAULT = Typesetting("default")
BORDERLESS = Typesetting("borderless", table="borderless")
# The typesettings every bundled word-processor or PDF-extract report is tested in.
FLOW_TYPESETTINGS = (
    Typesetting("ruled-times", font="Times-Roman", size=11, cell_size=9, justify=False,
                table="ruled", cell_spacing=False, repeat_header=True, numbers_right=True,
                margin=64,
                footer="number", header_at="right"),
    Typesetting("borderless-helvetica", font="Helvetica", size=9.5, cell_size=8,
                table="borderless", cell_spacing=False, repeat_header=True,
                pagesize=LETTER, margin=50),
    Typesetting("shaded-dejavu", font="DejaVuSans", size=9, cell_size=7.5, justify=False,
                table="shaded", repeat_header=True, numbers_right=True, margin=48,
                footer="number", bullet="▪"),
)
# An OCR text layer, line for line, in a monospaced and in a proportional font.
LINE_TYPESETTINGS = (
    Typesetting("lines-courier", font="Courier", size=8),
    Typesetting("lines-dejavu", font="DejaVuSans", size=8, pagesize=LETTER,
                footer="number", header_at="right"),
)


# How each bundled report is typeset: the OCR text line for line, the others flowing.
STYLES = {"hallsberg-2008": "flow", "lindesberg-2021": "flow", "norsjo-2018": "lines"}


def typesettings(style: str) -> tuple[Typesetting, ...]:
    """The typesettings a report of ``style`` ('flow' or 'lines') is tested in."""
    return LINE_TYPESETTINGS if style == "lines" else FLOW_TYPESETTINGS


def render(text_path: Path, pdf_path: Path, style: str = "flow", header: str = "",
           ruled: bool = True, typesetting: Typesetting | None = None) -> Path:
    """Write ``text_path`` typeset in ``style`` ('flow' or 'lines') to ``pdf_path``;
    with ``ruled=False`` the tables are drawn without borders, and ``typesetting``
    (fonts, table style, furniture) overrides both defaults.

    The output is byte-for-byte reproducible (reportlab's invariant mode: no dates, no
    random document id), so a PDF made here has the same checksum on every run.
    """
    lines = text_path.read_text(encoding="utf-8").splitlines()
    header = header or f"Kommunkompassen | {text_path.stem}"
    default = LINE_TYPESETTINGS[0] if style == "lines" else DEFAULT
    setting = typesetting or (default if ruled else BORDERLESS)
    _register(setting.font)
    if style == "lines":
        _render_lines(lines, pdf_path, header, setting)
    else:
        _render_flow(lines, pdf_path, header, setting)
    return pdf_path


def _register(font: str) -> None:
    """A TrueType font with Swedish glyphs, from matplotlib's bundled DejaVu fonts."""
    if font in pdfmetrics.getRegisteredFontNames() or font in pdfmetrics.standardFonts:
        return
    import matplotlib
    from reportlab.lib.fonts import addMapping

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    faces = {"": (0, 0), "-Bold": (1, 0), "-Oblique": (0, 1), "-BoldOblique": (1, 1)}
    for suffix, (bold, italic) in faces.items():
        pdfmetrics.registerFont(TTFont(font + suffix, str(folder / f"{font}{suffix}.ttf")))
        addMapping(font, bold, italic, font + suffix)


def _bold(font: str) -> str:
    return {"Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}.get(font, font + "-Bold")


# --- running header and footer --------------------------------------------------------


def _furniture(header: str, setting: Typesetting):
    """A page callback drawing the running header and the page footer."""

    def draw(canvas: Canvas, document) -> None:
        width, height = canvas._pagesize
        margin = setting.margin
        canvas.saveState()
        canvas.setFont(setting.font, 8)
        if setting.header_at == "right":
            canvas.drawRightString(width - margin, height - 30, header)
        else:
            canvas.drawString(margin, height - 30, header)
        page = canvas.getPageNumber()
        if setting.footer == "number":
            canvas.drawCentredString(width / 2, 24, str(page))
        else:
            canvas.drawRightString(width - margin, 24, f"Sida {page}")
        canvas.restoreState()

    return draw


# --- flowing text ---------------------------------------------------------------------


def _render_flow(lines: list[str], pdf_path: Path, header: str, setting: Typesetting) -> None:
    margin = setting.margin
    document = SimpleDocTemplate(str(pdf_path), pagesize=setting.pagesize, leftMargin=margin,
                                 rightMargin=margin, topMargin=margin, bottomMargin=margin,
                                 title=header, invariant=1)
    body = ParagraphStyle(f"body-{setting.name}", fontName=setting.font,
                          fontSize=setting.size, leading=1.2 * setting.size,
                          spaceAfter=1.2 * setting.size,
                          alignment=TA_JUSTIFY if setting.justify else TA_LEFT)
    story: list[Flowable] = []
    index = 0
    while index < len(lines):
        if "\t" in lines[index]:
            end = index
            while end < len(lines) and "\t" in lines[end]:
                end += 1
            story += [_table(lines[index:end], document.width, setting), _gap(body)]
            index = end
            continue
        story += _paragraph(lines[index], body, setting)
        index += 1
    furniture = _furniture(header, setting)
    document.build(story, onFirstPage=furniture, onLaterPages=furniture)


def _gap(body: ParagraphStyle) -> Flowable:
    return Paragraph("", ParagraphStyle("gap", parent=body, fontSize=1, leading=1,
                                        spaceAfter=body.fontSize + 1))


def _paragraph(line: str, body: ParagraphStyle, setting: Typesetting) -> list[Flowable]:
    """One text line as a paragraph; a '- ' line as a bullet item; blank lines as nothing."""
    stripped = line.strip()
    if not stripped:
        return []
    if stripped.startswith("- "):
        item = ParagraphStyle(f"bullet-{setting.name}", parent=body,
                              leftIndent=1.4 * setting.size, bulletIndent=0.2 * setting.size,
                              spaceAfter=0, bulletFontName=setting.font,
                              bulletFontSize=setting.size)
        return [Paragraph(_inline(stripped[2:]), item, bulletText=setting.bullet)]
    return [Paragraph(_inline(stripped), body)]


def _inline(text: str) -> str:
    """Markdown bold and italics as reportlab markup, everything else escaped."""
    escaped = html.escape(text, quote=False)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)
    return re.sub(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])", r"<i>\1</i>", escaped)


# --- tables ---------------------------------------------------------------------------


def _table(rows: list[str], width: float, setting: Typesetting) -> Table:
    """Tab-separated rows as a table with wrapping cells, in the typesetting's style.

    The font shrinks until every column is as wide as its longest word, so words
    wrap between each other and are never cut, as a word processor lays out a table.
    A row with text in its first cell only (a table title) spans the whole width.
    """
    cells = [row.split("\t") for row in rows]
    columns = max(len(row) for row in cells)
    cells = [row + [""] * (columns - len(row)) for row in cells]
    size = setting.cell_size
    while sum(_natural_widths(cells, size, setting.font)[0]) > width and size > 4:
        size -= 0.5
    styles = _cell_styles(size, setting)
    data = [[_cell(cell, styles, setting) for cell in row] for row in cells]
    table = Table(data, colWidths=_column_widths(cells, width, size, setting.font),
                  splitByRow=1, repeatRows=1 if setting.repeat_header else 0)
    table.setStyle(TableStyle([*_table_style(setting, len(cells), columns), *_spans(cells)]))
    return table


def _table_style(setting: Typesetting, count: int, columns: int) -> list[tuple]:
    """Padding and rules; a shaded table fills each cell of every other row on its own,
    as word processors do, so the fills meet at the cell borders without being rules."""
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), setting.padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), setting.padding),
    ]
    if setting.table == "ruled":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif setting.table == "shaded":
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 1.0, colors.black))
        grey = colors.Color(0.88, 0.88, 0.88)
        commands += [("BACKGROUND", (column, row), (column, row), grey)
                     for row in range(2, count, 2) for column in range(columns)]
    return commands


def _spans(cells: list[list[str]]) -> list[tuple]:
    """A title row (text in the first cell only) spans every column."""
    return [("SPAN", (0, index), (-1, index)) for index, row in enumerate(cells)
            if len(row) > 2 and row[0].strip() and not any(cell.strip() for cell in row[1:])]


def _cell_styles(size: float, setting: Typesetting) -> tuple[ParagraphStyle, ...]:
    space = size / 2 if setting.cell_spacing else 0
    plain = ParagraphStyle(f"cell{size}-{setting.name}", fontName=setting.font,
                           fontSize=size, leading=1.2 * size, spaceAfter=space)
    bullet = ParagraphStyle(f"cell-bullet{size}-{setting.name}", parent=plain,
                            leftIndent=1.1 * size, bulletIndent=0,
                            bulletFontName=setting.font, bulletFontSize=size)
    number = ParagraphStyle(f"cell-number{size}-{setting.name}", parent=plain,
                            alignment=TA_RIGHT if setting.numbers_right else TA_LEFT)
    return plain, bullet, number


def _cell(text: str, styles: tuple[ParagraphStyle, ...], setting: Typesetting
          ) -> list[Flowable]:
    """A cell's blocks: one paragraph per HTML block, one bullet item per bullet glyph.

    A number stands alone, aligned as the typesetting's number columns are. Without
    cell spacing, a list of blocks is set as bare paragraphs (no bullet, no space).
    """
    if _NUMBER.match(_TAG.sub(" ", text)):
        return [Paragraph(html.escape(_TAG.sub(" ", text).strip(), quote=False), styles[2])]
    flowables: list[Flowable] = []
    for block in _BLOCK.split(text):
        plain = html.unescape(_TAG.sub(" ", block)).strip()
        items = [item for item in _BULLETS.split(plain) if item]
        bulleted = bool(_BULLETS.search(plain)) and setting.cell_spacing
        for item in items:
            if bulleted:
                flowables.append(Paragraph(html.escape(item, quote=False), styles[1],
                                           bulletText=setting.bullet))
            else:
                flowables.append(Paragraph(html.escape(item, quote=False), styles[0]))
    return flowables


def _natural_widths(cells: list[list[str]], size: float, font: str = "Helvetica",
                    ) -> tuple[list[float], list[float]]:
    """Per column: the width of its longest word and of its longest text (plus padding)."""
    least, wanted = [], []
    for column in zip(*_unspanned(cells)):
        texts = [_TAG.sub(" ", text) for text in column]
        word = max((stringWidth(w, font, size) for t in texts for w in t.split()),
                   default=0) + 2.2 * size
        text = max((stringWidth(" ".join(t.split()), font, size) for t in texts),
                   default=0) + 2.2 * size
        least.append(word)
        wanted.append(max(word, min(text, 400)))
    return least, wanted


def _unspanned(cells: list[list[str]]) -> list[list[str]]:
    """The rows whose width counts: a spanning title row does not widen its first column."""
    spanned = {index for _, (_, index), _ in _spans(cells)}
    return [row for index, row in enumerate(cells) if index not in spanned] or cells


def _column_widths(cells: list[list[str]], width: float, size: float,
                   font: str = "Helvetica") -> list[float]:
    """Share the width: every column its longest word, the rest by its longest text."""
    least, wanted = _natural_widths(cells, size, font)
    spare = sum(wanted) - sum(least)
    share = min(1.0, (width - sum(least)) / spare) if spare > 0 else 0.0
    widths = [low + (high - low) * share for low, high in zip(least, wanted)]
    return [w * width / sum(widths) for w in widths] if sum(widths) > width else widths


# --- OCR text, line for line ------------------------------------------------------------


def _render_lines(lines: list[str], pdf_path: Path, header: str,
                  setting: Typesetting) -> None:
    """Each text line at a fixed leading; 48 lines a page.

    The page is as wide as the longest line plus the longest word: no line is full,
    as in the text layer of a scan, whose lines were broken by the typesetter of the
    printed page and not by the width of the PDF page.
    """
    font, size = setting.font, setting.size
    longest_line = max(stringWidth(line.rstrip(), font, size) for line in lines)
    longest_word = max(stringWidth(word, font, size) for line in lines for word in line.split())
    width = max(setting.pagesize[1], 2 * setting.margin + longest_line + longest_word + 10)
    pagesize = (width, setting.pagesize[0])
    canvas = Canvas(str(pdf_path), pagesize=pagesize, invariant=1)
    canvas.setTitle(header)
    per_page, leading = 48, 1.3 * size
    draw = _furniture(header, setting)
    for first in range(0, len(lines), per_page):
        draw(canvas, None)
        text = canvas.beginText(setting.margin, pagesize[1] - setting.margin - size)
        text.setFont(font, size)
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
