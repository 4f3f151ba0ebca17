"""Entry point: the app with every command registered."""

from __future__ import annotations

import os
import signal
import sys

from kompass_cli.cli import (  # noqa: F401  (each module registers its command)
    compare,
    completion,
    diff,
    export,
    fixtext,
    importcsv,
    listing,
    parse,
    plot,
    report,
    schema,
    summarise,
    text,
    upgrade,
    validate,
)
from kompass_cli.cli.app import (
    EXIT_CODES,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    Terminated,
    app,
    echo_error,
    on_sigterm,
)
from kompass_cli.cli.completion import COMPLETE_VAR, enable_completion
from kompass_cli.cli.plot import plot_app

# Every command's help ends with the exit codes, which mean the same in every command.
for _command in (*app.registered_commands, *plot_app.registered_commands):
    _command.epilog = _command.epilog or EXIT_CODES
plot_app.info.epilog = EXIT_CODES


def main() -> None:
    """The ``kompass`` script and ``python -m kompass_cli``.

    SIGTERM becomes an exception, so that files being written are removed and workers
    stopped as on Ctrl-C; either one outside a command still ends with one line.
    """
    if os.environ.get(COMPLETE_VAR):
        enable_completion()
    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        app()
    except KeyboardInterrupt:
        echo_error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Terminated:
        echo_error("terminated")
        sys.exit(EXIT_TERMINATED)
