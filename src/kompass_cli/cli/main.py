"""Entry point: the app with every command registered."""

from __future__ import annotations

import os

from kompass_cli.cli import (  # noqa: F401  (each module registers its command)
    compare,
    completion,
    diff,
    export,
    fixtext,
    parse,
    plot,
    report,
    schema,
    summarise,
    text,
    validate,
)
from kompass_cli.cli.app import EXIT_CODES, app
from kompass_cli.cli.completion import COMPLETE_VAR, enable_completion
from kompass_cli.cli.plot import plot_app

# Every command's help ends with the exit codes, which mean the same in every command.
for _command in (*app.registered_commands, *plot_app.registered_commands):
    _command.epilog = _command.epilog or EXIT_CODES
plot_app.info.epilog = EXIT_CODES


def main() -> None:
    """The ``kompass`` script and ``python -m kompass_cli``."""
    if os.environ.get(COMPLETE_VAR):
        enable_completion()
    app()
