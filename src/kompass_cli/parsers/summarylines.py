"""Lines that pair an area name with a score, in the forms summary pages print them.

A numbered list ('1. Offentlighet och demokrati 61'), bullets ('• … 61'), 'name: score',
'name – 61 poäng', a change in brackets ('68 (+16)'), a table row (markdown pipes, HTML
cells, tabs, or columns set apart by runs of spaces) with one or more score columns, or
a name on a line of its own with its score alone on the next (a table's cells as a text
extraction of a web page gives them). Only the
shape of a line is read here; whether the name is an area name is decided against the
instrument catalogue afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kompass_cli.core.words import compact, fold

# A printed score token: '61', '54,5', '54.5'.
SCORE = r"\d{1,3}(?:[.,]\d{1,2})?"
_MARKUP = re.compile(r"<[^>]+>|\*\*|__|`")
_CELL_TAGS = re.compile(r"(?:\s*</?t[dh][^>]*>\s*)+", re.IGNORECASE)
_LEAD = re.compile(r"^\s*(?:#+\s*|>\s*)?(?:[•·*\-–—▪●○◦►]\s+)?(?:(?:omr[aå]de|area)\s+)?"
                   r"(?:\(?(?P<number>[1-8])(?:\s*[.):–-]\s*|\s+(?=[^\W\d_]))|[•·*\-–—▪●○◦►]\s+)?",
                   re.IGNORECASE)
_PLAIN = re.compile(
    r"^(?P<name>[^\d()]*?[^\W\d_][^\d()]*?)\s*[:=–—-]?\s*"
    rf"(?P<score>{SCORE})\s*(?:p\b\.?|poäng\b|(?:poäng\s+)?av\s+100(?:\s+(?:möjliga\s+)?"
    r"poäng)?\b|/\s*100\b|%)?\s*"
    r"(?:\((?P<change>[^()]*\d[^()]*)\))?\s*[.;,]?\s*$", re.IGNORECASE)
_CELL_SCORE = re.compile(rf"^(?P<score>[+\-−±]?{SCORE})\s*(?:p|poäng|%)?\s*"
                         r"(?:\((?P<change>[^()]*\d[^()]*)\))?$", re.IGNORECASE)
_COLUMNS = re.compile(r"\S\s{2,}\S")
_SEPARATOR = re.compile(r"^[\s|:+\-=–—]*$")


@dataclass
class ScoreCell:
    """One score column of a line: the printed token and a change printed beside it."""

    token: str
    change: str | None = None


@dataclass
class ScoreLine:
    """A line that pairs a name with one score (a list item) or several (a table row)."""

    index: int  # 0-based line index
    name: str
    number: int | None
    cells: list[ScoreCell | None] = field(default_factory=list)  # by column; None = not a score
    table: bool = False
    end: int = -1  # 0-based line of the score when it stands on a line of its own

    def __post_init__(self) -> None:
        if self.end < 0:
            self.end = self.index


def clean(line: str) -> str:
    """The line without HTML tags and markdown emphasis."""
    return _MARKUP.sub("", line)


def table_cells(line: str) -> list[str] | None:
    """The cells of a table row (pipes, HTML cells, tabs or wide gaps), or None for
    running text."""
    text = clean(_CELL_TAGS.sub("\t", line))
    if text != clean(line):
        text = text.strip("\t")
    if "|" in text:
        cells = [c.strip() for c in text.strip().strip("|").split("|")]
    elif "\t" in text:
        cells = [c.strip() for c in text.split("\t")]
    elif len(_COLUMNS.findall(text)) >= 1 and re.search(rf"\s{{2,}}{SCORE}\b", text):
        cells = [c.strip() for c in re.split(r"\s{2,}", text.strip())]
    else:
        return None
    cells = [c for c in cells]
    return cells if len([c for c in cells if c]) >= 2 else None


def is_separator(line: str) -> bool:
    """A markdown table rule ('|---|---|') or an empty line."""
    return bool(_SEPARATOR.match(line))


def read_line(index: int, line: str) -> ScoreLine | None:
    """The name and score(s) a line pairs, or None when it does not have that shape."""
    cells = table_cells(line)
    if cells is not None:
        return _table_line(index, cells)
    return _plain_line(index, clean(line))


def read_pair(index: int, lines: list[str]) -> ScoreLine | None:
    """A name alone on line ``index`` whose score stands alone on the next line of text
    (one blank line between allowed)."""
    text = clean(lines[index]).strip()
    if not text or re.search(r"\d", _split_lead(text)[1]):
        return None
    number, rest = _split_lead(text)
    name = _tidy_name(rest)
    if not _plausible_name(name):
        return None
    for after in range(index + 1, min(index + 3, len(lines))):
        if lines[after].strip():
            cell = _cell(clean(lines[after]))
            return ScoreLine(index, name, number, [cell], end=after) if cell else None
    return None


def _split_lead(text: str) -> tuple[int | None, str]:
    match = _LEAD.match(text)
    number = int(match.group("number")) if match and match.group("number") else None
    return number, text[match.end():] if match else text


def _plain_line(index: int, text: str) -> ScoreLine | None:
    number, rest = _split_lead(text)
    match = _PLAIN.match(rest.strip())
    if not match:
        return None
    name = _tidy_name(match.group("name"))
    if not _plausible_name(name):
        return None
    change = match.group("change")
    return ScoreLine(index, name, number,
                     [ScoreCell(match.group("score"), compact(change) if change else None)])


def _table_line(index: int, cells: list[str]) -> ScoreLine | None:
    named = [i for i, c in enumerate(cells) if re.search(r"[^\W\d_]", c) and
             not _CELL_SCORE.match(c)]
    if not named:
        return None
    first = named[0]
    number, rest = _split_lead(cells[first])
    name = _tidy_name(rest)
    if not _plausible_name(name):
        return None
    scores = [_cell(c) for c in cells[first + 1:]]
    if not any(scores):
        return None
    return ScoreLine(index, name, number, scores, table=True)


def _cell(text: str) -> ScoreCell | None:
    match = _CELL_SCORE.match(text.strip())
    if not match:
        return None
    change = match.group("change")
    return ScoreCell(match.group("score"), compact(change) if change else None)


def _tidy_name(name: str) -> str:
    return compact(name).strip(" :–—-.…")


def _plausible_name(name: str) -> bool:
    """A name of a few words, not a sentence: the score of a prose line is not an area's.
    Dot leaders ('Arbetsliv.....') mark a table of contents, whose numbers are pages."""
    words = name.split()
    return (1 <= len(words) <= 9 and len(name) <= 90 and not re.search(r"[.!?]\s", name)
            and not re.search(r"\.{2,}|…", name))


def header_of(lines: list[str], first: int) -> tuple[int, list[str]] | None:
    """The header row of the table whose first data row is line ``first`` (0-based)."""
    index = first - 1
    while index >= 0 and lines[index].strip() and is_separator(lines[index]):
        index -= 1
    if index < 0 or not lines[index].strip():
        return None
    cells = table_cells(lines[index]) or _header_words(lines[index])
    return (index, cells) if cells else None


def _header_words(line: str) -> list[str] | None:
    """A header set apart by single spaces: 'Område 2012 2016 Riket' (years and labels)."""
    words = clean(line).split()
    if len(words) >= 2 and any(re.fullmatch(r"(19|20)\d\d", w) for w in words):
        return words
    return None


def is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:år\s+)?(19|20)\d\d", fold(text).strip()))
