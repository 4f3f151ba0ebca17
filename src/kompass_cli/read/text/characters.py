"""Compatibility characters that carry no meaning, replaced before any parser sees them.

Text extracted from PDFs and word processors carries typographic ligatures ('ﬁ', 'ﬂ'),
non-breaking and narrow spaces, soft hyphens and zero-width characters. They print as
the plain letters and spaces they stand for, so replacing them keeps the printed text
while letting cue words, names and the repair's lexicon match. A soft hyphen at the end
of a line is where a word was broken, so it becomes an ordinary hyphen there.

Control characters are left alone: inside a number they make it unreadable, and the
number reader has to see them to say so.
"""

from __future__ import annotations

import re

_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
              "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\u0132": "IJ", "\u0133": "ij"}
_SPACES = dict.fromkeys("\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                        "\u2008\u2009\u200a\u205f\u3000", " ")
_INVISIBLE = dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", "")
_TABLE = str.maketrans({**_LIGATURES, **_SPACES, **_INVISIBLE})
_SOFT_HYPHEN_AT_END = re.compile("\u00ad\\s*$")
# Any character the table replaces, or a soft hyphen: most non-ASCII lines (Swedish
# letters only) hold none, and a search is far cheaper than translating them.
_REPLACED = re.compile(
    "[" + re.escape("".join([*_LIGATURES, *_SPACES, *_INVISIBLE])) + "\u00ad]")


def normalise_line(line: str) -> str:
    """One line with ligatures spelt out, odd spaces made plain, invisible marks gone."""
    if line.isascii() or not _REPLACED.search(line):
        return line
    line = _SOFT_HYPHEN_AT_END.sub("-", line)
    return line.replace("\u00ad", "").translate(_TABLE)


def normalise_lines(lines: list[str]) -> list[str]:
    """``normalise_line`` on every line (the line count never changes)."""
    return [normalise_line(line) for line in lines]
