"""The 2008 word-processor layout (Hallsberg 2008, instrument 2008).

Text saved from a word processor: a 'Tabell 1' of area scores with a TOTALT row, one
section per area ('Område N <name>') with its question list, a sentence stating the
area's score ('uppnår kommunen 57 poäng') and markdown-bold bullet lists of strengths
and improvements, and a closing two-column tab table of every question with the columns
max-poäng, egna poäng and %.
"""

from __future__ import annotations

import re

from kompass_cli.core.match import compile_cue
from kompass_cli.core.numbers import parse_number
from kompass_cli.core.raw import (
    AREA_TEXT,
    SUMMARY,
    LayoutParser,
    Located,
    Note,
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
from kompass_cli.parsers.overview2008 import (
    TABLE_TITLE,
    read_overview_table,
    table_start,
)
from kompass_cli.parsers.vocabulary import alternatives, is_one_of
from kompass_cli.read.text.lines import heading_after_sentence

# The cover title; a scan may put specks before it (': 7 ‘Analys av …').
_TITLE = compile_cue(rf"^[^\w]{{0,3}}(?:\d[^\w]{{1,3}})?{alternatives('title')}\s+(.+?)\s*$")
# 'Område 3 Tydlighet …'; a scan may put a speck before it ('‘ Område 1'), a stop or
# dash beside the number ('Område-5.Kontroll') or lose the space after it.
_AREA_HEADING = compile_cue(
    r"^(?:[^\w\s-]{1,2}\s*)?{{Område}}[\s.-]+([1-8])(?:[\s.]+|(?=[A-ZÅÄÖ]))(\S.*)$")
_SUMMARY_ROW = re.compile(r"^([1-8])\s+([^\t]+?)\t(\d+(?:,\d+)?)\s*$")
_SUMMARY_TOTAL = compile_cue(r"^{{TOTALT}}\t(\d+(?:,\d+)?)\s*$")
# The same rows in a text whose tabs were lost (OCR): cells apart by spaces only.
# A scan may add a speck before the row or a rule after it ("'6 Personalpolitik 66 |").
_SPACED_SUMMARY_ROW = re.compile(r"^[^\w\s]?([1-8])\s+(\D+?)\s+(\d+(?:,\d+)?)\s*\|?\s*$")
_SPACED_SUMMARY_TOTAL = compile_cue(r"^{{TOTALT}}\s+(\d+(?:,\d+)?)\s*$")
# A list item starts with a dash in saved text, with a bullet glyph in a PDF, and with
# what a scanner makes of a bullet ('+', '«', '»', '*', '°', '©', a lone 'e' or 'o'),
# one or two of them, a stray full stop or comma after them, the space after them
# sometimes lost before a capital. Markdown bold ('**') is not a bullet.
_GLYPH = r"(?:[-–•▪●◦+«»°·■©¢=]|\*(?!\*))"
_ITEM = (rf"(?:{_GLYPH}{{1,2}}[.,]?(?:\s+|(?=[A-ZÅÄÖ]))"
         r"|[eo]\s+(?=[A-ZÅÄÖ]))")
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
_BULLET = re.compile(rf"^{_ITEM}(.*)$")
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
        areas, repeats = _read_area_sections(lines, report.notes)
        _read_summary_table(lines, areas, report)
        read_overview_table(lines, areas)
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


def _read_area_sections(lines: list[str], notes: list[Note]
                        ) -> tuple[dict[int, RawArea], list[RawArea]]:
    """Each 'Område N' section: heading, listed questions, score sentence, findings.

    Returns the first section of each area, and any later section for the same area
    (which makes the report ambiguous: the build refuses it).
    """
    starts = [(i, _AREA_HEADING.match(line)) for i, line in enumerate(lines)]
    starts = [(i, m) for i, m in starts if m]
    areas: dict[int, RawArea] = {}
    repeats: list[RawArea] = []
    for position, (start, match) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else table_start(lines)
        number = int(match.group(1))
        area = RawArea(number, compact(match.group(2)), start + 1)
        _read_section_body(lines, start + 1, stop, area)
        number = _number_from_questions(area, notes)
        if number in areas:
            repeats.append(area)
        else:
            areas[number] = area
    return areas, repeats


def _number_from_questions(area: RawArea, notes: list[Note]) -> int:
    """The section's area number; where the heading's digit disagrees with the ids of
    all the questions it lists (two or more, one area's), a scan misread the heading
    ('Område 3Tillgänglighet' over 2.1-2.6): the ids tell, with a note."""
    listed = {question.id.split(".")[0] for question in area.questions}
    if len(area.questions) < 2 or len(listed) != 1:
        return area.number
    number = int(listed.pop())
    if number != area.number:
        notes.append(Note("area-number-from-questions", area.line,
                          {"printed": area.number}, area=number))
        area.number = number
    return number


def _read_section_body(lines: list[str], start: int, stop: int, area: RawArea) -> None:
    """Listed questions, the score sentence and the two finding lists of one section."""
    listed: list[RawQuestion] = []
    for index in range(start, stop):
        line = lines[index]
        question = _LISTED_QUESTION.match(line)
        if question:
            listed.append(RawQuestion(question.group(1), compact(question.group(2)), index + 1))
        for points in _score_statements(_with_next_word(lines, index)):
            area.scores.append(Stated(parse_number(points), AREA_TEXT, index + 1, points))
        heading = line.strip()
        if is_one_of(heading, "strengths-heading"):
            area.strengths = _bullets_after(lines, index + 1, stop)
        elif is_one_of(heading, "improvements-heading"):
            area.improvements = _bullets_after(lines, index + 1, stop)
    area.questions = listed


def _with_next_word(lines: list[str], index: int) -> str:
    """A line with the first word of the next: a sentence may wrap between a score and
    its 'poäng' ('uppnår kommunen 38' / 'poäng.'), which then stays on this line."""
    following = lines[index + 1].split() if index + 1 < len(lines) else []
    return f"{lines[index]} {following[0]}" if following else lines[index]


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

    Blank lines between items (a page break, a dropped footer) do not end the list; a
    line right under an item's line, without a bullet, continues the item (a scan
    keeps the item's wrapped lines) unless it is a heading of the layout (text from a
    PDF sets the next heading right under the list); the first other line that is not
    an item ends the list.
    """
    items: list[Located] = []
    follows_item = False
    for index in range(start, stop):
        stripped = lines[index].strip()
        if not stripped:
            follows_item = False
            continue
        bullet = _BULLET.match(stripped)
        if bullet:
            items.append(Located(_item_text(bullet.group(1)), index + 1))
        elif (follows_item and not _is_heading(stripped)
              and not heading_after_sentence(items[-1].text, stripped)):
            last = items[-1]
            items[-1] = Located(compact(f"{last.text} {_item_text(stripped)}"), last.line)
        else:
            break
        follows_item = True
    return items


def _is_heading(line: str) -> bool:
    """A heading the layout prints: findings, an area section, the question table."""
    return bool(is_one_of(line, "strengths-heading") or is_one_of(line, "improvements-heading")
                or _AREA_HEADING.match(line) or TABLE_TITLE.match(line))


def _item_text(text: str) -> str:
    """An item's words without their markdown bold."""
    return compact(text.replace("**", ""))


def _read_summary_table(lines: list[str], areas: dict[int, RawArea], report: RawReport) -> None:
    """'Tabell 1': the summary of results the total is built from (before the closing
    question table, whose area rows look alike once their tabs are lost)."""
    row_pattern, total_pattern = ((_SPACED_SUMMARY_ROW, _SPACED_SUMMARY_TOTAL)
                                  if _tabless(lines) else (_SUMMARY_ROW, _SUMMARY_TOTAL))
    for index, line in enumerate(lines[:table_start(lines)]):
        row = row_pattern.match(line)
        if row and int(row.group(1)) in areas and parse_number(row.group(3)) <= 100:
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


def _tabless(lines: list[str]) -> bool:
    """Whether the text lost its tabs (as OCR output does), so cells are spaced apart."""
    return not any("\t" in line for line in lines)
