"""From what a summary page or an imported row states to a validated results summary.

The same checks as for a full report run on the eight scores and the total (sums,
rounding, conflicting totals, area names of another version), and the municipality and
year are resolved the same way. What the source leaves out the user may supply
(``Given``); the record then lists it in ``supplied_by_user``, and a value the source
states differently is kept in a diagnostic, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from kompass_cli.core.errors import NotAReport
from kompass_cli.model import diagnostics as d
from kompass_cli.model.build import SCHEMA_VERSION, SourceInfo, diagnostics, from_note
from kompass_cli.model.consistency import check_report, primary
from kompass_cli.parsers.summary import RawSummary
from kompass_cli.reference import municipalities
from kompass_cli.reference.catalog import (
    VERSIONS,
    Instrument,
    extends_area_name,
    instrument,
    matches_area,
    older_version_naming,
)
from kompass_cli.schemas import common as m
from kompass_cli.schemas import summary as sm
from kompass_cli.schemas.report import (
    INSTRUMENT_MODELS,
    SUMMARY_AREA_MODELS,
    SUMMARY_KIND,
    SUMMARY_MODELS,
)
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
    """Assemble the results summary of one page or row, check it as a report is
    checked, and record what the checks find."""
    supplied: list[str] = []
    found: list[d.Problem] = []
    year, year_line = _year(raw, given, supplied, found, source)
    inst = instrument(_version(raw, year))
    summary = SUMMARY_MODELS[inst.version](
        schema_version=SCHEMA_VERSION, doc_kind=SUMMARY_KIND,
        instrument=INSTRUMENT_MODELS[inst.version](name="Kommunkompassen", version=inst.version),
        municipality=_municipality(raw, given, supplied, found, source),
        evaluation=sm.SummaryEvaluation(year=year, line=year_line, page=source.page(year_line)),
        total=_total(raw, source),
        areas=[_area(area, raw, inst, source)
               for area in sorted(raw.areas, key=lambda a: a.number)],
        supplied_by_user=supplied, diagnostics=[],
        source=sm.SummarySource(file=source.file, sha256=source.sha256, format=source.format,
                                parser=raw.parser, row=origin.row, note=origin.note,
                                pages=max(source.pages) if source.pages else None))
    found += check_report(summary, inst)
    found += [diag for area in raw.areas for diag in _name_checks(area, inst, source)]
    found += [from_note(note, source) for note in raw.notes]
    return summary.model_copy(update={"diagnostics": diagnostics(found)})


def _version(raw: RawSummary, year: int) -> str:
    """Of the versions whose names all match (2010 and 2016 share seven), the one in use
    in the year, which the user may have supplied."""
    in_use = [v for v in raw.versions if instrument(v).covers(year)]
    return in_use[-1] if in_use and raw.version not in in_use else raw.version


def _year(raw: RawSummary, given: Given, supplied: list[str], found: list[d.Problem],
          source: SourceInfo) -> tuple[int, int | None]:
    if given.year is None:
        if raw.year is None:
            raise NotAReport("the page states no evaluation year; give it with --year YYYY")
        return raw.year.value, raw.year.line
    supplied.append("year")
    printed = ("" if raw.year is None else
               f"; the source states {raw.year.value} ({source.at(raw.year.line)})")
    if raw.year is None or raw.year.value != given.year:
        found.append(d.make("supplied-by-user", what="evaluation year", value=given.year,
                            printed=printed))
    return given.year, None


def _municipality(raw: RawSummary, given: Given, supplied: list[str],
                  found_problems: list[d.Problem], source: SourceInfo) -> m.Municipality:
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
            says = (f"; the source names {printed.text} ({source.at(printed.line)})"
                    if printed else "")
            found_problems.append(d.make("supplied-by-user", what="municipality",
                                         value=chosen.name, printed=says))
        return m.Municipality(name=chosen.name, code=chosen.code, county=chosen.county,
                              name_in_source=given.municipality, line=None)
    if isinstance(found, municipalities.Ambiguous):
        raise NotAReport(f"'{printed.text}' (line {printed.line}) could be {found.names()}; "
                         f"give the kommunkod with --municipality")
    if printed is None or found is None:
        named = f" ('{printed.text}', line {printed.line}, is not in the SCB list)" if printed else ""
        raise NotAReport(f"the page does not say which municipality it is about{named}; "
                         f"give it with --municipality NAME")
    return m.Municipality(name=found.name, code=found.code, county=found.county,
                          name_in_source=printed.text, line=printed.line,
                          page=source.page(printed.line))


def _resolve(name: str):
    """A municipality by kommunkod or name, the candidates when the name fits several."""
    name = name.strip()
    if name.isdigit() and len(name) == 4:
        return municipalities.by_code(name)
    return municipalities.resolve(name)


def _total(raw: RawSummary, source: SourceInfo) -> sm.SummaryTotal:
    chosen = primary(raw.totals)
    return sm.SummaryTotal(
        score=None if chosen is None else chosen.value, max=800,
        reported_scores=[sm.PrintedScore(value=s.value, printed=s.text, line=s.line,
                                         page=source.page(s.line)) for s in raw.totals])


def _area(area, raw: RawSummary, inst: Instrument, source: SourceInfo) -> sm.SummaryArea:
    spec = inst.area(area.number)
    score = primary(area.scores)
    return SUMMARY_AREA_MODELS[inst.version](
        number=area.number, key=spec.key, name=spec.name,
        name_in_source=area.name_in_source or None, line=area.line,
        page=source.page(area.line), score=score.value, max=100, printed=score.text,
        change=raw.changes.get(area.number))


def _older_variant(printed: str, inst: Instrument, number: int) -> str | None:
    """The older version one of whose printed variants for this area the name is, when
    the version's own names do not match it ('Samhällsbyggnad' on a 2010 page)."""
    if matches_area(printed, inst.area(number)) or extends_area_name(printed, inst.area(number)):
        return None
    for older in VERSIONS[: VERSIONS.index(inst.version)][::-1]:
        if matches_area(printed, instrument(older).area(number)):
            return older
    return None


def _name_checks(area, inst: Instrument, source: SourceInfo) -> list[d.Problem]:
    """A printed name of an older version, or a longer variant of this version's name."""
    printed = area.name_in_source
    if not printed:
        return []
    spec = inst.area(area.number)
    older = older_version_naming(printed, inst.version, area.number) or _older_variant(
        printed, inst, area.number)
    at = source.at(area.line)
    if older is not None:
        return [d.make("area-name-older-version", at, area=area.number, printed=printed,
                       printed_at=at, older=older, version=inst.version, expected=spec.name)]
    if matches_area(printed, spec):
        return []
    code = "area-name-variant" if extends_area_name(printed, spec) else "area-name-unmatched"
    return [d.make(code, at, area=area.number, printed=printed, version=inst.version,
                   expected=spec.name)]
