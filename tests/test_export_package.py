"""Exported tables every tool reads right: Swedish-Excel CSV, datapackage.json, pandas."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

import kompass_cli.cli.export  # noqa: F401  (registers the command)
from kompass_cli.analyse.datapackage import descriptions
from kompass_cli.analyse.export import COLUMN_TYPES, COLUMNS, LEVELS
from kompass_cli.cli.app import app
from tests.conftest import NORMALIZED, ROOT

runner = CliRunner()

# The pandas read the README documents, per CSV convention.
PANDAS_TEXT = {"kommunkod": "string", "instrument_version": "string", "question": "string"}
PANDAS_OPTIONS = {"plain": {}, "sv": {"sep": ";", "decimal": ","}}


def _export(out, *args):
    result = runner.invoke(app, ["export", *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def variant(tmp_path):
    """Norsjö's report (the one with a history table) as if from Upplands Väsby (kommunkod
    0114) with a question 1.10: the values a reader that guesses types breaks (114, 1.1)."""
    report = json.loads((NORMALIZED / "norsjo-2018.json").read_text(encoding="utf-8"))
    report["municipality"].update(name="Upplands Väsby", code="0114", county="Stockholms län")
    report["areas"][0]["questions"][0]["id"] = "1.10"
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "upplands-vasby-2008.json").write_text(json.dumps(report, ensure_ascii=False),
                                                     encoding="utf-8")
    for name in ("hallsberg-2008.json", "lindesberg-2021.json"):
        (folder / name).write_bytes((NORMALIZED / name).read_bytes())
    return folder


def test_swedish_csv_bytes(tmp_path):
    data = _export(tmp_path / "areas.csv", str(NORMALIZED), "--locale", "sv").read_bytes()
    lines = data.split(b"\n")
    assert lines[0] == b"\xef\xbb\xbf" + ";".join(COLUMNS["areas"]).encode()
    assert lines[2] == ("Hallsberg;1861;Örebro län;2008;2008;2;accessibility;"
                        "Tillgänglighet och medborgar-/brukarorientering;54,5;100;54,5;463;99;;"
                        "183;hallsberg-2008.txt;report").encode("utf-8")
    assert data.endswith(b"\n") and b"\r" not in data


def test_plain_csv_stays_plain(tmp_path):
    data = _export(tmp_path / "areas.csv", str(NORMALIZED)).read_bytes()
    assert data.startswith(b"municipality,kommunkod,") and b"54.5" in data and b";" not in data


def test_locale_is_a_csv_option(tmp_path):
    result = runner.invoke(app, ["export", str(NORMALIZED), "--locale", "sv",
                                 "--out", str(tmp_path / "a.xlsx")])
    assert result.exit_code == 2 and "--locale sv is a CSV convention" in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("locale", ["plain", "sv"])
@pytest.mark.parametrize("level", LEVELS)
def test_pandas_reads_the_documented_types(variant, tmp_path, level, locale):
    import pandas as pd
    from pandas.api import types

    out = _export(tmp_path / f"{level}.csv", str(variant), "--level", level,
                  "--locale", locale)
    frame = pd.read_csv(out, dtype=PANDAS_TEXT, dtype_backend="numpy_nullable",
                        **PANDAS_OPTIONS[locale])
    assert list(frame.columns) == list(COLUMNS[level])
    for column in COLUMNS[level]:
        check = {"string": types.is_string_dtype, "int": types.is_integer_dtype,
                 "number": types.is_numeric_dtype}[COLUMN_TYPES[column]]
        assert check(frame[column].dtype), (column, frame[column].dtype)
    assert "0114" in set(frame["kommunkod"]) and "114" not in set(frame["kommunkod"])
    assert "2016" in set(frame["instrument_version"])
    if level == "questions":
        assert "1.10" in set(frame["question"])
    if level == "areas":
        scores = frame[frame["kommunkod"] == "1861"]["score"].tolist()
        assert scores[:3] == [57, 54.5, 63]


@pytest.mark.parametrize("locale", ["plain", "sv"])
def test_frictionless_validates_the_package(variant, tmp_path, locale):
    from frictionless import validate

    for level in LEVELS:
        _export(tmp_path / f"{level}.csv", str(variant), "--level", level, "--locale", locale)
    _export(tmp_path / "areas.jsonl", str(variant))
    _export(tmp_path / "questions.json", str(variant), "--level", "questions")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(r["path"] for r in package["resources"]) == sorted(
        [f"{level}.csv" for level in LEVELS] + ["areas.jsonl", "questions.json"])
    assert len({r["name"] for r in package["resources"]}) == len(package["resources"])
    report = validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_finds_a_number_written_the_other_way(tmp_path):
    from frictionless import validate

    out = _export(tmp_path / "areas.csv", str(NORMALIZED), "--locale", "sv")
    out.write_bytes(out.read_bytes().replace(b";54,5;", b";54.5;", 1))
    report = validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert report.flatten(["fieldName", "type"]) == [["score", "type-error"]]


def test_schema_types_and_descriptions():
    package_fields = {}
    for level in LEVELS:
        from kompass_cli.analyse.datapackage import table_schema

        package_fields[level] = {f["name"]: f for f in table_schema(level)["fields"]}
    assert package_fields["areas"]["kommunkod"]["type"] == "string"
    assert package_fields["questions"]["question"]["type"] == "string"
    assert package_fields["areas"]["year"]["type"] == "integer"
    assert package_fields["areas"]["score"]["type"] == "number"
    assert package_fields["history"]["year"]["description"] == "year of the historical evaluation"


def test_descriptions_are_the_documented_meanings():
    text = (ROOT / "docs" / "columns.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    documented = {s.split("\n", 1)[0].strip():
                  dict(re.findall(r"^\| `(\w+)` \| \w+ \| (.*) \|$", s, re.MULTILINE))
                  for s in sections}
    assert documented == descriptions()


def test_stdout_writes_no_package(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", str(NORMALIZED), "--format", "jsonl"])
    assert result.exit_code == 0 and result.stdout.startswith("{")
    assert not (tmp_path / "datapackage.json").exists()


def test_no_datapackage_option(tmp_path):
    _export(tmp_path / "areas.csv", str(NORMALIZED), "--no-datapackage")
    assert [p.name for p in tmp_path.iterdir()] == ["areas.csv"]


def test_a_foreign_datapackage_json_is_left_alone(tmp_path):
    foreign = tmp_path / "datapackage.json"
    foreign.write_text("[1, 2]\n", encoding="utf-8")
    result = runner.invoke(app, ["export", str(NORMALIZED), "--out", str(tmp_path / "a.csv")])
    assert result.exit_code == 2 and "is not a data package" in result.stderr
    assert foreign.read_text(encoding="utf-8") == "[1, 2]\n"
    assert not (tmp_path / "a.csv").exists()


def test_readme_shows_the_tested_pandas_read():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"dtype={json.dumps(PANDAS_TEXT)}, dtype_backend=\"numpy_nullable\"" in readme


def test_json_is_an_array_of_the_rows(tmp_path):
    from kompass_cli.analyse.export import rows
    from kompass_cli.model.dataset import load_report

    out = _export(tmp_path / "findings.json", str(NORMALIZED), "--level", "findings")
    expected = rows("findings", [load_report(p) for p in sorted(NORMALIZED.glob("*.json"))])
    assert json.loads(out.read_text(encoding="utf-8")) == expected
