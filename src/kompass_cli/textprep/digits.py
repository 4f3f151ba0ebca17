"""Numbers printed through scanner confusions, read only where the reading is certain.

OCR prints 'O' for 0, 'l', 'I' or '|' for 1, 'S' for 5: a table row may come out as
'2.1 Finns det en strategi? l2 l5 8O%'. Such a token is read as a number only where a
number must stand and every misread character has one reading:

- a tab-separated cell that is nothing but the token, in a row with a number cell;
- the run of number-like tokens that ends a line (a table row's columns), when it
  holds at least two tokens or ends in a percent;
- the token right before 'poäng' ('uppnår kommunen S7 poäng').

Every token read this way is reported (``number-ocr-read``), and a token in such a
place that mixes digits with a letter that has no single digit reading ('4G') is left
as printed and reported (``number-ocr-unreadable``): it is never guessed.
Control characters are not confusions; a token holding one stays unreadable.
"""

from __future__ import annotations

import re

from kompass_cli.parsers.base import Note
from kompass_cli.parsers.match import compile_cue
from kompass_cli.textprep.lines import Prepared

# Characters with one digit reading each.
_READINGS = {"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "!": "1",
             "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2"}
_CONFUSABLE = re.escape("".join(_READINGS))
_PLAIN_NUMBER = re.compile(r"^\d+(?:,\d+)?%?$")
_NUMBER_LIKE = re.compile(rf"^[\d{_CONFUSABLE}]+(?:,[\d{_CONFUSABLE}]+)?%?$")
_SHORT_TOKEN = re.compile(r"^[\w|!]{1,4}(?:,[\w|!]{1,2})?%?$")
_BEFORE_POINTS = compile_cue(r"(?<!\S)(\S+)(?=\s+{{poäng}}(?!\w))")


def read_confused_digits(prepared: Prepared) -> tuple[Prepared, list[Note]]:
    """The lines with confusable digits read in number places, and a note for each."""
    notes: list[Note] = []
    lines = [_read_line(line, number, notes)
             for line, number in zip(prepared.lines, prepared.origin)]
    return Prepared(lines, prepared.origin), notes


def _read_line(line: str, number: int, notes: list[Note]) -> str:
    if not re.search(rf"[\d{_CONFUSABLE}][{_CONFUSABLE}]|[{_CONFUSABLE}]\d|\d[^\W\d_]", line):
        return line
    if "\t" in line:
        cells = line.split("\t")
        numeric_row = any(_PLAIN_NUMBER.match(cell.strip()) for cell in cells)
        return "\t".join(_read_token(cell, number, notes)
                         if _one_token(cell) and (numeric_row or re.search(r"\d", cell))
                         else cell for cell in cells)
    tokens = re.split(r"(\s+)", line)
    words = tokens[0::2]
    for position in sorted(_trailing_run(words) | _before_points(line, words)):
        words[position] = _read_token(words[position], number, notes)
    tokens[0::2] = words
    return "".join(tokens)


def _damaged(token: str) -> bool:
    """A short token of digits and letters, at least half digits: a damaged number.

    Longer or letter-heavy tokens are words ('Persona1politik', 'Po4ng').
    """
    if not _SHORT_TOKEN.match(token):
        return False
    digits = sum(char.isdigit() for char in token)
    others = sum(not char.isdigit() and char not in ",%" for char in token)
    return digits >= others > 0


def _one_token(cell: str) -> bool:
    return bool(cell.strip()) and len(cell.split()) == 1


def _trailing_run(words: list[str]) -> set[int]:
    """Positions of the number-like tokens that end the line, if they are columns.

    A token without a digit ('IO', 'lS') belongs to the run only between tokens with
    digits, or when it ends in '%': at the start of the run it may be a word.
    """
    run: list[int] = []
    for position in range(len(words) - 1, -1, -1):
        word = words[position]
        if not word:
            continue
        if not (_NUMBER_LIKE.match(word) or (_damaged(word) and re.search(r"\d", word))):
            break
        run.append(position)
    while run and not re.search(r"\d", words[run[-1]]) and not words[run[-1]].endswith("%"):
        run.pop()  # a leading token without digits may be a word
    if len(run) >= 2 or (run and words[run[0]].endswith("%")):
        return set(run)
    return set()


def _before_points(line: str, words: list[str]) -> set[int]:
    """Positions of tokens right before 'poäng'."""
    found = set()
    for match in _BEFORE_POINTS.finditer(line):
        token = match.group(1)
        if re.search(r"\d", token) and token in words:
            found.add(words.index(token))
    return found


def _read_token(token: str, line: int, notes: list[Note]) -> str:
    """A number-place token as digits, when every misread character has one reading.

    The caller has placed it: a cell of a row of numbers, or inside a run of columns.
    """
    core = token.strip()
    if _PLAIN_NUMBER.match(core):
        return token
    if _NUMBER_LIKE.match(core):
        read = "".join(_READINGS.get(char, char) for char in core)
        notes.append(Note("number-ocr-read", line, {"printed": core, "read": read}))
        return token.replace(core, read)
    if _damaged(core):
        notes.append(Note("number-ocr-unreadable", line, {"printed": core}))
    return token
