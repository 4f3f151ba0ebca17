"""``kompass export``: normalised reports as tidy tables (CSV, Excel, parquet, JSON lines)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from kompass_cli.cli.app import DEFAULT_DATA, app, echo_errors, exit_if_refused, handles_errors
from kompass_cli.errors import KompassError


class Level(str, Enum):
    areas = "areas"
    questions = "questions"
    findings = "findings"
    history = "history"


class Format(str, Enum):
    csv = "csv"
    xlsx = "xlsx"
    parquet = "parquet"
    jsonl = "jsonl"


@app.command()
@handles_errors
def export(
    paths: list[Path] = typer.Argument(None, help="JSON files or folders "
                                                  "[default: data/normalized]"),
    level: Level = typer.Option(Level.areas, "--level", "-l",
                                help="One row per area, question, finding or history-table "
                                     "area."),
    output_format: Format = typer.Option(None, "--format", "-f", show_default=False,
                                         help="csv, xlsx, parquet or jsonl [default: from "
                                              "--out's suffix, else csv]"),
    out: Path = typer.Option(None, "--out", "-o",
                             help="File to write (atomically); '-' or none means stdout, "
                                  "which only csv and jsonl can use."),
) -> None:
    """Export normalised reports and results summaries as a tidy long table, one row per
    municipality x evaluation x area (or question, finding, history row).

    Columns are fixed per level and documented in docs/columns.md. Numbers are numbers
    (int when whole); missing values are empty in CSV and null elsewhere. A file that
    does not load is named on stderr and the exit code is 2, so a table that lacks a
    report never passes as complete; the other reports are still exported.

    Example: [bold]kompass export data/normalized --level questions --out questions.xlsx[/bold]
    """
    from kompass_cli.dataset import load_files
    from kompass_cli.export import BINARY_FORMATS, render, rows
    from kompass_cli.inputs import expand_inputs
    from kompass_cli.writer import write_atomic, write_bytes_atomic

    chosen = _format(output_format, out)
    to_stdout = out is None or str(out) == "-"
    if to_stdout and chosen in BINARY_FORMATS:
        raise KompassError(f"{chosen} is a binary format; give a file with --out, "
                           f"e.g. --out {level.value}.{chosen}")
    files, problems = expand_inputs(paths or [DEFAULT_DATA], (".json",))
    loaded = load_files(files, problems)
    echo_errors(loaded.errors)
    if not loaded.reports:
        exit_if_refused(loaded.errors)
    table = rows(level.value, [report for _, report in loaded.reports])
    data = render(level.value, chosen, table)
    if to_stdout:
        typer.echo(data, nl=False)
    elif isinstance(data, bytes):
        write_bytes_atomic(out, data)
    else:
        write_atomic(out, data)
    if not to_stdout:
        typer.echo(f"{out}: {len(table)} {level.value} rows from {len(loaded.reports)} "
                   f"reports", err=True)
    exit_if_refused(loaded.errors)


def _format(given: Format | None, out: Path | None) -> str:
    """--format if given, else the suffix of --out, else csv; a clash is an error."""
    suffix = out.suffix.lower().lstrip(".") if out is not None else ""
    known = suffix if suffix in Format.__members__ else None
    if given is None:
        return known or Format.csv.value
    if known and known != given.value:
        raise KompassError(f"--format {given.value} but the file name says {known}; "
                           f"make them agree", str(out))
    return given.value
