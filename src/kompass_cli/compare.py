"""Every evaluation of one municipality side by side, per area and in total.

Evaluations come from two places: each report's own results and the history table some
reports print (earlier evaluations and self-assessments). A year with its own report is
taken from the report, which is the fuller source; its history row is only checked
against it. Areas of different instrument versions are lined up through the crosswalk,
and every cell says how closely it corresponds to the previous evaluation's, because
the reports themselves warn that scores are only comparable within one version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kompass_cli.catalog import all_instruments, instrument
from kompass_cli.crosswalk import between, loosest
from kompass_cli.municipalities import Municipality, resolve

if TYPE_CHECKING:
    from kompass_cli.schemas.common import HistoryRow, ReportBase

Number = int | float

CAVEAT = ("Poäng är bara helt jämförbara inom samma version av instrumentet "
          "(the reports' own caveat).")


@dataclass
class Evaluation:
    """One evaluation, from a report's own results or from a row of a history table."""

    year: int
    version: str
    kind: str  # evaluation | self_assessment | unknown
    source: str  # report | history
    file: str
    line: int | None
    scores: dict[int, Number | None]
    total: Number | None
    version_change: str | None = None  # 'OLD -> NEW' when the previous one used another


@dataclass
class Cell:
    """One evaluation's value in one row, and how it relates to the previous one's."""

    year: int
    area: int | None  # the area number in this evaluation's own version
    name: str | None
    score: Number | None
    change: Number | None
    relation: str | None  # to the previous evaluation's cell; None for the first


@dataclass
class Row:
    """One area of the reference version (the latest evaluation's), or the total."""

    area: int | None  # None for the total
    name: str
    cells: list[Cell]


@dataclass
class Comparison:
    municipality: Municipality
    caveat: str
    reference_version: str | None
    evaluations: list[Evaluation]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def compare(municipality: Municipality, reports: list[tuple[Path, ReportBase]]) -> Comparison:
    """Line up every evaluation of the municipality found in the reports."""
    own = [(p, r) for p, r in reports if _is_of(r, municipality)]
    duplicates: list[str] = []
    evaluations = _collect(own, duplicates)
    notes = [_source_note(e) for e in evaluations] + duplicates
    _mark_version_changes(evaluations)
    comparison = Comparison(municipality, CAVEAT, None, evaluations, notes=notes)
    if evaluations:
        comparison.reference_version = evaluations[-1].version
        comparison.rows = _rows(evaluations)
        notes.extend(_crosswalk_notes(evaluations))
    return comparison


def _is_of(report: ReportBase, municipality: Municipality) -> bool:
    """Match by kommunkod; by name only when the report has no code and its name is
    unambiguous (a name that fits Håbo and Habo alike belongs to neither)."""
    if report.municipality.code is not None:
        return report.municipality.code == municipality.code
    if any(d.code == "municipality-ambiguous" for d in report.diagnostics):
        return False
    return resolve(report.municipality.name) == municipality


def _collect(own: list[tuple[Path, ReportBase]], notes: list[str]) -> list[Evaluation]:
    """Reports' own evaluations, plus history rows for years no report covers."""
    found = [_from_report(path, report) for path, report in own]
    by_year = {e.year: e for e in found}
    for path, report in own:
        for row in report.history:
            candidate = _from_history(path, row)
            kept = by_year.get(row.year)
            if kept is None:
                by_year[row.year] = candidate
                found.append(candidate)
            else:
                notes.append(_duplicate_note(kept, candidate))
    return sorted(found, key=lambda e: (e.year, e.source != "report", e.file))


def _from_report(path: Path, report: ReportBase) -> Evaluation:
    return Evaluation(report.evaluation.year, report.instrument.version, "evaluation",
                      "report", path.name, None,
                      {a.number: a.score for a in report.areas}, report.total.score)


def _from_history(path: Path, row: HistoryRow) -> Evaluation:
    version = row.instrument_version or _version_for_year(row.year)
    return Evaluation(row.year, version, row.kind or "unknown", "history", path.name, row.line,
                      {n: row.scores.get(str(n)) for n in range(1, 9)}, row.total)


def _version_for_year(year: int) -> str:
    """A history row without a version: the version in use that year."""
    return next(i.version for i in all_instruments() if i.covers(year))


def _source_note(evaluation: Evaluation) -> str:
    where = (f"{evaluation.file} (its own results)" if evaluation.source == "report"
             else f"the history table of {evaluation.file} (line {evaluation.line})")
    kind = evaluation.kind.replace("_", "-")
    return f"{evaluation.year}: {kind}, instrument {evaluation.version}, from {where}."


def _duplicate_note(kept: Evaluation, other: Evaluation) -> str:
    """Say which source a year is taken from, and whether the other one agrees."""
    where = f"the history table of {other.file} (line {other.line})"
    taken = (f"{kept.file}'s own results are used" if kept.source == "report"
             else f"the history table of {kept.file} is used")
    differences = _differences(kept, other)
    agreement = ("gives the same values" if not differences
                 else f"gives other values ({', '.join(differences)})")
    return f"{kept.year}: {taken}; {where} {agreement}."


def _differences(kept: Evaluation, other: Evaluation) -> list[str]:
    found = [f"area {n}: {other.scores[n]} not {kept.scores[n]}"
             for n in range(1, 9) if other.scores.get(n) != kept.scores.get(n)]
    if other.total != kept.total:
        found.append(f"total: {other.total} not {kept.total}")
    if other.version != kept.version:
        found.append(f"version: {other.version} not {kept.version}")
    return found


def _mark_version_changes(evaluations: list[Evaluation]) -> None:
    for previous, current in zip(evaluations, evaluations[1:]):
        if previous.version != current.version:
            current.version_change = f"{previous.version} -> {current.version}"


def _rows(evaluations: list[Evaluation]) -> list[Row]:
    """The eight areas of the reference version, then the total."""
    reference = instrument(evaluations[-1].version)
    rows = [Row(spec.number, spec.name, _area_cells(evaluations, spec.number))
            for spec in reference.areas]
    rows.append(Row(None, "Totalt", _total_cells(evaluations)))
    return rows


def _area_cells(evaluations: list[Evaluation], row_area: int) -> list[Cell]:
    reference = evaluations[-1].version
    cells: list[Cell] = []
    for index, evaluation in enumerate(evaluations):
        area = _own_area(evaluation.version, reference, row_area)
        name = instrument(evaluation.version).area(area).name if area else None
        score = evaluation.scores.get(area) if area else None
        cell = Cell(evaluation.year, area, name, score, None, None)
        if index:
            previous_cell, previous = cells[-1], evaluations[index - 1]
            cell.relation = _relation(previous.version, previous_cell.area,
                                      evaluation.version, area)
            if cell.relation != "not_comparable":
                cell.change = _difference(score, previous_cell.score)
        cells.append(cell)
    return cells


def _own_area(version: str, reference: str, row_area: int) -> int | None:
    """The one area of ``version`` that corresponds to a reference area, if exactly one."""
    targets = between(reference, version).get(row_area)
    if targets is None or len(targets.targets) != 1:
        return None
    area = targets.targets[0]
    return area if between(version, reference)[area].targets == (row_area,) else None


def _relation(old_version: str, old_area: int | None, new_version: str,
              new_area: int | None) -> str:
    if old_area is None or new_area is None:
        return "not_comparable"
    link = between(old_version, new_version).get(old_area)
    return link.relation if link and link.targets == (new_area,) else "not_comparable"


def _total_cells(evaluations: list[Evaluation]) -> list[Cell]:
    """Totals: as close as the loosest area correspondence between the two versions."""
    cells: list[Cell] = []
    for index, evaluation in enumerate(evaluations):
        cell = Cell(evaluation.year, None, None, evaluation.total, None, None)
        if index:
            previous = evaluations[index - 1]
            links = between(previous.version, evaluation.version).values()
            cell.relation = loosest("same", *(link.relation for link in links))
            cell.change = _difference(evaluation.total, previous.total)
        cells.append(cell)
    return cells


def _difference(new: Number | None, old: Number | None) -> Number | None:
    if new is None or old is None:
        return None
    change = round(new - old, 2)
    return int(change) if change == int(change) else change


def _crosswalk_notes(evaluations: list[Evaluation]) -> list[str]:
    """For each version change, how the areas map and which do not map one to one."""
    notes = []
    for previous, current in zip(evaluations, evaluations[1:]):
        if previous.version == current.version:
            continue
        links = between(previous.version, current.version)
        old, new = instrument(previous.version), instrument(current.version)
        changed = [f"{n} {old.area(n).name} -> "
                   f"{', '.join(f'{t} {new.area(t).name}' for t in link.targets) or '-'} "
                   f"({link.relation})"
                   for n, link in sorted(links.items()) if link.relation != "same"]
        same = [str(n) for n, link in sorted(links.items()) if link.relation == "same"]
        tail = f"; areas {', '.join(same)}: same" if same else ""
        notes.append(f"Version change {previous.version} -> {current.version} between "
                     f"{previous.year} and {current.year}: {'; '.join(changed) or 'none'}{tail}.")
    return notes


def to_dict(comparison: Comparison) -> dict:
    """The comparison as plain data, for JSON: the same content the table shows."""
    from dataclasses import asdict

    from kompass_cli.crosswalk import crosswalk_data

    m = comparison.municipality
    return {
        "municipality": {"name": m.name, "code": m.code, "county": m.county},
        "caveat": comparison.caveat,
        "reference_version": comparison.reference_version,
        "relations": crosswalk_data()["relations"],
        "evaluations": [asdict(e) for e in comparison.evaluations],
        "rows": [asdict(r) for r in comparison.rows],
        "notes": comparison.notes,
    }


# The caveat is not a column: repeated on every row it is noise, and a comment line
# breaks CSV readers; JSON carries it once, the CLI says it on stderr beside a CSV.
CSV_COLUMNS = ("municipality", "kommunkod", "year", "instrument_version", "kind", "source",
               "row", "row_name", "area", "area_name", "score", "change", "relation")


def to_rows(comparison: Comparison) -> list[dict]:
    """One flat row per evaluation and row (areas, then 'total'), ordered by year."""
    m = comparison.municipality
    rows = []
    for index, evaluation in enumerate(comparison.evaluations):
        for row in comparison.rows:
            cell = row.cells[index]
            label = row.area if row.area is not None else "total"
            rows.append({
                "municipality": m.name, "kommunkod": m.code, "year": evaluation.year,
                "instrument_version": evaluation.version, "kind": evaluation.kind,
                "source": evaluation.source, "row": label, "row_name": row.name,
                "area": cell.area if row.area is not None else "total",
                "area_name": cell.name if row.area is not None else row.name,
                "score": cell.score, "change": cell.change, "relation": cell.relation})
    return rows
