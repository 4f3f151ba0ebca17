"""Hand-entered results from a CSV file, one results summary per evaluation.

Two shapes are read: the wide form, one row per evaluation (``municipality`` or
``kommunkod``, ``year``, ``area_1`` … ``area_8``, optional ``total``,
``instrument_version`` and ``source``), and the long form that ``kompass export --level
areas`` writes, one row per area, so that an exported table can be edited and imported
again. Every record is checked like a parsed summary page. A row that names no real
municipality, gives an impossible score or leaves an area out is refused with its row
number; the other rows are still imported.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kompass_cli.core.errors import KompassError
from kompass_cli.core.numbers import parse_number
from kompass_cli.core.raw import SUMMARY, Located, Note, RawArea, Stated
from kompass_cli.model.build import SourceInfo
from kompass_cli.model.summaries import Origin, build_summary
from kompass_cli.parsers.summary import RawSummary
from kompass_cli.read.sources import read_source
from kompass_cli.reference import municipalities
from kompass_cli.reference.catalog import VERSIONS, all_instruments
from kompass_cli.schemas.summary import SummaryBase

WIDE_AREAS = tuple(f"area_{n}" for n in range(1, 9))
_DELIMITERS = ",;\t"


class RowRefused(Exception):
    """One row (or group of rows) cannot be imported; the message says why."""


@dataclass
class Imported:
    """What one CSV file gave: the records, and the rows refused with their reasons."""

    records: list[SummaryBase] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


@dataclass
class _Row:
    number: int  # data row, 1 = the first row after the header
    line: int  # line of the file
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()


def import_csv(path: Path) -> Imported:
    """Every evaluation in a CSV file as a results summary; refused rows are listed."""
    source = read_source(path)
    if source.format != "text":
        raise KompassError("is not a CSV file (a PDF?); give a .csv file", str(path))
    rows, columns = _rows(source.lines, path)
    info = SourceInfo(path.name, hashlib.sha256(path.read_bytes()).hexdigest(), "csv")
    if set(WIDE_AREAS) <= columns:
        groups, parser = ([row] for row in rows), "import-wide"
    elif {"area", "score", "year"} <= columns:
        groups, parser = _long_groups(rows), "import-long"
    else:
        raise KompassError("has neither the wide columns (municipality or kommunkod, year, "
                           "area_1 … area_8) nor the long ones of kompass export --level "
                           "areas (municipality, year, area, score)", str(path))
    result = Imported()
    seen: dict[tuple[str, int], int] = {}
    for group in groups:
        try:
            result.records.append(_record(group, parser, info, seen))
        except RowRefused as refusal:
            result.refused.append(f"{_rows_label(group)}: {refusal}")
    return result


def _rows(lines: list[str], path: Path) -> tuple[list[_Row], set[str]]:
    if not lines:
        raise KompassError("the file is empty", str(path))
    try:
        dialect = csv.Sniffer().sniff(lines[0], delimiters=_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(iter(lines), dialect=dialect)
    columns = {(name or "").strip().lower() for name in reader.fieldnames or []}
    rows = []
    for number, cells in enumerate(reader, start=1):
        if not any((value or "").strip() for value in cells.values() if isinstance(value, str)):
            continue
        clean = {(k or "").strip().lower(): v for k, v in cells.items() if isinstance(v, str)}
        rows.append(_Row(number, reader.line_num, clean))
    return rows, columns


def _long_groups(rows: list[_Row]) -> Iterator[list[_Row]]:
    """Rows of one evaluation together: same municipality, year, version and source."""
    groups: dict[tuple, list[_Row]] = {}
    for row in rows:
        key = (row.get("kommunkod") or row.get("municipality").casefold(), row.get("year"),
               row.get("instrument_version"), row.get("source_file"), row.get("source"))
        groups.setdefault(key, []).append(row)
    return iter(groups.values())


def _rows_label(group: list[_Row]) -> str:
    numbers = [row.number for row in group]
    if len(numbers) == 1:
        return f"row {numbers[0]}"
    return f"rows {min(numbers)}-{max(numbers)}"


def _record(group: list[_Row], parser: str, info: SourceInfo,
            seen: dict[tuple[str, int], int]) -> SummaryBase:
    first = group[0]
    found = _municipality(first)
    year = _year(first)
    key = (found.code, year)
    if key in seen:
        raise RowRefused(f"{found.name} {year} is already given in row {seen[key]}")
    version, notes = _version(first, year)
    raw = RawSummary(parser=parser, version=version)
    raw.municipality = Located(first.get("municipality") or first.get("kommunkod"), first.line)
    raw.year = Stated(year, "evaluation", first.line, first.get("year"))
    raw.notes = notes
    if parser == "import-wide":
        _wide_areas(first, raw)
    else:
        _long_areas(group, raw)
    raw.totals = _totals(group)
    record = build_summary(raw, info, origin=Origin(first.number, _note(first)))
    if record.municipality.code != found.code:
        raise RowRefused(f"municipality '{first.get('municipality')}' and kommunkod "
                         f"{first.get('kommunkod')} name different municipalities")
    seen[key] = first.number
    return record


def _municipality(row: _Row) -> municipalities.OfficialMunicipality:
    code, name = row.get("kommunkod"), row.get("municipality")
    if not code and not name:
        raise RowRefused("no municipality or kommunkod")
    found = _lookup(code or name)
    if found is None:
        raise RowRefused(f"'{code or name}' is not a Swedish municipality (SCB list)")
    if code and name and _lookup(name) != found:
        raise RowRefused(f"municipality '{name}' and kommunkod {code} name different "
                         f"municipalities")
    return found


def _lookup(query: str) -> municipalities.OfficialMunicipality | None:
    """By kommunkod or name; a name that fits several is refused with every candidate."""
    try:
        return municipalities.lookup(query)
    except KompassError as error:
        raise RowRefused(f"'{query}' {error.reason}") from None


def _year(row: _Row) -> int:
    text = row.get("year")
    if not text.isdigit() or not 1995 <= int(text) <= 2100:
        raise RowRefused(f"year '{text}' is not a year of Kommunkompassen (1995-2100)")
    return int(text)


def _version(row: _Row, year: int) -> tuple[str, list[Note]]:
    given = row.get("instrument_version")
    if given:
        if given not in VERSIONS:
            raise RowRefused(f"instrument_version '{given}' is not one of {', '.join(VERSIONS)}")
        return given, []
    in_use = [i.version for i in all_instruments() if i.covers(year)]
    if not in_use:
        raise RowRefused(f"no instrument version was in use in {year}; give instrument_version")
    return in_use[-1], [Note("version-from-year", row.line, {"version": in_use[-1]},
                             year=year)]


def _score(text: str, what: str, maximum: int):
    if not text:
        raise RowRefused(f"{what} is empty; every area needs its score")
    try:
        value = parse_number(text)
    except ValueError:
        raise RowRefused(f"{what} '{text}' is not a number") from None
    if not 0 <= value <= maximum:
        raise RowRefused(f"{what} {text} is impossible (an area scores 0-100, the total "
                         f"0-800)")
    return value


def _wide_areas(row: _Row, raw: RawSummary) -> None:
    for number, column in enumerate(WIDE_AREAS, start=1):
        token = row.get(column)
        area = RawArea(number, "", row.line)
        area.scores.append(Stated(_score(token, column, 100), SUMMARY, row.line, token))
        raw.areas.append(area)


def _long_areas(group: list[_Row], raw: RawSummary) -> None:
    by_number: dict[int, _Row] = {}
    for row in group:
        text = row.get("area")
        if text not in {str(n) for n in range(1, 9)}:
            raise RowRefused(f"row {row.number}: area '{text}' is not an area number 1-8")
        if int(text) in by_number:
            raise RowRefused(f"area {text} is given twice (rows {by_number[int(text)].number} "
                             f"and {row.number})")
        by_number[int(text)] = row
    missing = [str(n) for n in range(1, 9) if n not in by_number]
    if missing:
        raise RowRefused(f"area{'s' * (len(missing) > 1)} {', '.join(missing)} missing; "
                         f"every evaluation needs all eight area scores")
    for number, row in sorted(by_number.items()):
        token = row.get("score")
        area = RawArea(number, row.get("area_name"), row.line)
        area.scores.append(Stated(_score(token, f"area {number} score", 100), SUMMARY,
                                  row.line, token))
        raw.areas.append(area)


def _totals(group: list[_Row]) -> list[Stated]:
    """Each distinct printed total once, so rows that disagree become a total-conflict."""
    found: list[Stated] = []
    for row in group:
        token = row.get("total")
        if token and token not in {s.text for s in found}:
            found.append(Stated(_score(token, "total", 800), SUMMARY, row.line, token))
    return found


def _note(row: _Row) -> str | None:
    if row.get("source"):
        return row.get("source")
    if row.get("source_file"):
        return f"exported from {row.get('source_file')}"
    return None

