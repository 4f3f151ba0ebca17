"""What a data folder holds: which municipalities and years, from which kinds of source.

Built from the same per-municipality comparison as ``kompass compare``, so a year given
by several sources is one row listing them all, and its conflicts are counted the same
way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kompass_cli import municipalities
from kompass_cli.compare import compare, conflict_text
from kompass_cli.summary import swedish_key

if TYPE_CHECKING:
    from kompass_cli.schemas.common import ReportBase

COLUMNS = ("municipality", "kommunkod", "county", "year", "instrument_version", "kind",
           "total", "source_kinds", "sources", "conflicts")


def holdings(documents: list[tuple[Path, ReportBase]]) -> list[dict]:
    """One row per municipality and year, sorted by municipality (Swedish order), year."""
    codes = {doc.municipality.code for _, doc in documents if doc.municipality.code}
    rows = []
    for code in codes:
        found = municipalities.by_code(code)
        for evaluation in compare(found, documents).evaluations:
            rows.append({
                "municipality": found.name, "kommunkod": found.code, "county": found.county,
                "year": evaluation.year, "instrument_version": evaluation.version,
                "kind": evaluation.kind, "total": evaluation.total,
                "source_kinds": list(dict.fromkeys(s["kind"] for s in evaluation.sources)),
                "sources": [_source(s) for s in evaluation.sources],
                "conflicts": [f"{c['what']}: {conflict_text(c['values'])}"
                              for c in evaluation.conflicts]})
    return sorted(rows, key=lambda r: (swedish_key(r["municipality"]), r["year"]))


def _source(source: dict) -> str:
    line = f":{source['line']}" if source["line"] else ""
    return f"{source['kind']} {source['file']}{line}"
