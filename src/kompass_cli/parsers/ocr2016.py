"""The 2016 OCR layout (Norsjö 2018, instrument 2016): text recognised from a scan.

The OCR lost the diacritics ('é'/'6' for ö, '@'/'&' for ä, '|' for 'I'), kept the
hyphenation at line ends and the page footers, and read the two-column tables of
strengths and improvements in three different ways. The report has a table of points
per year ('Poäng i Kommunkompassen 2015 2017 2018'), one section '4.N <name>' per area
with a sub-score table '4.N.2 Delpoäng' ('Uppnått | Max Procent') and a table of
'Styrkor' and 'Förbättringsmöjligheter'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kompass_cli.core.numbers import parse_number, parse_percent
from kompass_cli.core.raw import (
    HISTORY_TABLE,
    QUESTION_TABLE,
    SUMMARY,
    LayoutParser,
    Located,
    Note,
    RawArea,
    RawHistoryRow,
    RawQuestion,
    RawReport,
    Stated,
)
from kompass_cli.core.words import (
    compact,
    find_first,
    find_interviewees,
    find_iso_date,
    find_publisher,
    fold,
    fold_ocr,
    names_kommunkompassen,
    read_evaluation_date,
)
from kompass_cli.core.match import compile_cue
from kompass_cli.parsers.vocabulary import phrases

_NUMBER = r"\d+(?:,\d+)?"
_SUBSECTION = re.compile(r"^\s*\d\.[1-8]\.\d+\s")
_DELPOANG = compile_cue(r"^\s*(\d)\.([1-8])\.\d+\s+{{delpoäng}}\s*$")
_TABLE_HEADER = compile_cue(
    r"^\s*([1-8])\.?\s*[|\[]?\s*(.*?)\s+{{Uppnått}}\s*[|\[]?\s*{{Max}}\s*[|\[]?\s*"
    r"{{Procent}}\s*$")
_QUESTION_START = re.compile(r"^\s*([1-8])\.(\d{1,2})(?=[\s|\[])\s*(.*)$")
# Letter-initial ids such as '2.4 H‘ur' or '6.5 A.rbetar' start without a separator.
_QUESTION_START_GLUED = re.compile(r"^\s*([1-8])\.(\d{1,2})\s+(\S.*)$")
# The Procent cell: digits and '%', or digits alone where OCR read the sign as digits
# ('85%' as '8526'); then which digits are the percent cannot be told (see _set_numbers).
_PERCENT = rf"(?:({_NUMBER})\s*%|\d+)"
_ROW_NUMBERS = re.compile(rf"\s*({_NUMBER})\s+({_NUMBER})\s+{_PERCENT}\s*$")
_TOTAL_ROW = re.compile(rf"^\s*({_NUMBER})\s+({_NUMBER})\s+{_PERCENT}\s*$")
_HISTORY_HEADER = compile_cue(
    r"^\s*{{poäng i kommunkompassen}}((?:\s+(?:19|20)\d\d)+)\s*$")
_MUNICIPALITY = compile_cue(r"^\s*\d+\.\s+(\S.*\b{{kommun}})\s*$")
_FOOTER = compile_cue(
    r"^\s*{{sveriges kommuner och}}\s+(?:{{landsting}}|{{regioner}})(?!\w).*\(\d+\)\s*$")
_REVISED = re.compile(r"revider\w*\s+((?:(?:19|20)\d\d)(?:\s*(?:,|och)\s*(?:19|20)\d\d)*)")
_NOT_COMPARABLE = re.compile(
    r"((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)\s+inte\s+\S+\s+(?:helt\s+)?jamforbara\s+med\s+"
    r"((?:19|20)\d\d)")
_SELF_ASSESSMENT = re.compile(r"\beg(?:en|na)\s+analys(?:en)?\s+((?:19|20)\d\d)")
_BULLET = re.compile(r"^(?:[=»«•]|[eo](?=\s))\s+")
_MID_BULLET = re.compile(r"\s+[=»«•]\s+")
_PIPE = re.compile(r"\s\|\s")
_SIDE_BY_SIDE_HEADINGS = compile_cue(r"^{{Styrkor}}\s+{{Förbättringsmöjligheter}}$")
_STRENGTHS_WORD = compile_cue(r"{{styrkor}}")
_COLUMN_HEADING = compile_cue(
    r"(?:{{styrkor}}\s*(?:{{och}}\s*)?)?(?:{{förbättringsmöjligheter}})?")
_TERMINAL = re.compile(r"[.?!][”\"’)]?$")
_JOINING_WORDS = ("och", "eller", "samt")
_STANDALONE_NUMBER = re.compile(r"(?<![^\W\d_])\d+(?![^\W\d_])")

# First words with which a recommendation opens (data/cues.csv): imperatives and
# comparatives. Strengths describe what exists and rarely open this way; an item that
# opens otherwise is weaker evidence (many recommendations open with a noun), so it
# counts for less when the cut between the two columns is chosen.
_IMPROVEMENT_OPENINGS = phrases("improvement-opening")
_PLAIN_WEIGHT = 0.5


class Ocr2016Parser(LayoutParser):
    """Reads the OCR text of a scanned report under the 2016 instrument."""

    name = "ocr-2016"
    description = "2016 OCR layout: 'Delpoäng' tables 'Uppnått | Max Procent', sections 4.N.M"

    def score(self, lines: list[str]) -> float:
        """Evidence: numbered Delpoäng headings, their table headers, the points-by-year table."""
        if not names_kommunkompassen(lines):
            return 0.0
        delpoang = sum(1 for line in lines if _DELPOANG.match(line))
        headers = sum(1 for line in lines if "\t" not in line and _TABLE_HEADER.match(line))
        if delpoang == 0 and headers == 0:
            return 0.0
        cues = (
            delpoang >= 4,
            headers >= 4,
            any(_HISTORY_HEADER.match(line) for line in lines),
            any(_is_footer(line) for line in lines),
        )
        return sum(cues) / len(cues)

    def parse(self, lines: list[str]) -> RawReport:
        report = RawReport(parser=self.name)
        report.municipality = _municipality(lines)
        _read_evaluation(lines, report)
        history, summary = _read_history(lines, report)
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


# --- points per year ---------------------------------------------------------------------


@dataclass
class _Summary:
    """The history column of the evaluation year: the report's summary of results."""

    scores: dict[int, Stated] = field(default_factory=dict)
    names: dict[int, Located] = field(default_factory=dict)


def _read_history(lines: list[str], report: RawReport) -> tuple[list[RawHistoryRow], _Summary]:
    """The 'Poäng i Kommunkompassen <years>' table, one row per year column."""
    summary = _Summary()
    for index, line in enumerate(lines):
        header = _HISTORY_HEADER.match(line)
        if not header:
            continue
        years = [int(year) for year in header.group(1).split()]
        rows = [RawHistoryRow(year, index + 1) for year in years]
        _read_history_body(lines, index + 1, rows, summary)
        _describe_columns(lines[:index], rows, report.year.value if report.year else None)
        _summarise(rows, report, summary)
        return rows, summary
    return [], summary


def _read_history_body(lines: list[str], start: int, rows: list[RawHistoryRow],
                       summary: _Summary) -> None:
    """Area rows 'N. <name> v1 v2 v3' up to the 'Totalt' row."""
    values = r"((?:\s+" + _NUMBER + r"){" + str(len(rows)) + r"})\s*$"
    area_row = re.compile(r"^\s*([1-8])\.?\s+(\S.*?)" + values)
    total_row = compile_cue(r"^\s*{{total}}t?" + values)
    for index in range(start, len(lines)):
        line = lines[index]
        total = total_row.match(line)
        if total:
            for row, token in zip(rows, total.group(1).split()):
                row.total = Stated(parse_number(token), HISTORY_TABLE, index + 1, token)
            return
        match = area_row.match(line)
        if match:
            number = int(match.group(1))
            name = Located(compact(match.group(2)), index + 1)
            summary.names[number] = name
            for row, token in zip(rows, match.group(3).split()):
                row.scores[number] = Stated(parse_number(token), HISTORY_TABLE, index + 1, token)
                row.area_names[number] = name
        elif line.strip() and index - start > 20:
            return


def _describe_columns(text_before: list[str], rows: list[RawHistoryRow],
                      evaluation_year: int | None) -> None:
    """Instrument version and kind of each column, from the report's own words.

    Cues: 'reviderades 2010 och 2016' lists the instrument versions; 'värdena 2015-2017
    inte är jämförbara med 2018' puts those years on the version before the one used in
    2018; 'en egen analys 2017' marks a self-assessment. Without a statement a column
    takes the latest revision not after its year.
    """
    text = fold(" ".join(text_before))
    revisions = sorted({int(y) for m in _REVISED.finditer(text)
                        for y in re.findall(r"(?:19|20)\d\d", m.group(1))})
    older = _not_comparable_years(text)
    self_assessed = {int(m.group(1)) for m in _SELF_ASSESSMENT.finditer(text)}
    for row in rows:
        row.kind = "self_assessment" if row.year in self_assessed else "evaluation"
        row.instrument_version = _version_for(row.year, revisions, older, evaluation_year)


def _not_comparable_years(text: str) -> dict[int, int]:
    """'2015-2017 inte är jämförbara med 2018' -> {2015: 2018, 2016: 2018, 2017: 2018}."""
    years: dict[int, int] = {}
    for match in _NOT_COMPARABLE.finditer(text):
        first, last, against = (int(match.group(i)) for i in (1, 2, 3))
        years.update({year: against for year in range(first, last + 1)})
    return years


def _version_for(year: int, revisions: list[int], older: dict[int, int],
                 evaluation_year: int | None) -> str | None:
    """The revision in force for a column (see ``_describe_columns``)."""
    if not revisions:
        return None
    reference = older.get(year, year)
    current = [r for r in revisions if r <= reference]
    if not current:
        return None
    if year in older:
        previous = [r for r in revisions if r < current[-1]]
        return str(previous[-1]) if previous else None
    return str(current[-1])


def _summarise(rows: list[RawHistoryRow], report: RawReport, summary: _Summary) -> None:
    """The evaluation year's column is the summary the report's total is built from."""
    year = report.year.value if report.year else None
    column = next((row for row in rows if row.year == year), None)
    if column is None:
        return
    summary.scores = {n: Stated(s.value, SUMMARY, s.line, s.text) for n, s in column.scores.items()}
    if column.total:
        total = column.total
        report.totals.append(Stated(total.value, SUMMARY, total.line, total.text))


# --- area sections -----------------------------------------------------------------------


def _read_areas(lines: list[str], summary: _Summary, report: RawReport) -> list[RawArea]:
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
        end = _read_question_table(lines, index + 1, area)
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


def _section_end(lines: list[str], start: int, chapter: str, number: int) -> int:
    """The next numbered heading ('4.N.4 Kommentar' or the next area) ends the findings."""
    heading = re.compile(rf"^\s*{chapter}\.\d(?:\.\d+)?\s+\D")
    for index in range(start, len(lines)):
        if heading.match(lines[index]) and not _is_findings_heading(lines[index]):
            return index
    return len(lines)


def _is_findings_heading(line: str) -> bool:
    """'4.N.3 Styrkor och förbättringsmöjligheter' opens, not ends, the findings."""
    return bool(_STRENGTHS_WORD.search(line))


# --- the Delpoäng table -------------------------------------------------------------------


def _read_question_table(lines: list[str], start: int, area: RawArea) -> int:
    """Questions up to the total row; returns the index after the table."""
    rows: list[list[int]] = []
    for index in range(start, len(lines)):
        line = lines[index]
        header = _TABLE_HEADER.match(line)
        if header:
            name = _clean_title_part(header.group(2))
            _add_other_name(area, Located(name, index + 1))
            continue
        total = _TOTAL_ROW.match(line)
        if total:
            token = total.group(1)
            area.scores.append(Stated(parse_number(token), QUESTION_TABLE, index + 1, token))
            area.questions = [_question(lines, row, area.number) for row in rows]
            return index + 1
        if _question_start(line, area.number):
            rows.append([index])
        elif rows and line.strip():
            rows[-1].append(index)
    area.questions = [_question(lines, row, area.number) for row in rows]
    return len(lines)


def _question_start(line: str, number: int) -> re.Match[str] | None:
    """A line that opens question 'N.M' of this area."""
    match = _QUESTION_START.match(line) or _QUESTION_START_GLUED.match(line)
    if match and int(match.group(1)) == number:
        return match
    return None


def _question(lines: list[str], indexes: list[int], number: int) -> RawQuestion:
    """One question: id, title rejoined across its lines, and the printed numbers."""
    first = _question_start(lines[indexes[0]], number)
    assert first is not None
    question = RawQuestion(f"{first.group(1)}.{first.group(2)}", "", indexes[0] + 1)
    parts = [first.group(3)] + [lines[i] for i in indexes[1:]]
    texts: list[str] = []
    for index, part in zip(indexes, parts):
        numbers = _ROW_NUMBERS.search(part)
        if numbers:
            part = part[:numbers.start()]
            _set_numbers(question, numbers, index + 1)
        cleaned = _clean_title_part(part)
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


def _clean_title_part(text: str) -> str:
    """Drop the OCR's table separators: leading '|'/'[', a trailing ' .', lone dots."""
    text = compact(text)
    text = re.sub(r"^[.|\[\s]+", "", text)
    text = re.sub(r"(?:\s+\.)+$", "", text)
    return "" if re.fullmatch(r"[.\s]*", text) else text


def _repair_glued_marks(text: str) -> str:
    """'A.rbetar', 'H‘ur': a mark between a word's capital and its lower-case rest is a speck."""
    return re.sub(r"\b([A-ZÅÄÖ])[.‘’'](?=[a-zåäö])", r"\1", text)


def join_lines(parts: list[str]) -> str:
    """Rejoin wrapped lines, undoing end-of-line hyphenation.

    'handlingspla-' + 'ner' -> 'handlingsplaner'; a hyphen before 'och'/'eller'/'samt' is a
    shared compound part ('kultur- och'); after a capital or digit it belongs to the word
    ('HME-enkaten').
    """
    text = ""
    for part in (compact(p) for p in parts):
        if not part:
            continue
        if not text:
            text = part
        elif _ends_broken_word(text) and part.split()[0] not in _JOINING_WORDS:
            text = text[:-1] + part if text[-2].islower() else text + part
        else:
            text = f"{text} {part}"
    return text


# --- strengths and improvements -------------------------------------------------------------


@dataclass
class _Line:
    """One content line of a findings table (1-based line number, stripped text)."""

    number: int
    text: str


def _read_findings(lines: list[str], start: int, stop: int, area: RawArea,
                   report: RawReport) -> None:
    """Pick the reading for how the OCR laid out this two-column table, then read it."""
    content, interleaved = _findings_lines(lines, start, stop)
    if interleaved:
        left, right, inferred = _read_interleaved(content)
        area.strengths, area.improvements = _bulleted_items(left), _bulleted_items(right)
        if inferred is not None:
            report.notes.append(_inferred_note(area.number, inferred))
    elif any(_BULLET.match(line.text) for line in content if line.text):
        area.strengths, area.improvements = _read_bullets_then_plain(content)
    else:
        items = _plain_items(content)
        split = _split_by_wording(items)
        area.strengths, area.improvements = items[:split], items[split:]
        first = items[split].line if split < len(items) else None
        report.notes.append(_inferred_note(area.number, first))


def _inferred_note(area: int, line: int | None) -> Note:
    """Tell the user the strength/improvement boundary came from wording, not layout."""
    return Note("findings-split-inferred", line, {"area": area}, area=area)


def _findings_lines(lines: list[str], start: int, stop: int) -> tuple[list[_Line], bool]:
    """Content lines (blank ones kept as ''), without headings and page footers.

    Also says whether both column headings were read on one line, which is how the OCR
    shows that it read the two columns side by side, line by line.
    """
    content: list[_Line] = []
    interleaved = False
    for index in range(start, stop):
        text = lines[index].strip()
        if _is_footer(text):
            continue
        if _is_column_heading(re.sub(r"^[\d.\s]+", "", text)):
            interleaved = interleaved or bool(_SIDE_BY_SIDE_HEADINGS.match(text))
            continue
        content.append(_Line(index + 1, text))
    return content, interleaved


def _is_column_heading(text: str) -> bool:
    """'Styrkor', 'Förbättringsmöjligheter', both, or the numbered section heading."""
    return bool(text.strip()) and bool(_COLUMN_HEADING.fullmatch(text.strip()))


# (a) bulleted left column, plain right column


def _read_bullets_then_plain(content: list[_Line]) -> tuple[list[Located], list[Located]]:
    """Left-column items carry bullets, right-column items none: sort them by that."""
    strengths: list[Located] = []
    plain: list[_Line] = []
    current: list[_Line] | None = None
    for line in content:
        if not line.text:
            current = None
            plain.append(line)
            continue
        bullet = _BULLET.match(line.text)
        if bullet:
            current = [_Line(line.number, line.text[bullet.end():])]
            strengths.append(Located("", line.number))
        elif current is not None and not _starts_item(current[-1].text, line.text):
            current.append(line)
        else:
            current = None
            plain.append(line)
            continue
        strengths[-1].text = join_lines([part.text for part in current])
    return strengths, _plain_items(plain)


def _starts_item(previous: str, text: str) -> bool:
    """A plain line opens a new item when it starts with a capital after a finished line."""
    if not previous or not text:
        return True
    if previous.endswith(("-", ",")):
        return False
    first = text[0]
    return first.isupper() or (first == "|" and text[1:2] == " ")


def _plain_items(content: list[_Line]) -> list[Located]:
    """Items without bullets: split at blank lines and at capitals after a finished line."""
    items: list[list[_Line]] = []
    previous = ""
    for line in content:
        if not line.text:
            previous = "" if not previous.endswith("-") else previous
            continue
        if not items or _starts_item(previous, line.text):
            items.append([line])
        else:
            items[-1].append(line)
        previous = line.text
    return [Located(join_lines([p.text for p in item]), item[0].number) for item in items]


# (c) plain columns one after the other: split by wording


def _split_by_wording(items: list[Located]) -> int:
    """Index of the first improvement: the cut that best separates the two kinds of wording.

    Maximises strength-like items before the cut plus improvement-like items after it;
    ties go to the earliest cut.
    """
    looks_improving = [_reads_as_improvement(item.text) for item in items]
    best, best_score = len(items), -1.0
    for cut in range(len(items) + 1):
        score = (_PLAIN_WEIGHT * looks_improving[:cut].count(False)
                 + looks_improving[cut:].count(True))
        if score > best_score:
            best, best_score = cut, score
    return best


def _reads_as_improvement(text: str) -> bool:
    """Does the item open like a recommendation ('Utveckla…', 'Bättre…', 'Mer…')?"""
    words = re.findall(r"[a-z]+", _vowel_blind(text[:60]))[:4]
    opening = " ".join(words)
    return any(opening == cue or opening.startswith(cue + " ") for cue in _BLIND_OPENINGS)


def _vowel_blind(text: str) -> str:
    """Fold and merge a/o/e, which OCR confuses ('Béttre' = 'Battre' = 'Bättre')."""
    return re.sub(r"[aoe]", "a", fold_ocr(text))


_BLIND_OPENINGS = tuple(_vowel_blind(cue) for cue in _IMPROVEMENT_OPENINGS)


# (b) two columns interleaved on each line


@dataclass
class _Column:
    """What one column has received so far while reading interleaved lines."""

    parts: list[_Line] = field(default_factory=list)

    def state(self) -> str:
        """'must' (a word was broken), 'may' (sentence unfinished) or 'closed'."""
        if not self.parts:
            return "closed"
        last = self.parts[-1].text
        if _ends_broken_word(last):
            return "must"
        return "closed" if _TERMINAL.search(last) else "may"


def _ends_broken_word(text: str) -> bool:
    """A trailing hyphen right after a letter or digit: the word goes on next line."""
    return len(text) > 1 and text.endswith("-") and text[-2].isalnum()


def _read_interleaved(content: list[_Line]) -> tuple[list[_Line], list[_Line], int | None]:
    """Split each line into its left and right column parts.

    Once a line holds only one column the other has ended, and the remaining lines all
    belong to the continuing column. Returns the parts and, when the continuing column
    had to be told from wording, the line where that run starts.
    """
    left, right = _Column(), _Column()
    widths = _column_widths(content)
    lines = [line for line in content if line.text]
    for position, line in enumerate(lines):
        left_ends = position + 1 < len(lines) and bool(_BULLET.match(lines[position + 1].text))
        parts = (_explicit_split(line.text)
                 or _best_split(line.text, left, right, widths, left_ends))
        left_text, right_text = parts
        if left_text and right_text:
            left.parts.append(_Line(line.number, left_text))
            right.parts.append(_Line(line.number, right_text))
            continue
        rest = lines[position:]
        goes_left, inferred = _run_column(rest, left, right, widths)
        (left if goes_left else right).parts.extend(rest)
        return left.parts, right.parts, line.number if inferred else None
    return left.parts, right.parts, None


def _explicit_split(text: str) -> tuple[str, str] | None:
    """A '|' separator or a second bullet after white space marks the column boundary."""
    for pattern in (_PIPE, _MID_BULLET):
        match = pattern.search(text, 1)
        if match:
            cut = match.start() if pattern is _MID_BULLET else match.end()
            left = text[:match.start()].strip()
            right = text[cut:].strip()
            if left and right:
                return left, right
    return None


@dataclass
class _Widths:
    """Printed widths of left and right column lines (in em, from the lines split by cues)."""

    left_max: float
    right_max: float
    left_typical: float
    right_typical: float


def _column_widths(content: list[_Line]) -> _Widths:
    """Measure both columns on the lines whose boundary is printed ('|', second bullet)."""
    lefts, rights = [], []
    for line in content:
        parts = _explicit_split(line.text) if line.text else None
        if parts:
            lefts.append(text_width(parts[0]))
            rights.append(text_width(parts[1]))
    if not lefts:
        return _Widths(20.0, 18.0, 18.0, 16.0)
    return _Widths(max(lefts), max(rights), _median(lefts), _median(rights))


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


# Approximate advance widths (per mille of an em) of a sans-serif font: the columns have a
# fixed printed width, so the printed width of a line, not its letter count, is what fits.
_NARROW = {**dict.fromkeys("ijl", 222), **dict.fromkeys("ft", 278), "r": 333, " ": 278,
           **dict.fromkeys(".,:;'’‘/|!", 278), "-": 333, **dict.fromkeys("\"”“", 333)}
_WIDE = {"m": 833, "w": 722, "=": 584, **dict.fromkeys("cksvxyz", 500)}


def text_width(text: str) -> float:
    """Printed width of a line in em, estimated from typical sans-serif letter widths."""
    total = 0
    for char in compact(text):
        if char in _NARROW:
            total += _NARROW[char]
        elif char in _WIDE:
            total += _WIDE[char]
        else:
            total += 667 if char.isupper() else 556
    return total / 1000


_TOLERANCE = 0.3  # em; OCR adds or drops spaces, widths are estimates
_EMPTY_OPEN_COST = 1.0
_CLOSED_COST = 2.0
_CUE_BONUS = 1.0


def _best_split(text: str, left: _Column, right: _Column, widths: _Widths,
                left_ends: bool) -> tuple[str, str]:
    """The word boundary that best explains the line as a left part and a right part.

    Both parts must fit their column. A part that does not end its item is a full line
    and should be about as wide as its column (a left part ends its item when the next
    line opens with a bullet, a part ends a sentence when it ends with a full stop); a
    column left with an unfinished word
    must continue here; a plain part cannot continue a column whose item has ended. A
    word ending in '-' before anything but 'och'/'eller'/'samt', or a sentence end before
    a lower-case word, marks the boundary. Ties go to the shortest left part: a left part
    without cue is usually the tail of a broken word or the last words of an item.
    """
    words = text.split()
    best: tuple[float, int] | None = None
    for cut in range(len(words) + 1):
        cost = _split_cost(words, cut, (left, right), widths, left_ends)
        if cost is not None and (best is None or cost < best[0] - 1e-9):
            best = (cost, cut)
    cut = best[1] if best else len(words)
    return " ".join(words[:cut]), " ".join(words[cut:])


def _split_cost(words: list[str], cut: int, columns: tuple[_Column, _Column],
                widths: _Widths, left_ends: bool) -> float | None:
    """Cost of cutting the words at ``cut`` (None when a part cannot fit its column)."""
    left, right = columns
    left_text, right_text = " ".join(words[:cut]), " ".join(words[cut:])
    if text_width(left_text) > widths.left_max + _TOLERANCE:
        return None
    if text_width(right_text) > widths.right_max + _TOLERANCE:
        return None
    cost = 0.0
    cost += _part_cost(left_text, left, widths.left_typical, left_ends)
    cost += _part_cost(right_text, right, widths.right_typical, False)
    if 0 < cut < len(words) and _boundary_cue(words[cut - 1], words[cut]):
        cost -= _CUE_BONUS
    return cost


def _part_cost(part: str, column: _Column, typical: float, ends_item: bool) -> float:
    """How badly one part fits its column's state and width."""
    state = column.state()
    if not part:
        return {"must": 10.0, "may": _EMPTY_OPEN_COST, "closed": 0.0}[state]
    cost = 0.0
    if state == "closed" and not _BULLET.match(part):
        cost += _CLOSED_COST
    if not ends_item and not _TERMINAL.search(part):
        shortfall = max(0.0, typical - text_width(part)) / typical
        cost += shortfall if _ends_broken_word(part) else shortfall / 2
    return cost


def _boundary_cue(before: str, after: str) -> bool:
    """Words that cannot follow each other within one column's line."""
    if _ends_broken_word(before) and after not in _JOINING_WORDS:
        return True
    return bool(_TERMINAL.search(before)) and after[:1].islower()


def _run_column(rest: list[_Line], left: _Column, right: _Column,
                widths: _Widths) -> tuple[bool, bool]:
    """Which column the single-column lines continue: (goes_left, told_from_wording).

    A column with an unfinished item continues; otherwise the wording of the run's
    items decides (recommendations are improvements), and last its printed width.
    """
    first = rest[0].text
    if not _BULLET.match(first):
        states = (left.state(), right.state())
        if states[0] != "closed" and states[1] == "closed":
            return True, False
        if states[1] != "closed" and states[0] == "closed":
            return False, False
        if "must" in states and states[0] != states[1]:
            return states[0] == "must", False
    items = _bulleted_items(rest)
    improving = sum(_reads_as_improvement(item.text) for item in items)
    if improving * 2 != len(items):
        return improving * 2 < len(items), True
    run = max(text_width(line.text) for line in rest)
    return run > widths.right_max, False


def _bulleted_items(parts: list[_Line]) -> list[Located]:
    """Items of one column: each bullet opens an item, plain lines continue it."""
    items: list[list[_Line]] = []
    for part in parts:
        bullet = _BULLET.match(part.text)
        if bullet or not items:
            text = part.text[bullet.end():] if bullet else part.text
            items.append([_Line(part.number, text)])
        else:
            items[-1].append(part)
    return [Located(join_lines([p.text for p in item]), item[0].number) for item in items]
