"""Words into lines, and the test that tells a wrapped line from a line that ends.

pdfplumber gives words with positions; a line is the words whose tops agree, read left
to right. Whether a line continues on the next one is decided the way a typesetter
breaks lines: a paragraph wraps only when the next word would not have fitted on the
line, so a line with room left for the next line's first word ended there on purpose.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

# Glyphs that open a list item; U+F0B7 is the Symbol-font bullet of word processors.
BULLETS = ("•", "▪", "●", "◦", "·", "–", "\uf0b7")
_REPLACEMENTS = str.maketrans({"\uf0b7": "•", "ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff",
                               "\u00ad": ""})
# A gap wider than this many font sizes between two words separates table columns.
COLUMN_GAP = 3.0
_SENTENCE_END = (".", "!", "?", ":")
# Two lines further apart than this many font sizes are in different paragraphs.
PARAGRAPH_LEADING = 1.4


@dataclass
class TextLine:
    """One printed line: its words' text and the box around them."""

    page: int
    top: float
    x0: float
    x1: float
    size: float
    text: str
    first_word_width: float
    body_x0: float  # where the text starts after a bullet glyph; x0 otherwise

    @property
    def is_item(self) -> bool:
        return self.text.startswith(BULLETS)


def clean_word(text: str) -> str:
    """Private-use bullets as '•', ligatures as letters, soft hyphens gone.

    '(cid:127)' is how pdfminer shows a bullet drawn from code 127 of a standard font,
    which it cannot map to a character; nothing else prints that code.
    """
    return text.translate(_REPLACEMENTS).replace("(cid:127)", "•")


def word_lines(words: list[dict]) -> list[list[dict]]:
    """Words (pdfplumber dicts with 'size') grouped into lines, top to bottom, each
    line's words left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= 0.4 * word["size"]:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def group_lines(words: list[dict], page: int) -> list[TextLine]:
    """Words grouped into printed lines, top to bottom."""
    return [_line(line, page) for line in word_lines(words)]


def _line(words: list[dict], page: int) -> TextLine:
    """Words joined by a space, or by a tab across a gap as wide as a table column."""
    size = max(word["size"] for word in words)
    parts = [clean_word(words[0]["text"])]
    for before, word in pairwise(words):
        gap = word["x0"] - before["x1"]
        parts.append("\t" if gap > COLUMN_GAP * size else " ")
        parts.append(clean_word(word["text"]))
    bullet_alone = parts[0] in BULLETS and len(words) > 1
    return TextLine(page, words[0]["top"], words[0]["x0"], words[-1]["x1"], size,
                    "".join(parts), words[0]["x1"] - words[0]["x0"],
                    words[1]["x0"] if bullet_alone else words[0]["x0"])


def continues(before: TextLine, after: TextLine, right_edge: float,
              hang: float | None = None) -> bool:
    """Whether ``after`` is the wrapped rest of ``before``'s paragraph.

    Same paragraph leading, not a new list item, not left of ``hang`` (the indent the
    paragraph's continuation lines keep), and the line was full: the first word of
    ``after`` would not have fitted in the room left before ``right_edge``. Across a
    page break the spacing says nothing, so a line that ends a sentence is taken to
    end its paragraph there.
    """
    if after.is_item or "\t" in before.text or "\t" in after.text:
        return False
    if hang is not None and after.x0 < hang - 1:
        return False
    if before.page == after.page and \
            after.top - before.top > PARAGRAPH_LEADING * max(before.size, after.size):
        return False
    if before.page != after.page and before.text.rstrip().endswith(_SENTENCE_END):
        return False  # across a page break there is no spacing to go by
    return not fits_after(before.x1, before.size, after.first_word_width, right_edge)


def fits_after(line_end: float, size: float, word_width: float, right_edge: float) -> bool:
    """Whether a word of ``word_width`` fits after a line ending at ``line_end``: the
    typesetter's test, with a space of a quarter of the type size between them."""
    return line_end + 0.25 * size + word_width <= right_edge - 0.5


class Joiner:
    """Follows a paragraph line by line: does the next line continue it?

    Keeps the indent continuation lines must keep: a list item's text indent (so the
    heading after a list is not run into its last item), then the indent of the first
    continuation line (a first-line indent is allowed).
    """

    def __init__(self, right_edge: Callable[[int], float]) -> None:
        self.right_edge = right_edge
        self.last: TextLine | None = None
        self.hang: float | None = None

    def continues(self, line: TextLine) -> bool:
        last = self.last
        joined = last is not None and continues(last, line, self.right_edge(last.page),
                                                self.hang)
        if joined:
            self.hang = line.x0
        else:
            self.hang = line.body_x0 if line.is_item else None
        self.last = line
        return joined

    def break_here(self) -> None:
        """Nothing continues across this point (a table)."""
        self.last = None


def paragraphs(lines: list[TextLine], right_edge: float) -> list[str]:
    """Lines rejoined into paragraphs where they wrap (see ``continues``)."""
    joined: list[str] = []
    joiner = Joiner(lambda page: right_edge)
    for line in lines:
        if joiner.continues(line):
            joined[-1] += " " + line.text
        else:
            joined.append(line.text)
    return joined
