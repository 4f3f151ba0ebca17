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


# Longest message printed, and longest piece of a document quoted in one.
MAX_MESSAGE = 2000
MAX_QUOTE = 200


def one_line(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` safe to print on a terminal: control characters escaped, length bounded.

    Messages quote file names and document text, which may hold escape sequences (a
    line that sets the terminal's title) or bidirectional overrides; shown escaped they
    do nothing and the message stays on one line.
    """
    safe = "".join(_escaped(char) for char in text)
    return safe if len(safe) <= limit else safe[:limit - 1] + "…"


def quoted(text: str, limit: int = MAX_QUOTE) -> str:
    """Document text for a message: in quotes, escaped, at most ``limit`` characters."""
    return f"'{one_line(text, limit)}'"


def _escaped(char: str) -> str:
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"\\x{code:02x}"
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069 or code in (0x200E, 0x200F):
        return f"\\u{code:04x}"
    return char
