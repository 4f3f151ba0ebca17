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


def write_csv(columns, rows) -> None:
    """Rows (dicts) as CSV on stdout: UTF-8, a header, LF line ends, None as empty."""
    import csv
    import sys

    writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: ("" if v is None else v) for k, v in row.items()} for row in rows)
