"""Entry point: the app with every command registered."""

from __future__ import annotations

import signal
import sys

from kompass_cli.cli import (  # noqa: F401  (each module registers its command)
    compare,
    diff,
    export,
    fixtext,
    parse,
    plot,
    schema,
    summarise,
    text,
    validate,
)
from kompass_cli.cli.app import (
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    Terminated,
    app,
    echo_error,
    on_sigterm,
)


def main() -> None:
    """The ``kompass`` script and ``python -m kompass_cli``.

    SIGTERM becomes an exception, so that files being written are removed and workers
    stopped as on Ctrl-C; either one outside a command still ends with one line.
    """
    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        app()
    except KeyboardInterrupt:
        echo_error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Terminated:
        echo_error("terminated")
        sys.exit(EXIT_TERMINATED)
