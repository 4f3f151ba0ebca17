"""``kompass export``: every level in every format reads back with the JSON's numbers."""

from __future__ import annotations

import json
import math
import re

import pytest
from typer.testing import CliRunner

import kompass_cli.cli.export  # noqa: F401  (registers the command)
from kompass_cli.analyse.export import COLUMN_TYPES, COLUMNS, LEVELS, rows
from kompass_cli.cli.app import app
from tests.conftest import NORMALIZED, RAW, ROOT

runner = CliRunner()

REPORTS = {path.name: json.loads(path.read_text(encoding="utf-8"))
           for path in sorted(NORMALIZED.glob("*.json"))}
STRINGS = [c for c, t in COLUMN_TYPES.items() if t == "string"]


def _library_rows(level: str) -> list[dict]:
    from kompass_cli.model.dataset import load_report

    return rows(level, [load_report(NORMALIZED / name) for name in REPORTS])


def _expected(level: str) -> list[tuple]:
    """The rows' key values built straight from the JSON, independently of the exporter."""
    found = []
    for report in REPORTS.values():
        code, year = report["municipality"]["code"], report["evaluation"]["year"]
        for area in report["areas"]:
            if level == "areas":
                found.append((code, year, area["number"], area["score"], area["max"]))
            for q in area["questions"] if level == "questions" else []:
                found.append((code, year, area["number"], q["id"], q["achieved"], q["max"],
                              q["percent"], q["line"]))
            for kind in ("strengths", "improvements") if level == "findings" else ():
                found.extend((code, year, area["number"], kind[:-1],
                              f["text"], f["line"]) for f in area[kind])
        for h in report["history"] if level == "history" else []:
            found.extend((code, h["year"], int(n), h["instrument_version"], h["kind"], s,
                          h["total"], h["line"]) for n, s in h["scores"].items())
    return sorted(found, key=repr)


def _keys(level: str, table: list[dict]) -> list[tuple]:
    pick = {
        "areas": ("kommunkod", "year", "area", "score", "max"),
        "questions": ("kommunkod", "year", "area", "question", "achieved", "max", "percent",
                      "line"),
        "findings": ("kommunkod", "year", "area", "kind", "text", "line"),
        "history": ("kommunkod", "year", "area", "instrument_version", "kind", "score",
                    "total", "line"),
    }[level]
    return sorted((tuple(row[c] for c in pick) for row in table), key=repr)


@pytest.mark.parametrize("level", LEVELS)
def test_rows_carry_the_json_values(level):
    table = _library_rows(level)
    assert table and all(list(row) == list(COLUMNS[level]) for row in table)
    assert _keys(level, table) == _expected(level)


def test_numbers_stay_int_when_whole_and_float_otherwise():
    hallsberg = [r for r in _library_rows("areas") if r["kommunkod"] == "1861"]
    assert [type(r["score"]) for r in hallsberg[:3]] == [int, float, int]
    assert hallsberg[1]["score"] == 54.5 and hallsberg[1]["percent"] == 54.5


def test_rows_are_sorted_by_municipality_year_area_question():
    table = _library_rows("questions")
    assert [r["municipality"] for r in table[::40]] == ["Hallsberg", "Lindesberg", "Norsjö"]
    norsjo_4 = [r["question"] for r in table if r["kommunkod"] == "2417" and r["area"] == 4]
    assert norsjo_4 == sorted(norsjo_4, key=lambda q: [int(p) for p in q.split(".")])


def test_history_has_norsjos_rows_with_version_and_kind():
    table = _library_rows("history")
    assert {(r["year"], r["instrument_version"], r["kind"]) for r in table} == {
        (2015, "2010", "evaluation"), (2017, "2010", "self_assessment"),
        (2018, "2016", "evaluation")}
    assert len(table) == 24
    assert {r["area_name"] for r in table if r["area"] == 7} == {
        "Verksamhetsutveckling", "Ständiga förbättringar"}


def _export(tmp_path, level: str, fmt: str):
    out = tmp_path / f"{level}.{fmt}"
    result = runner.invoke(app, ["export", str(NORMALIZED), "--level", level, "--format", fmt,
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _plain(value):
    """One comparable form for a value read back by any reader."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) or hasattr(value, "item"):
        return float(value)
    return str(value)


def _same(level: str, records: list[dict]) -> None:
    expected = [{c: _plain(v) for c, v in row.items()} for row in _library_rows(level)]
    assert [{c: _plain(v) for c, v in record.items()} for record in records] == expected


@pytest.mark.parametrize("level", LEVELS)
def test_csv_reads_back_with_pandas(tmp_path, level):
    import pandas as pd

    frame = pd.read_csv(_export(tmp_path, level, "csv"), dtype={c: str for c in STRINGS},
                        keep_default_na=False, na_values=[""])
    assert list(frame.columns) == list(COLUMNS[level])
    _same(level, frame.to_dict("records"))


@pytest.mark.parametrize("level", LEVELS)
def test_parquet_reads_back_with_pandas(tmp_path, level):
    import pandas as pd

    frame = pd.read_parquet(_export(tmp_path, level, "parquet"))
    assert list(frame.columns) == list(COLUMNS[level])
    _same(level, frame.to_dict("records"))


@pytest.mark.parametrize("level", LEVELS)
def test_xlsx_reads_back_with_openpyxl_and_numbers_are_numbers(tmp_path, level):
    from openpyxl import load_workbook

    sheet = load_workbook(_export(tmp_path, level, "xlsx")).active
    header, *body = list(sheet.iter_rows(values_only=True))
    assert sheet.title == level and list(header) == list(COLUMNS[level])
    records = [dict(zip(header, values)) for values in body]
    _same(level, records)
    for record in records:
        for column, value in record.items():
            if value is not None:
                kind = COLUMN_TYPES[column]
                assert isinstance(value, str if kind == "string" else (int, float)), column


@pytest.mark.parametrize("level", LEVELS)
def test_jsonl_keeps_types_exactly(tmp_path, level):
    lines = _export(tmp_path, level, "jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == _library_rows(level)
    assert all(list(json.loads(line)) == list(COLUMNS[level]) for line in lines)


def test_csv_to_stdout_by_default_with_whole_numbers_as_ints(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["export"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(COLUMNS["areas"])
    assert lines[2] == ("Hallsberg,1861,Örebro län,2008,2008,2,accessibility,"
                        "Tillgänglighet och medborgar-/brukarorientering,54.5,100,54.5,463,99,,"
                        "183,hallsberg-2008.txt,report")
    assert len(lines) == 1 + 24


def test_nulls_are_empty_in_csv():
    from kompass_cli.analyse.export import to_csv

    row = dict.fromkeys(COLUMNS["history"])
    row.update(year=2001, area=1, score=50)
    assert to_csv("history", [row]).splitlines()[1] == ",,,2001,,,1,,,50,,,,,,,"


def test_format_comes_from_the_suffix_of_out(tmp_path):
    out = tmp_path / "areas.xlsx"
    result = runner.invoke(app, ["export", str(NORMALIZED), "--out", str(out)])
    assert result.exit_code == 0
    assert out.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("args, message", [
    (["--format", "xlsx"], "xlsx is a binary format; give a file with --out"),
    (["--format", "parquet", "--out", "-"], "parquet is a binary format"),
    (["--format", "csv", "--out", "x.xlsx"], "--format csv but the file name says xlsx"),
])
def test_refusals_are_one_line_and_exit_2(tmp_path, args, message):
    result = runner.invoke(app, ["export", str(NORMALIZED), *args])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_an_unreadable_file_stops_the_export_and_writes_nothing(tmp_path):
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["export", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 2 and "broken.json: " in result.stderr
    assert not out.exists()


def test_columns_are_documented():
    text = (ROOT / "docs" / "columns.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    documented = {s.split("\n", 1)[0].strip(): re.findall(r"^\| `(\w+)` \| (\w+) \|", s,
                                                          re.MULTILINE)
                  for s in sections}
    assert documented == {level: [(c, COLUMN_TYPES[c]) for c in COLUMNS[level]]
                          for level in LEVELS}


def test_help_has_an_example():
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout


def test_pdf_rows_carry_their_page(tmp_path):
    """A report read from a PDF exports the page of every value beside its line."""
    from kompass_cli.run.pipeline import parse_file
    from tests import pdf_render

    pdf = pdf_render.render(RAW / "lindesberg-2021.txt", tmp_path / "lindesberg.pdf")
    report = parse_file(pdf)
    for level in ("areas", "questions", "findings"):
        found = rows(level, [report])
        assert found and all(isinstance(row["page"], int) and row["page"] >= 1 for row in found)
