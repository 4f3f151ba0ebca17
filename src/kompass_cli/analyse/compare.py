"""Every evaluation of one municipality side by side, per area and in total.

Evaluations come from every source in the data: each report's own results, the history
table some reports print (earlier evaluations and self-assessments), results summaries
parsed from pages and rows imported from spreadsheets. A year given by several sources
is shown once, with all its sources listed and its values taken from the fullest
(report, then summary page, then history table, then import); every value another
source gives differently, and every printed total its own areas do not add up to, is a
conflict of that evaluation and of its cell, never hidden behind the value shown. Areas of different instrument versions are lined up through the crosswalk,
and every cell says how closely it corresponds to the previous evaluation's, because
the reports themselves warn that scores are only comparable within one version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kompass_cli.reference.catalog import all_instruments, instrument
from kompass_cli.reference.crosswalk import between, loosest
from kompass_cli.reference.municipalities import Municipality, resolve

if TYPE_CHECKING:
    from kompass_cli.schemas.common import HistoryRow, ReportBase

Number = int | float

CAVEAT = ("Poäng är bara helt jämförbara inom samma version av instrumentet "
          "(the reports' own caveat).")


# Which source's values are shown when several give the same year.
SOURCE_ORDER = ("report", "summary", "history", "import")


@dataclass
class Evaluation:
    """One evaluation: the values of its fullest source, and every source that gives it."""

    year: int
    version: str
    kind: str  # evaluation | self_assessment | unknown
    source: str  # report | summary | history | import: where the values shown come from
    file: str
    line: int | None
    scores: dict[int, Number | None]
    total: Number | None
    version_change: str | None = None  # 'OLD -> NEW' when the previous one used another
    adds_up: bool = True  # False when the source's own diagnostics say the total does not
    sources: list[dict] = field(default_factory=list)  # {kind, file, line} of each source
    conflicts: list[dict] = field(default_factory=list)  # {what, area, values: [{value, source}]}


@dataclass
class Cell:
    """One evaluation's value in one row, and how it relates to the previous one's."""

    year: int
    area: int | None  # the area number in this evaluation's own version
    name: str | None
    score: Number | None
    change: Number | None
    relation: str | None  # to the previous evaluation's cell; None for the first
    conflict: list[dict] = field(default_factory=list)  # every value given: {value, source}


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
    """One evaluation per year, from every source that gives it."""
    by_year: dict[int, list[Evaluation]] = {}
    for path, document in own:
        for seen in sightings(path, document):
            by_year.setdefault(seen.year, []).append(seen)
    found = []
    for year in sorted(by_year):
        group = sorted(by_year[year], key=lambda e: (SOURCE_ORDER.index(e.source), e.file))
        kept = group[0]
        kept.sources = [{"kind": e.source, "file": e.file, "line": e.line} for e in group]
        kept.conflicts = _conflicts(group)
        notes.extend(_duplicate_note(kept, other) for other in group[1:])
        found.append(kept)
    return found


def sightings(path: Path, document) -> list[Evaluation]:
    """What one JSON file says about evaluations: a report's own results and history
    rows, or one results summary."""
    from kompass_cli.model.summaries import source_kind

    kind = source_kind(document)
    if kind != "report":
        return [_from_summary(path, document, kind)]
    return [_from_report(path, document), *(_from_history(path, row, document)
                                            for row in document.history)]


def _from_report(path: Path, report: ReportBase) -> Evaluation:
    return Evaluation(report.evaluation.year, report.instrument.version, "evaluation",
                      "report", path.name, None,
                      {a.number: a.score for a in report.areas}, report.total.score,
                      adds_up=not _recorded(report, "total-mismatch"))


def _from_summary(path: Path, summary, kind: str) -> Evaluation:
    first = min(area.line for area in summary.areas)
    return Evaluation(summary.evaluation.year, summary.instrument.version, "evaluation", kind,
                      path.name, first, {a.number: a.score for a in summary.areas},
                      summary.total.score, adds_up=not _recorded(summary, "total-mismatch"))


def _from_history(path: Path, row: HistoryRow, report: ReportBase | None = None) -> Evaluation:
    version = row.instrument_version or _version_for_year(row.year)
    mismatch = report is not None and _recorded(report, "history-total-mismatch", row.year)
    return Evaluation(row.year, version, row.kind or "unknown", "history", path.name, row.line,
                      {n: row.scores.get(str(n)) for n in range(1, 9)}, row.total,
                      adds_up=not mismatch)


def _recorded(document, code: str, year: int | None = None) -> bool:
    """Whether the document's own diagnostics record this contradiction."""
    return any(d.code == code and d.year == year for d in document.diagnostics)


def _version_for_year(year: int) -> str:
    """A history row without a version: the version in use that year."""
    return next(i.version for i in all_instruments() if i.covers(year))


def source_label(evaluation: Evaluation) -> str:
    """Where an evaluation's values are printed, in words."""
    if evaluation.source == "report":
        return f"{evaluation.file} (its own results)"
    if evaluation.source == "history":
        return f"the history table of {evaluation.file} (line {evaluation.line})"
    return f"the {evaluation.source} {evaluation.file}"


def _source_note(evaluation: Evaluation) -> str:
    kind = evaluation.kind.replace("_", "-")
    return (f"{evaluation.year}: {kind}, instrument {evaluation.version}, from "
            f"{source_label(evaluation)}.")


def _duplicate_note(kept: Evaluation, other: Evaluation) -> str:
    """Say which source a year is taken from, and whether the other one agrees."""
    taken = (f"{kept.file}'s own results are used" if kept.source == "report"
             else f"{source_label(kept)} is used")
    differences = _differences(kept, other)
    agreement = ("gives the same values" if not differences
                 else f"gives other values ({', '.join(differences)})")
    return f"{kept.year}: {taken}; {source_label(other)} {agreement}."


def _differences(kept: Evaluation, other: Evaluation) -> list[str]:
    found = [f"area {n}: {other.scores[n]} not {kept.scores[n]}"
             for n in range(1, 9) if other.scores.get(n) != kept.scores.get(n)]
    if other.total != kept.total:
        found.append(f"total: {other.total} not {kept.total}")
    if other.version != kept.version:
        found.append(f"version: {other.version} not {kept.version}")
    return found


def _conflicts(group: list[Evaluation]) -> list[dict]:
    """Every value the sources of one year give differently, and every printed total
    that its own areas do not add up to."""
    found = []
    for area in range(1, 9):
        values = [(e.scores.get(area), source_label(e)) for e in group]
        found += _disagreement(f"area {area}", area, values)
    totals = [(e.total, source_label(e)) for e in group]
    totals += [(_sum(e), f"the sum of the areas of {source_label(e)}")
               for e in group if not e.adds_up and _sum(e) is not None]
    found += _disagreement("total", None, totals)
    found += _disagreement("instrument_version", None, [(e.version, source_label(e))
                                                        for e in group])
    return found


def _disagreement(what: str, area: int | None, values: list[tuple]) -> list[dict]:
    given = [(value, source) for value, source in values if value is not None]
    if len({value for value, _ in given}) < 2:
        return []
    return [{"what": what, "area": area,
             "values": [{"value": value, "source": source} for value, source in given]}]


def _sum(evaluation: Evaluation) -> Number | None:
    scores = [evaluation.scores.get(n) for n in range(1, 9)]
    if None in scores:
        return None
    return _difference(sum(scores), 0)


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
        cell = Cell(evaluation.year, area, name, score, None, None,
                    _cell_conflict(evaluation, f"area {area}"))
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
        cell = Cell(evaluation.year, None, None, evaluation.total, None, None,
                    _cell_conflict(evaluation, "total"))
        if index:
            previous = evaluations[index - 1]
            links = between(previous.version, evaluation.version).values()
            cell.relation = loosest("same", *(link.relation for link in links))
            cell.change = _difference(evaluation.total, previous.total)
        cells.append(cell)
    return cells


def _cell_conflict(evaluation: Evaluation, what: str) -> list[dict]:
    return next((c["values"] for c in evaluation.conflicts if c["what"] == what), [])


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

    from kompass_cli.reference.crosswalk import crosswalk_data

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
               "row", "row_name", "area", "area_name", "score", "change", "relation",
               "sources", "conflict")


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
                "score": cell.score, "change": cell.change, "relation": cell.relation,
                "sources": sources_text(evaluation), "conflict": conflict_text(cell.conflict)})
    return rows


def sources_text(evaluation: Evaluation) -> str:
    """'report norsjo-2018.json; history norsjo-2018.json:105'."""
    return "; ".join(f"{s['kind']} {s['file']}" + (f":{s['line']}" if s["line"] else "")
                     for s in evaluation.sources)


def conflict_text(values: list[dict]) -> str:
    """'475: the history table of …; 455: the sum of the areas of …', or ''."""
    return "; ".join(f"{v['value']}: {v['source']}" for v in values)
