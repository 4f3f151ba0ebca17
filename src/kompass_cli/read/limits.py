"""The limits every input is read under: bytes, pages, seconds and memory.

One set of limits for every command that reads a report (parse, text, fix-text), checked
here once: a value that makes no sense (a negative, zero or infinite time, an unreadable
size) is a usage error of one line, never an overflow deep inside the standard library.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kompass_cli.core.errors import KompassError
from kompass_cli.read.pdf.document import DEFAULT_ENGINE, DEFAULT_MAX_PAGES
from kompass_cli.read.sources import DEFAULT_MAX_BYTES

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_MEMORY = 1024 ** 3

# The longest time limit accepted: a day is far past any genuine report, and keeps every
# clock and select() call well inside what the platform can represent.
MAX_TIMEOUT = 86400.0

_UNITS = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3, "t": 1024 ** 4}
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?", re.IGNORECASE)


@dataclass(frozen=True)
class Limits:
    """Per-file limits; ``timeout`` and ``max_memory`` of 0 mean none (library use only).
    With them, the library that reads a PDF's characters (see pdf.document)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    max_pages: int = DEFAULT_MAX_PAGES
    max_memory: int = DEFAULT_MAX_MEMORY
    engine: str = DEFAULT_ENGINE


def limits_from_options(timeout: str, max_bytes: str, max_pages: int = DEFAULT_MAX_PAGES,
                        max_memory: str = "1G", engine: str = DEFAULT_ENGINE) -> Limits:
    """The limits a command line asks for; KompassError naming the option otherwise."""
    return Limits(max_bytes=parse_size(max_bytes, "--max-bytes"),
                  timeout=parse_timeout(timeout), max_pages=max_pages,
                  max_memory=parse_size(max_memory, "--max-memory"), engine=engine)


def parse_timeout(text: str) -> float:
    """Seconds, finite, above 0 and at most a day."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not (0 < seconds <= MAX_TIMEOUT):
        raise KompassError(f"--timeout must be a number of seconds above 0 and at most "
                           f"{MAX_TIMEOUT:g}, not {text!r}")
    return seconds


def parse_size(text: str, option: str) -> int:
    """'1G', '512MiB', '20m' or a plain number of bytes; at least one byte."""
    match = _SIZE.fullmatch(str(text).strip())
    size = int(float(match[1]) * _UNITS[match[2].lower()]) if match else 0
    if size < 1:
        raise KompassError(f"{option} must be a size such as 20M, 1G or a number of bytes, "
                           f"not {text!r}")
    return size


def human_size(size: int) -> str:
    """1073741824 -> '1 GiB', 20971520 -> '20 MiB', 1000 -> '1,000 bytes'."""
    for unit, factor in (("TiB", 1024 ** 4), ("GiB", 1024 ** 3), ("MiB", 1024 ** 2),
                         ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:.4g} {unit}"
    return f"{size:,} bytes"


def address_space() -> int:
    """Bytes of address space this process maps now (Linux); 0 where unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
