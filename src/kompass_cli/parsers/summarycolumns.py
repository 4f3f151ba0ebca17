"""Which column of a summary page's table holds this municipality's own scores.

A table may print several evaluations and the national mean side by side. The column
named after the municipality is read, else the one of the evaluation year, else the
latest year's; a mean, maximum or change column never. A change column is kept as each
area's printed change, and the other columns are named in a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kompass_cli.core.errors import NotAReport
from kompass_cli.core.raw import Located, Note, Stated
from kompass_cli.core.words import fold
from kompass_cli.parsers.summarylines import ScoreLine, header_of, is_year
from kompass_cli.parsers.summarysubject import evaluation_year, municipality_of
from kompass_cli.reference import municipalities

# Column headers that are not this municipality's own scores.
_OTHER_COLUMNS = ("riket", "snitt", "medel", "genomsnitt", "alla kommuner", "median",
                  "sverige", "jamfor", "forandring", "skillnad", "diff", "+/-", "max")
_CHANGE_COLUMNS = ("forandring", "skillnad", "diff", "+/-")


@dataclass
class Columns:
    """The column read, the year its header gives, and a note naming the others."""

    column: int = 0
    year: Stated | None = None
    notes: list[Note] = field(default_factory=list)


def read_columns(lines: list[str], rows: list[ScoreLine]) -> Columns:
    """For a table with several score columns, choose this municipality's column; the
    rows' cells of that column take the change a change column prints beside them."""
    width = max(len(item.cells) for item in rows)
    if width <= 1:
        return Columns()
    found = header_of(lines, rows[0].index)
    if found is None:
        raise NotAReport(f"a table of area scores with {width} columns and no header; "
                         f"which column is this municipality's cannot be told")
    header_index, cells = found
    labels = cells[-width:]
    column, year = _own_column(labels, municipality_of(lines), lines, header_index)
    columns = Columns(column)
    if year is not None:
        columns.year = Stated(year, "evaluation", header_index + 1, str(year))
    changes = [i for i, label in enumerate(labels) if _is_change_column(label)]
    for item in rows:
        if changes and item.cells[column] is not None and len(item.cells) > changes[0]:
            change = item.cells[changes[0]]
            item.cells[column].change = item.cells[column].change or (
                change.token if change else None)
    others = [label for i, label in enumerate(labels) if i != column and i not in changes]
    if others:
        columns.notes.append(Note("summary-other-columns", header_index + 1,
                                  {"chosen": labels[column], "others": ", ".join(others)}))
    return columns


def _is_change_column(label: str) -> bool:
    return any(cue in fold(label) for cue in _CHANGE_COLUMNS)


def _own_column(labels: list[str], own: Located | None, lines: list[str],
                start: int) -> tuple[int, int | None]:
    """The column named after the municipality, else the evaluation year's, else the
    latest year's; never a mean, a maximum or a change."""
    usable = [i for i, label in enumerate(labels)
              if not any(cue in fold(label) for cue in _OTHER_COLUMNS)]
    named = own and municipalities.match(own.text)
    for i in usable:
        if named and municipalities.match(labels[i]) == named:
            return i, None
    years = {i: int(re.search(r"(19|20)\d\d", labels[i]).group(0))
             for i in usable if is_year(labels[i])}
    if years:
        stated = evaluation_year(lines, start)
        if stated is not None and stated.value in years.values():
            return next(i for i, y in years.items() if y == stated.value), stated.value
        latest = max(years, key=years.get)
        return latest, years[latest]
    if len(usable) == 1:
        return usable[0], None
    raise NotAReport(f"a table of area scores with the columns {', '.join(labels)}; which "
                     f"one is this municipality's cannot be told")
