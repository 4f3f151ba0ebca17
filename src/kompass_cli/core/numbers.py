"""Numbers as Swedish reports print them.

Reports write decimals with a comma ("54,5") and percents with a sign ("45%"). A value
is kept an ``int`` when it is whole so that the JSON says ``57`` and not ``57.0``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

Number = int | float

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def parse_number(text: str) -> Number:
    """Parse '57', '54,5' or '4.5' into 57, 54.5, 4.5; raise ValueError otherwise."""
    cleaned = text.strip().replace("\u2212", "-")
    if not _NUMBER.match(cleaned):
        raise ValueError(f"not a number: {text!r}")
    value = float(cleaned.replace(",", "."))
    return normalise(value)


def parse_percent(text: str) -> Number:
    """Parse '45%' or '45 %' into 45."""
    return parse_number(text.strip().rstrip("%").strip())


def normalise(value: float) -> Number:
    """Return an int for whole values so JSON prints 57 rather than 57.0."""
    if float(value).is_integer():
        return int(value)
    return round(float(value), 6)


_LEADING = re.compile(r"\s*([+-]?\d+(?:[.,]\d+)?)")


def printed_value(token: str) -> Number | None:
    """The number a printed token begins with ('54,5', '45%', '420p'); None when it
    begins with no digits (a token read through scanner confusions, 'l5')."""
    found = _LEADING.match(token.replace("\u2212", "-"))
    return None if found is None else parse_number(found.group(1))


def decimals(text: str) -> int:
    """How many decimals a printed number carries ('54,5' -> 1); sets its rounding."""
    cleaned = text.strip().rstrip("%").strip()
    for sep in (",", "."):
        if sep in cleaned:
            return len(cleaned.split(sep, 1)[1])
    return 0


# Characters a number token is made of, besides the invisible characters inside it.
_NUMBER_CHARS = frozenset("0123456789,.")
# Control and format characters (Cc, Cf), combining marks (Mn, Me) and unassigned code
# points (Cn): nothing a printed number holds. A tab separates columns and is not one.
_INVISIBLE = frozenset({"Cc", "Cf", "Mn", "Me", "Cn"})
# Printable text needs a closer look only where it has combining marks.
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Unreadable digits are shown as this, so that no pattern reads a number from them.
UNREADABLE = "\ufffd"


@dataclass(frozen=True)
class Unreadable:
    """A number token with an invisible character inside, as printed, and its line."""

    line: int
    token: str

    def shown(self) -> str:
        """The token with its invisible characters spelt out ('4\\x006' as '4<U+0000>6')."""
        return "".join(c if not _is_invisible(c) else f"<U+{ord(c):04X}>" for c in self.token)


def _is_invisible(char: str) -> bool:
    """A control or format character (NUL, BOM, soft hyphen, zero-width space…), a
    combining mark or an unassigned code point."""
    return char != "\t" and unicodedata.category(char) in _INVISIBLE


def blank_unreadable_numbers(lines: list[str]) -> tuple[list[str], list[Unreadable]]:
    """Lines with every number token that holds an invisible character made unreadable.

    Patterns that look for digits would otherwise read the digits on one side of the
    character as a number of its own: '4\\x006' as 6. The token (digits, separators and
    the invisible characters between and beside them) is replaced, character for
    character, by U+FFFD, and returned so that it can be reported.
    """
    if _plain("\n".join(lines)):
        return lines, []
    found: list[Unreadable] = []
    cleaned = []
    for index, line in enumerate(lines):
        if _plain(line):
            cleaned.append(line)
            continue
        cleaned.append(_blank_line(line, index + 1, found))
    return cleaned, found


def _plain(text: str) -> bool:
    """Nothing invisible near a digit can be in the text (a quick look at C speed)."""
    return (text.replace("\t", " ").replace("\n", " ").isprintable()
            and not _MARKS.search(text))


def _blank_line(line: str, number: int, found: list[Unreadable]) -> str:
    parts = []
    start = 0
    while start < len(line):
        end = start
        while end < len(line) and (line[end] in _NUMBER_CHARS or _is_invisible(line[end])):
            end += 1
        if end == start:
            parts.append(line[start])
            start += 1
            continue
        token = line[start:end]
        if any(c.isdigit() for c in token) and any(_is_invisible(c) for c in token):
            found.append(Unreadable(number, token))
            token = UNREADABLE * len(token)
        parts.append(token)
        start = end
    return "".join(parts)
