"""Two columns of findings that OCR read as one, line by line, told apart again.

A findings table prints strengths on the left and improvements on the right. Tesseract
often reads such a table across: each text line holds the end of a left line and then
the right one ('Tydliga mål finns. Utveckla uppföljningen av'). Where a '|' or a second
bullet marks the boundary, the cut is given. Elsewhere it is inferred: the columns have
a fixed printed width, so the cut must leave two parts that each fit their column (their
width estimated from letter widths of a typical font, because letter counts do not tell
'illi' from 'mmmm'), a column whose last word was broken must continue, an item that has
ended needs a bullet to start another. The cheapest cut by those costs wins. When one
column has ended, the lines left belong to the other, told by which item is unfinished
or, failing that, by wording (``wording``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kompass_cli.core.words import compact
from kompass_cli.parsers.ocrlines import (
    BULLET,
    JOINING_WORDS,
    TERMINAL,
    Line,
    bulleted_items,
    ends_broken_word,
)
from kompass_cli.parsers.wording import reads_as_improvement

_MID_BULLET = re.compile(r"\s+[=»«•°¢©■▪]\s+")
_PIPE = re.compile(r"\s\|\s")


@dataclass
class _Column:
    """What one column has received so far while reading interleaved lines."""

    parts: list[Line] = field(default_factory=list)

    def state(self) -> str:
        """'must' (a word was broken), 'may' (sentence unfinished) or 'closed'."""
        if not self.parts:
            return "closed"
        last = self.parts[-1].text
        if ends_broken_word(last):
            return "must"
        return "closed" if TERMINAL.search(last) else "may"


def read_interleaved(content: list[Line]) -> tuple[list[Line], list[Line], int | None]:
    """Split each line into its left and right column parts.

    Once a line holds only one column the other has ended, and the remaining lines all
    belong to the continuing column. Returns the parts and, when the continuing column
    had to be told from wording, the line where that run starts.
    """
    left, right = _Column(), _Column()
    widths = _column_widths(content)
    lines = [line for line in content if line.text]
    for position, line in enumerate(lines):
        left_ends = position + 1 < len(lines) and bool(BULLET.match(lines[position + 1].text))
        parts = (_explicit_split(line.text)
                 or _best_split(line.text, left, right, widths, left_ends))
        left_text, right_text = parts
        if left_text and right_text:
            left.parts.append(Line(line.number, left_text))
            right.parts.append(Line(line.number, right_text))
            continue
        rest = lines[position:]
        goes_left, inferred = _run_column(rest, left, right, widths)
        (left if goes_left else right).parts.extend(rest)
        return left.parts, right.parts, line.number if inferred else None
    return left.parts, right.parts, None


def _explicit_split(text: str) -> tuple[str, str] | None:
    """A '|' separator or a second bullet after white space marks the column boundary."""
    for pattern in (_PIPE, _MID_BULLET):
        match = pattern.search(text, 1)
        if match:
            cut = match.start() if pattern is _MID_BULLET else match.end()
            left = text[:match.start()].strip()
            right = text[cut:].strip()
            if left and right:
                return left, right
    return None


@dataclass
class _Widths:
    """Printed widths of left and right column lines (in em, from the lines split by cues)."""

    left_max: float
    right_max: float
    left_typical: float
    right_typical: float


def _column_widths(content: list[Line]) -> _Widths:
    """Measure both columns on the lines whose boundary is printed ('|', second bullet)."""
    lefts, rights = [], []
    for line in content:
        parts = _explicit_split(line.text) if line.text else None
        if parts:
            lefts.append(text_width(parts[0]))
            rights.append(text_width(parts[1]))
    if not lefts:
        return _Widths(20.0, 18.0, 18.0, 16.0)
    return _Widths(max(lefts), max(rights), _median(lefts), _median(rights))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


# Approximate advance widths (per mille of an em) of a sans-serif font: the columns have a
# fixed printed width, so the printed width of a line, not its letter count, is what fits.
_NARROW = {**dict.fromkeys("ijl", 222), **dict.fromkeys("ft", 278), "r": 333, " ": 278,
           **dict.fromkeys(".,:;'’‘/|!", 278), "-": 333, **dict.fromkeys("\"”“", 333)}
_WIDE = {"m": 833, "w": 722, "=": 584, **dict.fromkeys("cksvxyz", 500)}


def text_width(text: str) -> float:
    """Printed width of a line in em, estimated from typical sans-serif letter widths."""
    total = 0
    for char in compact(text):
        if char in _NARROW:
            total += _NARROW[char]
        elif char in _WIDE:
            total += _WIDE[char]
        else:
            total += 667 if char.isupper() else 556
    return total / 1000


# How far a part may exceed its column's widest measured line: OCR adds or drops spaces
# and misreads letters ('Ile-' for 'le-'), and the letter widths are those of a typical
# font, not the report's: 0.3 em, or a few per cent of the width at a cut that the
# words mark (a broken word before it, see ``_boundary_cue``).
_TOLERANCE = 0.3
_RELATIVE_TOLERANCE = 0.05
_EMPTY_OPEN_COST = 1.0
_CLOSED_COST = 2.0
_CUE_BONUS = 1.0


def _best_split(text: str, left: _Column, right: _Column, widths: _Widths,
                left_ends: bool) -> tuple[str, str]:
    """The word boundary that best explains the line as a left part and a right part.

    Both parts must fit their column. A part that does not end its item is a full line
    and should be about as wide as its column (a left part ends its item when the next
    line opens with a bullet, a part ends a sentence when it ends with a full stop); a
    column left with an unfinished word
    must continue here; a plain part cannot continue a column whose item has ended. A
    word ending in '-' before anything but 'och'/'eller'/'samt', or a sentence end before
    a lower-case word, marks the boundary. Ties go to the shortest left part: a left part
    without cue is usually the tail of a broken word or the last words of an item.
    """
    words = text.split()
    best: tuple[float, int] | None = None
    for cut in range(len(words) + 1):
        cost = _split_cost(words, cut, (left, right), widths, left_ends)
        if cost is not None and (best is None or cost < best[0] - 1e-9):
            best = (cost, cut)
    cut = best[1] if best else len(words)
    return " ".join(words[:cut]), " ".join(words[cut:])


def _split_cost(words: list[str], cut: int, columns: tuple[_Column, _Column],
                widths: _Widths, left_ends: bool) -> float | None:
    """Cost of cutting the words at ``cut`` (None when a part cannot fit its column)."""
    left, right = columns
    left_text, right_text = " ".join(words[:cut]), " ".join(words[cut:])
    cue = 0 < cut < len(words) and _boundary_cue(words[cut - 1], words[cut])
    if text_width(left_text) > _widest(widths.left_max, cue):
        return None
    if text_width(right_text) > _widest(widths.right_max, cue):
        return None
    cost = 0.0
    cost += _part_cost(left_text, left, widths.left_typical, left_ends)
    cost += _part_cost(right_text, right, widths.right_typical, False)
    return cost - _CUE_BONUS if cue else cost


def _widest(measured: float, cue: bool) -> float:
    """The widest a part of a column whose widest measured line is ``measured`` may be:
    a few per cent wider where the words themselves mark the cut."""
    return measured + max(_TOLERANCE, _RELATIVE_TOLERANCE * measured if cue else 0.0)


def _part_cost(part: str, column: _Column, typical: float, ends_item: bool) -> float:
    """How badly one part fits its column's state and width."""
    state = column.state()
    if not part:
        return {"must": 10.0, "may": _EMPTY_OPEN_COST, "closed": 0.0}[state]
    cost = 0.0
    if state == "closed" and not BULLET.match(part):
        cost += _CLOSED_COST
    if not ends_item and not TERMINAL.search(part):
        shortfall = max(0.0, typical - text_width(part)) / typical
        cost += shortfall if ends_broken_word(part) else shortfall / 2
    return cost


def _boundary_cue(before: str, after: str) -> bool:
    """Words that cannot follow each other within one column's line."""
    if ends_broken_word(before) and after not in JOINING_WORDS:
        return True
    return bool(TERMINAL.search(before)) and after[:1].islower()


def _run_column(rest: list[Line], left: _Column, right: _Column,
                widths: _Widths) -> tuple[bool, bool]:
    """Which column the single-column lines continue: (goes_left, told_from_wording).

    A column with an unfinished item continues; otherwise the wording of the run's
    items decides (recommendations are improvements), and last its printed width.
    """
    first = rest[0].text
    if not BULLET.match(first):
        states = (left.state(), right.state())
        if states[0] != "closed" and states[1] == "closed":
            return True, False
        if states[1] != "closed" and states[0] == "closed":
            return False, False
        if "must" in states and states[0] != states[1]:
            return states[0] == "must", False
    items = bulleted_items(rest)
    improving = sum(reads_as_improvement(item.text) for item in items)
    if improving * 2 != len(items):
        return improving * 2 < len(items), True
    run = max(text_width(line.text) for line in rest)
    return run > widths.right_max, False
