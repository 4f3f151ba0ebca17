"""``kompass completion``: a shell completion script for bash, zsh or fish.

The script asks kompass itself for completions (the shell runs kompass with
``_KOMPASS_COMPLETE`` set), so commands, options and choices are always current. The
completion machinery is typer's; it is only loaded when a script or a completion is
asked for, so ordinary start-up stays fast.
"""

from __future__ import annotations

from enum import Enum

import typer

from kompass_cli.cli.app import app, handles_errors

COMPLETE_VAR = "_KOMPASS_COMPLETE"


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


def enable_completion() -> None:
    """Register typer's completion classes for bash, zsh and fish."""
    from typer._completion_classes import completion_init

    completion_init()


@app.command()
@handles_errors
def completion(
    shell: Shell = typer.Argument(..., metavar="SHELL", help="The shell to complete in."),
) -> None:
    """Print a completion script for kompass commands, options and choices.

    Load it in the shell's start-up file: bash `eval "$(kompass completion bash)"` in
    ~/.bashrc, zsh `eval "$(kompass completion zsh)"` in ~/.zshrc, fish
    `kompass completion fish > ~/.config/fish/completions/kompass.fish`.

    Example: `kompass completion bash > ~/.local/share/bash-completion/completions/kompass`
    """
    from typer._completion_shared import get_completion_script

    enable_completion()
    typer.echo(get_completion_script(prog_name="kompass", complete_var=COMPLETE_VAR,
                                     shell=shell.value))
