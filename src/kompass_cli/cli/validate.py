"""``kompass validate``: check normalised JSON files, for people and for CI."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from kompass_cli.cli.app import app, echo_errors, handles_errors
from kompass_cli.cli.options import (
    DEFAULT_DATA,
    DEFAULT_RAW,
    Format,
    TableFormat,
    format_option,
    normalised_paths_argument,
)
from kompass_cli.core.errors import KompassError
from kompass_cli.read.inputs import expand_inputs

# CSV: one row per finding.
CSV_COLUMNS = ("file", "path", "line", "severity", "code", "message")


class FailOn(str, Enum):
    error = "error"
    warning = "warning"


@app.command()
@handles_errors
def validate(
    paths: list[Path] = normalised_paths_argument(),
    output_format: TableFormat = format_option(help="table, json, or csv (one row per "
                                                    "finding)"),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on",
                                   help="Lowest severity of a finding that fails the run."),
    raw_dir: Path = typer.Option(DEFAULT_RAW, "--raw-dir",
                                 help="Where the raw reports are, to check source.sha256."),
    require_raw: bool = typer.Option(False, "--require-raw",
                                     help="A raw report missing from --raw-dir is an error "
                                          "(by default a note that the checksum was not "
                                          "checked)."),
) -> None:
    """Validate normalised JSON: schema, instrument catalogue, the report's own sums.

    Scores are held to their own reported values by the rule parse uses, and the
    report's sums and percents re-checked: a contradiction the file does not record is
    an error. Contradictions recorded at parse time are listed, not counted.

    Exit 0 when valid, 1 when a finding at or above --fail-on is found, 2 when a file
    cannot be read (named on stderr; the other files are still validated).

    Example: `kompass validate data/normalized --format json`
    """
    from kompass_cli.analyse.validate import SEVERITY_RANK, validate_file

    files, unreadable = expand_inputs(paths or [DEFAULT_DATA], (".json",))
    results = []
    for path in files:
        try:
            results.append(validate_file(path, raw_dir, require_raw))
        except KompassError as error:
            unreadable.append(error)
    echo_errors(unreadable)
    if output_format is Format.json:
        typer.echo(json.dumps({"files": [r.to_dict() for r in results]}, ensure_ascii=False,
                              indent=2))
    elif output_format is Format.csv:
        from kompass_cli.cli.render import write_csv

        write_csv(CSV_COLUMNS, (f.finding() for r in results for f in r.findings))
    else:
        _render(results)
    if unreadable:
        raise typer.Exit(2)
    if any(r.worst() >= SEVERITY_RANK[fail_on.value] for r in results):
        raise typer.Exit(1)


def _render(results) -> None:
    """Findings as a table; recorded contradictions of the reports counted per file."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    findings = [f for r in results for f in r.findings]
    if findings:
        table = Table(title="findings", title_justify="left")
        for column in ("file", "location", "line", "severity", "code", "message"):
            table.add_column(column, overflow="fold")
        for f in findings:
            table.add_row(f.file, f.path, "" if f.line is None else str(f.line), f.severity,
                          f.code, f.message)
        console.print(table)
    for result in results:
        status = "valid" if not any(f.severity == "error" for f in result.findings) else "INVALID"
        typer.echo(f"{result.file}: {status}, {len(result.findings)} findings, "
                   f"{len(result.recorded)} diagnostics recorded from the report")
