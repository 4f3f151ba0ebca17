"""The 2016 OCR layout (Norsjö 2018, instrument 2016): text recognised from a scan.

The OCR lost the diacritics ('é'/'6' for ö, '@'/'&' for ä, '|' for 'I'), kept the
hyphenation at line ends and the page footers, and read the two-column tables of
strengths and improvements in three different ways. The report has a table of points
per year ('Poäng i Kommunkompassen 2015 2017 2018', read by ``history2016``), one section
'4.N <name>' per area with a sub-score table '4.N.2 Delpoäng' ('Uppnått | Max Procent')
and a table of 'Styrkor' and 'Förbättringsmöjligheter'.

This module reads the sections and picks, per findings table, how the OCR laid it out:
interleaved line by line (``interleave`` takes the columns apart), bulleted strengths
then plain improvements, or plain items throughout (``wording`` finds the cut). Lines
become items in ``ocrlines``.
"""

from __future__ import annotations

import re

from kompass_cli.core.match import compile_cue
from kompass_cli.core.raw import (
    LayoutParser,
    Located,
    Note,
    RawArea,
    RawReport,
)
from kompass_cli.core.words import (
    compact,
    find_first,
    find_interviewees,
    find_iso_date,
    find_publisher,
    names_kommunkompassen,
    read_evaluation_date,
)
from kompass_cli.parsers.history2016 import HISTORY_HEADER, Summary, read_history
from kompass_cli.parsers.interleave import read_interleaved
from kompass_cli.parsers.ocrlines import (
    BULLET,
    SPECKS_AFTER,
    SPECKS_BEFORE,
    Line,
    bulleted_items,
    continues,
    join_lines,
    plain_items,
    starts_item,
)
from kompass_cli.parsers.questions2016 import TABLE_HEADER, read_question_table
from kompass_cli.parsers.wording import split_by_wording

_SUBSECTION = re.compile(SPECKS_BEFORE + r"\d\.[1-8]\.\d+(?:\s|[^\W\d_])")
_DELPOANG = compile_cue(
    SPECKS_BEFORE + r"(\d)\.([1-8])\.\d+\s*{{delpoäng}}(?:\s+\d)?" + SPECKS_AFTER)
_MUNICIPALITY = compile_cue(SPECKS_BEFORE + r"\d+\.\s+(\S.*\b{{kommun}})" + SPECKS_AFTER)
_FOOTER = compile_cue(
    r"^\s*{{sveriges kommuner och}}\s+(?:{{landsting}}|{{regioner}})(?!\w).*\(\d+\)\s*$")
_SIDE_BY_SIDE_HEADINGS = compile_cue(r"^{{Styrkor}}\s+{{Förbättringsmöjligheter}}$")
_STRENGTHS_WORD = compile_cue(r"{{styrkor}}")
_COLUMN_HEADING = compile_cue(
    r"(?:{{styrkor}}\s*(?:{{och}}\s*)?)?(?:{{förbättringsmöjligheter}})?")
_STANDALONE_NUMBER = re.compile(r"(?<![^\W\d_])\d+(?![^\W\d_])")


class Ocr2016Parser(LayoutParser):
    """Reads the OCR text of a scanned report under the 2016 instrument."""

    name = "ocr-2016"
    description = "2016 OCR layout: 'Delpoäng' tables 'Uppnått | Max Procent', sections 4.N.M"

    def score(self, lines: list[str]) -> float:
        """Evidence: numbered Delpoäng headings, their table headers, the points-by-year table."""
        if not names_kommunkompassen(lines):
            return 0.0
        delpoang = sum(1 for line in lines if _DELPOANG.match(line))
        headers = sum(1 for line in lines if "\t" not in line and TABLE_HEADER.match(line))
        if delpoang == 0 and headers == 0:
            return 0.0
        cues = (
            delpoang >= 4,
            headers >= 4,
            any(HISTORY_HEADER.match(line) for line in lines),
            any(_is_footer(line) for line in lines),
        )
        return sum(cues) / len(cues)

    def parse(self, lines: list[str]) -> RawReport:
        report = RawReport(parser=self.name)
        report.municipality = _municipality(lines)
        _read_evaluation(lines, report)
        history, summary = read_history(lines, report)
        report.history = history
        report.areas = _read_areas(lines, summary, report)
        return report


# --- the report's own facts -------------------------------------------------------------


def _municipality(lines: list[str]) -> Located | None:
    """The first numbered heading that names a municipality ('2. Norsjo kommun')."""
    return find_first(lines, _MUNICIPALITY)


def _read_evaluation(lines: list[str], report: RawReport) -> None:
    """When the evaluation was made, who published the report, how many were interviewed."""
    read_evaluation_date(lines, report)
    report.report_date = _report_date(lines)
    report.publisher = find_publisher(lines)
    report.interviewees = find_interviewees(lines)
    report.evaluators = []


def _is_footer(line: str) -> bool:
    """A page footer 'Sveriges Kommuner och Landsting <date> <page> (<pages>)'."""
    return line.lstrip()[:1] in "Ss" and bool(_FOOTER.match(line))


def _report_date(lines: list[str]) -> Located | None:
    """The page footers ('Sveriges Kommuner och Landsting 2019-02-08 19 (34)') date the report."""
    for index, line in enumerate(lines):
        if _is_footer(line):
            date = find_iso_date(line)
            if date:
                return Located(date, index + 1)
    return None


# --- area sections -----------------------------------------------------------------------


def _read_areas(lines: list[str], summary: Summary, report: RawReport) -> list[RawArea]:
    """One area per Delpoäng subsection: heading, question table, findings."""
    tables = [(i, _DELPOANG.match(line)) for i, line in enumerate(lines)
              if _SUBSECTION.match(line)]
    tables = [(i, m) for i, m in tables if m]
    areas: list[RawArea] = []
    for index, match in tables:
        chapter, number = match.group(1), int(match.group(2))
        area = _area_heading(lines, index, chapter, number)
        if number in summary.scores:
            area.scores.append(summary.scores[number])
        _add_other_name(area, summary.names.get(number))
        end = _add_question_table(lines, index + 1, area, report)
        stop = _section_end(lines, end, chapter, number)
        _read_findings(lines, end, stop, area, report)
        areas.append(area)
    return sorted(areas, key=lambda a: a.number)


def _area_heading(lines: list[str], table_index: int, chapter: str, number: int) -> RawArea:
    """The nearest '4.N <name>' heading above the area's Delpoäng table.

    A name holds no number of its own (a digit inside a word is a misread letter,
    'Til1gänglighet'); a table row opens with '|' or '['.
    """
    heading = re.compile(rf"^\s*{chapter}\.{number}\s+([^\d|\[\s][^\[]*?)\s*$")
    for index in range(table_index - 1, -1, -1):
        match = heading.match(lines[index])
        if match and not _STANDALONE_NUMBER.search(match.group(1)):
            return RawArea(number, compact(match.group(1)), index + 1)
    return RawArea(number, "", table_index + 1)


def _add_other_name(area: RawArea, name: Located | None) -> None:
    """Keep a differently printed name of the area (history table, table header)."""
    if name is None or not name.text or name.text == area.name_in_source:
        return
    if all(other.text != name.text for other in area.other_names):
        area.other_names.append(name)


def _add_question_table(lines: list[str], start: int, area: RawArea,
                        report: RawReport) -> int:
    """The area's Delpoäng table into the area; returns the index after the table."""
    table = read_question_table(lines, start, area.number)
    for name in table.names:
        _add_other_name(area, name)
    if table.total is not None:
        area.scores.append(table.total)
    area.questions = table.questions
    report.notes.extend(table.notes)
    return table.end


def _section_end(lines: list[str], start: int, chapter: str, number: int) -> int:
    """The next numbered heading ('4.N.4 Kommentar' or the next area) ends the findings.

    A scan may drop the heading's dots ('47.4 Kommentar'); a short line of a number
    with the chapter's digits and a single capitalised word is such a heading too.
    """
    heading = re.compile(rf"^\s*{chapter}\.\d(?:\.\d+)?\s+\D")
    damaged = re.compile(SPECKS_BEFORE + rf"{chapter}\.?{number}\.?\d\s*\W?\s*"
                         r"[A-ZÅÄÖ][^\W\d_]+\W*$")
    for index in range(start, len(lines)):
        line = lines[index]
        if ((heading.match(line) or damaged.match(line))
                and not _is_findings_heading(line)):
            return index
    return len(lines)


def _is_findings_heading(line: str) -> bool:
    """'4.N.3 Styrkor och förbättringsmöjligheter' opens, not ends, the findings."""
    return bool(_STRENGTHS_WORD.search(line))


# --- strengths and improvements -------------------------------------------------------------


def _read_findings(lines: list[str], start: int, stop: int, area: RawArea,
                   report: RawReport) -> None:
    """Pick the reading for how the OCR laid out this two-column table, then read it."""
    content, interleaved = _findings_lines(lines, start, stop)
    if interleaved:
        left, right, inferred = read_interleaved(content)
        area.strengths, area.improvements = bulleted_items(left), bulleted_items(right)
        if inferred is not None:
            report.notes.append(_inferred_note(area.number, inferred))
    elif any(BULLET.match(line.text) for line in content if line.text):
        area.strengths, area.improvements = _read_bullets_then_plain(content)
    else:
        items = plain_items(content)
        split = split_by_wording([item.text for item in items])
        area.strengths, area.improvements = items[:split], items[split:]
        first = items[split].line if split < len(items) else None
        report.notes.append(_inferred_note(area.number, first))


def _inferred_note(area: int, line: int | None) -> Note:
    """Tell the user the strength/improvement boundary came from wording, not layout."""
    return Note("findings-split-inferred", line, {"area": area}, area=area)


def _findings_lines(lines: list[str], start: int, stop: int) -> tuple[list[Line], bool]:
    """Content lines (blank ones kept as ''), without headings and page footers.

    Also says whether both column headings were read on one line, which is how the OCR
    shows that it read the two columns side by side, line by line.
    """
    content: list[Line] = []
    interleaved = False
    for index in range(start, stop):
        text = lines[index].strip()
        if _is_footer(text):
            continue
        heading = re.sub(r"^[\d.\s]+", "", re.sub(SPECKS_BEFORE, "", text))
        if _is_column_heading(re.sub(SPECKS_AFTER, "", heading)):
            interleaved = interleaved or bool(_SIDE_BY_SIDE_HEADINGS.match(text))
            continue
        content.append(Line(index + 1, text))
    return content, interleaved


def _is_column_heading(text: str) -> bool:
    """'Styrkor', 'Förbättringsmöjligheter', both, or the numbered section heading."""
    return bool(text.strip()) and bool(_COLUMN_HEADING.fullmatch(text.strip()))


def _read_bullets_then_plain(content: list[Line]) -> tuple[list[Located], list[Located]]:
    """Left-column items carry bullets, right-column items none: sort them by that.

    A plain line continues the bulleted item before it when it does not open an item
    of its own, across a blank line only when it plainly goes on (``continues``).
    """
    strengths: list[Located] = []
    plain: list[Line] = []
    current: list[Line] | None = None
    after_blank = False
    for line in content:
        if not line.text:
            after_blank = True
            plain.append(line)
            continue
        bullet = BULLET.match(line.text)
        if bullet:
            current = [Line(line.number, line.text[bullet.end():])]
            strengths.append(Located("", line.number))
        elif current is not None and _goes_on(current[-1].text, line.text, after_blank):
            current.append(line)
        else:
            current = None
            plain.append(line)
        after_blank = False
        if current is not None:
            strengths[-1].text = join_lines([part.text for part in current])
    return strengths, plain_items(plain)


def _goes_on(previous: str, text: str, after_blank: bool) -> bool:
    """Whether a plain line continues the item before it (see ``ocrlines``)."""
    return continues(previous, text) if after_blank else not starts_item(previous, text)
