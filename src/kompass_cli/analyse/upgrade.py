"""``kompass upgrade``: a version-1 file written as version 2, when that is exact.

A version-1 file has no printed tokens; they are rebuilt from the values (see
:mod:`kompass_cli.model.legacy`). The rebuilt file is written only when the checks of
``kompass parse``, run on it, find exactly what it records: a contradiction recorded
with a printed '6,0' that the rebuilt '6' reads as rounding cannot be carried over, and
is said, with the advice to parse the raw report again. Nothing is guessed and no
recorded diagnostic is changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from kompass_cli.analyse.validate import consistency_findings
from kompass_cli.core.errors import KompassError
from kompass_cli.model import legacy
from kompass_cli.model.dataset import json_path, read_json
from kompass_cli.model.writer import to_json, write_atomic
from kompass_cli.schemas.report import DOCUMENT_ADAPTER


@dataclass(frozen=True)
class Upgraded:
    """What became of one file: written to ``written`` (None when it was already of
    version 2), with ``rebuilt`` tokens rebuilt from the values."""

    file: Path
    written: Path | None
    rebuilt: int = 0


def upgrade_file(path: Path, out: Path | None = None) -> Upgraded:
    """Write ``path`` as version 2 into ``out`` (a folder; default: in place). Raises
    KompassError, leaving every file as it was, when the file cannot be upgraded."""
    document = read_json(path)
    if document.problems():
        raise KompassError(f"not a valid kompass file ({document.problems()[0]}); run "
                           f"kompass validate on it", str(path))
    if not legacy.is_version_1(document.data):
        return Upgraded(path, None)
    data, rebuilt = legacy.to_version_2(document.data)
    try:
        model = DOCUMENT_ADAPTER.validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise KompassError(f"not a valid kompass file of version 1 "
                           f"({json_path(first['loc'])}: {first['msg']}); run kompass "
                           f"validate on it", str(path)) from None
    differ = consistency_findings(model, str(path))
    if differ:
        raise KompassError(f"cannot be upgraded exactly: with its printed tokens rebuilt "
                           f"from the values, {differ[0].code} at {differ[0].path} reads "
                           f"otherwise than the file records ({len(differ)} such); parse "
                           f"the raw report again with kompass parse", str(path))
    target = path if out is None else out / path.name
    write_atomic(target, to_json(model))
    return Upgraded(path, target, rebuilt)
