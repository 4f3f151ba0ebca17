"""Pages read with pdfplumber (pdfminer), the second character source.

An upright page is handed to the layout logic as pdfplumber's own page, whose
``extract_words`` and ``find_tables`` it was written against. A page whose text runs
sideways or upside down (a ``/Rotate`` entry, which pdfminer applies, or a rotation in
the content) is first turned upright as a ``glyphs.GlyphPage``, as the pdfium source
does, so both sources read it the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from kompass_cli.read.pdf.glyphs import GlyphPage, Shape, quarter_turn, upright


def pages(pdf) -> Iterator:
    """Each page of an open pdfplumber PDF, upright, released after use."""
    for page in pdf.pages:
        try:
            yield _upright(page)
        finally:
            page.close()


def _upright(page):
    turns = [quarter_turn(char["matrix"][0], -char["matrix"][1]) for char in page.chars]
    counted = Counter(turns)
    if set(counted) <= {0}:
        return page
    turn = max(sorted(counted), key=counted.get)
    chars = [(char["text"], char["x0"], char["top"], char["x1"], char["bottom"],
              _size(char, turn)) for char, its in zip(page.chars, turns) if its == turn]
    shapes = [Shape("line", tuple(line["pts"][:2]), *_paint(line)) for line in page.lines]
    shapes += [Shape("rect", ((rect["x0"], rect["top"]), (rect["x1"], rect["bottom"])),
                     *_paint(rect)) for rect in page.rects]
    shapes += [Shape("curve", tuple(curve["pts"]), *_paint(curve)) for curve in page.curves]
    return upright(GlyphPage(float(page.width), float(page.height), chars, shapes), turn)


def _paint(obj: dict) -> tuple[bool, bool]:
    return bool(obj.get("fill")), bool(obj.get("stroke"))


def _size(char: dict, turn: int) -> float:
    """The type size: pdfminer gives a sideways character the height of its box, which
    is its advance; its type size is then the box's width."""
    return round(char["x1"] - char["x0"], 4) if turn % 2 else char["size"]
