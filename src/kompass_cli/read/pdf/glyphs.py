"""A page as characters and drawn shapes, whichever library read it, read upright.

The layout logic (``page.read_page``) asks a page for its words (``extract_words``) and
its ruled tables (``find_tables``), as a pdfplumber page answers. ``GlyphPage`` answers
the same two questions from plain characters and drawn shapes, so a faster character
source (pdfium) feeds the same logic. Words are grouped by pdfplumber's rules, which
this module restates for plain tuples (pdfplumber's own grouping costs more than
pdfium's whole extraction): a run of characters of one size is cut into lines by their
tops (3 pt apart at most, chained), each line read by x, and a word ends at a space or
a gap of more than 3 pt. Ruled tables are found by pdfplumber's table finder from the
edges of the shapes, made exactly as pdfplumber makes them.

A page whose text runs sideways or upside down (a ``/Rotate`` entry, or a rotation in
the content) is turned so that most of its characters read left to right; characters
running another way than most (a sideways margin label) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

# pdfplumber's word tolerances: a word ends at a gap wider than this, and a line's
# characters have tops at most this far apart.
X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl",
                            "ﬆ": "st", "ﬅ": "st"})
_LIGATURE_CHARS = frozenset("ﬀﬃﬄﬁﬂﬆﬅ")

# A character: (text, x0, top, x1, bottom, size), top measured down from the top edge.
Glyph = tuple[str, float, float, float, float, float]
Point = tuple[float, float]


@dataclass(frozen=True)
class Shape:
    """A drawn path as pdfminer classifies it: 'line', 'rect' (two corners) or 'curve';
    whether it is filled and stroked."""

    kind: str
    points: tuple[Point, ...]
    fill: bool = False
    stroke: bool = True


@dataclass
class GlyphPage:
    """A page's characters and shapes in top-down page coordinates."""

    width: float
    height: float
    chars: list[Glyph]
    shapes: list[Shape]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    def extract_words(self, extra_attrs: list[str] | None = None) -> list[dict]:
        """Words as pdfplumber's ``extract_words(extra_attrs=["size"])`` gives them."""
        return group_words(self.chars)

    @property
    def edges(self) -> list[dict]:
        """The shapes' edges as pdfplumber makes them: lines, then rects, then curves."""
        from pdfplumber.utils import curve_to_edges, line_to_edge, rect_to_edges

        made = {"line": [], "rect": [], "curve": []}
        for shape in self.shapes:
            made[shape.kind].append(_object(shape, self.height))
        return ([line_to_edge(obj) for obj in made["line"]]
                + [edge for obj in made["rect"] for edge in rect_to_edges(obj)]
                + [edge for obj in made["curve"] for edge in curve_to_edges(obj)])

    def filter(self, test) -> GlyphPage:
        """The page keeping the shapes whose pdfplumber object passes ``test`` (as
        pdfplumber's ``Page.filter``; the characters are kept)."""
        kept = [shape for shape in self.shapes if test(_object(shape, self.height))]
        return GlyphPage(self.width, self.height, self.chars, kept)

    def find_tables(self) -> list:
        """pdfplumber's ruled tables, found from this page's edges."""
        from pdfplumber.table import TableFinder, TableSettings

        return TableFinder(self, TableSettings.resolve(None)).tables


def group_words(chars: list[Glyph]) -> list[dict]:
    """Characters (in content order) into words, by pdfplumber's rules (see above).

    Within a run of one size the characters are read line by line and left to right,
    ties kept in content order, as pdfplumber's stable sorts leave them.
    """
    words: list[dict] = []
    for _, group in groupby(chars, key=itemgetter(5)):
        run = list(group)
        tops = list(map(itemgetter(2), run))
        cluster = _line_clusters(set(tops))
        order = sorted(zip(map(cluster.__getitem__, tops), map(itemgetter(1), run),
                           range(len(run))))
        word: list[Glyph] = []
        line = -1
        for at, x0, index in order:
            glyph = run[index]
            if at != line or glyph[0].isspace():
                line = at
                _flush(word, words)
                word = [] if glyph[0].isspace() else [glyph]
            elif word and (x0 < word[-1][1] or x0 > word[-1][3] + X_TOLERANCE
                           or abs(glyph[2] - word[-1][2]) > Y_TOLERANCE):
                _flush(word, words)
                word = [glyph]
            else:
                word.append(glyph)
        _flush(word, words)
    return words


def _line_clusters(tops: set[float]) -> dict[float, int]:
    """Each distinct top's line: sorted tops chained while each is within tolerance."""
    cluster: dict[float, int] = {}
    index, last = -1, None
    for top in sorted(tops):
        if last is None or top > last + Y_TOLERANCE:
            index += 1
        cluster[top] = index
        last = top
    return cluster


def _flush(word: list[Glyph], words: list[dict]) -> None:
    if not word:
        return
    texts, x0s, tops, x1s, bottoms, _ = zip(*word)
    text = "".join(texts)
    if not _LIGATURE_CHARS.isdisjoint(text):
        text = text.translate(_LIGATURES)
    words.append({"text": text, "x0": min(x0s),
                  "x1": max(x1s), "top": min(tops), "bottom": max(bottoms),
                  "size": word[0][5]})


def _object(shape: Shape, height: float) -> dict:
    """A shape as the pdfplumber object (line, rect or curve) its edges are made from."""
    xs = [x for x, _ in shape.points]
    ys = [y for _, y in shape.points]
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    obj = {"object_type": shape.kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
           "doctop": top, "width": x1 - x0, "height": bottom - top,
           "y0": height - bottom, "y1": height - top, "fill": shape.fill,
           "stroke": shape.stroke}
    if shape.kind == "curve":
        obj["pts"] = list(shape.points)
    return obj


def classify(subpath: list[tuple[str, Point]], fill: bool = False,
             stroke: bool = True) -> Shape | None:
    """One subpath (operators 'm', 'l', 'c', 'h' with their end points) as pdfminer
    classifies it: a single segment is a line, a closed axis-aligned four-sided path a
    rect, anything else a curve through its points."""
    shape = "".join(op for op, _ in subpath)
    points = [point for _, point in subpath]
    if shape[:1] != "m" or len(points) < 2:
        return None
    if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
        shape = shape[:-2] + "h"
        points.pop()
    if shape in ("ml", "mlh"):
        return Shape("line", (points[0], points[1]), fill, stroke)
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = points
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or \
                 (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if last == points[0] and square:
            return Shape("rect", (points[0], points[2]), fill, stroke)
    return Shape("curve", tuple(points), fill, stroke)


# --- reading a page upright ----------------------------------------------------------


def quarter_turn(dx: float, dy: float) -> int:
    """How many quarter turns clockwise make a baseline running (dx, dy) (top-down
    coordinates) run left to right: 0, 1, 2 or 3."""
    if abs(dx) >= abs(dy):
        return 0 if dx > 0 else 2
    return 1 if dy < 0 else 3


def upright(page: GlyphPage, turn: int) -> GlyphPage:
    """The page turned ``turn`` quarter turns clockwise, so its text reads across."""
    if turn == 0:
        return page
    width, height = page.width, page.height

    def move(point: Point) -> Point:
        x, y = point
        if turn == 1:
            return height - y, x
        if turn == 2:
            return width - x, height - y
        return y, width - x

    chars = []
    for text, x0, top, x1, bottom, size in page.chars:
        (ax, ay), (bx, by) = move((x0, top)), move((x1, bottom))
        chars.append((text, min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), size))
    shapes = [Shape(shape.kind, tuple(move(point) for point in shape.points), shape.fill,
                    shape.stroke) for shape in page.shapes]
    if turn == 2:
        return GlyphPage(width, height, chars, shapes)
    return GlyphPage(height, width, chars, shapes)
