"""Summary pages: web pages, press releases and posts that list the eight area scores.

Such a page is read only when no full-report layout matches the text. Its list of
scores is found by shape (:mod:`summarylines`) and accepted only when it names all eight
areas of one instrument version, each with one score. Anything less is refused with
what was found, never written as a partial record: a list cut off before area 8, a
total without area scores, names that match no version.

What the page says around its list is read by the modules beside this one: the column
of a table that is this municipality's (:mod:`summarycolumns`), the printed total
(:mod:`summarytotals`), and the municipality and year the page is about
(:mod:`summarysubject`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kompass_cli.core.errors import NotAReport
from kompass_cli.core.numbers import parse_number
from kompass_cli.core.raw import SUMMARY, LayoutParser, RawArea, RawReport, Stated
from kompass_cli.core.words import fold
from kompass_cli.parsers.summarycolumns import read_columns
from kompass_cli.parsers.summarylines import (
    ScoreLine,
    is_separator,
    read_line,
    read_pair,
)
from kompass_cli.parsers.summarysubject import evaluation_year, municipality_of
from kompass_cli.parsers.summarytotals import TOTAL_CUE, printed_totals
from kompass_cli.reference.catalog import (
    VERSIONS,
    all_instruments,
    extends_area_name,
    matches_area,
)
from kompass_cli.reference.versions import detect_version

PARSER_NAME = "summary-page"

# Lines of other text allowed between two items of one list (a blank line, a rule).
_GAP = 2
# Name-score lines in a row that make a list worth reporting when no name is an area's.
_MIN_LIST = 4
# Lines of text allowed between two consecutively numbered items (a sentence on each).
_NUMBERED_GAP = 6
# A table of contents starts within its first pages.
_FIRST_PAGE_BELOW = 30
# How far from the list a printed total may stand (lines before, lines after).
_TOTAL_WINDOW = (4, 8)


@dataclass
class RawSummary(RawReport):
    """What a summary page states: area scores with printed changes, total, year, place."""

    changes: dict[int, str] = field(default_factory=dict)
    version: str | None = None
    versions: list[str] = field(default_factory=list)  # every version whose names all match


@dataclass
class _Candidate:
    """One list of score lines read as one version's eight areas."""

    lines: list[ScoreLine]
    version: str
    numbers: dict[int, int]  # line index -> area number
    column: int = 0
    versions: list[str] = field(default_factory=list)  # every version this list fits


class SummaryPageParser(LayoutParser):
    name = PARSER_NAME
    description = "a web page, press release or post listing the eight area scores"

    def score(self, lines: list[str]) -> float:
        """1 when the text has a line pairing an area name with a score, a list of
        names with scores, or a total: enough to say precisely what is missing."""
        items = _score_lines(lines)
        if any(_area_numbers(item) for item in items) or _longest_list(items, lines):
            return 1.0
        return 1.0 if printed_totals(lines, 0, len(lines)) else 0.0

    def parse(self, lines: list[str]) -> RawSummary:
        items = [item for item in _score_lines(lines) if _area_numbers(item)]
        if not items:
            raise NotAReport(_no_areas(lines))
        candidate = _choose(lines, items)
        columns = read_columns(lines, candidate.lines)
        candidate.column = columns.column
        raw = RawSummary(parser=PARSER_NAME, version=candidate.version,
                         versions=candidate.versions)
        for item in candidate.lines:
            _add_area(raw, item, candidate)
        start, stop = candidate.lines[0].index, candidate.lines[-1].index
        raw.totals = printed_totals(lines, max(0, start - _TOTAL_WINDOW[0]),
                                    min(len(lines), stop + 1 + _TOTAL_WINDOW[1]),
                                    candidate.column)
        raw.year = columns.year or evaluation_year(lines, start)
        raw.municipality = municipality_of(lines)
        raw.notes += columns.notes
        return raw


def _score_lines(lines: list[str]) -> list[ScoreLine]:
    """Every line that pairs a name with a score, or a name line with its score line."""
    found: list[ScoreLine] = []
    index = 0
    while index < len(lines):
        item = read_line(index, lines[index]) or read_pair(index, lines)
        if item is not None:
            found.append(item)
            index = item.end
        index += 1
    return found


def _area_numbers(item: ScoreLine, version: str | None = None) -> list[tuple[str, int]]:
    """(version, area number) pairs whose name the line prints, strictly or extended."""
    return [(v, n) for v, n in _names_matched(item.name) if version in (None, v)]


@lru_cache(maxsize=4096)
def _names_matched(name: str) -> tuple[tuple[str, int], ...]:
    """Every (version, area number) a printed name names; cached, as each list is read
    once per version."""
    return tuple((inst.version, spec.number) for inst in all_instruments()
                 for spec in inst.areas
                 if matches_area(name, spec) or extends_area_name(name, spec))


def _blocks(items: list[ScoreLine], lines: list[str]) -> list[list[ScoreLine]]:
    """Runs of score lines with at most a blank line or a rule between them."""
    blocks: list[list[ScoreLine]] = []
    for item in items:
        if blocks and _adjacent(blocks[-1][-1], item, lines):
            blocks[-1].append(item)
        else:
            blocks.append([item])
    return blocks


def _adjacent(before: ScoreLine, after: ScoreLine, lines: list[str]) -> bool:
    """Next in one list: at most a blank line or a rule between, or a few lines of text
    between items numbered one after the other ('1. … 61', text, '2. … 60')."""
    between = lines[before.end + 1:after.index]
    if len(between) <= _GAP and all(is_separator(line) or TOTAL_CUE.search(fold(line))
                                    for line in between):
        return True
    numbered = before.number is not None and after.number == before.number + 1
    return numbered and len(between) <= _NUMBERED_GAP


def _choose(lines: list[str], items: list[ScoreLine]) -> _Candidate:
    """The one list that names all eight areas of one version; refuse anything else."""
    complete: list[_Candidate] = []
    best: tuple[int, str, list[int]] = (0, "", [])
    for block in _blocks(items, lines):
        for inst in all_instruments():
            numbers = _assign(block, inst.version)
            found = sorted(set(numbers.values()))
            if len(found) > best[0]:
                best = (len(found), inst.version, found)
            if found == list(range(1, 9)) and len(numbers) == 8 and not _page_numbers(
                    block, numbers):
                complete.append(_Candidate([i for i in block if i.index in numbers],
                                           inst.version, numbers))
    if not complete:
        raise NotAReport(_incomplete(best, lines))
    blocks = {(c.lines[0].index, c.lines[-1].index) for c in complete}
    if len(blocks) > 1:
        where = " and ".join(f"lines {a + 1}-{b + 1}" for a, b in sorted(blocks))
        raise NotAReport(f"the page lists the eight area scores more than once ({where}); "
                         f"which list is the evaluation cannot be told")
    return _pick_version(complete, lines)


def _page_numbers(block: list[ScoreLine], numbers: dict[int, int]) -> bool:
    """Numbers that rise through all eight areas by a page or more each, from a low
    start, are the pages of a table of contents, not scores."""
    by_area = sorted((numbers[i.index], i.cells[0]) for i in block if i.index in numbers)
    values = [parse_number(cell.token) if cell else None for _, cell in by_area]
    return (None not in values and values[0] < _FIRST_PAGE_BELOW
            and all(b - a >= 2 for a, b in zip(values, values[1:])))


def _assign(block: list[ScoreLine], version: str) -> dict[int, int]:
    """Line index -> area number of ``version``; a line naming two areas is left out.

    An area the version's names leave open may be printed with an older version's name
    ('Samhällsbyggnad' for area 8 on a 2010 page): such a line takes that area, and the
    summary says so (area-name-older-version), as reports do.
    """
    numbers = {}
    for item in block:
        found = [n for v, n in _area_numbers(item, version)]
        if len(found) == 1:
            numbers[item.index] = found[0]
    older = VERSIONS[:VERSIONS.index(version)]
    for item in block:
        missing = set(range(1, 9)) - set(numbers.values())
        if item.index in numbers or not missing:
            continue
        found = {n for v, n in _area_numbers(item) if v in older and n in missing}
        if len(found) == 1:
            numbers[item.index] = found.pop()
    counts = {n: list(numbers.values()).count(n) for n in numbers.values()}
    return {i: n for i, n in numbers.items() if counts[n] == 1}


def _pick_version(complete: list[_Candidate], lines: list[str]) -> _Candidate:
    """Between versions sharing names (2010, 2016), the one the printed names and the
    year point to, decided as for full reports."""
    for candidate in complete:
        candidate.versions = [c.version for c in complete]
    if len(complete) == 1:
        return complete[0]
    first = complete[0]
    raw = RawReport(parser=PARSER_NAME, year=evaluation_year(lines, first.lines[0].index))
    raw.areas = [RawArea(first.numbers[i.index], i.name, i.index + 1) for i in first.lines]
    chosen = detect_version(raw)
    return next((c for c in complete if c.version == chosen), complete[-1])


def _incomplete(best: tuple[int, str, list[int]], lines: list[str]) -> str:
    count, version, found = best
    if count == 8:
        return ("the eight area names are listed with numbers that rise like the pages of "
                "a table of contents, not with scores; a results summary needs all eight "
                "area scores")
    if count >= 3 and found == list(range(1, count + 1)):
        return (f"the list of area scores stops after area {count} of 8 (instrument "
                f"{version}); areas {count + 1}-8 are missing; is the text cut off?")
    totals = printed_totals(lines, 0, len(lines))
    shown = f" and a total of {totals[0].text}" if totals else ""
    return (f"the area names match no version of the instrument completely (best: "
            f"{count} of 8 areas of version {version}: {', '.join(map(str, found))}{shown}); "
            f"a results summary needs all eight area scores")


def _longest_list(items: list[ScoreLine], lines: list[str]) -> list[ScoreLine]:
    """The longest run of name-score lines, when it is long enough to be a list of areas."""
    longest = max(_blocks(items, lines), key=len, default=[])
    return longest if len(longest) >= _MIN_LIST else []


def _no_areas(lines: list[str]) -> str:
    listed = _longest_list(_score_lines(lines), lines)
    if listed:
        names = ", ".join(f"'{item.name}'" for item in listed[:3])
        return (f"{len(listed)} lines pair a name with a score (lines {listed[0].index + 1}-"
                f"{listed[-1].index + 1}: {names}, …), but the names match no version of "
                f"the instrument's areas; a results summary needs all eight area scores")
    totals = printed_totals(lines, 0, len(lines))
    if totals:
        return (f"a total of {totals[0].text} (line {totals[0].line}) but no area scores; "
                f"a results summary needs all eight area scores")
    return ("not a Kommunkompassen report: it names Kommunkompassen but has no area "
            "scores in any known report layout")


def _add_area(raw: RawSummary, item: ScoreLine, candidate: _Candidate) -> None:
    cell = item.cells[candidate.column] if candidate.column < len(item.cells) else None
    number = candidate.numbers[item.index]
    if cell is None:
        raise NotAReport(f"area {number} ('{item.name}', line {item.index + 1}) has no score "
                         f"in the chosen column")
    if cell.token[0] in "+-−±":
        raise NotAReport(f"area {number} ('{item.name}', line {item.index + 1}) is printed "
                         f"as {cell.token}, a change, not a score")
    value = parse_number(cell.token)
    if value > 100:
        raise NotAReport(f"area {number} ('{item.name}', line {item.index + 1}) is printed "
                         f"as {cell.token}, more than the 100 an area can score")
    area = RawArea(number, item.name, item.index + 1)
    area.scores.append(Stated(value, SUMMARY, item.end + 1, cell.token))
    raw.areas.append(area)
    if cell.change:
        raw.changes[number] = cell.change
