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


def load_folder(folder: Path) -> list[tuple[Path, ReportBase]]:
    """Every ``*.json`` report in a folder, in file-name order."""
    if not folder.is_dir():
        raise KompassError("no such folder; give the folder of normalised JSON files",
                           str(folder))
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise KompassError("no .json files in this folder; run kompass parse first",
                           str(folder))
    return [(path, load_report(path)) for path in paths]


def load_report(path: Path) -> ReportBase:
    """One report, validated against the JSON contract."""
    from pydantic import ValidationError

    from kompass_cli.schemas.report import REPORT_ADAPTER

    try:
        return REPORT_ADAPTER.validate_python(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise KompassError(f"cannot read this file as JSON: {error}", str(path)) from None
    except ValidationError as error:
        raise KompassError(f"not a kompass report ({error.error_count()} schema errors); "
                           f"check it with kompass validate", str(path)) from None
