"""The findings tables of the 2020 layout: 'Styrkor<TAB>Förbättringsmöjligheter'.

A section closes with a two-column table, strengths on the left and improvements on the
right. Its cells hold one item per HTML block, one item per row, or, in a single plain
row, items run together that only their capitalised openings tell apart.
"""

from __future__ import annotations

import re

from kompass_cli.parsers.base import Located, Note, RawArea, RawReport
from kompass_cli.parsers.common import compact
from kompass_cli.parsers.htmlcells import has_markup, html_blocks, strip_html
from kompass_cli.parsers.vocabulary import is_one_of

_LIST_DASH = re.compile(r"^[-–—•]\s*")

# Words that cannot end a findings item: a capitalised word after them continues it.
_BINDING_WORDS = frozenset(
    "och eller samt för med av i på till som om från mot inom hos vid under mellan kring "
    "enligt utan än via åt efter genom the of and".split())


def is_findings_header(line: str) -> bool:
    """'Styrkor<TAB>Förbättringsmöjligheter' opens the findings table of a section."""
    if "\t" not in line:
        return False
    cells = [strip_html(cell) for cell in line.split("\t")]
    return (len(cells) == 2 and is_one_of(cells[0], "strengths-heading")
            and is_one_of(cells[1], "improvements-heading"))


def read_findings(rows: list[tuple[int, str]], area: RawArea, report: RawReport) -> None:
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
