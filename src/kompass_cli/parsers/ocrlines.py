"""Wrapped lines of OCR'd text turned back into items: bullets, hyphenation, capitals.

A scan prints each list item over several lines; OCR keeps the line breaks, the
end-of-line hyphens and reads bullets as '•', '=', '»', 'e' or 'o'. Both readings of a
two-column findings table (column by column, or interleaved line by line) end in the
same step: lines of one column rejoined into items. That step lives here so the layout
reader and the de-interleaver share one notion of where an item starts and ends.
Tables of numbered rows lose some of their numbers the same way; ``fill_gaps`` gives
those rows their place where the order leaves only one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kompass_cli.core.raw import Located
from kompass_cli.core.words import compact

# Glyphs OCR prints for a bullet ('•' as '=', '»', '°', '¢', '©', '*', '■').
BULLET_GLYPHS = "=»«•°¢©*■▪"
# A bullet as OCR prints it: a glyph (after a speck or two, even glued to the word:
# '.=En'), or a lone 'e', 'o', 'é' or '0' (a small round bullet).
BULLET = re.compile(rf"^[.,:;'‘’]{{0,2}}\s?(?:[{BULLET_GLYPHS}]\s*|[eoé0]\s+)(?=\S)")
# A line that ends a sentence (full stop, question or exclamation mark, a closing quote).
TERMINAL = re.compile(r"[.?!][”\"’)]?$")
# A speck of a scan: a mark that is neither a letter, a digit nor a percent sign.
_SPECK = r"(?:[^\w\s%]|_)"
# Specks a scan leaves before a line or a heading's number (': 4.2.2 Delpoäng', '“2.').
SPECKS_BEFORE = rf"^\s*(?:{_SPECK}{{1,2}}\s*)?"
# Specks after a heading or the last number of a table row ('64 72 72 :', '78%:',
# 'Norsjo kommun - : .'); never a digit, which would be a number of its own.
SPECKS_AFTER = r"(?:[^\w%]|_)*$"
# Words after which a hyphen is a shared compound part ('kultur- och idrott').
JOINING_WORDS = ("och", "eller", "samt")


@dataclass
class Line:
    """One content line of a findings table (1-based line number, stripped text)."""

    number: int
    text: str


def ends_broken_word(text: str) -> bool:
    """A trailing hyphen right after a letter or digit: the word goes on next line."""
    return len(text) > 1 and text.endswith("-") and text[-2].isalnum()


def join_lines(parts: list[str]) -> str:
    """Rejoin wrapped lines, undoing end-of-line hyphenation.

    'handlingspla-' + 'ner' -> 'handlingsplaner'; a hyphen before 'och'/'eller'/'samt' is a
    shared compound part ('kultur- och'); after a capital or digit it belongs to the word
    ('HME-enkaten').
    """
    text = ""
    for part in (compact(p) for p in parts):
        if not part:
            continue
        if not text:
            text = part
        elif ends_broken_word(text) and part.split()[0] not in JOINING_WORDS:
            text = text[:-1] + part if text[-2].islower() else text + part
        else:
            text = f"{text} {part}"
    return text


def starts_item(previous: str, text: str) -> bool:
    """A plain line opens a new item when it starts with a capital after a finished line."""
    if not previous or not text:
        return True
    if previous.endswith(("-", ",")):
        return False
    first = text[0]
    return first.isupper() or (first == "|" and text[1:2] == " ")


def continues(previous: str, text: str) -> bool:
    """A line goes on with the one before even across a blank line: a broken word or a
    trailing comma before it, or a lower-case start.

    OCR and text extraction put blank lines between the lines of one paragraph when the
    printed lines are spaced apart (Tesseract's blocks, ``pdftotext -layout``); a blank
    line then says nothing, and only the words tell where an item goes on.
    """
    return bool(previous and text) and (
        previous.endswith(("-", ",")) or text[0].islower())


def plain_items(content: list[Line]) -> list[Located]:
    """Items without bullets: split at capitals after a finished line, and at blank
    lines unless the line after them plainly continues (``continues``)."""
    items: list[list[Line]] = []
    previous = ""
    after_blank = False
    for line in content:
        if not line.text:
            after_blank = True
            continue
        if after_blank:
            opens = not continues(previous, line.text)
        else:
            opens = starts_item(previous, line.text)
        if not items or opens:
            items.append([line])
        else:
            items[-1].append(line)
        previous, after_blank = line.text, False
    return [Located(join_lines([p.text for p in item]), item[0].number) for item in items]


def bulleted_items(parts: list[Line]) -> list[Located]:
    """Items of one column: each bullet opens an item, plain lines continue it."""
    items: list[list[Line]] = []
    for part in parts:
        bullet = BULLET.match(part.text)
        if bullet or not items:
            text = part.text[bullet.end():] if bullet else part.text
            items.append([Line(part.number, text)])
        else:
            items[-1].append(part)
    return [Located(join_lines([p.text for p in item]), item[0].number) for item in items]


def fill_gaps(numbers: list[int | None], end: int | None = None) -> list[int | None]:
    """The number of each row of a table numbered 1, 2, 3 … in order, where OCR lost some.

    A printed number stands; a run of unnumbered rows between printed numbers p and n
    that fills exactly the places between them takes p+1 … n-1. ``end`` is the number
    after the last row where it is known (a run after the last printed number must fit
    it too); without it, such a run follows on. Any other unnumbered row stays None:
    its place is not certain.
    """
    filled: list[int | None] = []
    run: list[int] = []
    previous = 0
    for position, number in enumerate(numbers + [end]):
        if position == len(numbers) and end is None:
            following = previous + len(run) + 1
        elif number is None:
            run.append(position)
            filled.append(None)
            continue
        else:
            following = number
        if len(run) == following - previous - 1:
            for offset, index in enumerate(run):
                filled[index] = previous + offset + 1
        if position < len(numbers):
            filled.append(number)
            previous = number
        run = []
    return filled
