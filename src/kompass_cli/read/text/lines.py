"""Lines handed to a parser, each remembering the line of the file it came from.

Dropping page furniture or rejoining a word broken across two lines changes which
line is which; every value must still point at the line of the file it was printed
on. ``Prepared.origin`` keeps that line for each prepared line, and ``restore_lines``
puts it back on everything a parser read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from kompass_cli.core.raw import Note, RawReport

# Words before which a line-end hyphen is kept: 'medborgar- och brukarorientering'.
JOINING_WORDS = ("och", "eller", "samt", "respektive")
_BROKEN_END = re.compile(r"[^\W\d_]-$")
_LOWER_START = re.compile(r"^[^\W\d_A-ZÅÄÖ]")
# Columns laid out with spaces (text extracted by layout): a wide gap inside the line, a
# line of numbers alone, or a line set in from the margin (a cell of a column to the
# right). Such a line is a table row, never a wrapped paragraph's part.
_SPACED_COLUMNS = re.compile(r"\S {3,}\S|^[\d\s,.%]+$|^ {3,}\S")
# A line that opens a list item or a numbered entry ('2.1 …', '3. …', '3 Tydlighet …')
# starts afresh; a number that merely begins a line of prose ('20 grupper') does not.
_ITEM_START = re.compile(
    r"^(?:[-–•▪●◦*=»]\s|\d+(?:\.\d+)+\s|\d+\.\s|[1-9]\s+[A-ZÅÄÖ])")


@dataclass
class Prepared:
    """Lines for a parser, and for each the 1-based line of the file it starts on."""

    lines: list[str]
    origin: list[int]

    @classmethod
    def of(cls, lines: list[str]) -> Prepared:
        return cls(list(lines), list(range(1, len(lines) + 1)))

    def read_each(self, read_line: Callable[[str, int, list[Note]], str]
                  ) -> tuple[Prepared, list[Note]]:
        """Every line through ``read_line(line, file_line, notes)``, which returns the
        line as read and adds a note for each reading; line origins unchanged."""
        notes: list[Note] = []
        lines = [read_line(line, number, notes) for line, number in zip(self.lines, self.origin)]
        return Prepared(lines, self.origin), notes

    def without(self, drop: set[int]) -> Prepared:
        """These lines (by index) removed, the others keeping their file lines."""
        kept = [i for i in range(len(self.lines)) if i not in drop]
        return Prepared([self.lines[i] for i in kept], [self.origin[i] for i in kept])


# A heading is a line of at most this many words.
_HEADING_WORDS = 3


def rejoin_paragraphs(prepared: Prepared) -> Prepared:
    """Rejoin what a scan broke: words hyphenated at line ends, and wrapped paragraphs.

    A word is broken when a line ends in a hyphen after a letter and the next line goes
    on in lower case ('utvär-' + 'deringen'); before 'och', 'eller', 'samt' the hyphen
    is the word's own ('medborgar- och') and stays. A paragraph is wrapped when the text
    has a wrap width (see ``wrap_width``) and the next line's first word would not have
    fitted on the line. Table rows (tabs, or columns spaced apart), list items and blank
    lines are never joined, nor is a short heading after a sentence's end, and nothing
    is joined onto the line right below a row of
    spaced columns: it is the table's next row, whose cells text extraction may have
    set one space apart.
    """
    width = wrap_width(prepared.lines)
    lines: list[str] = []
    origin: list[int] = []
    printed_length = 0  # of the last line as printed, before anything was joined to it
    below_columns = above_columns = False
    for line, number in zip(prepared.lines, prepared.origin):
        previous = lines[-1].rstrip() if lines else ""
        following = line.strip()
        if previous.endswith("-") and _BROKEN_END.search(previous) and \
                _LOWER_START.match(following):
            first_word = following.split()[0]
            lines[-1] = (f"{previous} {following}" if first_word in JOINING_WORDS
                         else previous[:-1] + following)
        elif width and not below_columns and _wrapped(previous, printed_length,
                                                      line.rstrip(), width):
            lines[-1] = f"{previous} {following}"
        else:
            lines.append(line)
            origin.append(number)
            below_columns = above_columns
        printed_length = len(line.rstrip())
        above_columns = bool(_SPACED_COLUMNS.search(line.rstrip()))
    return Prepared(lines, origin)


def wrap_width(lines: list[str]) -> int | None:
    """The width a text was wrapped at, or None for a paragraph-per-line text.

    In wrapped text most lines of prose end close to one width and none goes far past
    it; in paragraph-per-line text lengths spread widely.
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip() and "\t" not in line)
    if len(lengths) < 50:
        return None
    width = lengths[int(len(lengths) * 0.95)]
    near = sum(1 for length in lengths if width - 20 <= length <= width)
    beyond = sum(1 for length in lengths if length > width * 1.2)
    if width >= 40 and near >= 0.3 * len(lengths) and beyond <= 0.02 * len(lengths):
        return width
    return None


def _wrapped(previous: str, printed_length: int, following: str, width: int) -> bool:
    """Whether ``following`` (as printed) continues the paragraph of ``previous``."""
    if not previous or not following.strip() or "\t" in previous or "\t" in following:
        return False
    if _SPACED_COLUMNS.search(previous) or _SPACED_COLUMNS.search(following):
        return False
    if _ITEM_START.match(following.strip()) or heading_after_sentence(previous,
                                                                      following.strip()):
        return False
    return printed_length + 1 + len(following.split()[0]) > width


def heading_after_sentence(previous: str, following: str) -> bool:
    """A short capitalised line without a sentence's end after a line that ends one: a
    heading ('Styrkor', 'Förbättringsområden'), not the paragraph's wrapped last words
    (which end with the paragraph's full stop)."""
    words = following.split()
    return (previous[-1:] in ".!?:" and len(words) <= _HEADING_WORDS
            and following[:1].isupper() and following[-1:] not in ".!?:,;")


def restore_lines(raw: RawReport, origin: list[int]) -> None:
    """Point every ``line`` the parser recorded back at the line of the file."""
    _restore(raw, origin, set())


def _restore(node: object, origin: list[int], seen: set[int]) -> None:
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, list):
        for item in node:
            _restore(item, origin, seen)
    elif isinstance(node, dict):
        for item in node.values():
            _restore(item, origin, seen)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        line = getattr(node, "line", None)
        if isinstance(line, int) and 1 <= line <= len(origin):
            node.line = origin[line - 1]
        for item in dataclasses.fields(node):
            if item.name != "line":
                _restore(getattr(node, item.name), origin, seen)
