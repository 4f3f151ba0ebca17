"""Lines handed to a parser, each remembering the line of the file it came from.

Dropping page furniture or rejoining a word broken across two lines changes which
line is which; every value must still point at the line of the file it was printed
on. ``Prepared.origin`` keeps that line for each prepared line, and ``restore_lines``
puts it back on everything a parser read.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from kompass_cli.parsers.base import RawReport

# Words before which a line-end hyphen is kept: 'medborgar- och brukarorientering'.
JOINING_WORDS = ("och", "eller", "samt", "respektive")
_BROKEN_END = re.compile(r"[^\W\d_]-$")
_LOWER_START = re.compile(r"^[^\W\d_A-ZÅÄÖ]")


@dataclass
class Prepared:
    """Lines for a parser, and for each the 1-based line of the file it starts on."""

    lines: list[str]
    origin: list[int]

    @classmethod
    def of(cls, lines: list[str]) -> Prepared:
        return cls(list(lines), list(range(1, len(lines) + 1)))

    def without(self, drop: set[int]) -> Prepared:
        """These lines (by index) removed, the others keeping their file lines."""
        kept = [i for i in range(len(self.lines)) if i not in drop]
        return Prepared([self.lines[i] for i in kept], [self.origin[i] for i in kept])


def rejoin_hyphenation(prepared: Prepared) -> Prepared:
    """Join a word broken at a line end ('utvär-' + 'deringen') into its first line.

    Only a hyphen after a letter, followed directly by a line starting in lower case,
    is a break; before 'och', 'eller', 'samt' the hyphen is the word's own and stays.
    """
    lines, origin = [], []
    for line, number in zip(prepared.lines, prepared.origin):
        previous = lines[-1].rstrip() if lines else ""
        if _BROKEN_END.search(previous) and _LOWER_START.match(line.lstrip()):
            following = line.strip()
            first_word = following.split()[0]
            joined = (f"{previous} {following}" if first_word in JOINING_WORDS
                      else previous[:-1] + following)
            lines[-1] = joined
            continue
        lines.append(line)
        origin.append(number)
    return Prepared(lines, origin)


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
