"""Entry point: the app with every command registered."""

from __future__ import annotations

from kompass_cli.cli import compare, diff, parse, schema, summarise, validate  # noqa: F401  (each registers its command)
from kompass_cli.cli.app import app


def main() -> None:
    """The ``kompass`` script and ``python -m kompass_cli``."""
    app()
