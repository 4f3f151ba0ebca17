"""Reading an input file into lines of text, with its checksum.

Kept apart from parsing so that every input kind (text now; PDFs and other encodings
later) ends as the same thing: a list of lines, line i+1 at index i.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from kompass_cli.errors import KompassError


@dataclass(frozen=True)
class SourceText:
    path: Path
    lines: list[str]
    sha256: str
    format: str


def read_source(path: Path) -> SourceText:
    """Read a report file; one clear error for anything that is not readable text."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KompassError("no such file; check the path", str(path)) from None
    except IsADirectoryError:
        raise KompassError("is a folder, not a file", str(path)) from None
    except OSError as error:
        raise KompassError(f"cannot be read ({error.strerror})", str(path)) from None
    if not data.strip():
        raise KompassError("the file is empty", str(path))
    text = _decode(data, path)
    return SourceText(path, text.splitlines(), hashlib.sha256(data).hexdigest(), "text")


def _decode(data: bytes, path: Path) -> str:
    """UTF-8 text (a byte-order mark is dropped); anything else is refused clearly."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KompassError("not UTF-8 text; save the report as UTF-8", str(path)) from None
