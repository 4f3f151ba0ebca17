"""Question rows of a table whose tabs were lost: cells apart by spaces or by lines.

Text extracted from a PDF or read by OCR keeps a table's rows in one of three shapes:

* a row on one line, its cells apart by spaces ('1.1 Hur informeras … 40 26 65%'),
  as when tabs are replaced or OCR reads a row straight across;
* a row laid out by position over several lines (``pdftotext -layout``): the one-line
  cells (id, max, own score) on the row's middle line, wrapped cells above and below
  it, a percent whose '%' sign wrapped sitting as '65' over '%' in its own column;
* each cell on lines of its own, in reading order (``pdftotext -raw``): the id, the
  title's lines, then '40 26', '65', '%'.

A question is found by its id; its numbers are the first numbers after it, in the
column order the table's header gives (max, own score, percent), max and own score
side by side on one line. What cannot be read
without guessing is left out (the build flags the question): a row whose first number
is followed by a non-number, a bare third number with no '%' printed beside or under
it, a percent that two places could give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kompass_cli.core.raw import Located

_TOKEN = re.compile(r"\S+")
_ID = re.compile(r"[1-8]\.\d{1,2}")
_NUMBER = re.compile(r"\d+(?:,\d+)?")
_PERCENT = re.compile(r"\d+(?:,\d+)?%")
# How far above and below the row's middle line a wrapped percent cell reaches.
_REACH = 2


@dataclass(frozen=True)
class PlacedWord:
    """A word of the text: its 0-based line, its columns and its characters."""

    line: int
    start: int
    end: int
    text: str


@dataclass
class SpacedQuestion:
    """A question row as read: id, title (where its cells are in reading order) and
    its max, own score and percent, each as printed with its 1-based line."""

    id: Located
    title: str
    maximum: Located | None = None
    achieved: Located | None = None
    percent: Located | None = None


def question_rows(lines: list[str], start: int, stop: int) -> list[SpacedQuestion]:
    """Every question row of the table in ``lines[start:stop]``."""
    tokens = [PlacedWord(index, word.start(), word.end(), word.group())
              for index in range(start, stop) for word in _TOKEN.finditer(lines[index])]
    ids = [position for position, token in enumerate(tokens) if _ID.fullmatch(token.text)]
    rows = []
    for order, position in enumerate(ids):
        following = ids[order + 1] if order + 1 < len(ids) else len(tokens)
        rows.append(_row(tokens, position, following))
    return rows


def _row(tokens: list[PlacedWord], position: int, following: int) -> SpacedQuestion:
    """The row of the id at ``position``; the next id's token is at ``following``."""
    anchor = tokens[position]
    after = tokens[position + 1:following]
    on_line = [token for token in after if token.line == anchor.line]
    row = SpacedQuestion(_located(anchor), "")
    if any(_is_number(token) or _damaged_number(token) for token in on_line):
        title = _until_number(on_line)
        if not _wrapped(tokens, title):
            row.title = " ".join(token.text for token in title)
        run = on_line[len(title):]
        _read_run(row, run, tokens, _right_limit(tokens, anchor, following))
        if row.achieved is not None and row.percent is None and run[-1] is on_line[-1]:
            _percent_after(row, after[len(on_line):])
    else:
        title = _until_number(after)
        row.title = " ".join(token.text for token in title)
        _read_run(row, after[len(title):], None, None)
    return row


def _percent_after(row: SpacedQuestion, following: list[PlacedWord]) -> None:
    """A row ending its line with the own score, its percent cell next in reading order
    ('65' and '%' on the lines after it, as ``pdftotext -raw`` gives cells)."""
    if following and _PERCENT.fullmatch(following[0].text):
        row.percent = _located(following[0])
    elif (len(following) > 1 and _NUMBER.fullmatch(following[0].text)
          and following[1].text == "%"):
        row.percent = Located(following[0].text + "%", following[0].line + 1)


def _right_limit(tokens: list[PlacedWord], anchor: PlacedWord, following: int) -> int | None:
    """Where the next row starts on the same line (the other half of a two-column
    table), so that no cell of it is taken for this row's."""
    if following < len(tokens) and tokens[following].line == anchor.line:
        return tokens[following].start
    return None


def _wrapped(tokens: list[PlacedWord], title: list[PlacedWord]) -> bool:
    """Whether the title's cell goes on above or below its line (a laid-out table):
    its words on the row's line are then only part of it."""
    if not title:
        return False
    line, left, right = title[0].line, title[0].start, title[-1].end
    return any(abs(token.line - line) == 1 and token.start < right and token.end > left
               for token in tokens)


def _until_number(tokens: list[PlacedWord]) -> list[PlacedWord]:
    """The words before the first number. A damaged number ('|20', '26.') ends them
    too: the numbers after it are then not the row's first, and are not read."""
    words = []
    for token in tokens:
        if _is_number(token) or _damaged_number(token):
            break
        words.append(token)
    return words


def _damaged_number(token: PlacedWord) -> bool:
    """A word with digits that is not a number and holds no word of letters."""
    return (any(c.isdigit() for c in token.text) and not _is_number(token)
            and sum(c.isalpha() for c in token.text) < 2)


def _read_run(row: SpacedQuestion, run: list[PlacedWord], tokens: list[PlacedWord] | None,
              limit: int | None) -> None:
    """Max and own score from the first two numbers, the percent from what follows;
    with the table's ``tokens`` (a row laid out by position), a percent cell wrapped
    over the lines around the row is looked for too."""
    if (len(run) < 2 or not all(_NUMBER.fullmatch(token.text) for token in run[:2])
            or run[0].line != run[1].line):
        return  # max and own score stand side by side: one number, then another row's
    row.maximum, row.achieved = _located(run[0]), _located(run[1])
    rest = run[2:]
    if rest and _PERCENT.fullmatch(rest[0].text):
        row.percent = _located(rest[0])
    elif len(rest) > 1 and _NUMBER.fullmatch(rest[0].text) and rest[1].text == "%":
        row.percent = Located(rest[0].text + "%", rest[0].line + 1)
    elif tokens is not None and rest and _NUMBER.fullmatch(rest[0].text):
        printed = _percent_at(tokens, rest[0], rest[0].line)  # '65' over its '%'
        row.percent = Located(printed, rest[0].line + 1) if printed else None
    elif tokens is not None:
        row.percent = _wrapped_percent(tokens, run[1], rest[0] if rest else None, limit)


def _wrapped_percent(tokens: list[PlacedWord], own: PlacedWord, next_token: PlacedWord | None,
                     limit: int | None) -> Located | None:
    """A percent cell wrapped over lines near the row's middle line: '65%' on a line
    of its own, or '65' with the '%' under it, right of the own score and left of the
    next cell. Two such cells as near to the row are no reading."""
    right = next_token.start if next_token is not None else limit
    found: dict[int, set[tuple[str, int]]] = {}
    for token in tokens:
        distance = abs(token.line - own.line)
        if distance > _REACH or token.start < own.end or (right is not None
                                                          and token.start >= right):
            continue
        printed = _percent_at(tokens, token, own.line)
        if printed is not None:
            found.setdefault(distance, set()).add((printed, token.line + 1))
    if not found:
        return None
    nearest = found[min(found)]
    if len(nearest) != 1:
        return None
    printed, line = next(iter(nearest))
    return Located(printed, line)


def _percent_at(tokens: list[PlacedWord], token: PlacedWord, middle: int) -> str | None:
    """'65%' as one word, or '65' with a '%' under it, reaching no further than the
    wrapped cell can from the row's middle line."""
    if _PERCENT.fullmatch(token.text):
        return token.text
    if not _NUMBER.fullmatch(token.text) or token.line > middle:
        return None
    for other in tokens:
        if (other.text == "%" and token.line < other.line <= middle + _REACH
                and other.start <= token.end and other.end >= token.start):
            return token.text + "%"
    return None


def _is_number(token: PlacedWord) -> bool:
    return bool(_NUMBER.fullmatch(token.text) or _PERCENT.fullmatch(token.text))


def _located(token: PlacedWord) -> Located:
    return Located(token.text, token.line + 1)
