"""Numbers printed through scanner confusions, read only where the reading is certain.

OCR prints 'O' for 0, 'l', 'I' or '|' for 1, 'S' for 5: a table row may come out as
'2.1 Finns det en strategi? l2 l5 8O%'. Such a token is read as a number only where a
number must stand and every misread character has one reading:

- a tab-separated cell that is nothing but the token (without a digit, of two
  characters at least and in a row with two number cells);
- a run of number-like tokens that ends a line or ends in a percent (a table row's
  columns, also two tables side by side: '40 26 65%  2.1 … 10 4,5 45%');
- the token right before 'poäng' ('uppnår kommunen S7 poäng');
- a token that is a decimal number by its form ('60,S');
- the question or section number opening a line, a list item or a cell ('l.2').

Every token read this way is reported (``number-ocr-read``), and a token in such a
place that mixes digits with a letter that has no single digit reading ('4G') is left
as printed and reported (``number-ocr-unreadable``): it is never guessed.
Control characters are not confusions; a token holding one stays unreadable.
"""

from __future__ import annotations

import re

from kompass_cli.core.match import compile_cue
from kompass_cli.core.raw import Note
from kompass_cli.read.text.lines import Prepared

# Characters with one digit reading each.
_READINGS = {"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "!": "1",
             "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2"}
_CONFUSABLE = re.escape("".join(_READINGS))
_DIGIT = re.compile(r"\d")
_PLAIN_NUMBER = re.compile(r"^\d+(?:,\d+)?%?$")
_NUMBER_LIKE = re.compile(rf"^[\d{_CONFUSABLE}]+(?:,[\d{_CONFUSABLE}]+)?%?$")
# A decimal number by its form: number-like parts on both sides of a comma ('60,S').
_DECIMAL = re.compile(rf"^[\d{_CONFUSABLE}]+,[\d{_CONFUSABLE}]+%?$")
# Lines without a digit next to a confusable character or a letter are left at once.
_WORTH_A_LOOK = re.compile(
    rf"\d[^\W\d_|]|[^\W\d_|]\d|\d[,.][{_CONFUSABLE}]|[{_CONFUSABLE}][,.]\d|\d\s*\|"
    rf"|\|\s*\d|[{_CONFUSABLE}]%|\d\s+[{_CONFUSABLE}]+\s+\d|(?<!\S)[{_CONFUSABLE}]\.\d")
# A question or section number ('2.1', '4.1.2') as OCR may print it ('l.2').
_ID = re.compile(rf"^[\d{_CONFUSABLE}](?:\.[\d{_CONFUSABLE}]{{1,2}}){{1,2}}$")
_ITEM_MARKS = ("-", "–", "•", "*")
# A bar standing alone between numbers is a table's column rule ('| 46 | 52 |'), not a 1.
_RULE = re.compile(r"^\|+$")
_SHORT_TOKEN = re.compile(r"^[\w|!]{1,4}(?:,[\w|!]{1,2})?%?$")
_POINTS_WORD = compile_cue(r"(?<!\w){{poäng}}(?!\w)", prose=True)


def read_confused_digits(prepared: Prepared) -> tuple[Prepared, list[Note]]:
    """The lines with confusable digits read in number places, and a note for each."""
    return prepared.read_each(_read_line)


def _read_line(line: str, number: int, notes: list[Note]) -> str:
    if not _DIGIT.search(line) or not _WORTH_A_LOOK.search(line):
        return line
    if "\t" in line:
        cells = line.split("\t")
        numeric_row = sum(bool(_PLAIN_NUMBER.match(cell.strip())) for cell in cells) >= 2
        cells = [_read_token(cell, number, notes)
                 if _one_token(cell) and (_has_digit(cell) or numeric_row and len(cell.strip()) > 1)
                 else cell for cell in cells]
        cells[0] = _read_words(cells[0], number, notes, _opening_id)
        return "\t".join(cells)
    return _read_words(line, number, notes, _number_places)


def _read_words(text: str, number: int, notes: list[Note], places) -> str:
    """``text`` with the tokens at ``places(words, text)`` read through confusions."""
    tokens = re.split(r"(\s+)", text)
    words = tokens[0::2]
    for position in sorted(places(words, text)):
        words[position] = _read_token(words[position], number, notes)
    tokens[0::2] = words
    return "".join(tokens)


def _number_places(words: list[str], line: str) -> set[int]:
    """Where a line of text must hold numbers (see the module's list)."""
    decimals = {i for i, word in enumerate(words) if _DECIMAL.match(word) and _has_digit(word)}
    return (_column_runs(words) | _before_points(words, line) | decimals
            | _opening_id(words))


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


def _column_runs(words: list[str]) -> set[int]:
    """Positions of number-like tokens that stand as table columns.

    A run of at least two number-like tokens is columns when it ends the line or ends
    in a percent ('40 26 65%' inside a two-column row). A token without a digit ('IO',
    'lS') counts only after a token with one, or when it ends in '%': at the start of
    a run it may be a word.
    """
    found: set[int] = set()
    run: list[int] = []
    for position, word in enumerate(words + [""]):
        if word and _number_like(word):
            run.append(position)
            continue
        while run and not _has_digit(words[run[0]]) and not words[run[0]].endswith("%"):
            run.pop(0)
        ends_line = not any(words[position:])
        if len(run) >= 2 and (ends_line or words[run[-1]].endswith("%")):
            found.update(run)
        elif len(run) == 1 and words[run[0]].endswith("%") and ends_line:
            found.update(run)
        run = []
    return found


def _number_like(word: str) -> bool:
    if _RULE.match(word):
        return False
    return bool(_NUMBER_LIKE.match(word)) or (_has_digit(word) and _damaged(word))


def _has_digit(word: str) -> bool:
    return bool(_DIGIT.search(word))


def _opening_id(words: list[str], line: str = "") -> set[int]:
    """The question or section number that opens a line or a list item ('l.2', '4.l.2')."""
    filled = [position for position, word in enumerate(words) if word][:2]
    if filled and words[filled[0]] in _ITEM_MARKS:
        filled = filled[1:]
    if filled and _ID.match(words[filled[0]]) and _has_digit(words[filled[0]]):
        return {filled[0]}
    return set()


def _before_points(words: list[str], line: str) -> set[int]:
    """Positions of tokens right before 'poäng'."""
    found = set()
    for match in _POINTS_WORD.finditer(line):
        before = line[:match.start()].split()
        if before and _has_digit(before[-1]):
            found.add(len(before) - 1 + (1 if words and words[0] == "" else 0))
    return found


def _read_token(token: str, line: int, notes: list[Note]) -> str:
    """A number-place token as digits, when every misread character has one reading.

    The caller has placed it: a cell of a row of numbers, or inside a run of columns.
    """
    core = token.strip()
    if _PLAIN_NUMBER.match(core) or _RULE.match(core):
        return token
    if _NUMBER_LIKE.match(core) or _ID.match(core):
        read = "".join(_READINGS.get(char, char) for char in core)
        if read == core:
            return token
        notes.append(Note("number-ocr-read", line, {"printed": core, "read": read}))
        return token.replace(core, read)
    if _damaged(core):
        notes.append(Note("number-ocr-unreadable", line, {"printed": core}))
    return token
