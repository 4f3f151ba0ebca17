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
    Interrupted,
    Terminated,
    app,
    echo_error,
    on_sigint,
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

    Ctrl-C and SIGTERM become exceptions of kompass's own, so that files being written
    are removed and workers stopped; either one outside a command (while the command
    line is parsed, say) still ends with one line and its exit code.
    """
    if os.environ.get(COMPLETE_VAR):
        enable_completion()
    signal.signal(signal.SIGTERM, on_sigterm)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not ignored (nohup)
        signal.signal(signal.SIGINT, on_sigint)
    try:
        app()
    except (KeyboardInterrupt, Interrupted):
        echo_error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Terminated:
        echo_error("terminated")
        sys.exit(EXIT_TERMINATED)
