"""The options and arguments the commands share, each defined once.

One flag means one thing in every command: ``--format`` chooses among the members of
one ``Format`` enum (each command offers the subset it can print), ``--out``/``-o``
says where output goes, ``--quiet``/``-q`` silences messages but never errors, paths
of normalised JSON default to data/normalized, and the limits of reading a report are
the same options wherever a report is read.

Help texts are rendered as markdown: a ``<name>`` outside a code span would vanish as
an HTML tag, so file patterns go in backticks; a default that is not a value (the
number of cores) is given with ``show_default``, never written into the help as well.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any, Literal

import typer

# Where the commands look when no path is given: the bundled reports and their JSON.
DEFAULT_RAW = Path("data/raw")
DEFAULT_DATA = Path("data/normalized")


class Format(str, Enum):
    """Every output format of every command; a command offers those it can print."""

    table = "table"
    json = "json"
    csv = "csv"
    bars = "bars"
    xlsx = "xlsx"
    parquet = "parquet"
    jsonl = "jsonl"
    text = "text"


# The formats of a command that prints a table: the table for people, JSON and CSV.
TableFormat = Literal[Format.table, Format.json, Format.csv]
# summarise also draws each report's areas as bars.
SummaryFormat = Literal[Format.table, Format.json, Format.csv, Format.bars]
# export also writes spreadsheets and columnar files.
ExportFormat = Literal[Format.table, Format.json, Format.csv, Format.xlsx, Format.parquet,
                       Format.jsonl]
# fix-text prints the repaired text, or the text with its steps as JSON.
TextFormat = Literal[Format.text, Format.json]


class PdfEngine(str, Enum):
    """The library that reads a PDF's characters; both give the same text."""

    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


def format_option(default: Format | None = Format.table, help: str = "table, json or csv",
                  shown_default: str | None = None) -> Any:
    """--format/-f; ``shown_default`` says in words a default that is not one value."""
    return typer.Option(default, "--format", "-f", help=help,
                        show_default=shown_default or default is not None)


def out_option(default: Any, help: str, metavar: str = "PATH") -> Any:
    """--out/-o: the file or folder a command writes (``...`` when it must be given)."""
    return typer.Option(default, "--out", "-o", metavar=metavar, help=help)


QUIET = typer.Option(False, "--quiet", "-q",
                     help="No progress bars, summaries or notes on stderr; errors still show.")

JOBS = typer.Option(0, "--jobs", "-j", min=0, show_default="the number of cores",
                    help="Worker processes; 0 means one per core.")


def normalised_paths_argument() -> Any:
    """The PATH... argument of the commands that read normalised JSON."""
    return typer.Argument(None, metavar="PATH", show_default=False,
                          help="Normalised JSON files or folders (a folder means its "
                               ".json files) [default: data/normalized].")


def data_option() -> Any:
    """--data: normalised JSON for the commands whose argument is a municipality."""
    return typer.Option(None, "--data", "-d", metavar="PATH", show_default=False,
                        help="Normalised JSON files or folders (repeatable) "
                             "[default: data/normalized].")


def municipality_argument() -> Any:
    """The MUNICIPALITY argument of the commands about one municipality."""
    return typer.Argument(..., metavar="MUNICIPALITY",
                          help="Name (any case, diacritics optional) or four-digit "
                               "kommunkod.")


# The limits of reading a report, shared by every command that reads one.
TIMEOUT = typer.Option("60", "--timeout", metavar="SECONDS",
                       help="Seconds one file may take, reading included.")
MAX_BYTES = typer.Option("20M", "--max-bytes", metavar="SIZE",
                         help="Refuse input files larger than this (20M, 1G or bytes).")
MAX_PAGES = typer.Option(1000, "--max-pages", min=1,
                         help="Refuse PDFs with more pages than this.")
MAX_MEMORY = typer.Option("1G", "--max-memory", metavar="SIZE",
                          help="Memory the reading of one file may take.")
PDF_ENGINE = typer.Option(PdfEngine.pdfium, "--pdf-engine",
                          help="Library that reads PDF characters: pdfium (fast) or "
                               "pdfplumber; the output is the same.")


def _types_shown_plainly() -> None:
    """Help shows a value's type only where it tells the reader something.

    Typer prints '<bool>' beside every flag (--quiet <bool>), as if it took a value, and
    a Python type beside every argument ('<list[Path]>'); a flag takes no value and an
    argument's metavar already names what it is, so both are left out. Choices
    (bash|zsh|fish) are still shown.
    """
    from typer.core import TyperArgument, TyperOption

    option_type = getattr(TyperOption, "display_type_rich", None)
    argument_type = getattr(TyperArgument, "display_type_rich", None)
    if option_type is None or getattr(option_type, "kompass", False):
        return

    def option_display(self, ctx):
        return None if self.is_flag else option_type(self, ctx)

    def argument_display(self, ctx):
        descriptor = getattr(self, "type_descriptor", None)
        return argument_type(self, ctx) if descriptor and descriptor.is_choice else None

    option_display.kompass = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = option_display  # type: ignore[method-assign]
    if argument_type is not None:
        TyperArgument.display_type_rich = argument_display  # type: ignore[method-assign]


_types_shown_plainly()
