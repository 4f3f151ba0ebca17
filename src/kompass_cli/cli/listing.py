"""``kompass list``: the municipalities and years a data folder holds, and their sources."""

from __future__ import annotations

from pathlib import Path

import typer

from kompass_cli.cli.app import app, exit_if_refused, handles_errors, load_data
from kompass_cli.cli.options import (
    TableFormat,
    format_option,
    normalised_paths_argument,
)


@app.command("list")
@handles_errors
def list_holdings(
    paths: list[Path] = normalised_paths_argument(),
    output_format: TableFormat = format_option(),
) -> None:
    """List which municipalities and years the data holds, and from which sources.

    One row per municipality and year: its instrument version, kind (evaluation or
    self-assessment), total, the eight area scores (in CSV and JSON), the kinds of
    source that give it (report, history: a row of
    a report's history table, summary: a parsed summary page, import: a CSV row), the
    files, and any conflicts between them (as kompass compare shows them). CSV columns:

    municipality, kommunkod, county, year, instrument_version, kind, total,
    area_1 … area_8, source_kinds, sources, conflicts

    (lists joined with '; ' in CSV). Exit 0; 2 when a path is missing, a folder is empty,
    or a file is not a kompass document (each such file is named on stderr, the others
    are still listed).

    Example: `kompass list data/normalized`
    """
    loaded = load_data(paths)
    render_holdings(loaded.reports, output_format.value)
    exit_if_refused(loaded.errors)


def render_holdings(documents, output_format: str) -> None:
    """The municipality-year rows of these documents as a table, JSON or CSV (the bars
    of summarise have no meaning here and print the table)."""
    from kompass_cli.analyse.holdings import holdings

    renderer = {"json": _json, "csv": _csv}.get(output_format, _table)
    renderer(holdings(documents))


def _csv(rows) -> None:
    from kompass_cli.analyse.holdings import COLUMNS
    from kompass_cli.cli.render import write_csv

    write_csv(COLUMNS, [{k: "; ".join(v) if isinstance(v, list) else v
                         for k, v in row.items()} for row in rows])


def _json(rows) -> None:
    import json

    typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))


def _table(rows) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from kompass_cli.cli.render import print_table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("municipality", "code", "year", "ver", "kind", "total", "sources",
                   "conflicts"):
        table.add_column(column, justify="right" if column in ("year", "total") else "left")
    for row in rows:
        table.add_row(row["municipality"], row["kommunkod"] or "–", str(row["year"]),
                      row["instrument_version"], row["kind"].replace("_", "-"),
                      "–" if row["total"] is None else str(row["total"]),
                      ", ".join(row["source_kinds"]), str(len(row["conflicts"])) if
                      row["conflicts"] else "")
    console = Console(highlight=False)
    print_table(console, table)
    places = len({r["kommunkod"] or r["municipality"] for r in rows})
    console.print(f"{places} municipalit{'ies' if places != 1 else 'y'}, {len(rows)} "
                  f"evaluations. sources: report (a full report), history (a row of a "
                  f"report's history table), summary (a parsed summary page), import (a CSV "
                  f"row); kompass compare MUNICIPALITY shows the files and conflicts.",
                  markup=False, soft_wrap=True)

