"""The 2008 word-processor layout (Hallsberg 2008, instrument 2008).

Text saved from a word processor: a 'Tabell 1' of area scores with a TOTALT row, one
section per area ('Område N <name>') with its question list, a sentence stating the
area's score ('uppnår kommunen 57 poäng') and markdown-bold bullet lists of strengths
and improvements, and a closing two-column tab table of every question with the columns
max-poäng, egna poäng and %.
"""

from __future__ import annotations

import re

from kompass_cli.core.numbers import parse_number, parse_percent
from kompass_cli.core.raw import (
    AREA_TEXT,
    OVERVIEW_TABLE,
    SUMMARY,
    LayoutParser,
    Located,
    RawArea,
    RawQuestion,
    RawReport,
    Stated,
)
from kompass_cli.core.words import (
    compact,
    find_first,
    find_interviewees,
    find_publisher,
    names_kommunkompassen,
    read_evaluation_date,
)
from kompass_cli.core.match import compile_cue
from kompass_cli.parsers.vocabulary import alternatives, is_one_of

_TITLE = compile_cue(rf"^\s*{alternatives('title')}\s+(.+?)\s*$")
_AREA_HEADING = compile_cue(r"^{{Område}}\s+([1-8])\s+(\S.*)$")
_SUMMARY_ROW = re.compile(r"^([1-8])\s+([^\t]+?)\t(\d+(?:,\d+)?)\s*$")
_SUMMARY_TOTAL = compile_cue(r"^{{TOTALT}}\t(\d+(?:,\d+)?)\s*$")
# The same rows in a text whose tabs were lost (OCR): cells apart by spaces only.
_SPACED_SUMMARY_ROW = re.compile(r"^([1-8])\s+(\D+?)\s+(\d+(?:,\d+)?)\s*$")
_SPACED_SUMMARY_TOTAL = compile_cue(r"^{{TOTALT}}\s+(\d+(?:,\d+)?)\s*$")
_NUM = r"\d+(?:,\d+)?"
_SPACED_QUESTION = re.compile(
    rf"(?:^|(?<=\s))([1-8]\.\d{{1,2}})\s+(\S.*?)\s+({_NUM})\s+({_NUM})\s+({_NUM}\s*%)(?=\s|$)")
# A list item starts with a dash in saved text, with a bullet glyph in a PDF.
_ITEM = r"[-•▪●◦]\s+"
_LISTED_QUESTION = re.compile(rf"^{_ITEM}([1-8]\.\d)\s+(\S.*)$")
# 'Inom området … uppnår kommunen 57 poäng': points, and just before them the
# municipality as subject of a score verb. The points are found first (a number
# anchors the search), the wording is then matched in the few words before them.
_POINTS = compile_cue(r"(?<![\d,])(\d+(?:,\d+)?)\s+{{poäng}}(?!\w)", prose=True)
_SCORE_VERB = alternatives("score-verb")
_SCORE_SUBJECT = compile_cue(
    rf"(?<!\w)(?:{_SCORE_VERB}\s+{{{{kommunen}}}}|{{{{kommunen}}}}\s+{_SCORE_VERB})\s*$",
    prose=True)
_SUBJECT_REACH = 40  # characters before the points where the subject and verb stand
# The header of the closing question table, and its title row.
_TABLE_HEADER = compile_cue(
    rf"{alternatives('overview-max')}\s+{alternatives('overview-own')}")
_TABLE_TITLE = compile_cue(rf"^\s*{alternatives('overview-title')}")
_BULLET = re.compile(rf"^{_ITEM}(.*)$")
_QUESTION_ID = re.compile(r"^[1-8]\.\d$")
_EVALUATOR = compile_cue(
    r"^([A-ZÅÄÖ][\wåäöé&@|-]+(?: [A-ZÅÄÖ][\wåäöé&@|-]+)+),\s*(.*{{kommun|Landsting|Regioner}}.*)$")



class WordProcessor2008Parser(LayoutParser):
    """Reads the word-processor layout of the 2008 instrument."""

    name = "word-processor-2008"
    description = "2008 word-processor layout: 'Tabell 1', bold bullet lists, tab tables"
    paragraph_lines = True

    def score(self, lines: list[str]) -> float:
        """Evidence: Tabell 1 with TOTALT, 'Område N' headings, the max/egna poäng table."""
        if not names_kommunkompassen(lines):
            return 0.0
        cues = (
            any(_SUMMARY_TOTAL.match(line) or _SPACED_SUMMARY_TOTAL.match(line)
                for line in lines),
            _TABLE_HEADER.in_any(lines),
            sum(1 for line in lines if _AREA_HEADING.match(line)) >= 4,
            any(_score_statements(line) for line in lines),
        )
        return sum(cues) / len(cues)

    def parse(self, lines: list[str]) -> RawReport:
        report = RawReport(parser=self.name)
        report.municipality = _municipality(lines)
        _read_evaluation(lines, report)
        areas, repeats = _read_area_sections(lines)
        _read_summary_table(lines, areas, report)
        _read_overview_table(lines, areas)
        report.areas = sorted([*areas.values(), *repeats], key=lambda area: area.number)
        return report


def _municipality(lines: list[str]) -> Located | None:
    """The title 'Analys av Hallsbergs kommun' names the municipality."""
    return find_first(lines, _TITLE)


def _read_evaluation(lines: list[str], report: RawReport) -> None:
    """Year and month of the evaluation, publisher, evaluators, interviewees."""
    read_evaluation_date(lines, report)
    report.publisher = find_publisher(lines)
    report.interviewees = find_interviewees(lines)
    report.evaluators = _evaluators(lines)


def _evaluators(lines: list[str]) -> list[Located]:
    """'Leif Eldås, Sveriges Kommuner och Landsting' lines before the first chapter."""
    found = []
    for index, line in enumerate(lines):
        if line.startswith("1 ") and found:
            break
        match = _EVALUATOR.match(line.strip())
        if match:
            found.append(Located(match.group(1), index + 1))
    return found


def _read_area_sections(lines: list[str]) -> tuple[dict[int, RawArea], list[RawArea]]:
    """Each 'Område N' section: heading, listed questions, score sentence, findings.

    Returns the first section of each area, and any later section for the same area
    (which makes the report ambiguous: the build refuses it).
    """
    starts = [(i, _AREA_HEADING.match(line)) for i, line in enumerate(lines)]
    starts = [(i, m) for i, m in starts if m]
    areas: dict[int, RawArea] = {}
    repeats: list[RawArea] = []
    for position, (start, match) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else _table_start(lines)
        number = int(match.group(1))
        area = RawArea(number, compact(match.group(2)), start + 1)
        _read_section_body(lines, start + 1, stop, area)
        if number in areas:
            repeats.append(area)
        else:
            areas[number] = area
    return areas, repeats


def _table_start(lines: list[str]) -> int:
    """The closing question table begins at its title row; the last section ends there."""
    for index, line in enumerate(lines):
        if _TABLE_TITLE.match(line):
            return index
    return len(lines)


def _read_section_body(lines: list[str], start: int, stop: int, area: RawArea) -> None:
    """Listed questions, the score sentence and the two finding lists of one section."""
    listed: list[RawQuestion] = []
    for index in range(start, stop):
        line = lines[index]
        question = _LISTED_QUESTION.match(line)
        if question:
            listed.append(RawQuestion(question.group(1), compact(question.group(2)), index + 1))
        for points in _score_statements(line):
            area.scores.append(Stated(parse_number(points), AREA_TEXT, index + 1, points))
        heading = line.strip()
        if is_one_of(heading, "strengths-heading"):
            area.strengths = _bullets_after(lines, index + 1, stop)
        elif is_one_of(heading, "improvements-heading"):
            area.improvements = _bullets_after(lines, index + 1, stop)
    area.questions = listed


def _score_statements(line: str) -> list[str]:
    """The printed points of each 'uppnår kommunen N poäng' in a line."""
    found = []
    for points in _POINTS.finditer(line):
        before = line[max(0, points.start() - _SUBJECT_REACH):points.start()]
        if _SCORE_SUBJECT.search(before):
            found.append(points.group(1))
    return found


def _bullets_after(lines: list[str], start: int, stop: int) -> list[Located]:
    """The bullet list right under a heading: one item per '- **…**' line.

    Blank lines between items (a page break, a dropped footer) do not end the list;
    the first line that is not an item does.
    """
    items: list[Located] = []
    for index in range(start, stop):
        stripped = lines[index].strip()
        if not stripped:
            continue
        bullet = _BULLET.match(stripped)
        if not bullet:
            break
        text = compact(bullet.group(1).replace("**", ""))
        items.append(Located(text, index + 1))
    return items


def _read_summary_table(lines: list[str], areas: dict[int, RawArea], report: RawReport) -> None:
    """'Tabell 1': the summary of results the total is built from."""
    row_pattern, total_pattern = ((_SPACED_SUMMARY_ROW, _SPACED_SUMMARY_TOTAL)
                                  if _tabless(lines) else (_SUMMARY_ROW, _SUMMARY_TOTAL))
    for index, line in enumerate(lines):
        row = row_pattern.match(line)
        if row and int(row.group(1)) in areas:
            area = areas[int(row.group(1))]
            area.scores.insert(0, Stated(parse_number(row.group(3)), SUMMARY, index + 1,
                                         row.group(3)))
            name = compact(row.group(2))
            if name != area.name_in_source:
                area.other_names.append(Located(name, index + 1))
            continue
        total = total_pattern.match(line)
        if total:
            report.totals.append(Stated(parse_number(total.group(1)), SUMMARY, index + 1,
                                        total.group(1)))


def _read_overview_table(lines: list[str], areas: dict[int, RawArea]) -> None:
    """The closing two-column table: every question with max, own score and percent.

    Without tabs, each question is found by its id and the three numbers ending it.
    """
    tabless = _tabless(lines)
    for index in range(_table_start(lines), len(lines)):
        if tabless:
            for match in _SPACED_QUESTION.finditer(lines[index]):
                _read_overview_cell(list(match.groups()), index + 1, areas)
            continue
        cells = lines[index].split("\t")
        for half in (cells[:5], cells[5:10]):
            if len(half) < 2:
                continue
            _read_overview_cell(half, index + 1, areas)


def _tabless(lines: list[str]) -> bool:
    """Whether the text lost its tabs (as OCR output does), so cells are spaced apart."""
    return not any("\t" in line for line in lines)


def _read_overview_cell(half: list[str], line: int, areas: dict[int, RawArea]) -> None:
    """One half row: an area header ('2', name) or a question (id, title, max, own, %)."""
    half = half + [""] * (5 - len(half))
    key, title, maximum, achieved, percent = (cell.strip() for cell in half)
    if key.isdigit() and title and int(key) in areas:
        area = areas[int(key)]
        name = compact(title)
        if name != area.name_in_source and all(n.text != name for n in area.other_names):
            area.other_names.append(Located(name, line))
        return
    if not _QUESTION_ID.match(key) or int(key[0]) not in areas:
        return
    question = _question_for(areas[int(key[0])], key, line)
    printed = compact(title)
    if question.title and question.title != printed:
        question.other_titles.insert(0, Located(question.title, question.line))
    question.title, question.line = printed, line
    question.max = _cell_value(maximum, parse_number, line)
    question.achieved = _cell_value(achieved, parse_number, line)
    question.percent = _cell_value(percent, parse_percent, line)


def _cell_value(cell: str, reader, line: int) -> Stated | None:
    """A number cell as printed; an unreadable cell is no value (the build flags it)."""
    try:
        return Stated(reader(cell), OVERVIEW_TABLE, line, cell)
    except ValueError:
        return None


def _question_for(area: RawArea, question_id: str, line: int) -> RawQuestion:
    """The question listed in the area section, or a new one if the section omits it."""
    for question in area.questions:
        if question.id == question_id:
            return question
    question = RawQuestion(question_id, "", line)
    area.questions.append(question)
    area.questions.sort(key=lambda q: int(q.id.split(".")[1]))
    return question
