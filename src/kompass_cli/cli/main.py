"""Entry point: the app with every command registered."""

from __future__ import annotations

from kompass_cli.cli import parse  # noqa: F401  (registers the command)
from kompass_cli.cli.app import app


def main() -> None:
    """The ``kompass`` script and ``python -m kompass_cli``."""
    app()
