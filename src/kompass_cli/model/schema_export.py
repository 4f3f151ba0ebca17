"""JSON Schema of the documents kompass writes (reports and results summaries),
generated from the pydantic models.

The pydantic models are the one definition; the JSON Schema files are derived from them
and committed under ``schemas/`` at the repository root, where a test checks they are
current. ``kompass.schema.json`` is the one schema for every document: its root is a
``oneOf`` over every document kind and instrument version (each branch fixes
``doc_kind`` and ``instrument.version`` to constants, so exactly one matches); the
per-version files hold one model each.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Union

from kompass_cli.schemas.report import REPORT_MODELS, SUMMARY_MODELS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
COMBINED_NAME = "kompass.schema.json"

# Document kind -> instrument version -> model; the file-name stem of each kind.
DOCUMENT_MODELS = {"kommunkompassen_report": REPORT_MODELS, "results_summary": SUMMARY_MODELS}
_FILE_STEMS = {"kommunkompassen_report": "kompass-report", "results_summary": "kompass-summary"}


def _text(schema: dict) -> str:
    """Deterministic JSON text of a schema, with its dialect first."""
    return json.dumps({"$schema": SCHEMA_DIALECT, **schema}, ensure_ascii=False, indent=2,
                      sort_keys=True) + "\n"


def combined_schema(version: str | None = None) -> dict:
    """One schema whose root admits every document kind of every (or one) version."""
    from pydantic import TypeAdapter

    models = [model for kind in DOCUMENT_MODELS.values() for v, model in kind.items()
              if version in (None, v)]
    if not models:
        raise ValueError(f"unknown version {version!r}")
    if len(models) == 1:
        return models[0].model_json_schema()
    schema = TypeAdapter(Union[tuple(models)]).json_schema()  # type: ignore[arg-type]
    branches = schema.pop("anyOf", None) or schema.pop("oneOf")
    scope = f"instrument version {version}" if version else "every instrument version"
    return {"title": "kompass document",
            "description": f"A JSON document written by kompass: any document kind "
                           f"({', '.join(DOCUMENT_MODELS)}) of {scope}.",
            "oneOf": branches, **schema}


def versions() -> list[str]:
    """Every instrument version some document kind has a model for."""
    return sorted({v for kind in DOCUMENT_MODELS.values() for v in kind})


def combined_text(version: str | None = None) -> str:
    """``kompass schema`` output: the one schema as JSON text."""
    return _text(combined_schema(version))


def schema_documents() -> dict[str, str]:
    """File name -> JSON text: the combined schema and each kind and version's model."""
    documents = {COMBINED_NAME: combined_text()}
    for kind, models in DOCUMENT_MODELS.items():
        for version, model in models.items():
            documents[f"{_FILE_STEMS[kind]}-{version}.schema.json"] = _text(
                model.model_json_schema())
    return documents


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; returns the paths written."""
    from kompass_cli.model.writer import write_atomic

    written = []
    for name, text in schema_documents().items():
        write_atomic(directory / name, text)
        written.append(directory / name)
    return written
