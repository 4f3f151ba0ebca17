"""The ``kompass`` typer app, its global options and its one error handler.

Errors the user can act on are one line on stderr and exit 2; tracebacks only with
``--debug``, and never with local variables (report text would leak into CI logs).
Ctrl-C exits 130 and SIGTERM 143, each with one line; output cut short by a closed
pipe (``kompass text x | head``) ends quietly with 141, as if killed by SIGPIPE.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TypeVar

import typer

from kompass_cli import __version__
from kompass_cli.core.errors import KompassError, one_line

# Where the commands look when no path is given: the bundled reports and their JSON.
DEFAULT_RAW = Path("data/raw")
DEFAULT_DATA = Path("data/normalized")

_state = {"debug": False, "quiet": False}

# The one meaning of every exit code, shown under each command's help.
EXIT_CODES = ("Exit codes: 0 done; 1 checked and found differences or problems; 2 could "
              "not do it (bad input, nothing found, usage); 130 interrupted; 143 "
              "terminated; 141 the reader of the output went away.")


class PdfEngine(str, Enum):
    """The library that reads a PDF's characters; both give the same text."""

    pdfium = "pdfium"
    pdfplumber = "pdfplumber"



Command = TypeVar("Command", bound=Callable)

# Exit codes of a run cut short: by Ctrl-C, by SIGTERM, by a reader that closed the pipe.
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
EXIT_BROKEN_PIPE = 141

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


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that files in progress are cleaned up."""


def on_sigterm(signum, frame) -> None:
    raise Terminated


def echo_error(message: object) -> None:
    """'error: MESSAGE' on stderr, as one line with control characters escaped."""
    typer.echo(f"error: {one_line(str(message))}", err=True)


def handles_errors(command: Command) -> Command:
    """Wrap a command so every exception becomes one line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except KeyboardInterrupt:
            echo_error("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Terminated:
            echo_error("terminated")
            raise typer.Exit(EXIT_TERMINATED) from None
        except Exception as error:
            if not _is_usage_error(error):
                _report(error)
            raise

    return wrapper  # type: ignore[return-value]


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # an in-memory stdout (tests): nothing to flush
        pass


def _is_usage_error(error: Exception) -> bool:
    """Typer's own usage errors (bad option values) keep typer's rendering and exit 2."""
    return any(cls.__name__ == "ClickException" for cls in type(error).__mro__)


def _report(error: Exception) -> None:
    """One line on stderr, then exit 2; a traceback only with --debug."""
    if isinstance(error, KompassError):
        echo_error(error)
    else:
        if _state["debug"]:
            traceback.print_exception(error)
        echo_error(f"internal error: {type(error).__name__}: {error}; "
                   f"rerun with --debug for details")
    raise typer.Exit(2) from None


def echo_errors(errors: list[KompassError]) -> None:
    """Each file's refusal as one line on stderr, for commands that go on with the rest."""
    for error in errors:
        echo_error(error)


def exit_if_refused(errors: list[KompassError]) -> None:
    """Exit 2 once every other file has its result, when any file was refused."""
    if errors:
        raise typer.Exit(2)


def municipality_argument():
    """The MUNICIPALITY argument of the commands about one municipality."""
    return typer.Argument(..., help="Name (any case, diacritics optional) or four-digit "
                                    "kommunkod.")


def data_option():
    """The --data option of the commands that take normalised reports as an option."""
    return typer.Option(None, "--data", "-d", show_default=False,
                        help="Normalised JSON reports: files or folders (repeatable) "
                             "[default: data/normalized].")


def load_data(paths: list[Path] | None):
    """Normalised reports from files and folders (default data/normalized); refused files
    named on stderr. Exit 2 at once when nothing loaded; otherwise the caller exits 2
    after its output (``exit_if_refused``), so the other files still get their result."""
    from kompass_cli.model.dataset import load_paths

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
    _route_library_logging(debug)


def _route_library_logging(debug: bool) -> None:
    """Library log lines and warnings (pdfminer's about odd PDFs) only with --debug.

    Without a handler Python prints warnings of any library on stderr, before and
    between kompass's own one-line messages; a NullHandler on the root logger stops
    that. With --debug they are shown, with the logger's name.
    """
    import logging

    root = logging.getLogger()
    logging.captureWarnings(True)
    if debug:
        logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s",
                            force=True)
    elif not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())
