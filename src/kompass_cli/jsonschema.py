"""JSON Schema of each version's report and results-summary models, generated from pydantic.

The pydantic models are the one definition; the JSON Schema files are derived from them
and committed under ``schemas/`` at the repository root, where a test checks they are
current.
"""

from __future__ import annotations

import json
from pathlib import Path

from kompass_cli.schemas.report import REPORT_MODELS, SUMMARY_MODELS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_documents() -> dict[str, str]:
    """File name -> JSON text of each version's schema, deterministic."""
    documents = {}
    for kind, models in (("report", REPORT_MODELS), ("summary", SUMMARY_MODELS)):
        for version, model in models.items():
            schema = {"$schema": SCHEMA_DIALECT, **model.model_json_schema()}
            text = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            documents[f"kompass-{kind}-{version}.schema.json"] = text
    return documents


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; returns the paths written."""
    from kompass_cli.writer import write_atomic

    written = []
    for name, text in schema_documents().items():
        write_atomic(directory / name, text)
        written.append(directory / name)
    return written
