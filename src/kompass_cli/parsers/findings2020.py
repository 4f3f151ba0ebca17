"""The findings tables of the 2020 layout: 'Styrkor<TAB>Förbättringsmöjligheter'.

A section closes with a two-column table, strengths on the left and improvements on the
right. Its cells hold one item per HTML block, one item per row, or, in a single plain
row, items run together that only their capitalised openings tell apart.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from kompass_cli.core.raw import Located, Note, RawArea, RawReport
from kompass_cli.core.words import compact
from kompass_cli.parsers.htmlcells import has_markup, html_blocks, strip_html
from kompass_cli.parsers.vocabulary import is_one_of, longest_match

_LIST_DASH = re.compile(r"^[-–—•]\s*")
# A cell's text in a line laid out with spaces: words apart by single spaces.
_RUN = re.compile(r"\S+(?: \S+)*")
# A line opening with a bullet or a list dash opens an item.
_BULLET_START = re.compile(r"^[-–—•·▪●◦*»]")

# Words that cannot end a findings item: a capitalised word after them continues it.
_BINDING_WORDS = frozenset(
    "och eller samt för med av i på till som om från mot inom hos vid under mellan kring "
    "enligt utan än via åt efter genom the of and".split())


@dataclass(frozen=True)
class FindingsHeader:
    """How a findings table's header row is printed, which says how to read its body.

    ``cells``: cells apart by tabs (text extracted with cells, HTML fragments kept);
    ``spaced``: cells apart by runs of spaces, the improvements column starting at
    ``column`` (pdftotext -layout); ``flowed``: the headings apart by one space, the
    columns' positions lost (text in reading order, OCR), so no cell can be told from
    the other.
    """

    shape: str
    column: int = 0


def findings_header(line: str) -> FindingsHeader | None:
    """The header 'Styrkor  Förbättringsmöjligheter' of a section's findings table."""
    if "\t" in line:
        cells = [strip_html(cell) for cell in line.split("\t")]
        return FindingsHeader("cells") if _is_header(cells) else None
    runs = list(_RUN.finditer(line))
    if len(runs) == 2 and _is_header([run.group() for run in runs]):
        return FindingsHeader("spaced", runs[1].start())
    words = line.split()
    if len(runs) == 1 and len(" ".join(words)) <= _longest_flowed_header() and any(_is_header([" ".join(words[:cut]), " ".join(words[cut:])])
                              for cut in range(1, len(words))):
        return FindingsHeader("flowed")
    return None


@cache
def _longest_flowed_header() -> int:
    """The longest line that two headings one space apart can be: a longer line is no
    header, whatever its cut, so most prose lines are never cut at every word."""
    return longest_match("strengths-heading") + 1 + longest_match("improvements-heading")


def _is_header(cells: list[str]) -> bool:
    return (len(cells) == 2 and is_one_of(cells[0], "strengths-heading")
            and is_one_of(cells[1], "improvements-heading"))


def read_cell_findings(rows: list[tuple[int, str]], area: RawArea, report: RawReport) -> None:
    """Left column strengths, right column improvements, in one of three shapes.

    Cells with block markup hold one item per block; several plain rows hold one item
    per cell; a single plain row holds items run together, split by ``split_run_together``.
    A row that a page break cut in two is one row (see ``_rejoin_page_rows``).
    """
    rows = _rejoin_page_rows(rows)
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


def _rejoin_page_rows(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Rows with a row that a page break cut in two joined again.

    A row continued on the next page comes out of a PDF as a row of its own, its cells
    opening inside the paragraphs the page cut (in lower case): where both rows
    fill both cells and a cell opens in lower case, the row continues the row before,
    each cell's first paragraph the last paragraph of the cell above. (A table without
    borders gives each item a row, often with one cell empty; an item that opens in
    lower case there is an item.)
    """
    joined: list[tuple[int, list[list[str]]]] = []
    for index, row in rows:
        cells = [html_blocks(cell) for cell in (row.split("\t") + [""])[:2]]
        if joined and all(cells) and all(joined[-1][1]) \
                and any(blocks[0][:1].islower() for blocks in cells):
            for above, blocks in zip(joined[-1][1], cells):
                if above and blocks and blocks[0][:1].islower():
                    above[-1] += " " + blocks.pop(0)
                above += blocks
            continue
        joined.append((index, cells))
    if len(joined) == len(rows):
        return rows
    marked = any(has_markup(row) for _, row in rows)
    return [(index, "\t".join(_as_cell(blocks, marked) for blocks in cells))
            for index, cells in joined]


def _as_cell(blocks: list[str], marked: bool) -> str:
    return " ".join(f"<p>{html.escape(block)}</p>" for block in blocks) if marked \
        else " ".join(blocks)


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


def _starts_item(previous: str, word: str, acronyms: bool = False) -> bool:
    """Whether ``word`` opens a new run-together item after ``previous`` (see above).

    At the start of a line an acronym opens an item too ('IT-stöd saknas'): it is only
    inside a line that it more likely belongs to the item before ('Öppna KF').
    """
    letters = word.lstrip("\"'”“„«»(")
    if not letters or not letters[0].isupper():
        return False
    if not acronyms and len(letters) > 1 and letters[1].isupper():
        return False
    if previous.lower() in _BINDING_WORDS or previous.endswith(("-", "–", "—", "/", "&")):
        return False
    short_name = (previous[:1].isupper() and not previous[1:2].isupper()
                  and sum(c.isalpha() for c in previous) <= 3)
    return not (short_name and previous[-1].isalpha())


# --- tables laid out with spaces (pdftotext -layout) ----------------------------------


def read_spaced_findings(lines: list[str], start: int, stop: int, column: int,
                         area: RawArea, report: RawReport) -> None:
    """A findings table whose columns are laid out with spaces, lines ``start``-``stop``.

    Each line's text runs go to the strengths or the improvements by where they start:
    the improvements near the header's second cell (``column``) or beyond, the strengths
    at the margin. A paragraph wraps within its column, and the two columns' lines
    interleave where their paragraphs are offset, so each column is read on its own
    (see ``_column_items``). A column that reads as one paragraph from the first line
    to the last holds items run together, as a single row of
    plain cells does (see ``_runs_together``): they are split by ``split_run_together``,
    with a note.
    """
    columns: tuple[list, list] = ([], [])
    for index in range(start, stop):
        cells = _line_cells(lines[index], column)
        for entries, text in zip(columns, cells):
            if text:
                entries.append((index, text))
            elif not any(cells):
                entries.append(None)
    inferred = False
    room = (column - 2, _text_width(lines) - column)  # each column's width at least
    for entries, target, least in zip(columns, (area.strengths, area.improvements), room):
        if _runs_together(entries):
            first = next(entry for entry in entries if entry)
            text = compact(" ".join(entry[1] for entry in entries if entry))
            items = [Located(item, first[0] + 1) for item in split_run_together(text)]
            inferred |= len(items) > 1
        else:
            items = _column_items(entries, least)
        target.extend(items)
    if inferred:
        report.notes.append(Note("findings-split-inferred", start + 1, {}, area=area.number))


# The improvements column may start a little left of its header cell in laid-out text,
# and a strengths line may run a little past it; one that runs on further holds the
# improvements' words too, set one space apart.
_COLUMN_SLACK = 0.75
_OVERRUN = 10


def _line_cells(line: str, column: int) -> tuple[str, str]:
    """(strengths text, improvements text) of one line of a table laid out with spaces.

    Text runs (words one space apart) go by where they start. A run from the margin that
    reaches far past ``column`` holds both cells set one space apart: it is cut at the
    word that starts nearest ``column``, a capitalised one (an item's start) first.
    """
    left: list[str] = []
    right: list[str] = []
    for run in _RUN.finditer(line):
        if run.start() >= column * _COLUMN_SLACK:
            right.append(run.group())
            continue
        cut = _cut(run, column) if run.end() > column + _OVERRUN else None
        if cut is None:
            left.append(run.group())
        else:
            left.append(line[run.start():cut].strip())
            right.append(line[cut:run.end()])
    return " ".join(left), " ".join(right)


def _cut(run: re.Match, column: int) -> int | None:
    """Where the improvements' words begin in a run that spans both columns."""
    starts = [run.start() + word.start() for word in re.finditer(r"(?<= )\S", run.group())]
    near = [start for start in starts
            if column * _COLUMN_SLACK <= start < column + _OVERRUN]
    return min(near, key=lambda start: (not run.string[start].isupper(), abs(start - column)),
               default=None)


def _runs_together(entries: list[tuple[int, str] | None]) -> bool:
    """Whether a column is one paragraph: no blank line inside, and every line full, so
    that the next line's first word would not have fitted on it."""
    filled = [entry for entry in entries if entry]
    if len(filled) < 2 or None in entries[entries.index(filled[0]):entries.index(filled[-1])]:
        return False
    width = max(len(text) for _, text in filled)
    return not any(_fits(before, after, width * _FULL)
                   for (_, before), (_, after) in zip(filled, filled[1:]))


# A line this full of its column's widest is taken as full (wrapped), the proportional
# font's widths aside.
_FULL = 0.85


def _text_width(lines: list[str]) -> int:
    """The width of the page's text: how long most long lines of prose are (lines with
    no columns spaced apart), so that a table spans about as much."""
    prose = sorted(len(line.rstrip()) for line in lines
                   if line.strip() and not line.startswith("   ") and "   " not in line.strip())
    return prose[int(len(prose) * _LONG_LINES)] if prose else 0


# The share of prose lines shorter than the text's width (a few run longer).
_LONG_LINES = 0.9


def _column_items(entries: list[tuple[int, str] | None], least: int) -> list[Located]:
    """The items of one column from its lines in order (None: a blank line).

    The column is as wide as its widest line; for ``_opens_item`` as ``least`` where
    that is more (the room the table leaves it: its widest lines may be short). A blank
    line ends an item, unless the next line goes on in lower case where its first word would not
    have fitted (a paragraph that the other column's rows pushed apart). Between two lines of the column on consecutive lines, the second opens an
    item where ``_opens_item`` says so. Where lines of the other column stand between
    them, this column had space there (paragraph spacing, or a row of the table ended):
    a capital after a word that can end an item opens one whatever the widths, and so
    does any line whose first word would have fitted with room to spare.
    """
    width = max((len(entry[1]) for entry in entries if entry), default=0)
    room = max(width, least)
    items: list[list] = []
    previous: tuple[int, str] | None = None
    blank = False
    for entry in entries:
        if entry is None:
            blank = previous is not None or blank
            continue
        index, text = entry
        if previous is None:
            opens = True
        elif blank:
            opens = not (text[:1].islower() and not _fits(previous[1], text, width))
        elif index > previous[0] + 1:
            opens = bool(_BULLET_START.match(text)) or _fits(previous[1], text, width * _ROOM) \
                or _starts_item(previous[1].split()[-1], text.split()[0], acronyms=True)
        else:
            opens = _opens_item(previous[1], text, room)
        if opens:
            items.append([index, text])
        else:
            items[-1][1] += " " + text
        previous, blank = entry, False
    located = (Located(compact(_LIST_DASH.sub("", text)), index + 1) for index, text in items)
    return [item for item in located if item.text]


# How much wider than its widest line a column may be.
_WIDER = 1.15
# Share of a column's width within which a word clearly fits (character counts only
# approximate a proportional font's widths).
_ROOM = 0.6


def _fits(previous: str, text: str, width: float) -> bool:
    """Whether the first word of ``text`` would have fitted after ``previous``."""
    return len(previous) + 1 + len(text.split()[0]) <= width


def _opens_item(previous: str, text: str, width: int) -> bool:
    """Whether a column's line opens an item rather than continuing the line before.

    A bullet opens one. A line is a paragraph's continuation where its first word would
    not have fitted after the line before; where it would have, it opens an item only
    with a capital after a word that can end one (as in ``split_run_together``). The
    column's widest line is all that shows its width, which may be a little wider.
    """
    if _BULLET_START.match(text):
        return True
    if not _fits(previous, text, width * _WIDER):
        return False
    return _starts_item(previous.split()[-1], text.split()[0], acronyms=True)
