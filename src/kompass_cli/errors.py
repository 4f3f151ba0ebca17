"""The one user-facing error type, shown by the CLI as a single line."""

from __future__ import annotations


class KompassError(Exception):
    """A problem the user can act on: bad input, not a report, unwritable output.

    ``str(error)`` is the whole message: 'FILE: reason; what to do'.
    """

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        self.reason = message
        super().__init__(f"{path}: {message}" if path else message)


class NotAReport(KompassError):
    """The input was read but is not a Kommunkompassen report."""
