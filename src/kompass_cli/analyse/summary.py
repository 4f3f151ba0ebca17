"""One row per report or results summary: who, when, which version, the scores and what
was found. A results summary (a parsed page or an imported row) has no findings, so its
strengths and improvements are empty, and ``source_kind`` says which kind a row is.

Rows are flat and their column names fixed (``COLUMNS``), so the CSV can be loaded into
a spreadsheet or joined with other municipal data by kommunkod without reshaping.
Area columns are numbered, not named: area 2 of the 2016 instrument is not area 2 of
the 2020 one, and the version column says which is meant.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kompass_cli.schemas.common import ReportBase

Number = int | float

AREA_COLUMNS = tuple(f"area_{n}" for n in range(1, 9))
COLUMNS = ("file", "municipality", "kommunkod", "county", "year", "instrument_version",
           "total", *AREA_COLUMNS, "strengths", "improvements", "errors", "warnings",
           "info", "best_areas", "weakest_areas", "source_kind")

# Swedish alphabetical order ends with å, ä, ö; Unicode puts ä before å.
_SWEDISH = str.maketrans({"å": "z\u0001", "ä": "z\u0002", "ö": "z\u0003"})


@dataclass
class SummaryRow:
    file: str
    municipality: str
    kommunkod: str | None
    county: str | None
    year: int
    instrument_version: str
    total: Number | None
    areas: dict[int, Number | None]
    strengths: int | None
    improvements: int | None
    errors: int
    warnings: int
    info: int
    source_kind: str = "report"

    def best_areas(self) -> list[int]:
        """The area(s) with the highest score; ties are all named."""
        return _extreme(self.areas, max)

    def weakest_areas(self) -> list[int]:
        """The area(s) with the lowest score; ties are all named."""
        return _extreme(self.areas, min)

    def to_dict(self) -> dict:
        """Flat, in ``COLUMNS`` order."""
        return {
            "file": self.file, "municipality": self.municipality, "kommunkod": self.kommunkod,
            "county": self.county, "year": self.year,
            "instrument_version": self.instrument_version, "total": self.total,
            **{f"area_{n}": self.areas.get(n) for n in range(1, 9)},
            "strengths": self.strengths, "improvements": self.improvements,
            "errors": self.errors, "warnings": self.warnings, "info": self.info,
            "best_areas": self.best_areas(), "weakest_areas": self.weakest_areas(),
            "source_kind": self.source_kind,
        }


def _extreme(areas: dict[int, Number | None], pick) -> list[int]:
    scored = {n: s for n, s in areas.items() if s is not None}
    if not scored:
        return []
    target = pick(scored.values())
    return sorted(n for n, s in scored.items() if s == target)


def summarise(reports: list[tuple[Path, ReportBase]]) -> list[SummaryRow]:
    """One row per report, sorted by municipality (Swedish order), then year."""
    rows = [_row(path, report) for path, report in reports]
    return sorted(rows, key=lambda r: (swedish_key(r.municipality), r.year, r.file))


def swedish_key(name: str) -> str:
    """Sort key that puts å, ä, ö last and in that order, as Swedish lists do."""
    return name.casefold().translate(_SWEDISH)


def _row(path: Path, report: ReportBase) -> SummaryRow:
    from kompass_cli.model.summaries import source_kind

    severities = [d.severity for d in report.diagnostics]
    kind = source_kind(report)
    return SummaryRow(
        file=path.name, municipality=report.municipality.name,
        kommunkod=report.municipality.code, county=report.municipality.county,
        year=report.evaluation.year, instrument_version=report.instrument.version,
        total=report.total.score, areas={a.number: a.score for a in report.areas},
        strengths=_findings(report, "strengths", kind),
        improvements=_findings(report, "improvements", kind),
        errors=severities.count("error"), warnings=severities.count("warning"),
        info=severities.count("info"), source_kind=kind)


def _findings(report: ReportBase, which: str, kind: str) -> int | None:
    """How many strengths or improvements a report lists; None for a results summary."""
    if kind != "report":
        return None
    return sum(len(getattr(area, which)) for area in report.areas)
