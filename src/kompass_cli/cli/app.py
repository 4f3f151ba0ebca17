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
from pathlib import Path
from typing import TypeVar

import typer

from kompass_cli import __version__
from kompass_cli.cli.options import DEFAULT_DATA, QUIET
from kompass_cli.core.errors import KompassError, one_line

_state = {"debug": False, "quiet": False}

# The one meaning of every exit code, shown under each command's help.
EXIT_CODES = ("Exit codes: 0 done; 1 checked and found differences or problems; 2 could "
              "not do it (bad input, nothing found, usage); 130 interrupted; 143 "
              "terminated; 141 the reader of the output went away.")


Command = TypeVar("Command", bound=Callable)

# Exit codes of a run cut short: by Ctrl-C, by SIGTERM, by a reader that closed the pipe.
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
EXIT_BROKEN_PIPE = 141


class Terminated(BaseException):
    """SIGTERM, raised where the program is so that files in progress are cleaned up."""


class Interrupted(BaseException):
    """Ctrl-C, raised where the program is, as KeyboardInterrupt would be.

    typer catches KeyboardInterrupt raised while it parses the command line and ends
    without kompass's one line ('Aborted!' and exit 1 in older versions); an exception
    of its own passes through typer to ``main``, wherever it is raised.
    """


def on_sigterm(signum, frame) -> None:
    raise Terminated


def on_sigint(signum, frame) -> None:
    raise Interrupted


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
        except (KeyboardInterrupt, Interrupted):
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


def is_quiet(command_quiet: bool = False) -> bool:
    """Whether --quiet was given: no progress bars, summaries or notes. A command's own
    --quiet (``command_quiet``) means the same as kompass --quiet from there on."""
    _state["quiet"] = _state["quiet"] or command_quiet
    return _state["quiet"]


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
    quiet: bool = QUIET,
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
