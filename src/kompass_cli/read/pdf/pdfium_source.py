"""Characters and drawn shapes of PDF pages, read with pdfium (pypdfium2).

pdfium reads a page's characters with their boxes in a tenth of the time pdfminer
takes, so this is the default character source; ``glyphs.GlyphPage`` turns what it
reads into the words and ruled tables the layout logic uses. pypdfium2 is not
thread-safe: each process reads its own documents, one page at a time, each page
closed before the next is opened, so memory stays flat with the page count.

What pdfium reports differently from pdfminer is put the way pdfminer has it:

* the spaces and line breaks pdfium adds between runs of text (``IsGenerated``) are
  not in the content, so they are dropped;
* pdfium shows a hyphen that ends a line as U+0002 (U+FFFE in its page text); it is a
  hyphen again;
* a character's box is pdfium's loose box (the font's ascent to descent, the
  advance wide), the same height for every character of a font and size, as
  pdfminer's is (a glyph taller than the ascent gets its line's top, see
  ``_even_tops``). So the type size is asked for only when that height or the baseline
  changes from one character to the next: each call into pdfium costs as much as
  Python's own work on the character.

Paths are read from the page objects (inside form XObjects too), each subpath put in
page coordinates and classified as pdfminer does (``glyphs.classify``), so that ruled
tables are found from the same edges.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from collections.abc import Iterator

from kompass_cli.read.pdf.glyphs import (
    Glyph,
    GlyphPage,
    Shape,
    classify,
    quarter_turn,
    upright,
)

_SURROGATE = re.compile("[\ud800-\udfff]")
# pdfium's line-end hyphen, as GetUnicode and GetText give it
_HYPHENS = str.maketrans({"\x02": "-", "\ufffe": "-"})


# pdfium keeps what it has parsed of a document (some kilobytes a page) until the
# document is closed, so a long one is read from a fresh copy every so many pages.
REOPEN_EVERY = 100


def pages(document, data: bytes) -> Iterator[GlyphPage]:
    """Each page of an open ``pypdfium2.PdfDocument`` read from ``data``, read upright
    and closed after use; past every ``REOPEN_EVERY`` pages, from a fresh copy."""
    import pypdfium2

    current = document
    try:
        for index in range(len(document)):
            if index and index % REOPEN_EVERY == 0:
                if current is not document:
                    current.close()
                current = pypdfium2.PdfDocument(data)
            page = current[index]
            try:
                yield read(page)
            finally:
                page.close()
    finally:
        if current is not document:
            current.close()


def read(page) -> GlyphPage:
    """One page's characters and shapes, turned so that most of its text reads across.

    The direction of the text is taken from the text objects' matrices; only on a page
    whose text runs in several directions is each character's own angle asked for.
    """
    import pypdfium2.raw as pdfium

    left, bottom, right, top = page.get_mediabox()
    shapes: list[Shape] = []
    turns: set[int] = set()
    _walk(pdfium, page.raw, _IDENTITY, (left, top), shapes, turns)
    mixed = len(turns) > 1
    chars, char_turns = _chars(pdfium, page.raw, (left, top), mixed)
    turn = next(iter(turns), 0)
    if mixed:
        turn = max(sorted(set(char_turns)), key=char_turns.count, default=0)
        chars = [glyph for glyph, its in zip(chars, char_turns) if its == turn]
    page = upright(GlyphPage(right - left, top - bottom, chars, shapes), turn)
    page.chars = _even_tops(page.chars)
    return page


def _chars(pdfium, raw, box: tuple[float, float], with_turns: bool,
           ) -> tuple[list[Glyph], list[int]]:
    """The page's characters in content order (pdfium's own spaces left out), and with
    ``with_turns`` each one's quarter turn."""
    left, top = box
    textpage = pdfium.FPDFText_LoadPage(raw)
    try:
        count = pdfium.FPDFText_CountChars(textpage)
        texts = _texts(pdfium, textpage, count)
        rect = pdfium.FS_RECTF()
        rect_ref = ctypes.byref(rect)
        loose_box, font_size = pdfium.FPDFText_GetLooseCharBox, pdfium.FPDFText_GetFontSize
        generated = pdfium.FPDFText_IsGenerated
        chars: list[Glyph] = []
        turns: list[int] = []
        size = last_top = last_bottom = None
        for index, text in enumerate(texts):
            if text.isspace() and generated(textpage, index):
                continue
            loose_box(textpage, index, rect_ref)
            top_edge, bottom_edge = rect.top, rect.bottom
            if top_edge != last_top or bottom_edge != last_bottom:
                # a new baseline, font or size: ask for the size again
                size = font_size(textpage, index)
                last_top, last_bottom = top_edge, bottom_edge
            chars.append((text, rect.left - left, top - top_edge, rect.right - left,
                          top - bottom_edge, size))
            if with_turns:
                angle = pdfium.FPDFText_GetCharAngle(textpage, index)
                turns.append(quarter_turn(math.cos(angle), -math.sin(angle)))
        return chars, turns
    finally:
        pdfium.FPDFText_ClosePage(textpage)


def _even_tops(chars: list[Glyph]) -> list[Glyph]:
    """Every run of characters on one line in one size given the box most of them have.

    The page is upright, so a line runs across. pdfium's loose box is the font's ascent
    to descent for most fonts, as pdfminer's
    box is, but it reaches higher for a glyph taller than the ascent (the ring of 'å' in
    DejaVu Sans), and in some embedded fonts (DejaVu Sans as LibreOffice embeds it) it
    follows each glyph: a comma's or a space's box is a sliver at the baseline. Such a
    character would stand apart from its neighbours as a line of its own, splitting
    words and taking the spaces between them. A run is the characters in content order
    whose size is the same and whose boxes overlap their run's first one.
    """
    runs: list[list[Glyph]] = []
    for glyph in chars:
        if runs and _same_line(runs[-1][0], glyph):
            runs[-1].append(glyph)
        else:
            runs.append([glyph])
    even: list[Glyph] = []
    for run in runs:
        (top, bottom), _ = Counter((glyph[2], glyph[4]) for glyph in run).most_common(1)[0]
        even += [(glyph[0], glyph[1], top, glyph[3], bottom, glyph[5]) for glyph in run]
    return even


# How far apart (in sizes) the bottoms of two characters on one line may be.
_BASELINE_SLACK = 0.25


def _same_line(first: Glyph, glyph: Glyph) -> bool:
    """Whether ``glyph`` sits on the line of ``first``: one size, overlapping boxes,
    bottoms close."""
    size = first[5]
    return (glyph[5] == size and abs(glyph[4] - first[4]) <= _BASELINE_SLACK * size
            and glyph[2] < first[4] and first[2] < glyph[4])


def _texts(pdfium, textpage, count: int) -> str:
    """Every character's text: the page's text in one call when it maps one to one."""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    pdfium.FPDFText_GetText(textpage, 0, count,
                            ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[:2 * count].decode("utf-16-le", errors="surrogatepass")
    if len(text) != count or _SURROGATE.search(text):  # not one code unit a character
        text = "".join(chr(pdfium.FPDFText_GetUnicode(textpage, index))
                       for index in range(count))
    return text.translate(_HYPHENS)


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_TEXT, _PATH, _FORM = 1, 2, 5
_MOVE, _LINE, _BEZIER = 2, 0, 1


def _walk(pdfium, parent, matrix: tuple, box: tuple[float, float], shapes: list[Shape],
          turns: set[int], form: bool = False) -> None:
    """Shapes of every painted path and the direction of every text object, forms
    included, each in page coordinates."""
    count = (pdfium.FPDFFormObj_CountObjects if form else pdfium.FPDFPage_CountObjects)(parent)
    get = pdfium.FPDFFormObj_GetObject if form else pdfium.FPDFPage_GetObject
    for index in range(count):
        obj = get(parent, index)
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind not in (_TEXT, _PATH, _FORM):
            continue
        own = _times(_matrix(pdfium, obj), matrix)
        if kind == _TEXT:
            a, b = own[0], own[1]
            turns.add(quarter_turn(a, -b))
        elif kind == _FORM:
            _walk(pdfium, obj, own, box, shapes, turns, form=True)
        else:
            fill, stroke = _paint(pdfium, obj)
            if fill or stroke:
                shapes.extend(_path_shapes(pdfium, obj, own, box, fill, stroke))


def _matrix(pdfium, obj) -> tuple:
    matrix = pdfium.FS_MATRIX()
    if not pdfium.FPDFPageObj_GetMatrix(obj, matrix):
        return _IDENTITY
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _times(inner: tuple, outer: tuple) -> tuple:
    """The matrix applying ``inner`` first, then ``outer`` (PDF row-vector order)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _paint(pdfium, obj) -> tuple[bool, bool]:
    """Whether a path is filled, and whether it is stroked."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium.FPDFPath_GetDrawMode(obj, fill, stroke):
        return False, False
    return bool(fill.value), bool(stroke.value)


def _path_shapes(pdfium, obj, matrix: tuple, box: tuple[float, float], fill: bool,
                 stroke: bool) -> list[Shape]:
    """A path's subpaths as pdfminer's operators with their end points, classified."""
    a, b, c, d, e, f = matrix
    left, top = box
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[str, tuple[float, float]]]] = []
    bezier = 0
    for index in range(pdfium.FPDFPath_CountSegments(obj)):
        segment = pdfium.FPDFPath_GetPathSegment(obj, index)
        kind = pdfium.FPDFPathSegment_GetType(segment)
        pdfium.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e - left, top - (b * x.value + d * y.value + f))
        if kind == _MOVE or not subpaths:
            subpaths.append([("m", point)])
        elif kind == _BEZIER:
            bezier += 1
            if bezier % 3 == 0:  # a curve's two control points, then its end point
                subpaths[-1].append(("c", point))
        else:
            subpaths[-1].append(("l", point))
        if pdfium.FPDFPathSegment_GetClose(segment):
            subpaths[-1].append(("h", subpaths[-1][0][1]))
    shapes = [classify(subpath, fill, stroke) for subpath in subpaths]
    return [shape for shape in shapes if shape is not None]
