"""The 2020 PDF-extract layout (Lindesberg 2021, instrument 2020).

Text extracted from a PDF whose table cells still carry HTML fragments: a cover with
'Analys av <kommun>', an ISO date and the evaluators; a total line 'Xs kommun 2021 - 420p';
summary paragraphs stating each area's score in prose; one section per area
('Område N <name>') opening with a 'Rubriker<TAB>Poäng' box (a bullet list of the
sub-question headings and the area's score) and closing with a
'Styrkor<TAB>Förbättringsmöjligheter' table; and at the end one
'<name><TAB>Uppnått<TAB>Max<TAB>Procent' table per area.

HTML handling lives in small functions so that a PDF reader that yields the same text
without markup goes through the same rules.
"""

from __future__ import annotations

import html
import re
from functools import cache

from kompass_cli.core.numbers import parse_number, parse_percent
from kompass_cli.core.raw import (
    AREA_HEADER,
    AREA_TEXT,
    HEADLINE,
    OVERVIEW_TABLE,
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
    find_iso_date,
    find_publisher,
    names_kommunkompassen,
    read_evaluation_date,
)
from kompass_cli.core.match import compile_cue
from kompass_cli.parsers.vocabulary import alternatives, is_one_of

_NUM = r"\d+(?:,\d+)?"

# Section heading; a table-of-contents entry ends in a tab, dot leaders or a page number.
_AREA_HEADING = compile_cue(r"^\s*{{Område}}\s+([1-8])\s+([^\t]*?[^\d.\s])\s*$")
_RUBRIKER = compile_cue(r"^\s*{{Rubriker}}\s+{{Poäng}}\s*$")
_OVERVIEW_HEADER = compile_cue(
    r"^\s*([1-8])\.?\s+(.+?)\s+{{Uppnått}}\s+{{Max}}\s+{{Procent}}\s*$")
# The Procent cell: a percent with its sign, or digits alone where OCR read the sign as
# digits ('30%' as '3020' or '3096'); such a cell is kept out (see _percent).
_PERCENT_CELL = rf"({_NUM}\s*%|\d+)"
_OVERVIEW_ROW = re.compile(
    rf"^\s*([1-8]\.\d{{1,2}})\s+(.+?)\s+({_NUM})\s+({_NUM})\s+{_PERCENT_CELL}\s*$")
_OVERVIEW_TOTAL = re.compile(rf"^\s*({_NUM})\s+({_NUM})\s+{_PERCENT_CELL}\s*$")
_CHAPTER = re.compile(r"^\s*\d+\.\s+\S[^\t]*$")
_TOTAL_LINE = re.compile(r"^\s*\S.*?\s(?:19|20)\d\d\s*[-–]\s*(\d+)\s*p\.?\s*$")
_POINTS = compile_cue(rf"(?<![\d,])({_NUM})\s+{{{{poäng}}}}(?!\w)", prose=True)
_TITLE = compile_cue(rf"(?<!\w){alternatives('title')}\s+(\S.*?)\s*$")
_EVALUATORS = compile_cue(r"^\s*{{Utvärderare}}:?\s+(\S.*)$")
_NAME_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:och|and|&)\s+", re.IGNORECASE)
_TRAILING_ORG = re.compile(r"\s+[A-ZÅÄÖ]{2,6}$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_AREA_WORD = compile_cue(r"(?<!\w){{område}}(?:t)?(?!\w)", prose=True)

# Block-level tags end one item and begin the next; all other tags are dropped.
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|li|ul|ol|h[1-6]|br|div|tr|td|th|table|tbody|thead)\b[^<>]*>", re.I)
_ANY_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_BULLET_CHARS = re.compile(r"[•·▪●◦]")
_LIST_DASH = re.compile(r"^[-–—•]\s*")


# Words that cannot end a findings item: a capitalised word after them continues it.
_BINDING_WORDS = frozenset(
    "och eller samt för med av i på till som om från mot inom hos vid under mellan kring "
    "enligt utan än via åt efter genom the of and".split())


class PdfExtract2020Parser(LayoutParser):
    """Reads the PDF-extract layout of the 2020 instrument."""

    name = "pdf-extract-2020"
    description = "2020 PDF-extract layout: 'Rubriker/Poäng' boxes, HTML cells, Uppnått tables"
    paragraph_lines = True

    def score(self, lines: list[str]) -> float:
        """Evidence: score boxes, 'Uppnått Max Procent' tables, findings tables, headings.

        Without the first two (which no other layout prints) the text scores 0.
        """
        if not names_kommunkompassen(lines):
            return 0.0
        boxes = sum(1 for line in lines if _RUBRIKER.match(line))
        tables = sum(1 for line in lines if _OVERVIEW_HEADER.match(line))
        if boxes == 0 and tables == 0:
            return 0.0
        cues = (
            boxes >= 4,
            tables >= 4,
            sum(1 for line in lines if _AREA_HEADING.match(line)) >= 4,
            any(_is_findings_header(line) for line in lines),
        )
        return sum(cues) / len(cues)

    def parse(self, lines: list[str]) -> RawReport:
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
        _read_summary_prose(lines, front_end, areas)
        _read_overview(lines, areas)
        _attach_headings(areas, headings)
        report.areas = sorted([*areas.values(), *repeats], key=lambda area: area.number)
        return report


# --- HTML -------------------------------------------------------------------------------


def html_blocks(text: str) -> list[str]:
    """The text of each block (<p>, <li>, <br> …) of an HTML fragment, tags and entities gone.

    Text without markup comes back as one block, so plain PDF text takes the same path.
    """
    blocks = _BLOCK_TAG.split(_COMMENT.sub(" ", text))
    cleaned = (compact(html.unescape(_ANY_TAG.sub(" ", block))) for block in blocks)
    return [block for block in cleaned if block]


def strip_html(text: str) -> str:
    """All text of an HTML fragment on one line, tags removed and entities decoded."""
    return " ".join(html_blocks(text))


def has_markup(text: str) -> bool:
    """Whether a cell marks its items with block tags (then each block is one item)."""
    return bool(_BLOCK_TAG.search(text))


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
        for points in _POINTS.finditer(line):
            value = parse_number(points.group(1))
            if 100 < value <= 800:
                headline.append(Stated(value, HEADLINE, index + 1, points.group(1)))
    report.totals.extend(headline)


def _total_token(line: str, match: re.Match) -> str:
    """The printed total with its unit, e.g. '420p'."""
    return compact(line[match.start(1):]).replace(" ", "")


# --- area sections ----------------------------------------------------------------------


def _section_bounds(lines: list[str]) -> list[tuple[int, int]]:
    """(start, stop) of each 'Område N' section; the last ends at the next chapter or table."""
    starts = [index for index, line in enumerate(lines) if _AREA_HEADING.match(line)]
    bounds = []
    for position, start in enumerate(starts):
        stop = starts[position + 1] if position + 1 < len(starts) else _section_end(lines, start)
        bounds.append((start, stop))
    return bounds


def _section_end(lines: list[str], start: int) -> int:
    """The line after the last section: a numbered chapter heading or an overview table."""
    for index in range(start + 1, len(lines)):
        if _OVERVIEW_HEADER.match(lines[index]) or _CHAPTER.match(lines[index]):
            return index
    return len(lines)


def _read_section(lines: list[str], start: int, stop: int,
                  report: RawReport) -> tuple[RawArea, list[Located]]:
    """One section: heading, score box (headings and score), score prose, findings."""
    match = _AREA_HEADING.match(lines[start])
    area = RawArea(int(match.group(1)), compact(match.group(2)), start + 1)
    bullets: list[Located] = []
    index = start + 1
    while index < stop:
        line = lines[index]
        if _RUBRIKER.match(line):
            rows = _block_rows(lines, index + 1, stop)
            box, last = _read_score_box(rows, area)
            bullets += box
            index = last + 1 if rows else index + 1
            continue
        if _is_findings_header(line):
            rows = _block_rows(lines, index + 1, stop)
            _read_findings(rows, area, report)
            index = rows[-1][0] + 1 if rows else index + 1
            continue
        _read_score_prose(line, index + 1, area)
        index += 1
    return area, bullets


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


def _read_score_box(rows: list[tuple[int, str]],
                    area: RawArea) -> tuple[list[Located], int]:
    """'Rubriker Poäng' box: bullet headings, and the area's score in the last cell.

    Returns the headings and the index of the box's last line. The box ends with its
    score, or with the bullets that follow it where the score cell is centred beside
    them (pdftotext -layout): text extracted without blank lines (pdftotext -raw) runs
    the box straight into the section's prose, which must not become headings.
    """
    bullets: list[Located] = []
    scored = False
    for position, (index, row) in enumerate(rows):
        if scored and not _BULLET_ROW.match(row):
            return bullets, rows[position - 1][0]
        headings, score = _split_score(row, last_row=position == len(rows) - 1)
        if not score and bullets and not scored and re.fullmatch(_NUM, strip_html(row).strip()):
            headings, score = "", strip_html(row).strip()
        bullets += [Located(item, index + 1) for item in _bullet_items(headings)]
        if score and not scored:
            area.scores.append(Stated(parse_number(score), AREA_HEADER, index + 1, score))
            scored = True
    return bullets, rows[-1][0] if rows else -1


_BULLET_ROW = re.compile(r"^\s*[•·▪\-*]\s")


def _split_score(row: str, last_row: bool) -> tuple[str, str]:
    """(headings, score) of a box row: the score is a last cell like '46' or '<h1>42</h1>'.

    Without cells, the box's last row may end in the score: '… politiken 46'.
    """
    cells = row.split("\t")
    if len(cells) > 1 and re.fullmatch(_NUM, strip_html(cells[-1])):
        return "\t".join(cells[:-1]), strip_html(cells[-1])
    match = re.search(rf"\s({_NUM})$", strip_html(row)) if last_row else None
    if match:
        plain = strip_html(row)
        return plain[:match.start()], match.group(1)
    return row, ""


def _bullet_items(cell: str) -> list[str]:
    """Headings of a bullet list: split at <li>/<p> blocks and at bullet characters."""
    items = []
    for block in html_blocks(cell):
        items += [compact(part) for part in _BULLET_CHARS.split(block) if part.strip()]
    return items


def _read_score_prose(line: str, line_number: int, area: RawArea) -> None:
    """A sentence in the section that gives the area's points ('Området … med 61 poäng')."""
    if not _POINTS.search(line):
        return
    for sentence in _SENTENCE_END.split(line):
        if not (_AREA_WORD.search(sentence) or _mentions(sentence, area.name_in_source)):
            continue
        for points in _POINTS.finditer(sentence):
            value = parse_number(points.group(1))
            if value <= 100:
                area.scores.append(Stated(value, AREA_TEXT, line_number, points.group(1)))


def _mentions(text: str, name: str) -> bool:
    """Whether a name occurs as whole words ('arbetsliv', not 'arbetslivsområdet')."""
    return bool(_name_matches(text, name))


# --- findings ---------------------------------------------------------------------------


def _is_findings_header(line: str) -> bool:
    """'Styrkor<TAB>Förbättringsmöjligheter' opens the findings table of a section."""
    if "\t" not in line:
        return False
    cells = [strip_html(cell) for cell in line.split("\t")]
    return (len(cells) == 2 and is_one_of(cells[0], "strengths-heading")
            and is_one_of(cells[1], "improvements-heading"))


def _read_findings(rows: list[tuple[int, str]], area: RawArea, report: RawReport) -> None:
    """Left column strengths, right column improvements, in one of three shapes.

    Cells with block markup hold one item per block; several plain rows hold one item
    per cell; a single plain row holds items run together, split by ``split_run_together``.
    """
    run_together = len(rows) == 1 and not has_markup(rows[0][1])
    for index, row in rows:
        cells = (row.split("\t") + [""])[:2]
        split_inferred = False
        for cell, target in zip(cells, (area.strengths, area.improvements)):
            items = _cell_items(cell, run_together)
            split_inferred |= run_together and len(items) > 1
            target.extend(Located(item, index + 1) for item in items)
        if split_inferred:
            report.notes.append(Note("findings-split-inferred", index + 1, {},
                                     area=area.number))


def _cell_items(cell: str, run_together: bool) -> list[str]:
    """The items of one findings cell, list dashes dropped."""
    if has_markup(cell):
        texts = html_blocks(cell)
    elif run_together:
        texts = split_run_together(strip_html(cell))
    else:
        texts = [strip_html(cell)]
    items = (compact(_LIST_DASH.sub("", text)) for text in texts)
    return [item for item in items if item]


def split_run_together(text: str) -> list[str]:
    """Split items printed without delimiters: each begins with a capitalised word.

    A word starts a new item when its first letter is upper case and its second is not
    (so 'Metod', 'E-tjänster', but not acronyms like 'KS', 'IT-stöd'), unless the
    previous word cannot end an item: a binding word ('och', 'för', 'med' …), a word
    ending in a hyphen, dash, slash or '&', or a capitalised word of at most three letters
    that begins a name ('Lex Sara', 'S:t Lukas').
    """
    items: list[list[str]] = []
    previous = ""
    for word in text.split():
        if items and not _starts_item(previous, word):
            items[-1].append(word)
        else:
            items.append([word])
        previous = word
    return [" ".join(words) for words in items]


def _starts_item(previous: str, word: str) -> bool:
    """Whether ``word`` opens a new run-together item after ``previous`` (see above)."""
    letters = word.lstrip("\"'”“„«»(")
    if not letters or not letters[0].isupper() or (len(letters) > 1 and letters[1].isupper()):
        return False
    if previous.lower() in _BINDING_WORDS or previous.endswith(("-", "–", "—", "/", "&")):
        return False
    short_name = (previous[:1].isupper() and not previous[1:2].isupper()
                  and sum(c.isalpha() for c in previous) <= 3)
    return not (short_name and previous[-1].isalpha())


# --- summary prose and overview tables ----------------------------------------------------


def _read_summary_prose(lines: list[str], stop: int, areas: dict[int, RawArea]) -> None:
    """Summary paragraphs: 'Området styrning och kontroll fick 56 poäng' -> area 3.

    Each stated score goes to the area whose name (from the section headings) the
    sentence mentions nearest before the number, else nearest after it.
    """
    names = {number: area.name_in_source for number, area in areas.items()}
    for index in range(stop):
        if not _POINTS.search(lines[index]):
            continue
        for sentence in _SENTENCE_END.split(lines[index]):
            for points in _POINTS.finditer(sentence):
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
              for match in _name_matches(before_text, name)]
    if before:
        return max(before)[2]
    after = [(match.start(), -len(name), number) for number, name in names.items()
             for match in _name_matches(after_text, name)]
    return min(after)[2] if after else None


def _name_matches(text: str, name: str) -> list:
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


def _read_overview(lines: list[str], areas: dict[int, RawArea]) -> None:
    """'N. <name> Uppnått Max Procent' tables: question rows and the area total row."""
    current: RawArea | None = None
    for index, line in enumerate(lines):
        header = _OVERVIEW_HEADER.match(line)
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


def _attach_headings(areas: dict[int, RawArea], headings: dict[int, list[Located]]) -> None:
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
