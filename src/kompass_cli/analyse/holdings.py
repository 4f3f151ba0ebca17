"""What a data folder holds: which municipalities and years, from which kinds of source.

Built from the same per-municipality comparison as ``kompass compare``, so a year given
by several sources is one row listing them all, and its conflicts are counted the same
way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kompass_cli.analyse.compare import compare, conflict_text, sightings
from kompass_cli.analyse.summary import swedish_key
from kompass_cli.reference import municipalities

if TYPE_CHECKING:
    from kompass_cli.schemas.common import ReportBase

COLUMNS = ("municipality", "kommunkod", "county", "year", "instrument_version", "kind",
           "total", *(f"area_{n}" for n in range(1, 9)), "source_kinds", "sources",
           "conflicts")


def holdings(documents: list[tuple[Path, ReportBase]]) -> list[dict]:
    """One row per municipality and year, sorted by municipality (Swedish order), year.

    A document whose municipality is not in the SCB list has no code to be grouped by;
    its evaluations are listed under its printed name, one row each, never left out.
    """
    rows = []
    codes = sorted({doc.municipality.code for _, doc in documents if doc.municipality.code})
    for code in codes:
        found = municipalities.by_code(code)
        rows += [_row(found.name, found.code, found.county, evaluation)
                 for evaluation in compare(found, documents).evaluations]
    for path, doc in documents:
        if not doc.municipality.code:
            rows += [_row(doc.municipality.name, None, None, evaluation)
                     for evaluation in sightings(path, doc)]
    return sorted(rows, key=lambda r: (swedish_key(r["municipality"]), r["year"]))


def _row(name: str, code: str | None, county: str | None, evaluation) -> dict:
    if not evaluation.sources:
        evaluation.sources = [{"kind": evaluation.source, "file": evaluation.file,
                               "line": evaluation.line}]
    return {
        "municipality": name, "kommunkod": code, "county": county,
        "year": evaluation.year, "instrument_version": evaluation.version,
        "kind": evaluation.kind, "total": evaluation.total,
        **{f"area_{n}": evaluation.scores.get(n) for n in range(1, 9)},
        "source_kinds": list(dict.fromkeys(s["kind"] for s in evaluation.sources)),
        "sources": [_source(s) for s in evaluation.sources],
        "conflicts": [f"{c['what']}: {conflict_text(c['values'])}"
                      for c in evaluation.conflicts]}


def _source(source: dict) -> str:
    line = f":{source['line']}" if source["line"] else ""
    return f"{source['kind']} {source['file']}{line}"
