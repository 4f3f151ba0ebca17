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

_state = {"debug": False, "quiet": False}

# The one meaning of every exit code, shown under each command's help.
EXIT_CODES = ("Exit codes: 0 done; 1 checked and found differences or problems; 2 could "
              "not do it (bad input, nothing found, usage).")


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


def echo_errors(errors: list[KompassError]) -> None:
    """Each file's refusal as one line on stderr, for commands that go on with the rest."""
    for error in errors:
        typer.echo(f"error: {error}", err=True)


def exit_if_refused(errors: list[KompassError]) -> None:
    """Exit 2 once every other file has its result, when any file was refused."""
    if errors:
        raise typer.Exit(2)


def load_data(paths: list[Path] | None):
    """Normalised reports from files and folders (default data/normalized); refused files
    named on stderr. Exit 2 at once when nothing loaded; otherwise the caller exits 2
    after its output (``exit_if_refused``), so the other files still get their result."""
    from kompass_cli.dataset import load_paths

    loaded = load_paths(list(paths or [DEFAULT_DATA]))
    echo_errors(loaded.errors)
    if not loaded.reports:
        exit_if_refused(loaded.errors)
    return loaded


def note(message: str) -> None:
    """A message for people (what was written, a caveat) on stderr; --quiet silences it.

    Errors never go through here: they are shown even with --quiet.
    """
    if not _state["quiet"]:
        typer.echo(message, err=True)


def is_quiet() -> bool:
    """Whether --quiet was given: no progress bars, summaries or notes."""
    return _state["quiet"]


def _flags_show_no_type() -> None:
    """Typer's help prints '<bool>' beside every flag (--quiet <bool>), as if it took a
    value; a flag's type says nothing, so it is left out."""
    from typer.core import TyperOption

    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None or getattr(shown, "kompass", False):
        return

    def display_type_rich(self, ctx):
        return None if self.is_flag else shown(self, ctx)

    display_type_rich.kompass = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_flags_show_no_type()

app = typer.Typer(
    name="kompass",
    help="Turn Kommunkompassen evaluation reports into clean, validated data.",
    epilog=EXIT_CODES,
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
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="No progress bars, summaries or notes on stderr; "
                                    "errors still show."),
) -> None:
    """Turn Kommunkompassen evaluation reports into clean, validated data.

    Data goes to stdout and messages to stderr, so every command pipes.
    """
    _state["debug"] = debug
    _state["quiet"] = quiet
