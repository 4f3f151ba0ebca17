"""Tidy long tables of normalised reports, for pandas, R and Excel.

One row per municipality x evaluation x area (or question, finding, history-table row
and area), always with the same identifying columns first, so tables of different
levels join on (kommunkod, year, area). The column order is fixed in ``COLUMNS`` and
documented in docs/columns.md; a column is never renamed or moved without a new name.
Numbers stay as the JSON has them (int when whole), so a CSV says ``57`` and ``54.5``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kompass_cli.core.errors import KompassError
from kompass_cli.core.numbers import normalise
from kompass_cli.schemas.common import Finding, Question

if TYPE_CHECKING:
    from kompass_cli.schemas.common import AreaBase, HistoryRow, ReportBase

Number = int | float
Row = dict[str, object]


def _fields(model: type, rename: dict[str, str], leave_out: tuple[str, ...] = ()) -> dict[str, str]:
    """The column of each field of a model that a table carries as it is (field ->
    column), in the model's order: a field added to the model is a column too."""
    return {name: rename.get(name, name) for name in model.model_fields if name not in leave_out}


# A question row and a finding row carry their model's fields (not the printed tokens,
# which are in the JSON, nor other printed titles).
_QUESTION = _fields(Question, {"id": "question", "title": "question_title"},
                    ("printed", "other_titles"))
_FINDING = _fields(Finding, {})
_IDENTITY = ("municipality", "kommunkod", "county", "year", "instrument_version")
_AREA = ("area", "area_key", "area_name")

COLUMNS: dict[str, tuple[str, ...]] = {
    "areas": (*_IDENTITY, *_AREA, "score", "max", "percent", "total", "line", "page",
              "area_line", "source_file", "source_kind"),
    "questions": (*_IDENTITY, *_AREA, *_QUESTION.values(), "source_file"),
    "findings": (*_IDENTITY, *_AREA, "kind", "item", *_FINDING.values(), "source_file"),
    "history": (*_IDENTITY, "kind", *_AREA, "score", "max", "percent", "total", "line",
                "page", "report_year", "source_file"),
}
LEVELS = tuple(COLUMNS)
FORMATS = ("csv", "xlsx", "parquet", "jsonl", "json")
# CSV conventions: plain (',' and '.', no BOM) or Swedish Excel's (BOM, ';' and ',').
LOCALES = ("plain", "sv")

# Storage type of each column: Excel and parquet need one type per column, and a
# 'number' column holds 57 and 54.5 alike (float64 in parquet).
COLUMN_TYPES: dict[str, str] = {
    **dict.fromkeys(("municipality", "kommunkod", "county", "instrument_version", "area_key",
                     "area_name", "question", "question_title", "kind", "text",
                     "source_file", "source_kind"), "string"),
    **dict.fromkeys(("year", "area", "item", "line", "page", "area_line", "report_year"),
                    "int"),
    **dict.fromkeys(("score", "max", "percent", "total", "achieved"), "number"),
}

# Swedish alphabetical order ends with å, ä, ö; Unicode puts ä before å.
_SWEDISH = str.maketrans({"å": "z\u0001", "ä": "z\u0002", "ö": "z\u0003"})


def rows(level: str, reports: Iterable[ReportBase]) -> list[Row]:
    """Every row of one level for these reports, in ``COLUMNS[level]`` order and sorted."""
    if level not in COLUMNS:
        raise KompassError(f"unknown level '{level}'; choose one of {', '.join(LEVELS)}")
    build = _BUILDERS[level]
    found = [row for report in reports for row in build(report)]
    return sorted(found, key=_SORT_KEYS[level])


def _identity(report: ReportBase) -> Row:
    m = report.municipality
    return {"municipality": m.name, "kommunkod": m.code, "county": m.county,
            "year": report.evaluation.year, "instrument_version": report.instrument.version}


def _area_columns(area: AreaBase) -> Row:
    return {"area": area.number, "area_key": area.key, "area_name": area.name}


def _area_rows(report: ReportBase) -> list[Row]:
    """One row per area: the score the report's summary gives, and where it is printed;
    for a results summary, the score its list or row gives."""
    from kompass_cli.model.summaries import source_kind

    kind = source_kind(report)
    return [{**_identity(report), **_area_columns(area), "score": area.score,
             "max": area.max, "percent": _percent(area.score, area.max),
             "total": report.total.score, **_score_place(area),
             "area_line": area.line, "source_file": report.source.file, "source_kind": kind}
            for area in report.areas]


def _score_place(area: AreaBase) -> Row:
    """Line and page the score was taken from: its summary entry, else its first print."""
    if not hasattr(area, "reported_scores"):
        return {"line": area.line, "page": area.page}
    same = [r for r in area.reported_scores if r.value == area.score]
    summary = [r for r in same if r.where == "summary"]
    place = (summary or same)[0] if same else None
    return {"line": place.line if place else None, "page": place.page if place else None}


def _question_rows(report: ReportBase) -> list[Row]:
    """A results summary has no questions, so gives no rows."""
    return [{**_identity(report), **_area_columns(area), **_values(q, _QUESTION),
             "source_file": report.source.file}
            for area in report.areas for q in getattr(area, "questions", [])]


def _values(item, fields: dict[str, str]) -> Row:
    return {column: getattr(item, name) for name, column in fields.items()}


def _finding_rows(report: ReportBase) -> list[Row]:
    """Strengths then improvements of each area; ``item`` counts within area and kind."""
    found = []
    for area in report.areas:
        for kind, items in (("strength", getattr(area, "strengths", [])),
                            ("improvement", getattr(area, "improvements", []))):
            found.extend({**_identity(report), **_area_columns(area), "kind": kind,
                          "item": index, **_values(f, _FINDING),
                          "source_file": report.source.file}
                         for index, f in enumerate(items, start=1))
    return found


def _history_rows(report: ReportBase) -> list[Row]:
    """The report's history table, one row per printed year and area."""
    return [row for history in getattr(report, "history", [])
            for row in _history_row(report, history)]


def _history_row(report: ReportBase, history: HistoryRow) -> list[Row]:
    """Area names come from the row's own version; unknown when the table does not say."""
    from kompass_cli.reference.catalog import instrument

    version = history.instrument_version
    spec = instrument(version) if version else None
    m = report.municipality
    found = []
    for number, score in sorted(history.scores.items(), key=lambda item: int(item[0])):
        area = spec.area(int(number)) if spec else None
        found.append({
            "municipality": m.name, "kommunkod": m.code, "county": m.county,
            "year": history.year, "instrument_version": version, "kind": history.kind,
            "area": int(number), "area_key": area.key if area else None,
            "area_name": area.name if area else None, "score": score, "max": 100,
            "percent": _percent(score, 100), "total": history.total, "line": history.line,
            "page": history.page, "report_year": report.evaluation.year, "source_file": report.source.file})
    return found


def _percent(score: Number | None, maximum: Number | None) -> Number | None:
    if score is None or not maximum:
        return None
    return normalise(round(score * 100 / maximum, 2))


def _municipality_key(row: Row) -> tuple:
    name = str(row["municipality"]).casefold().translate(_SWEDISH)
    return (name, row["kommunkod"] or "")


def _question_key(question: str) -> tuple[int, ...]:
    """'1.10' after '1.9': question ids sort by their numbers, not as text."""
    return tuple(int(part) for part in question.split("."))


_BUILDERS: dict[str, Callable[[ReportBase], list[Row]]] = {
    "areas": _area_rows, "questions": _question_rows, "findings": _finding_rows,
    "history": _history_rows,
}
_KINDS = {"strength": 0, "improvement": 1}
_SORT_KEYS: dict[str, Callable[[Row], tuple]] = {
    "areas": lambda r: (*_municipality_key(r), r["year"], r["area"]),
    "questions": lambda r: (*_municipality_key(r), r["year"], r["area"],
                            _question_key(str(r["question"]))),
    "findings": lambda r: (*_municipality_key(r), r["year"], r["area"], _KINDS[r["kind"]],
                           r["item"]),
    "history": lambda r: (*_municipality_key(r), r["year"], r["report_year"], r["area"]),
}


# Writers: text formats return str, binary formats bytes.

def to_csv(level: str, table: list[Row], locale: str = "plain") -> str:
    """UTF-8 CSV with a header row; None is an empty field, numbers as the JSON has them.

    ``locale="sv"`` writes what Excel with Swedish settings opens by double-click: a
    byte-order mark (without it Excel reads UTF-8 as ANSI and 'Norsjö' breaks), ';'
    between fields and a decimal comma (``54,5``), since ',' is the decimal sign there.
    """
    if locale not in LOCALES:
        raise KompassError(f"unknown locale '{locale}'; choose one of {', '.join(LOCALES)}")
    swedish = locale == "sv"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS[level], lineterminator="\n",
                            delimiter=";" if swedish else ",")
    writer.writeheader()
    writer.writerows({k: _csv_value(v, swedish) for k, v in row.items()} for row in table)
    return ("\ufeff" if swedish else "") + buffer.getvalue()


def _csv_value(value: object, decimal_comma: bool) -> object:
    if value is None:
        return ""
    if decimal_comma and isinstance(value, float):
        return repr(value).replace(".", ",")
    return value


def to_jsonl(level: str, table: list[Row]) -> str:
    """One JSON object per line, keys in column order, None as null."""
    return "".join(json.dumps({c: row[c] for c in COLUMNS[level]}, ensure_ascii=False) + "\n"
                   for row in table)


def to_json(level: str, table: list[Row]) -> str:
    """A JSON array of objects, keys in column order, None as null."""
    return json.dumps([{c: row[c] for c in COLUMNS[level]} for row in table],
                      ensure_ascii=False, indent=2) + "\n"


def to_xlsx(level: str, table: list[Row]) -> bytes:
    """One sheet named after the level: bold frozen header, filter, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = level
    columns = COLUMNS[level]
    sheet.append(columns)
    for row in table:
        sheet.append([row[c] for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _width(column, table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _width(column: str, table: list[Row]) -> float:
    longest = max((len(str(row[column])) for row in table if row[column] is not None),
                  default=0)
    return min(max(len(column), longest) + 2, 60)


def to_parquet(level: str, table: list[Row]) -> bytes:
    """Parquet with a fixed schema per level: int64, float64 ('number') and string."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise KompassError("parquet output needs pyarrow; install it with "
                           "pip install 'kompass-cli[parquet]'") from None
    types = {"string": pa.string(), "int": pa.int64(), "number": pa.float64()}
    schema = pa.schema([(c, types[COLUMN_TYPES[c]]) for c in COLUMNS[level]])
    data = {c: [_parquet_value(c, row[c]) for row in table] for c in COLUMNS[level]}
    sink = io.BytesIO()
    pq.write_table(pa.table(data, schema=schema), sink)
    return sink.getvalue()


def _parquet_value(column: str, value: object) -> object:
    return float(value) if value is not None and COLUMN_TYPES[column] == "number" else value


WRITERS: dict[str, Callable[[str, list[Row]], str | bytes]] = {
    "csv": to_csv, "jsonl": to_jsonl, "json": to_json, "xlsx": to_xlsx,
    "parquet": to_parquet,
}
BINARY_FORMATS = ("xlsx", "parquet")


def render(level: str, output_format: str, table: list[Row],
           locale: str = "plain") -> str | bytes:
    """The table in one format: str for csv and jsonl, bytes for xlsx and parquet."""
    if output_format not in WRITERS:
        raise KompassError(f"unknown format '{output_format}'; choose one of "
                           f"{', '.join(FORMATS)}")
    check_locale(output_format, locale)
    if output_format == "csv":
        return to_csv(level, table, locale)
    return WRITERS[output_format](level, table)


def check_locale(output_format: str, locale: str) -> None:
    """A locale other than plain is a CSV convention; refuse it with any other format."""
    if locale != "plain" and output_format != "csv":
        raise KompassError(f"--locale {locale} is a CSV convention; leave it out with "
                           f"--format {output_format}")
