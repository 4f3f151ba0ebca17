"""The 2016 OCR layout's 'Delpoäng' table: one row per question, then the area's total.

A row is 'N.M | <title> achieved max percent'; the title wraps, and the numbers stand
on its first or its last line. A scan damages both ends of a row: the id ('1,2', '42',
'La |' for 1.4) and the numbers ('13:20', '1425', '8526' for 85%). Two rules keep a
damaged row from taking another's numbers:

- a question's numbers are those of its first line that ends like a numbers cell (a
  percent); if that line cannot be read, the numbers are missing, never taken from a
  later line;
- a line of numbers alone is the total row only after a row that has its numbers
  (otherwise it is that row's numbers, printed on a line of their own);
- after that line, a line that opens with an id-shaped token opens the next row. Its
  id is taken from the order of the table, only where the unnamed rows fill exactly
  the places between two read ids (and agree with any digits they print); otherwise
  the row is left out, and the catalogue check reports the question as missing;
- achieved and max run together ('1215 80%') are cut only where exactly one cut makes
  a row (achieved at most max, max at most 100, near the printed percent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kompass_cli.core.match import compile_cue
from kompass_cli.core.numbers import parse_number, parse_percent
from kompass_cli.core.raw import QUESTION_TABLE, Located, Note, RawQuestion, Stated
from kompass_cli.core.words import compact
from kompass_cli.parsers.history2016 import NUMBER
from kompass_cli.parsers.ocrlines import (
    SPECKS_AFTER,
    SPECKS_BEFORE,
    fill_gaps,
    join_lines,
)
from kompass_cli.read.text.percentsign import PLAUSIBLE, percent_readings

TABLE_HEADER = compile_cue(
    r"^\s*([1-8])\.?\s*[|\[]?\s*(.*?)\s+{{Uppnått}}\s*[|\[]?\s*{{Max}}\s*[|\[]?\s*"
    r"{{Procent}}\s*$")
_QUESTION_START = re.compile(SPECKS_BEFORE + r"([1-8])\.(\d{1,2})-?(?=[\s|\[])\s*(.*)$")
# Letter-initial ids such as '2.4 H‘ur' or '6.5 A.rbetar' start without a separator.
_QUESTION_START_GLUED = re.compile(r"^\s*([1-8])\.(\d{1,2})\s+(\S.*)$")
# An id as a scan may leave it: digits with a comma, colon or nothing between ('1,2',
# '42', '5. 4}'), or one or two letters before a column bar ('La |').
_DAMAGED_ID = re.compile(
    SPECKS_BEFORE + r"(?:([1-8])\s?[.,:;]?\s?(\d)(?![\d%])[^\w\s]?|[A-Za-z]{1,2}(?=\s*[|\[]))"
    r"\s*[|\[{]?\s*(?P<rest>.*)$")
# A numbered heading ('4.1.3 Styrkor …'), or the findings' column heading where the scan
# lost the number, ends a table whose total row was not read.
_HEADING = re.compile(SPECKS_BEFORE + r"\d\.[1-8]\.\d+\s*[^\W\d_]")
_FINDINGS_HEADING = compile_cue(SPECKS_BEFORE + r"{{Styrkor}}(?!\w)")
# The Procent cell: digits and '%', or digits alone where OCR read the sign as digits
# ('85%' as '8526') and ``read.text.percentsign`` could not tell which digits are the
# percent; then the percent is left out (see _set_numbers).
_PERCENT = rf"(?:({NUMBER})\s*%|\d+)"
# Between achieved and max: white space, or a colon, semicolon or full stop a scan put
# in its place ('13:20 63%', '14.20 71%'; the row needs three numbers, and a decimal
# is printed with a comma).
_GAP = r"(?:\s*[:;.]\s*|\s+)"
_ROW_NUMBERS = re.compile(rf"\s*({NUMBER}){_GAP}({NUMBER})\s+{_PERCENT}{SPECKS_AFTER}")
_TOTAL_ROW = re.compile(rf"{SPECKS_BEFORE}({NUMBER})\s+({NUMBER})\s+{_PERCENT}{SPECKS_AFTER}")
# Achieved and max run together before a readable percent ('1215 80%', '410 40%').
# The percent may carry its sign as digits too ('1215 78240': 12, 15 and 78%).
_GLUED = re.compile(rf"(?<!\S)(\d{{3,4}})\s+(?:(\d{{1,3}})\s*%|(\d{{3,7}})){SPECKS_AFTER}")
# The numbers cells ending a line, read or not ('14.20 71%', '410 40%', '1215 78240').
_NUMBERS_CELL = re.compile(
    r"(?:\s+[\d.,:;]+)*(?:\s*\d\s*%|\s\d{3,})" + SPECKS_AFTER)


@dataclass
class QuestionTable:
    """What one Delpoäng table holds, and where it ends (the index after it)."""

    questions: list[RawQuestion] = field(default_factory=list)
    total: Stated | None = None
    names: list[Located] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    end: int = 0


@dataclass
class _QuestionRow:
    """The lines of one question row; ``id`` None where the scan lost it."""

    id: str | None
    indexes: list[int]
    printed: str = ""

    def has_numbers(self, lines: list[str]) -> bool:
        return any(_NUMBERS_CELL.search(lines[i]) for i in self.indexes)


def read_question_table(lines: list[str], start: int, number: int) -> QuestionTable:
    """Questions of area ``number`` up to the total row."""
    table = QuestionTable(end=len(lines))
    rows: list[_QuestionRow] = []
    for index in range(start, len(lines)):
        line = lines[index]
        header = TABLE_HEADER.match(line)
        if header:
            table.names.append(Located(clean_title_part(header.group(2)), index + 1))
            continue
        total = _TOTAL_ROW.match(line)
        if total and (not rows or rows[-1].has_numbers(lines)):
            token = total.group(1)
            table.total = Stated(parse_number(token), QUESTION_TABLE, index + 1, token)
            table.end = index + 1
            break
        if _HEADING.match(line) or _FINDINGS_HEADING.match(line):
            table.end = index
            break
        opened = _question_start(line, number)
        if opened:
            rows.append(_QuestionRow(f"{opened.group(1)}.{opened.group(2)}", [index]))
        elif rows and line.strip():
            damaged = _DAMAGED_ID.match(line) if rows[-1].has_numbers(lines) else None
            if damaged:
                rows.append(_QuestionRow(None, [index], line[:damaged.start("rest")].strip()))
            else:
                rows[-1].indexes.append(index)
    for row in _identified(rows, number, table.notes):
        table.questions.append(_question(lines, row, number, table.notes))
    return table


def _question_start(line: str, number: int) -> re.Match[str] | None:
    """A line that opens question 'N.M' of this area."""
    match = _QUESTION_START.match(line) or _QUESTION_START_GLUED.match(line)
    if match and int(match.group(1)) == number:
        return match
    return None


def _identified(rows: list[_QuestionRow], number: int,
                notes: list[Note]) -> list[_QuestionRow]:
    """The rows with ids; unnamed rows take theirs from the order where it is certain
    (``fill_gaps``) and any digits they print agree; the others are left out."""
    printed = [int(row.id.split(".")[1]) if row.id else None for row in rows]
    found = []
    for row, place in zip(rows, fill_gaps(printed)):
        if row.id is not None:
            found.append(row)
        elif place is not None and _agrees(row, f"{number}.{place}"):
            notes.append(Note("number-ocr-read", row.indexes[0] + 1,
                              {"printed": row.printed, "read": f"{number}.{place}"}))
            found.append(_QuestionRow(f"{number}.{place}", row.indexes, row.printed))
    return found


def _agrees(row: _QuestionRow, question: str) -> bool:
    """Whether the digits an unnamed row prints (if any) are those of ``question``."""
    digits = re.sub(r"\D", "", row.printed)
    return not digits or digits == question.replace(".", "")


def _question(lines: list[str], row: _QuestionRow, number: int,
              notes: list[Note]) -> RawQuestion:
    """One question: id, title rejoined across its lines, and the printed numbers."""
    question = RawQuestion(row.id, "", row.indexes[0] + 1)
    opening = lines[row.indexes[0]]
    start = _question_start(opening, number)
    rest = start.group(3) if start else _DAMAGED_ID.match(opening).group("rest")
    parts = [rest] + [lines[i] for i in row.indexes[1:]]
    texts: list[str] = []
    numbers_seen = False
    for index, part in zip(row.indexes, parts):
        numbers = _ROW_NUMBERS.search(part)
        cell = numbers or _NUMBERS_CELL.search(part)
        if cell and not numbers_seen:
            numbers_seen = True
            if numbers:
                _set_numbers(question, numbers, index + 1)
            else:
                _set_glued(question, part, index + 1, notes)
        if cell:
            part = part[:cell.start()]
        cleaned = clean_title_part(part)
        if cleaned:
            texts.append(cleaned)
    question.title = _repair_glued_marks(join_lines(texts))
    return question


def _set_numbers(question: RawQuestion, numbers: re.Match[str], line: int) -> None:
    """Achieved, max and percent exactly as printed on their line; a percent printed
    without its sign is left out (flagged as missing), never guessed."""
    achieved, maximum, percent = numbers.group(1), numbers.group(2), numbers.group(3)
    question.achieved = Stated(parse_number(achieved), QUESTION_TABLE, line, achieved)
    question.max = Stated(parse_number(maximum), QUESTION_TABLE, line, maximum)
    if percent is not None:
        question.percent = Stated(parse_percent(percent), QUESTION_TABLE, line, percent + "%")


def _set_glued(question: RawQuestion, part: str, line: int, notes: list[Note]) -> None:
    """Achieved and max run together ('1215 80%') where exactly one cut gives a row:
    achieved at most max, max at most 100, their quotient near the printed percent
    (read through a misread sign as ``read.text.percentsign`` reads it)."""
    glued = _GLUED.search(part)
    if not glued:
        return
    token = glued.group(1)
    readings = [(token[:cut], token[cut:], percent) for cut in range(1, len(token))
                for percent in _percents(glued, token[:cut], token[cut:])]
    if len(readings) != 1:
        return
    achieved, maximum, percent = readings[0]
    printed = token if glued.group(2) else f"{token} {glued.group(3)}"
    notes.append(Note("number-ocr-read", line, {"printed": printed,
                                                "read": f"{achieved} {maximum} {percent}%"}))
    question.achieved = Stated(int(achieved), QUESTION_TABLE, line, achieved)
    question.max = Stated(int(maximum), QUESTION_TABLE, line, maximum)
    question.percent = Stated(int(percent), QUESTION_TABLE, line, f"{percent}%")


def _percents(glued: re.Match[str], achieved: str, maximum: str) -> list[str]:
    """The percents the row may print for this cut (none when the cut makes no row)."""
    if maximum.startswith("0") or (achieved.startswith("0") and achieved != "0"):
        return []
    if not 0 < int(maximum) <= 100 or int(achieved) > int(maximum):
        return []
    expected = 100 * int(achieved) / int(maximum)
    if glued.group(2):
        return [glued.group(2)] if abs(expected - int(glued.group(2))) <= PLAUSIBLE else []
    return percent_readings(glued.group(3), expected)


def clean_title_part(text: str) -> str:
    """Drop the OCR's table separators: leading '|'/'[', a trailing ' .', lone dots."""
    text = compact(text)
    text = re.sub(r"^[.|\[\s]+", "", text)
    text = re.sub(r"(?:\s+\.)+$", "", text)
    return "" if re.fullmatch(r"[.\s]*", text) else text


def _repair_glued_marks(text: str) -> str:
    """'A.rbetar', 'H‘ur': a mark between a word's capital and its lower-case rest is a speck."""
    return re.sub(r"\b([A-ZÅÄÖ])[.‘’'](?=[a-zåäö])", r"\1", text)
