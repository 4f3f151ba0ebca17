"""A folder of normalised reports, loaded and validated, for commands that read many.

A file that does not load is an error, not a skipped file: a summary or comparison
that silently leaves out a report would look complete and be wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from kompass_cli.errors import KompassError

if TYPE_CHECKING:
    from kompass_cli.schemas.common import ReportBase
    from kompass_cli.schemas.summary import SummaryBase


def load_folder(folder: Path) -> list[tuple[Path, ReportBase]]:
    """Every ``*.json`` report and results summary in a folder, in file-name order."""
    if not folder.is_dir():
        raise KompassError("no such folder; give the folder of normalised JSON files",
                           str(folder))
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise KompassError("no .json files in this folder; run kompass parse first",
                           str(folder))
    return [(path, load_document(path)) for path in paths]


def read_json(path: Path) -> object:
    """A JSON document from a file; every failure is one KompassError line."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KompassError("no such file; check the path", str(path)) from None
    except IsADirectoryError:
        raise KompassError("is a folder, not a JSON file", str(path)) from None
    except UnicodeDecodeError:
        raise KompassError("not UTF-8 text; expected a kompass JSON file", str(path)) from None
    except json.JSONDecodeError as error:
        raise KompassError(f"not valid JSON (line {error.lineno}: {error.msg}); "
                           f"expected a kompass JSON file", str(path)) from None
    except OSError as error:
        raise KompassError(f"cannot be read: {error.strerror}", str(path)) from None


def load_report(path: Path) -> ReportBase:
    """One report, validated against the JSON contract; failures name the first problem."""
    from kompass_cli.schemas.report import REPORT_ADAPTER

    return _validated(path, REPORT_ADAPTER, "report")


def load_document(path: Path) -> ReportBase | SummaryBase:
    """A report or a results summary, validated; failures name the first problem."""
    from kompass_cli.schemas.report import DOCUMENT_ADAPTER

    return _validated(path, DOCUMENT_ADAPTER, "report or results summary")


def _validated(path: Path, adapter, what: str):
    from pydantic import ValidationError

    document = read_json(path)
    try:
        return adapter.validate_python(document)
    except ValidationError as error:
        raise KompassError(f"not a valid kompass {what} ({_first_problem(error)}); "
                           f"run kompass validate on it for every problem", str(path)) from None


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
