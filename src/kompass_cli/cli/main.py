"""Entry point: the app with every command registered."""

from __future__ import annotations

from kompass_cli.cli import (  # noqa: F401  (each module registers its command)
    compare,
    diff,
    export,
    fixtext,
    importcsv,
    listing,
    parse,
    plot,
    schema,
    summarise,
    text,
    validate,
)
from kompass_cli.cli.app import app


def main() -> None:
    """The ``kompass`` script and ``python -m kompass_cli``."""
    app()
