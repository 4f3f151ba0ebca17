"""Normalised reports and results summaries read from disk: the one loader every
command goes through.

A normalised file is read strictly: a key given twice, a number that is not finite
(NaN, Infinity, or 1e309, which overflows), nesting too deep to read or a file too big
for memory are said, with the file named. A file that does not load is refused, never
skipped in silence; the other files of a folder still load, so one bad file does not
take a summary or comparison down (the command reports it and exits 2).
"""

from __future__ import annotations

import json
import math
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kompass_cli.core.errors import KompassError
from kompass_cli.model import legacy
from kompass_cli.read.inputs import list_folder, missing

if TYPE_CHECKING:
    from kompass_cli.schemas.common import ReportBase
    from kompass_cli.schemas.summary import SummaryBase


class _Object(dict):
    """A JSON object that remembers the keys it was given more than once.

    ``json`` keeps the last value of a repeated key without a word; which value a
    reader takes would then depend on the reader.
    """

    repeated: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, object]]) -> dict:
    obj = _Object(pairs)
    if len(obj) != len(pairs):
        keys = [key for key, _ in pairs]
        obj.repeated = tuple(dict.fromkeys(k for k in keys if keys.count(k) > 1))
    return obj


@dataclass
class JsonDocument:
    """A parsed JSON file and what is wrong with it below the level of the schema."""

    data: object
    repeated_keys: list[str] = field(default_factory=list)  # JSON paths of repeated keys
    non_finite: list[tuple[str, float]] = field(default_factory=list)  # (path, value)

    def problems(self) -> list[str]:
        """Each problem in words, its JSON path first."""
        return ([f"{path}: key given more than once" for path in self.repeated_keys]
                + [f"{path}: {number_word(value)} is not a finite number"
                   for path, value in self.non_finite])


def number_word(value: float) -> str:
    """How JSON writers spell a non-finite number (1e309 reads as Infinity)."""
    return "NaN" if math.isnan(value) else ("-Infinity" if value < 0 else "Infinity")


# A normalised report is tens of kilobytes; far larger files are refused unread.
MAX_JSON_BYTES = 64 * 1024 * 1024


def read_json(path: Path) -> JsonDocument:
    """A JSON file and its sub-schema problems; every failure is one KompassError line."""
    try:
        data = json.loads(_read_text(path), object_pairs_hook=_object)
    except FileNotFoundError:
        raise KompassError("no such file; check the path", str(path)) from None
    except IsADirectoryError:
        raise KompassError("is a folder, not a JSON file", str(path)) from None
    except UnicodeDecodeError:
        raise KompassError("not UTF-8 text; expected a kompass JSON file", str(path)) from None
    except json.JSONDecodeError as error:
        raise KompassError(f"not valid JSON (line {error.lineno}: {error.msg}); "
                           f"expected a kompass JSON file", str(path)) from None
    except ValueError as error:  # an integer of thousands of digits, which Python refuses
        raise KompassError(f"holds a number too long to read ({str(error).split(':')[0]}); "
                           f"not a kompass JSON file", str(path)) from None
    except RecursionError:
        raise KompassError("is nested too deeply to read; not a kompass JSON file",
                           str(path)) from None
    except MemoryError:
        raise KompassError("is too large to read into memory; not a kompass JSON file",
                           str(path)) from None
    except OSError as error:
        raise KompassError(f"cannot be read: {error.strerror}", str(path)) from None
    document = JsonDocument(data)
    _inspect(document)
    return document


def _read_text(path: Path) -> str:
    """The file's text: a regular file within MAX_JSON_BYTES (a device or FIFO could
    feed or block a reader for ever, so it is looked at before it is opened)."""
    _require_regular(os.stat(path), path)
    with path.open("rb") as stream:
        _require_regular(os.fstat(stream.fileno()), path)
        data = stream.read(MAX_JSON_BYTES + 1)
    if len(data) > MAX_JSON_BYTES:
        raise KompassError(f"is over {MAX_JSON_BYTES:,} bytes; not a kompass JSON file",
                           str(path))
    return data.decode("utf-8-sig")  # a byte-order mark (Windows editors) is no content


def _require_regular(info: os.stat_result, path: Path) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError
    if not stat.S_ISREG(info.st_mode):
        raise KompassError("is not a regular file (a device, FIFO or socket); give a "
                           "kompass JSON file", str(path))


def _inspect(document: JsonDocument) -> None:
    """Find repeated keys and non-finite numbers, without recursion (depth is unbounded)."""
    stack: list[tuple[tuple, object]] = [((), document.data)]
    while stack:
        loc, node = stack.pop()
        if isinstance(node, dict):
            for key in getattr(node, "repeated", ()):
                document.repeated_keys.append(json_path((*loc, key)))
            stack.extend(((*loc, key), value) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend(((*loc, index), value) for index, value in enumerate(node))
        elif isinstance(node, float) and not math.isfinite(node):
            document.non_finite.append((json_path(loc), node))
    document.repeated_keys.sort()
    document.non_finite.sort()


@dataclass
class Loaded:
    """The reports and results summaries of a folder that loaded, and one error per file
    that did not."""

    reports: list[tuple[Path, ReportBase | SummaryBase]]
    errors: list[KompassError]


def load_folder(folder: Path) -> Loaded:
    """Every ``*.json`` report and results summary in a folder, in file-name order, and
    the files refused."""
    if not folder.is_dir():
        raise KompassError("no such folder; give the folder of normalised JSON files",
                           str(folder))
    paths, errors = list_folder(folder, (".json",))
    if not paths and not errors:
        raise KompassError("no .json files in this folder; run kompass parse first",
                           str(folder))
    return load_files(paths, errors)


def load_files(paths: list[Path], errors: list[KompassError] | None = None) -> Loaded:
    """Each file loaded on its own: a file that fails is an error, the rest still load."""
    loaded = Loaded([], list(errors or []))
    for path in paths:
        try:
            loaded.reports.append((path, load_document(path)))
        except KompassError as error:
            loaded.errors.append(error)
    return loaded


def load_report(path: Path) -> ReportBase:
    """One report, validated against the JSON contract; failures name the first problem."""
    from kompass_cli.schemas.report import REPORT_ADAPTER

    return _validated(path, REPORT_ADAPTER, "report")


def load_document(path: Path) -> ReportBase | SummaryBase:
    """A report or a results summary, validated; failures name the first problem."""
    from kompass_cli.schemas.report import DOCUMENT_ADAPTER

    return _validated(path, DOCUMENT_ADAPTER)


def _validated(path: Path, adapter, what: str | None = None):
    """``what`` the file should be; by default what its ``doc_kind`` says it is."""
    from pydantic import ValidationError

    document = read_json(path)
    if what is None:
        kind = document.data.get("doc_kind") if isinstance(document.data, dict) else None
        what = "results summary" if kind == "results_summary" else "report"
    problems = document.problems()
    if problems:
        more = f"; {len(problems) - 1} more" if len(problems) > 1 else ""
        raise KompassError(f"not a valid kompass {what} ({problems[0]}{more}); "
                           f"run kompass validate on it for every problem", str(path))
    data = document.data
    if legacy.is_version_1(data):
        data, _ = legacy.to_version_2(data)  # read as version 2; validate says so
    try:
        return adapter.validate_python(data)
    except ValidationError as error:
        raise KompassError(f"not a valid kompass {what} ({_first_problem(error)}); "
                           f"run kompass validate on it for every problem", str(path)) from None
    except RecursionError:
        raise KompassError("is nested too deeply to read; not a kompass JSON file",
                           str(path)) from None


def _first_problem(error) -> str:
    """The first schema error in words."""
    first = error.errors()[0]
    if first["type"].startswith("union_tag"):
        if "_kind_of" in str(first.get("ctx", {}).get("discriminator", "")):
            return "doc_kind is missing or not a known kind of document"
        return "instrument.version is missing or not a known version"
    count = error.error_count()
    more = f"; {count - 1} more" if count > 1 else ""
    return f"{json_path(first['loc']) or 'the document'}: {first['msg']}{more}"


# Names pydantic adds to a location for the branches of a union; not part of the JSON.
_UNION_BRANCHES = {"int", "float", "str", "bool", "none", "list", "dict"}
# The document kinds that tag the outer union (see schemas/report.py).
_DOC_KINDS = ("kommunkompassen_report", "results_summary")


def json_path(loc: tuple) -> str:
    """A pydantic error location as a JSON path: ('2008', 'areas', 0, 'score', 'int') ->
    'areas[0].score' (the version tag and union branch names dropped)."""
    parts = [p for p in loc if not (isinstance(p, str) and p in _UNION_BRANCHES)]
    if parts and parts[0] in _DOC_KINDS:
        parts = parts[1:]
    if parts and isinstance(parts[0], str) and parts[0].isdigit() and len(parts[0]) == 4:
        parts = parts[1:]
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_paths(paths: list[Path]) -> Loaded:
    """Every report in these files and folders (a folder's ``*.json``), in the order
    given, and the files refused. A path that does not exist, or a folder without
    reports, stops here: nothing would be read from it, and a result without it would
    look complete."""
    loaded = Loaded([], [])
    for path in paths:
        if path.is_dir():
            part = load_folder(path)
        elif path.exists():
            part = load_files([path])
        else:
            raise missing(path)
        loaded.reports.extend(part.reports)
        loaded.errors.extend(part.errors)
    return loaded
