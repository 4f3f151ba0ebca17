"""A Frictionless Data Package (``datapackage.json``) beside exported CSV and JSON lines.

A CSV file does not say that ``kommunkod`` 0114 is text or that question ``1.10`` is
not a number, so pandas, R and spreadsheets guess wrong. The package descriptor says it:
each column's type, its meaning (the same words as docs/columns.md, kept in
``data/columns.json``), and how the file is written (separator, decimal sign). Tools
that read Data Packages (frictionless, datapackage-r, ...) then read the table right.

Several exports into one folder share one ``datapackage.json``: each adds or replaces
its own resource, found by its path.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

from kompass_cli.analyse.export import COLUMN_TYPES, COLUMNS
from kompass_cli.core.errors import KompassError

FILE_NAME = "datapackage.json"
PACKAGE_NAME = "kompass-export"

# Table Schema field types of the export's storage types.
_FIELD_TYPES = {"string": "string", "int": "integer", "number": "number"}
_MEDIA_TYPES = {"csv": "text/csv", "jsonl": "application/x-ndjson",
                "json": "application/json"}
_CONSTRAINTS = {"kommunkod": {"pattern": "[0-9]{4}"}}


@cache
def descriptions() -> dict[str, dict[str, str]]:
    """Level -> column -> meaning, as documented in docs/columns.md."""
    text = resources.files("kompass_cli").joinpath("data/columns.json").read_text(
        encoding="utf-8")
    return json.loads(text)


def table_schema(level: str, decimal_comma: bool = False) -> dict:
    """The Table Schema of one export level: names, types, meanings, constraints."""
    fields = []
    for column in COLUMNS[level]:
        field = {"name": column, "type": _FIELD_TYPES[COLUMN_TYPES[column]],
                 "description": descriptions()[level][column]}
        if decimal_comma and field["type"] == "number":
            field["decimalChar"] = ","
        if column in _CONSTRAINTS:
            field["constraints"] = _CONSTRAINTS[column]
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def resource(level: str, path: Path, output_format: str, locale: str = "plain") -> dict:
    """The descriptor of one exported file, its path relative to the package."""
    from kompass_cli.reference.municipalities import slug

    swedish = locale == "sv"
    described = {"name": slug(path.stem).replace("-", "_") or level, "path": path.name,
                 "title": f"Kommunkompassen scores, one row per {_ROW[level]}",
                 "format": output_format, "mediatype": _MEDIA_TYPES[output_format],
                 "encoding": "utf-8"}
    if output_format == "csv":
        described["dialect"] = {"delimiter": ";" if swedish else ",", "header": True}
    described["schema"] = table_schema(level, decimal_comma=swedish)
    return described


_ROW = {"areas": "municipality, evaluation and area",
        "questions": "municipality, evaluation and question",
        "findings": "strength or improvement of an area",
        "history": "history-table row and area"}


def package_text(out: Path, level: str, output_format: str, locale: str = "plain") -> str:
    """The ``datapackage.json`` for the folder of ``out``, with this export's resource.

    Resources of other exports in the folder are kept; a file of that name that is not a
    data package is never overwritten.
    """
    target = out.parent / FILE_NAME
    package = _existing(target)
    new = resource(level, out, output_format, locale)
    kept = [r for r in package["resources"] if r.get("path") != new["path"]]
    names = {r.get("name") for r in kept}
    if new["name"] in names:
        new["name"] = f"{new['name']}_{output_format}"
    package["resources"] = sorted([*kept, new], key=lambda r: str(r.get("path")))
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def _existing(target: Path) -> dict:
    """The package already in the folder, or a new empty one."""
    if not target.exists():
        return {"name": PACKAGE_NAME,
                "title": "Kommunkompassen evaluations exported by kompass",
                "description": "Tidy tables of normalised Kommunkompassen reports; the "
                               "columns are documented in docs/columns.md of kompass.",
                "resources": []}
    from kompass_cli.model.dataset import read_json

    package = read_json(target).data
    if not (isinstance(package, dict) and isinstance(package.get("resources"), list)):
        raise KompassError("exists and is not a data package; move it away or give "
                           "--no-datapackage", str(target))
    return package
