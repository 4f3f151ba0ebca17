"""``kompass export``: normalised reports as tidy tables (CSV, Excel, parquet, JSON lines)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import get_args

import typer

from kompass_cli.cli.app import app, exit_if_refused, handles_errors, load_data, note
from kompass_cli.cli.options import (
    ExportFormat,
    Format,
    format_option,
    normalised_paths_argument,
    out_option,
)
from kompass_cli.core.errors import KompassError


class Level(str, Enum):
    areas = "areas"
    questions = "questions"
    findings = "findings"
    history = "history"


class Locale(str, Enum):
    plain = "plain"
    sv = "sv"


@app.command()
@handles_errors
def export(
    paths: list[Path] = normalised_paths_argument(),
    level: Level = typer.Option(Level.areas, "--level", "-l",
                                help="One row per area, question, finding or history-table "
                                     "area."),
    output_format: ExportFormat | None = format_option(
        None, "table (terminal only), json, csv, xlsx, parquet or jsonl",
        shown_default="the suffix of --out, else csv"),
    out: Path = out_option(None, "File to write (atomically); - or none means stdout, "
                                 "which xlsx and parquet cannot use.", metavar="FILE"),
    locale: Locale = typer.Option(Locale.plain, "--locale",
                                  help="CSV convention: plain (',' and '.'), or sv for "
                                       "Swedish Excel (byte-order mark, ';', decimal comma)."),
    datapackage: bool = typer.Option(True, "--datapackage/--no-datapackage",
                                     show_default=False,
                                     help="With --out, also write datapackage.json (column "
                                          "types and meanings) beside a csv, json or jsonl "
                                          "file [default: on]."),
) -> None:
    """Export normalised reports and results summaries as a tidy long table, one row per
    municipality x evaluation x area (or question, finding, history row).

    Columns are fixed per level and documented in docs/columns.md. Numbers are numbers
    (int when whole); missing values are empty in CSV and null elsewhere. A file that
    does not load is named on stderr and the exit code is 2, so a table that lacks a
    report never passes as complete; the other reports are still exported.
    A csv, json or jsonl file written with --out gets a datapackage.json beside it
    (Frictionless Table Schema: each column's type and meaning); stdout gets the table
    only. `--format table` shows the rows in the terminal.

    Example: `kompass export --level questions --format csv --locale sv --out questions.csv`
    """
    from kompass_cli.analyse.export import BINARY_FORMATS, check_locale, render, rows
    from kompass_cli.model.writer import write_atomic, write_bytes_atomic

    chosen = _format(output_format, out)
    check_locale(chosen, locale.value)
    to_stdout = out is None or str(out) == "-"
    if to_stdout and chosen in BINARY_FORMATS:
        raise KompassError(f"{chosen} is a binary format; give a file with --out, "
                           f"e.g. --out {level.value}.{chosen}")
    if chosen == Format.table.value and not to_stdout:
        raise KompassError("a table is for the terminal; give --format csv, xlsx, json, "
                           "jsonl or parquet to write a file", str(out))
    loaded = load_data(paths)
    table = rows(level.value, [report for _, report in loaded.reports])
    if chosen == Format.table.value:
        _print_table(level.value, table)
        exit_if_refused(loaded.errors)
        return
    data = render(level.value, chosen, table, locale.value)
    if to_stdout:
        typer.echo(data, nl=False)
        exit_if_refused(loaded.errors)
        return
    package = None
    if datapackage and chosen not in BINARY_FORMATS:
        from kompass_cli.analyse.datapackage import package_text

        package = package_text(out, level.value, chosen, locale.value)
    if isinstance(data, bytes):
        write_bytes_atomic(out, data)
    else:
        write_atomic(out, data)
    if package is not None:
        from kompass_cli.analyse.datapackage import FILE_NAME

        write_atomic(out.parent / FILE_NAME, package)
    note(f"{out}: {len(table)} {level.value} rows from {len(loaded.reports)} reports"
         f"{', described in ' + FILE_NAME if package else ''}")
    exit_if_refused(loaded.errors)


def _format(given: Format | None, out: Path | None) -> str:
    """--format if given, else the suffix of --out, else csv; a clash is an error."""
    suffix = out.suffix.lower().lstrip(".") if out is not None else ""
    known = suffix if suffix in {f.value for f in get_args(ExportFormat)} else None
    if given is None:
        return known or Format.csv.value
    if known and known != given.value:
        raise KompassError(f"--format {given.value} but the file name says {known}; "
                           f"make them agree", str(out))
    return given.value


def _print_table(level: str, table: list[dict]) -> None:
    """The rows as a rich table, for a look in the terminal."""
    from rich.console import Console
    from rich.table import Table

    from kompass_cli.analyse.export import COLUMNS
    from kompass_cli.cli.render import print_table

    shown = Table()
    for column in COLUMNS[level]:
        shown.add_column(column, overflow="fold")
    for row in table:
        shown.add_row(*("" if row[c] is None else str(row[c]) for c in COLUMNS[level]))
    print_table(Console(highlight=False), shown)
