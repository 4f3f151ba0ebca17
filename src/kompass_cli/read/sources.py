"""Reading an input file into lines of text, with its checksum.

Kept apart from parsing so that every input kind ends as the same thing: a list of
lines, line i+1 at index i, whatever the encoding or line endings of the file. Line
numbers count line breaks only (LF, CRLF or CR); a form feed (a page break in text
extracted from PDFs) is dropped rather than counted as a line, so provenance matches
what an editor shows.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from kompass_cli.core.errors import KompassError
from kompass_cli.read.inputs import STDIN
from kompass_cli.read.pdf.document import DEFAULT_ENGINE, DEFAULT_MAX_PAGES, read_pdf

# Files larger than this are refused before they are read (raise with --max-bytes).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Share of control characters above which bytes are taken as binary, not text.
_BINARY_SHARE = 0.01
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f"}


@dataclass(frozen=True)
class SourceText:
    """The lines of an input file; for a PDF also the page each line was read from."""

    path: Path
    lines: list[str]
    sha256: str
    format: str
    encoding: str
    pages: list[int] | None = None
    page_starts: list[int] = field(default_factory=list)  # text: lines after form feeds


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                max_pages: int = DEFAULT_MAX_PAGES,
                engine: str = DEFAULT_ENGINE) -> SourceText:
    """Read a report file; one clear error for anything that is neither text nor a PDF.

    Only regular files are read, and standard input when ``path`` is '-'. A PDF is
    known by its header, not by its name: the header may follow up to 1 KiB of junk,
    as PDF readers allow. ``engine`` reads a PDF's characters (see pdf.document).
    """
    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise KompassError("the file is empty", str(path))
    sha256 = hashlib.sha256(data).hexdigest()
    if pdf_header(data):
        pdf = read_pdf(data, path, max_pages, engine)
        return SourceText(path, pdf.lines, sha256, "pdf", "pdf", pdf.pages)
    if path.suffix.lower() == ".pdf":
        raise KompassError("is named .pdf but is not a PDF (no %PDF header)", str(path))
    text, encoding = decode(data, path)
    return SourceText(path, split_lines(text), sha256, "text", encoding,
                      page_starts=form_feed_starts(text))


def pdf_header(data: bytes) -> bool:
    """Whether bytes start like a PDF: the header within the first KiB."""
    return b"%PDF-" in data[:1024]


def read_head(path: Path, size: int) -> bytes:
    """At most ``size`` bytes from the start of a regular file; b'' for anything else.

    For a first look taken outside the limits (which reader to load): it never reads
    standard input, a device or a FIFO, and never waits.
    """
    try:
        fd = _open_regular(path)
    except (KompassError, OSError):
        return b""
    try:
        return os.read(fd, size)
    except OSError:
        return b""
    finally:
        os.close(fd)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file or of standard input ('-'), never more than the limit."""
    if str(path) == STDIN:
        return _read_limited(0, max_bytes, path)
    try:
        fd = _open_regular(path)
    except FileNotFoundError:
        raise KompassError("no such file or folder; check the path", str(path)) from None
    except PermissionError:
        raise KompassError("cannot be read (permission denied)", str(path)) from None
    except OSError as error:
        raise KompassError(f"cannot be read ({error.strerror})", str(path)) from None
    try:
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise _too_big(path, max_bytes, size)
        return _read_limited(fd, max_bytes, path)
    except OSError as error:
        raise KompassError(f"cannot be read ({error.strerror})", str(path)) from None
    finally:
        os.close(fd)


def _open_regular(path: Path) -> int:
    """Open a regular file without waiting: devices, FIFOs and folders are refused.

    The kind is checked before opening (opening some devices has effects of its own)
    and again on the opened file, in case the path was replaced in between.
    """
    _require_regular(os.stat(path).st_mode, path)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        _require_regular(os.fstat(fd).st_mode, path)
    except KompassError:
        os.close(fd)
        raise
    return fd


def _require_regular(mode: int, path: Path) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise KompassError("is a folder, not a file", str(path))
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "a device")
    raise KompassError(f"is {kind}, not a regular file; give a file, or pipe the text in "
                       f"and give - to read standard input", str(path))


def _read_limited(fd: int, max_bytes: int, path: Path) -> bytes:
    """Read to the end, refusing at once what grows past the limit (stdin, a growing file)."""
    chunks, total = [], 0
    while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise _too_big(path, max_bytes)
    return b"".join(chunks)


def _too_big(path: Path, max_bytes: int, size: int | None = None) -> KompassError:
    """Over --max-bytes: by its size before reading, or found while reading a stream."""
    over = (f"is {size:,} bytes, over the limit of {max_bytes:,}" if size is not None else
            f"is over the limit of {max_bytes:,} bytes")
    return KompassError(f"{over}; raise it with --max-bytes if the file is genuine", str(path))


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode by evidence: a byte-order mark, then strict UTF-8, then Windows-1252.

    UTF-8 is strict and self-checking, so Swedish text in cp1252/latin-1 (å = 0xE5)
    fails it and falls through; cp1252 is a superset of latin-1's printable range.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _checked(_strict(data, encoding, path), encoding, path)
    if _looks_utf16(data):
        try:
            return _checked(data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"),
                            "utf-16", path)
        except UnicodeDecodeError:
            pass  # zero bytes that are not UTF-16: judged as bytes below
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError:
        pass
    return _checked(data.decode("cp1252", errors="replace"), "cp1252", path)


def _strict(data: bytes, encoding: str, path: Path) -> str:
    """Text after a byte-order mark, which promises the encoding: no guessing past it."""
    try:
        return data.decode(encoding, errors="strict")
    except UnicodeDecodeError as error:
        name = "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
        raise KompassError(f"starts with a {name} byte-order mark but is not {name} text "
                           f"({error.reason} at byte {error.start}); is this the right file?",
                           str(path)) from None


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII-range text is zero."""
    sample = data[:4000]
    return len(sample) >= 4 and sample.count(0) > len(sample) * 0.3


def _checked(text: str, encoding: str, path: Path) -> tuple[str, str]:
    """Refuse binary data that happened to decode (random bytes, images)."""
    sample = text[:20000]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in _ALLOWED_CONTROLS)
                   or c == "\ufffd")
    if controls > max(3, len(sample) * _BINARY_SHARE):
        raise KompassError("is not text (binary data); is this the right file?", str(path))
    return text, encoding


def split_lines(text: str) -> list[str]:
    """Lines separated by LF, CRLF or CR; form feeds dropped; no trailing empty line."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")
    lines = normalised.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def form_feed_starts(text: str) -> list[int]:
    """Indexes of the lines that begin a page, as form feeds mark them."""
    if "\f" not in text:
        return []
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    starts = []
    for index, line in enumerate(normalised.split("\n")):
        if "\f" in line:
            starts.append(index if line.lstrip().startswith("\f") else index + 1)
    return starts
