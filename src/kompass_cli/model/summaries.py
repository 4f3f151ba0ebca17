"""From what a summary page or an imported row states to a validated results summary.

The same checks as for a full report run on the eight scores and the total (sums,
rounding, conflicting totals, area names of another version), and the municipality and
year are resolved the same way. What the source leaves out the user may supply
(``Given``); the record then lists it in ``supplied_by_user``, and a value the source
states differently is kept in a diagnostic, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from kompass_cli.model import diagnostics as d
from kompass_cli.reference import municipalities
from kompass_cli.model.build import SCHEMA_VERSION, SourceInfo, _add_pages, _diagnostic, _from_note
from kompass_cli.reference.catalog import (
    VERSIONS,
    Instrument,
    extends_area_name,
    instrument,
    matches_area,
    older_version_naming,
)
from kompass_cli.model.consistency import check_report, primary
from kompass_cli.core.errors import NotAReport
from kompass_cli.parsers.summary import RawSummary
from kompass_cli.schemas.report import SUMMARY_KIND, SUMMARY_MODELS
from kompass_cli.schemas.summary import SummaryBase


@dataclass(frozen=True)
class Given:
    """Values the user supplies for what a source leaves out (``--year``,
    ``--municipality``)."""

    year: int | None = None
    municipality: str | None = None


@dataclass(frozen=True)
class Origin:
    """Where an imported row came from: its row number and the note it gives."""

    row: int | None = None
    note: str | None = None


def source_kind(document) -> str:
    """'report', 'summary' (a parsed page) or 'import' (a CSV row): where results come from."""
    if document.doc_kind != SUMMARY_KIND:
        return "report"
    return "import" if document.source.format == "csv" else "summary"


def build_summary(raw: RawSummary, source: SourceInfo, given: Given = Given(),
                  origin: Origin = Origin()) -> SummaryBase:
    """Assemble, check and validate the results summary of one page or row."""
    supplied: list[str] = []
    diagnostics: list[d.Diagnostic] = []
    year, year_line = _year(raw, given, supplied, diagnostics)
    inst = instrument(_version(raw, year))
    municipality = _municipality(raw, given, supplied, diagnostics)
    diagnostics += check_report(raw, inst)
    diagnostics += [diag for area in raw.areas for diag in _name_checks(area, inst)]
    diagnostics += [_from_note(note) for note in raw.notes]
    if not inst.covers(year):
        diagnostics.append(d.make("year-outside-version", line=year_line, year=year,
                                  version=inst.version, period=inst.period()))
    document = {
        "schema_version": SCHEMA_VERSION,
        "doc_kind": SUMMARY_KIND,
        "instrument": {"name": "Kommunkompassen", "version": inst.version},
        "municipality": municipality,
        "evaluation": {"year": year, "line": year_line},
        "total": _total(raw),
        "areas": [_area(area, raw, inst) for area in sorted(raw.areas, key=lambda a: a.number)],
        "supplied_by_user": supplied,
        "diagnostics": [_diagnostic(x) for x in sorted(diagnostics, key=d.Diagnostic.sort_key)],
        "source": {"file": source.file, "sha256": source.sha256, "format": source.format,
                   "parser": raw.parser, "row": origin.row, "note": origin.note},
    }
    if source.pages:
        _add_pages(document, source.pages)
        document["source"]["pages"] = max(source.pages)
    return SUMMARY_MODELS[inst.version].model_validate(document)


def _version(raw: RawSummary, year: int) -> str:
    """Of the versions whose names all match (2010 and 2016 share seven), the one in use
    in the year, which the user may have supplied."""
    in_use = [v for v in raw.versions if instrument(v).covers(year)]
    return in_use[-1] if in_use and raw.version not in in_use else raw.version


def _year(raw: RawSummary, given: Given, supplied: list[str],
          diagnostics: list[d.Diagnostic]) -> tuple[int, int | None]:
    if given.year is None:
        if raw.year is None:
            raise NotAReport("the page states no evaluation year; give it with --year YYYY")
        return raw.year.value, raw.year.line
    supplied.append("year")
    printed = ("" if raw.year is None else
               f"; the source states {raw.year.value} (line {raw.year.line})")
    if raw.year is None or raw.year.value != given.year:
        diagnostics.append(d.make("supplied-by-user", line=None, what="evaluation year",
                                  value=given.year, printed=printed))
    return given.year, None


def _municipality(raw: RawSummary, given: Given, supplied: list[str],
                  diagnostics: list[d.Diagnostic]) -> dict:
    printed = raw.municipality
    found = _resolve(printed.text) if printed else None
    if given.municipality is not None:
        chosen = _resolve(given.municipality)
        if isinstance(chosen, municipalities.Ambiguous):
            raise NotAReport(f"--municipality {given.municipality!r} could be "
                             f"{chosen.names()}; give the kommunkod to choose")
        if chosen is None:
            raise NotAReport(f"--municipality {given.municipality!r} is not a Swedish "
                             f"municipality; give a name or a four-digit kommunkod")
        supplied.append("municipality")
        if found != chosen:
            says = f"; the source names {printed.text} (line {printed.line})" if printed else ""
            diagnostics.append(d.make("supplied-by-user", line=None, what="municipality",
                                      value=chosen.name, printed=says))
        return {"name": chosen.name, "code": chosen.code, "county": chosen.county,
                "name_in_source": given.municipality, "line": None}
    if isinstance(found, municipalities.Ambiguous):
        raise NotAReport(f"'{printed.text}' (line {printed.line}) could be {found.names()}; "
                         f"give the kommunkod with --municipality")
    if printed is None or found is None:
        named = f" ('{printed.text}', line {printed.line}, is not in the SCB list)" if printed else ""
        raise NotAReport(f"the page does not say which municipality it is about{named}; "
                         f"give it with --municipality NAME")
    return {"name": found.name, "code": found.code, "county": found.county,
            "name_in_source": printed.text, "line": printed.line}


def _resolve(name: str):
    """A municipality by kommunkod or name, the candidates when the name fits several."""
    name = name.strip()
    if name.isdigit() and len(name) == 4:
        return municipalities.by_code(name)
    return municipalities.resolve(name)


def _total(raw: RawSummary) -> dict:
    chosen = primary(raw.totals)
    return {"score": None if chosen is None else chosen.value, "max": 800,
            "reported_scores": [{"value": s.value, "printed": s.text, "line": s.line}
                                for s in raw.totals]}


def _area(area, raw: RawSummary, inst: Instrument) -> dict:
    spec = inst.area(area.number)
    score = primary(area.scores)
    return {"number": area.number, "key": spec.key, "name": spec.name,
            "name_in_source": area.name_in_source or None, "line": area.line,
            "score": score.value, "max": 100, "printed": score.text,
            "change": raw.changes.get(area.number)}


def _older_variant(printed: str, inst: Instrument, number: int) -> str | None:
    """The older version one of whose printed variants for this area the name is, when
    the version's own names do not match it ('Samhällsbyggnad' on a 2010 page)."""
    if matches_area(printed, inst.area(number)) or extends_area_name(printed, inst.area(number)):
        return None
    for older in VERSIONS[: VERSIONS.index(inst.version)][::-1]:
        if matches_area(printed, instrument(older).area(number)):
            return older
    return None


def _name_checks(area, inst: Instrument) -> list[d.Diagnostic]:
    """A printed name of an older version, or a longer variant of this version's name."""
    printed = area.name_in_source
    if not printed:
        return []
    spec = inst.area(area.number)
    older = older_version_naming(printed, inst.version, area.number) or _older_variant(
        printed, inst, area.number)
    if older is not None:
        return [d.make("area-name-older-version", line=area.line, area=area.number,
                       printed=printed, printed_line=area.line, older=older,
                       version=inst.version, expected=spec.name)]
    if matches_area(printed, spec):
        return []
    code = "area-name-variant" if extends_area_name(printed, spec) else "area-name-unmatched"
    return [d.make(code, line=area.line, area=area.number, printed=printed,
                   version=inst.version, expected=spec.name)]
