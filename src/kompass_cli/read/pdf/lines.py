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
# Words after which a phrase cannot end (Swedish and English conjunctions, prepositions,
# articles): a line ending in one runs on, whatever the next line starts with.
_OPEN_WORDS = frozenset("""
    och eller samt men att som än i av på för med om till från vid mot under över inom
    mellan hos efter utan enligt genom kring både den det de en ett dess vars
    and or but of in on for to with by from at the a an
""".split())
_QUOTES = "\"'”“‘’«»(["


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
    space: float = 0.0  # the narrowest gap between two of its words; 0 for one word

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
                    words[1]["x0"] if bullet_alone else words[0]["x0"],
                    word_space(words))


def word_space(words: list[dict]) -> float:
    """The narrowest gap between two words of a line (after a bullet glyph's aside): the
    font's space, or more on a justified line; 0 for a line of one word."""
    start = 1 if words and clean_word(words[0]["text"]) in BULLETS else 0
    gaps = [b["x0"] - a["x1"] for a, b in pairwise(words[start:])]
    return max(0.0, min(gaps)) if gaps else 0.0


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
    return not fits_after(before.x1, before.size, after.first_word_width, right_edge,
                          before.space)


def fits_after(line_end: float, size: float, word_width: float, right_edge: float,
               space: float = 0.0) -> bool:
    """Whether a word of ``word_width`` fits after a line ending at ``line_end``: the
    typesetter's test. The space between them is the line's own narrowest word gap
    (fonts differ: a quarter of the type size in Helvetica, a third in DejaVu Sans),
    at least a quarter of the type size and at most half of it (a justified line's
    stretched gaps say nothing of the font's space)."""
    gap = min(max(space, 0.25 * size), 0.5 * size)
    return line_end + gap + word_width <= right_edge - 0.5


def opens_paragraph(last_word: str, first_word: str) -> bool:
    """Whether a line ending in ``last_word`` and a line starting with ``first_word``
    read as two paragraphs, when neither a bullet, spacing nor justification says so
    and the word would not have fitted on the line.

    The next line must start with a capital (after any quote), and the line must end a
    phrase: not in a dash, hyphen or slash, a conjunction, preposition or article. A
    word in capitals (an abbreviation) opens a paragraph only after a sentence's end.
    A comma does not hold the line on (a list item may end in one), nor does a name:
    items end in place names as often as a name of two words is broken across lines,
    and a line of one capitalised word is as often a whole item.
    """
    letters = first_word.lstrip(_QUOTES + "-–")
    if not letters[:1].isupper():
        return False
    last = last_word.rstrip(_QUOTES)
    if last.endswith(("-", "–", "/", "&")) or last.casefold() in _OPEN_WORDS:
        return False
    if last.endswith(_SENTENCE_END):
        return True
    bare = letters.rstrip(".,:;!?")
    return not (len(bare) > 1 and bare.isupper())


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


def paragraphs(lines: list[TextLine], right_edge: float,
               unmarked: bool | None = None) -> list[str]:
    """Lines rejoined into paragraphs where they wrap (see ``continues``).

    Where paragraphs are set one under the other without bullet or spacing (``unmarked``;
    when not given, judged from these lines by ``unmarked_breaks``) and the lines are
    ragged, a capital start after a line that ends a phrase also starts a paragraph
    (``opens_paragraph``). Justified lines need no such guess: every wrapped line
    reaches the edge, so one that stops short ends its paragraph.
    """
    joins = _joins(lines, right_edge)
    if unmarked is None:
        unmarked = unmarked_breaks(lines, joins)
    if unmarked and not any(line.is_item for line in lines) and \
            not justified([line.x1 for line in lines], right_edge):
        joins = [join and not _capital_break(before, line)
                 for join, before, line in zip(joins, [lines[0], *lines], lines)]
    joined: list[str] = []
    for join, line in zip(joins, lines):
        if join:
            joined[-1] += " " + line.text
        else:
            joined.append(line.text)
    return joined


def _joins(lines: list[TextLine], right_edge: float) -> list[bool]:
    """For each line, whether it continues the line before (see ``continues``)."""
    joiner = Joiner(lambda page: right_edge)
    return [joiner.continues(line) for line in lines]


def shows_unmarked_breaks(lines: list[TextLine], right_edge: float) -> bool:
    """``unmarked_breaks`` of lines on their own: does a paragraph end unmarked here?"""
    return unmarked_breaks(lines, _joins(lines, right_edge))


def unmarked_breaks(lines: list[TextLine], joins: list[bool]) -> bool:
    """Whether paragraphs here follow each other with nothing to mark them: no line is
    a list item, and some paragraph ends at ordinary line spacing (a short line with
    room for the next line's first word, the next line right under it)."""
    if any(line.is_item for line in lines):
        return False
    return any(not join and before.page == line.page and
               line.top - before.top <= PARAGRAPH_LEADING * max(before.size, line.size)
               for join, before, line in zip(joins[1:], lines, lines[1:]))


def justified(line_ends: list[float], right_edge: float) -> bool:
    """Lines set justified: several of them end at the edge (a ragged line rarely does)."""
    return sum(1 for end in line_ends if end >= right_edge - 0.5) >= 3


def _capital_break(before: TextLine, line: TextLine) -> bool:
    words = before.text.split()
    return bool(words) and opens_paragraph(words[-1], line.text.split()[0])
