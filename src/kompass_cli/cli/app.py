"""The ``kompass`` typer app, its global options and its one error handler.

Errors the user can act on are one line on stderr and exit 2; tracebacks only with
``--debug``, and never with local variables (report text would leak into CI logs).
"""

from __future__ import annotations

import traceback

import click
import typer
from typer.core import TyperGroup

from kompass_cli import __version__
from kompass_cli.errors import KompassError

_state = {"debug": False}


class KompassGroup(TyperGroup):
    """Turns every exception of a command into one line and exit code 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KompassError as error:
            typer.echo(f"error: {error}", err=True)
            ctx.exit(2)
        except Exception as error:  # noqa: BLE001 - the one place crashes become exit 2
            if _state["debug"]:
                traceback.print_exception(error)
            typer.echo(f"error: internal error: {type(error).__name__}: {error}; "
                       f"rerun with --debug for details", err=True)
            ctx.exit(2)


app = typer.Typer(
    name="kompass",
    cls=KompassGroup,
    help="Turn Kommunkompassen evaluation reports into clean, validated data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
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
