"""The ``kompass`` typer app, its global options and its one error handler.

Errors the user can act on are one line on stderr and exit 2; tracebacks only with
``--debug``, and never with local variables (report text would leak into CI logs).
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TypeVar

import typer

from kompass_cli import __version__
from kompass_cli.errors import KompassError

# Where the commands look when no path is given: the bundled reports and their JSON.
DEFAULT_RAW = Path("data/raw")
DEFAULT_DATA = Path("data/normalized")

_state = {"debug": False}


class PdfEngine(str, Enum):
    """The library that reads a PDF's characters; both give the same text."""

    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


def pdf_engine_option():
    """The --pdf-engine option, the same in every command that reads PDFs."""
    return typer.Option(PdfEngine.pdfium, "--pdf-engine",
                        help="Library that reads PDF characters: pdfium (fast) or "
                             "pdfplumber; the output is the same.")

Command = TypeVar("Command", bound=Callable)


def handles_errors(command: Command) -> Command:
    """Wrap a command so every exception becomes one line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as error:
            if not _is_usage_error(error):
                _report(error)
            raise

    return wrapper  # type: ignore[return-value]


def _is_usage_error(error: Exception) -> bool:
    """Typer's own usage errors (bad option values) keep typer's rendering and exit 2."""
    return any(cls.__name__ == "ClickException" for cls in type(error).__mro__)


def _report(error: Exception) -> None:
    """One line on stderr, then exit 2; a traceback only with --debug."""
    if isinstance(error, KompassError):
        typer.echo(f"error: {error}", err=True)
    else:
        if _state["debug"]:
            traceback.print_exception(error)
        typer.echo(f"error: internal error: {type(error).__name__}: {error}; "
                   f"rerun with --debug for details", err=True)
    raise typer.Exit(2) from None


app = typer.Typer(
    name="kompass",
    help="Turn Kommunkompassen evaluation reports into clean, validated data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kompass {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Turn Kommunkompassen evaluation reports into clean, validated data."""
    _state["debug"] = debug
