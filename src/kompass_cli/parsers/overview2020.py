"""Scores of the 2020 layout stated outside the area sections.

The summary chapter states each area's points in prose ('Området styrning och kontroll
fick 56 poäng'), and the closing chapter prints one '<name> Uppnått Max Procent' table
per area: its question rows and the area's total row. The headings of an area's score
box are matched to those questions by position.
"""

from __future__ import annotations

import re
from functools import cache

from kompass_cli.core.match import compile_cue
from kompass_cli.core.numbers import parse_number, parse_percent
from kompass_cli.core.raw import (
    OVERVIEW_TABLE,
    SUMMARY,
    Located,
    RawArea,
    RawQuestion,
    Stated,
)
from kompass_cli.core.words import compact
from kompass_cli.parsers.htmlcells import strip_html

NUM = r"\d+(?:,\d+)?"
# Cells apart by white space, and in a scan also by the table's rules read as bars or
# brackets ('38 [100 [38%', 'Max = |Procent').
_APART = r"(?:\s*[|\[\]=]\s*|\s)+"
OVERVIEW_HEADER = compile_cue(
    rf"^\s*[|\[]?([1-8])\.?\s+(.+?){_APART}{{{{Uppnått}}}}{_APART}{{{{Max}}}}{_APART}"
    rf"{{{{Procent}}}}\s*$")
# The Procent cell: a percent with its sign, or digits alone where OCR read the sign as
# digits ('30%' as '3020' or '3096'); such a cell is kept out (see _percent).
_PERCENT_CELL = rf"({NUM}\s*%|\d+)"
_OVERVIEW_ROW = re.compile(
    rf"^\s*[|\[]?([1-8]\.\d{{1,2}})\s+(.+?){_APART}({NUM}){_APART}({NUM}){_APART}"
    rf"{_PERCENT_CELL}\s*$")
_OVERVIEW_TOTAL = re.compile(
    rf"^[\s|\[]*({NUM}){_APART}({NUM}){_APART}{_PERCENT_CELL}\s*$")
POINTS = compile_cue(rf"(?<![\d,])({NUM})\s+{{{{poäng}}}}(?!\w)", prose=True)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def read_summary_prose(lines: list[str], stop: int, areas: dict[int, RawArea]) -> None:
    """Summary paragraphs: 'Området styrning och kontroll fick 56 poäng' -> area 3.

    Each stated score goes to the area whose name (from the section headings) the
    sentence mentions nearest before the number, else nearest after it.
    """
    names = {number: area.name_in_source for number, area in areas.items()}
    for index in range(stop):
        if not POINTS.search(lines[index]):
            continue
        for sentence in SENTENCE_END.split(lines[index]):
            for points in POINTS.finditer(sentence):
                value = parse_number(points.group(1))
                number = _named_area(sentence[:points.start()], sentence[points.start():],
                                     names)
                if value <= 100 and number is not None:
                    areas[number].scores.insert(
                        _summary_slot(areas[number]),
                        Stated(value, SUMMARY, index + 1, points.group(1)))


def _named_area(before_text: str, after_text: str, names: dict[int, str]) -> int | None:
    """The area named nearest before a number in a sentence, else nearest after it."""
    before = [(match.end(), len(name), number) for number, name in names.items()
              for match in name_matches(before_text, name)]
    if before:
        return max(before)[2]
    after = [(match.start(), -len(name), number) for number, name in names.items()
             for match in name_matches(after_text, name)]
    return min(after)[2] if after else None


def name_matches(text: str, name: str) -> list:
    """Whole-word occurrences of an area name, as printed or as OCR misprints it.

    The name comes from the section heading and may be damaged differently from the
    sentence; occurrences through confusions alone are preferred to ones with errors.
    """
    pattern = _name_pattern(name)
    return list(pattern.exact.finditer(text)) or list(pattern.finditer(text))


@cache
def _name_pattern(name: str):
    phrase = re.sub(r"[{}|]", "l", compact(name))
    return compile_cue(rf"(?<!\w){{{{{phrase}}}}}(?!\w)", prose=True)


def _summary_slot(area: RawArea) -> int:
    """Summary statements come first, in document order, before the section's scores."""
    return sum(1 for stated in area.scores if stated.where == SUMMARY)


def read_overview(lines: list[str], areas: dict[int, RawArea]) -> None:
    """'N. <name> Uppnått Max Procent' tables: question rows and the area total row."""
    current: RawArea | None = None
    for index, line in enumerate(lines):
        header = OVERVIEW_HEADER.match(line)
        if header:
            current = areas.get(int(header.group(1)))
            if current is not None:
                _note_other_name(current, compact(header.group(2)), index + 1)
            continue
        if current is None:
            continue
        row = _OVERVIEW_ROW.match(line)
        if row and int(row.group(1).split(".")[0]) == current.number:
            current.questions.append(_question(row, index + 1))
            continue
        total = _OVERVIEW_TOTAL.match(line)
        if total:
            current.scores.append(Stated(parse_number(total.group(1)), OVERVIEW_TABLE,
                                         index + 1, total.group(1)))
            current = None


def _note_other_name(area: RawArea, name: str, line: int) -> None:
    """Keep a differently printed area name (e.g. the 2016 name in the overview)."""
    if name != area.name_in_source:
        area.other_names.append(Located(name, line))


def _question(row: re.Match, line: int) -> RawQuestion:
    """One overview row: id, printed title, achieved, max and percent as printed."""
    question_id, title, achieved, maximum, percent = row.groups()
    return RawQuestion(
        question_id, compact(strip_html(title)), line,
        achieved=Stated(parse_number(achieved), OVERVIEW_TABLE, line, achieved),
        max=Stated(parse_number(maximum), OVERVIEW_TABLE, line, maximum),
        percent=_percent(percent, line),
    )


def _percent(cell: str, line: int) -> Stated | None:
    """The Procent cell as printed, or None when its sign is missing.

    Digits without a '%' in this column are a percent whose sign OCR read as digits
    ('30%' as '3020') or dropped: which digits are the percent cannot be told, so none
    is read and the question is flagged as missing its percent, never given a guess.
    """
    if "%" not in cell:
        return None
    return Stated(parse_percent(cell), OVERVIEW_TABLE, line, compact(cell))


def attach_headings(areas: dict[int, RawArea], headings: dict[int, list[Located]]) -> None:
    """The k-th heading of an area's score box is printed for question N.k."""
    for number, bullets in headings.items():
        area = areas[number]
        for position, heading in enumerate(bullets, start=1):
            question_id = f"{number}.{position}"
            question = next((q for q in area.questions if q.id == question_id), None)
            if question is None:
                area.questions.append(RawQuestion(question_id, heading.text, heading.line))
            else:
                question.other_titles.append(heading)
        area.questions.sort(key=lambda q: int(q.id.split(".")[1]))
