"""``kompass diff``: what changed between two normalised reports, for people and for CI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from kompass_cli.cli.app import app, echo_errors, exit_if_refused, handles_errors
from kompass_cli.cli.options import Format, TableFormat, format_option

if TYPE_CHECKING:
    from kompass_cli.analyse.diffing import Difference

_CELL_LIMIT = 80


@app.command()
@handles_errors
def diff(
    a: Path = typer.Argument(..., metavar="A.json", help="The old normalised JSON report."),
    b: Path = typer.Argument(..., metavar="B.json", help="The new normalised JSON report."),
    output_format: TableFormat = format_option(help="table, json, or csv (kind, path, old, "
                                                    "new; items as JSON text)"),
    lines: bool = typer.Option(False, "--lines",
                               help="Also report equal values printed on another line, as "
                                    "kind 'moved' (needs --format json)."),
) -> None:
    """Show field-level differences between two normalised reports, matched by meaning.

    Areas match by number, questions by id, history rows by year, diagnostics by code,
    area, question and year, and strengths and improvements by text (a slightly reworded
    item is one 'changed' difference with both texts), so reordering a list is no
    difference. Line numbers are ignored unless --lines is given; the source block and
    diagnostic messages are never compared. Reports of different instrument versions
    can be compared: areas still match by number.

    Exit 0 when equal, 1 when different, 2 when a file cannot be read or is not a
    valid report.

    Example: `kompass diff data/normalized/norsjo-2018.json other.json`
    """
    from kompass_cli.analyse.diffing import diff_reports
    from kompass_cli.core.errors import KompassError
    from kompass_cli.model.dataset import load_files

    if lines and output_format is not Format.json:
        raise typer.BadParameter("--lines needs --format json", param_hint="'--lines'")
    loaded = load_files([a, b])
    loaded.errors += [KompassError("is a results summary; kompass diff compares full "
                                   "reports (kompass compare shows summaries beside them)",
                                   str(path))
                      for path, document in loaded.reports
                      if document.doc_kind == "results_summary"]
    echo_errors(loaded.errors)
    exit_if_refused(loaded.errors)
    (_, report_a), (_, report_b) = loaded.reports
    differences = diff_reports(report_a, report_b, lines=lines)
    if output_format is Format.json:
        typer.echo(json.dumps({"a": str(a), "b": str(b),
                               "differences": [d.to_dict() for d in differences],
                               "equal": not differences}, ensure_ascii=False, indent=2))
    elif output_format is Format.csv:
        from kompass_cli.cli.render import write_csv

        write_csv(("kind", "path", "old", "new"),
                  ({"kind": d.kind, "path": d.path, "old": _csv_value(d.old),
                    "new": _csv_value(d.new)} for d in differences))
    else:
        _render(differences, report_a.instrument.version, report_b.instrument.version)
    if differences:
        raise typer.Exit(1)


def _render(differences: list[Difference], version_a: str, version_b: str) -> None:
    """A table of the differences, a note when versions differ, then the count last."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if differences:
        table = Table(expand=True)
        table.add_column("path", overflow="fold", ratio=2)
        table.add_column("kind", no_wrap=True, min_width=7)
        table.add_column("old", overflow="fold", ratio=1)
        table.add_column("new", overflow="fold", ratio=1)
        for d in differences:
            table.add_row(Text(d.path), d.kind, Text(_cell(d.old)), Text(_cell(d.new)))
        console.print(table)
    if version_a != version_b:
        console.print(Text(f"instrument versions differ ({version_a} and {version_b}): "
                           f"areas are matched by number"))
    noun = "difference" if len(differences) == 1 else "differences"
    console.print(f"{len(differences)} {noun}")


def _csv_value(value: Any) -> Any:
    """Strings and numbers as they are; whole items as compact JSON text."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _cell(value: Any) -> str:
    """Strings and numbers as they are; whole items as compact JSON, shortened."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= _CELL_LIMIT else text[:_CELL_LIMIT - 1] + "…"
