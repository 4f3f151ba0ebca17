"""The 2020 PDF-extract layout (Lindesberg 2021, instrument 2020).

Text extracted from a PDF whose table cells still carry HTML fragments: a cover with
'Analys av <kommun>', an ISO date and the evaluators; a total line 'Xs kommun 2021 - 420p';
summary paragraphs stating each area's score in prose; one section per area
('Område N <name>') opening with a 'Rubriker<TAB>Poäng' box (a bullet list of the
sub-question headings and the area's score) and closing with a
'Styrkor<TAB>Förbättringsmöjligheter' table; and at the end one
'<name><TAB>Uppnått<TAB>Max<TAB>Procent' table per area.

This module reads the cover, the totals and the area sections (score boxes and score
prose); the findings tables are read by ``findings2020``, the summary prose and the
overview tables by ``overview2020``, and HTML in cells by ``htmlcells``.
"""

from __future__ import annotations

import re

from kompass_cli.core.match import compile_cue
from kompass_cli.core.numbers import parse_number
from kompass_cli.core.raw import (
    AREA_HEADER,
    AREA_TEXT,
    HEADLINE,
    SUMMARY,
    LayoutParser,
    Located,
    Note,
    RawArea,
    RawReport,
    Stated,
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
from kompass_cli.parsers.findings2020 import (
    FindingsHeader,
    findings_header,
    read_cell_findings,
    read_spaced_findings,
)
from kompass_cli.parsers.htmlcells import html_blocks, strip_html
from kompass_cli.parsers.overview2020 import (
    NUM,
    OVERVIEW_HEADER,
    POINTS,
    SENTENCE_END,
    attach_headings,
    name_matches,
    read_overview,
    read_summary_prose,
)
from kompass_cli.parsers.stacked2020 import unstack
from kompass_cli.parsers.vocabulary import alternatives

# Section heading; a table-of-contents entry ends in a tab, dot leaders or a page number
# (dot leaders also before a page number a scan misread). A scan may print specks
# between the number and the name ('Område 4°’Effektivitet').
_AREA_HEADING = compile_cue(
    r"^\s*{{Område}}\s+([1-8])(?:\s+|[^\w\s]+\s*)(?![^\t]*(?:\.{3}|…))([^\t]*?[^\d.\s])\s*$")
# Between the two header cells a scan may read specks and rules as short tokens.
_SPECKS = r"(?:\s+(?:[^\w\s]+|\w{1,2}))*"
_RUBRIKER = compile_cue(
    rf"^\s*[|\[]?{{{{Rubriker}}}}{_SPECKS}\s+[|\[]?{{{{Poäng}}}}(?:\s+[^\w\s]+)*\s*$")
_CHAPTER = re.compile(r"^\s*\d+\.\s+\S[^\t]*$")
_TOTAL_LINE = re.compile(r"^\s*\S.*?\s(?:19|20)\d\d\s*[-–]\s*(\d+)\s*p\.?\s*$")
_TITLE = compile_cue(rf"(?<!\w){alternatives('title')}\s+(\S.*?)\s*$")
_EVALUATORS = compile_cue(r"^\s*{{Utvärderare}}:?\s+(\S.*)$")
_NAME_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:och|and|&)\s+", re.IGNORECASE)
_TRAILING_ORG = re.compile(r"\s+[A-ZÅÄÖ]{2,6}$")
_AREA_WORD = compile_cue(r"(?<!\w){{område}}(?:t)?(?!\w)", prose=True)
_BULLET_CHARS = re.compile(r"[•·▪●◦]")


class PdfExtract2020Parser(LayoutParser):
    """Reads the PDF-extract layout of the 2020 instrument."""

    name = "pdf-extract-2020"
    description = "2020 PDF-extract layout: 'Rubriker/Poäng' boxes, HTML cells, Uppnått tables"
    paragraph_lines = True

    def score(self, lines: list[str]) -> float:
        """Evidence: score boxes, 'Uppnått Max Procent' tables, findings tables, headings.

        Without score boxes (which no other layout prints) the text scores 0: the 2016
        layout prints 'Uppnått Max Procent' tables too, their cells apart by rules.
        """
        if not names_kommunkompassen(lines):
            return 0.0
        lines = unstack(lines)
        boxes = sum(1 for line in lines if _RUBRIKER.match(line))
        if boxes == 0:
            return 0.0
        tables = sum(1 for line in lines if OVERVIEW_HEADER.match(line))
        cues = (
            boxes >= 4,
            tables >= 4,
            sum(1 for line in lines if _AREA_HEADING.match(line)) >= 4,
            any(findings_header(line) for line in lines),
        )
        return sum(cues) / len(cues)

    def parse(self, lines: list[str]) -> RawReport:
        """Tables whose cells stand one under another are first set back in rows."""
        lines = unstack(lines)
        report = RawReport(parser=self.name)
        _read_cover(lines, report)
        sections = _section_bounds(lines)
        front_end = sections[0][0] if sections else len(lines)
        areas: dict[int, RawArea] = {}
        repeats: list[RawArea] = []  # a second section for an area: the build refuses it
        headings: dict[int, list[Located]] = {}
        for start, stop in sections:
            area, bullets = _read_section(lines, start, stop, report)
            if area.number in areas:
                repeats.append(area)
                continue
            areas[area.number] = area
            headings[area.number] = bullets
        _read_totals(lines, front_end, report)
        read_summary_prose(lines, front_end, areas)
        read_overview(lines, areas)
        attach_headings(areas, headings)
        report.areas = sorted([*areas.values(), *repeats], key=lambda area: area.number)
        return report


# --- cover and totals -------------------------------------------------------------------


def _read_cover(lines: list[str], report: RawReport) -> None:
    """Municipality, cover date, evaluation month/year, publisher, evaluators, interviewees."""
    report.municipality = _municipality(lines)
    report.report_date = _cover_date(lines)
    read_evaluation_date(lines, report)
    report.publisher = find_publisher(lines)
    report.evaluators = _evaluators(lines)
    report.interviewees = find_interviewees(lines)


def _municipality(lines: list[str]) -> Located | None:
    """The title 'Kommunkompassen Analys av Lindesberg' names the municipality."""
    return find_first(lines, _TITLE)


def _cover_date(lines: list[str]) -> Located | None:
    """The first line that is nothing but an ISO date is the cover date."""
    for index, line in enumerate(lines):
        date = find_iso_date(line)
        if date and line.strip() == date:
            return Located(date, index + 1)
    return None


def _evaluators(lines: list[str]) -> list[Located]:
    """'Utvärderare A B Och C D SKR': names split on och/and/commas, organisation dropped."""
    for index, line in enumerate(lines):
        match = _EVALUATORS.match(line)
        if not match:
            continue
        names = _TRAILING_ORG.sub("", match.group(1).strip())
        return [Located(compact(name), index + 1)
                for name in _NAME_SEPARATOR.split(names) if name.strip()]
    return []


def _read_totals(lines: list[str], stop: int, report: RawReport) -> None:
    """Before the area sections: 'Xs kommun 2021 - 420p' and a sentence with '420 poäng'.

    An area is scored out of 100, so a point figure above 100 in prose is the total.
    """
    headline: list[Stated] = []
    for index in range(stop):
        line = lines[index]
        match = _TOTAL_LINE.match(line)
        if match and "\t" not in line:
            report.totals.append(Stated(parse_number(match.group(1)), SUMMARY, index + 1,
                                        _total_token(line, match)))
            continue
        for points in POINTS.finditer(line):
            value = parse_number(points.group(1))
            if 100 < value <= 800:
                headline.append(Stated(value, HEADLINE, index + 1, points.group(1)))
    report.totals.extend(headline)


def _total_token(line: str, match: re.Match) -> str:
    """The printed total with its unit, e.g. '420p'."""
    return compact(line[match.start(1):]).replace(" ", "")


# --- area sections ----------------------------------------------------------------------


def _section_bounds(lines: list[str]) -> list[tuple[int, int]]:
    """(start, stop) of each 'Område N' section; the last ends at the next chapter or table.

    A heading followed by a number alone on the next line is a contents entry, whose
    page number text extraction set on a line of its own.
    """
    starts = [index for index, line in enumerate(lines)
              if _AREA_HEADING.match(line) and not _page_number_follows(lines, index)]
    bounds = []
    for position, start in enumerate(starts):
        stop = starts[position + 1] if position + 1 < len(starts) else _section_end(lines, start)
        bounds.append((start, stop))
    return bounds


def _page_number_follows(lines: list[str], index: int) -> bool:
    following = next((line for line in lines[index + 1:] if line.strip()), "")
    return bool(_PAGE_NUMBER.match(following))


_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def _section_end(lines: list[str], start: int) -> int:
    """The line after the last section: a numbered chapter heading or an overview table."""
    for index in range(start + 1, len(lines)):
        if OVERVIEW_HEADER.match(lines[index]) or _CHAPTER.match(lines[index]):
            return index
    return len(lines)


def _read_section(lines: list[str], start: int, stop: int,
                  report: RawReport) -> tuple[RawArea, list[Located]]:
    """One section: heading, score box (headings and score), score prose, findings.

    A section without findings, or whose findings table has lost its columns, gets a
    note: the report is then missing a part, which must show.
    """
    match = _AREA_HEADING.match(lines[start])
    area = RawArea(int(match.group(1)), compact(match.group(2)), start + 1)
    bullets: list[Located] = []
    lost = False
    index = start + 1
    while index < stop:
        line = lines[index]
        if _RUBRIKER.match(line):
            rows = _box_rows(lines, index + 1, stop)
            box, last = _read_score_box(rows, area)
            bullets += box
            index = last + 1 if rows else index + 1
            continue
        header = findings_header(line)
        if header is not None and header.shape != "flowed":
            index = _read_findings(lines, index, stop, header, area, report)
            continue
        if header is not None:
            report.notes.append(Note("findings-columns-lost", index + 1, {},
                                     area=area.number))
            lost = True
        _read_score_prose(line, index + 1, area)
        index += 1
    if not (lost or area.strengths or area.improvements):
        report.notes.append(Note("findings-missing", start + 1, {}, area=area.number))
    return area, bullets


def _read_findings(lines: list[str], header_index: int, stop: int,
                   header: FindingsHeader, area: RawArea, report: RawReport) -> int:
    """The findings table under ``header``; returns the index of the line after it.

    A table laid out with spaces runs to the end of the section (its paragraphs are
    apart by blank lines); one with cells ends at its first blank line.
    """
    if header.shape == "spaced":
        read_spaced_findings(lines, header_index + 1, stop, header.column, area, report)
        return stop
    rows = _block_rows(lines, header_index + 1, stop)
    read_cell_findings(rows, area, report)
    return rows[-1][0] + 1 if rows else header_index + 1


def _block_rows(lines: list[str], start: int, stop: int) -> list[tuple[int, str]]:
    """The rows of a box or table: non-blank lines up to the first blank after them."""
    rows: list[tuple[int, str]] = []
    for index in range(start, stop):
        if not strip_html(lines[index]):
            if rows:
                break
            continue
        rows.append((index, lines[index]))
    return rows


def _box_rows(lines: list[str], start: int, stop: int) -> list[tuple[int, str]]:
    """The rows of a score box: as ``_block_rows``, and on across blank lines between its
    bullets and its score (a scan sets each bullet apart)."""
    rows = _block_rows(lines, start, stop)
    while rows:
        following = _block_rows(lines, rows[-1][0] + 1, stop)
        if not following or not (_BULLET_ROW.match(following[0][1])
                                 or re.fullmatch(NUM, strip_html(following[0][1]).strip())):
            return rows
        rows += following
    return rows


def _read_score_box(rows: list[tuple[int, str]],
                    area: RawArea) -> tuple[list[Located], int]:
    """'Rubriker Poäng' box: bullet headings, and the area's score in the last cell.

    Returns the headings and the index of the box's last line. The box ends with its
    score, or with the bullets that follow it where the score cell is centred beside
    them or set above them (pdftotext -layout): text extracted without blank lines (pdftotext -raw) runs
    the box straight into the section's prose, which must not become headings.
    """
    bullets: list[Located] = []
    scored = False
    for position, (index, row) in enumerate(rows):
        if scored and not _BULLET_ROW.match(row):
            return bullets, rows[position - 1][0]
        headings, score = _split_score(row, last_row=position == len(rows) - 1)
        if not score and not scored and re.fullmatch(NUM, strip_html(row).strip()):
            headings, score = "", strip_html(row).strip()
        bullets += [Located(item, index + 1) for item in _bullet_items(headings)]
        if score and not scored:
            area.scores.append(Stated(parse_number(score), AREA_HEADER, index + 1, score))
            scored = True
    return bullets, rows[-1][0] if rows else -1


# A bullet, also as a scan reads it ('+', '»', '«', '.'): a mark or two before a space.
_BULLET_ROW = re.compile(r"^\s*[^\w\s(\[<]{1,3}\s")
_SPACED_CELLS = re.compile(r"(?<=\S) {3,}(?=\S)")
_LEADERS = re.compile(r"[\s.\-–:_'’]+$")


def _split_score(row: str, last_row: bool) -> tuple[str, str]:
    """(headings, score) of a box row: the score is a last cell like '46' or '<h1>42</h1>'.

    Without cells, the box's last row may end in the score: '… politiken 46', and so may
    a bullet row where the score cell stood beside it, a scan's specks or leaders between
    ('• Strategi - . . . 38'). Cells laid out with spaces (pdftotext -layout)
    are apart by a run of three or more.
    """
    cells = row.split("\t") if "\t" in row else _SPACED_CELLS.split(row.strip())
    if len(cells) > 1 and re.fullmatch(NUM, strip_html(cells[-1])):
        return "\t".join(cells[:-1]), strip_html(cells[-1])
    beside = "\t" not in row and _BULLET_ROW.match(row)
    match = re.search(rf"[\s.\-–:_'’]\s({NUM})$", strip_html(row)) if beside else None
    match = match or (re.search(rf"\s({NUM})$", strip_html(row)) if last_row else None)
    if match:
        plain = strip_html(row)
        return _LEADERS.sub("", plain[:match.start(1)]), match.group(1)
    return row, ""


def _bullet_items(cell: str) -> list[str]:
    """Headings of a bullet list: split at <li>/<p> blocks and at bullet characters; a
    bullet a scan misread ('»', '+') opening a heading goes too."""
    items = []
    for block in html_blocks(cell):
        parts = (_BULLET_ROW.sub("", compact(part)) for part in _BULLET_CHARS.split(block))
        items += [part for part in parts if part]
    return items


def _read_score_prose(line: str, line_number: int, area: RawArea) -> None:
    """A sentence in the section that gives the area's points ('Området … med 61 poäng')."""
    if not POINTS.search(line):
        return
    for sentence in SENTENCE_END.split(line):
        if not (_AREA_WORD.search(sentence) or _mentions(sentence, area.name_in_source)):
            continue
        for points in POINTS.finditer(sentence):
            value = parse_number(points.group(1))
            if value <= 100:
                area.scores.append(Stated(value, AREA_TEXT, line_number, points.group(1)))


def _mentions(text: str, name: str) -> bool:
    """Whether a name occurs as whole words ('arbetsliv', not 'arbetslivsområdet')."""
    return bool(name_matches(text, name))
