"""Output shared by the commands that print tables to stdout: rich tables, CSV, JSON."""

from __future__ import annotations

from rich.console import Console
from rich.measure import Measurement
from rich.table import Table


def print_table(console: Console, table: Table) -> None:
    """Print a table at its natural width even when the console is narrower.

    Rich squeezes a table into the console width by cutting numbers to '5…'; in a pipe or
    a CI log the width defaults to 80, so a score table would lose its data. A line
    wider than the terminal wraps, but no value is lost.
    """
    natural = Measurement.get(console, console.options.update_width(1000), table).maximum
    if natural > console.width:
        console.width = natural
    console.print(table)


def print_csv(rows: list[dict], columns: tuple[str, ...], joiner: str = "; ") -> None:
    """Rows as CSV on stdout: a header, None as an empty field, lists joined."""
    import csv
    import sys

    writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: joiner.join(map(str, v)) if isinstance(v, list) else v
                         for k, v in row.items()})


def print_json(data: object) -> None:
    """Data as indented JSON on stdout, non-ASCII kept."""
    import json

    import typer

    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
