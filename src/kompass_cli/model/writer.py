"""Deterministic JSON output, written atomically under a safe file name."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from kompass_cli.core.errors import KompassError, quoted
from kompass_cli.schemas.common import ReportBase

# Provenance that only PDF input has; left out, rather than written as null, for text.
PDF_ONLY_FIELDS = frozenset({"page", "pages"})


def to_json(report: ReportBase) -> str:
    """UTF-8 JSON, non-ASCII kept, indent 2, trailing newline; field order from the model."""
    return json.dumps(report_document(report), ensure_ascii=False, indent=2) + "\n"


def report_document(report: ReportBase) -> dict:
    """The report as the JSON document kompass writes (PDF-only fields left out if null)."""
    return _without_null_pages(report.model_dump(mode="json"))


def _without_null_pages(node):
    if isinstance(node, dict):
        return {key: _without_null_pages(value) for key, value in node.items()
                if not (key in PDF_ONLY_FIELDS and value is None)}
    if isinstance(node, list):
        return [_without_null_pages(value) for value in node]
    return node


def output_name(report: ReportBase) -> str:
    """'<municipality-slug>-<year>.json', from the official municipality only: the slug
    of its name, with the kommunkod where two names give one slug ('habo-0643-2021').

    A results summary is '<slug>-<year>-summary.json' (an import '-import.json'), so it
    never overwrites the full report of the same evaluation.
    """
    from kompass_cli.reference.municipalities import slugs

    if report.municipality.code is None:
        raise KompassError(f"municipality {quoted(report.municipality.name_in_source)} "
                           f"{_why_unnamed(report)}, so the output cannot be named; "
                           f"use --out -", report.source.file)
    suffix = ""
    if report.doc_kind == "results_summary":
        suffix = "-import" if report.source.format == "csv" else "-summary"
    return f"{slugs()[report.municipality.code]}-{report.evaluation.year}{suffix}.json"


def _why_unnamed(report: ReportBase) -> str:
    from kompass_cli.reference.municipalities import Ambiguous, resolve

    if not any(d.code == "municipality-ambiguous" for d in report.diagnostics):
        return "is not in the SCB list"
    found = resolve(report.municipality.name_in_source, diacritics_reliable=False)
    names = found.names() if isinstance(found, Ambiguous) else "several municipalities"
    return f"could be {names} (the print cannot tell them apart)"


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to a temporary file beside ``path`` and rename it into place."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it into place.

    A reader never sees a half-written file, and an existing file is replaced only
    once the new one is complete; on any failure (a full disk, an interruption) the
    temporary file is removed. The file gets the usual permissions (umask), not the
    private ones of a temporary file. A failure to write is a KompassError naming
    ``path``, so that a batch can report it and go on.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
    except OSError as error:
        raise _unwritable(path, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _unwritable(path, error) from None
        raise


def _unwritable(path: Path, error: OSError) -> KompassError:
    """Why ``path`` cannot be written, in words: a folder in the way, no permission, ..."""
    if isinstance(error, IsADirectoryError) and Path(error.filename or "") != path.parent:
        reason = "is a folder, so the output cannot be written there"
    elif isinstance(error, (FileExistsError, NotADirectoryError)):
        reason = f"cannot be written: {path.parent} is not a folder"
    else:
        reason = f"cannot be written ({error.strerror or error})"
    return KompassError(reason, str(path))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
