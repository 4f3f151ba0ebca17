"""``kompass import``: hand-entered results, wide and long form, row by row."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from kompass_cli.cli.main import app
from tests.conftest import NORMALIZED

runner = CliRunner()

WIDE_HEADER = "municipality,kommunkod,year,area_1,area_2,area_3,area_4,area_5,area_6,area_7,area_8,total,instrument_version,source"
# The value columns that must survive export -> import -> export unchanged.
VALUES = ("municipality", "kommunkod", "county", "year", "instrument_version", "area",
          "area_key", "area_name", "score", "max", "percent", "total")


def _import(path, out):
    return runner.invoke(app, ["import", str(path), "--out", str(out)])


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def _export(*args) -> list[dict]:
    result = runner.invoke(app, ["export", *map(str, args), "--level", "areas"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_wide_rows_become_one_record_each(tmp_path):
    path = tmp_path / "results.csv"
    path.write_text("\n".join([
        WIDE_HEADER,
        "Örebro,,2013,80,75,84,77,79,76,70,74,615,2010,Årets kvalitetskommun 2013",
        ",2417,2021,51,47,60,44,50,48,58,52,,,from a press release",
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = _import(path, out)
    assert result.exit_code == 0, result.output
    assert result.stderr == f"2 imported into {out}, 0 refused\n"
    assert sorted(p.name for p in out.iterdir()) == ["norsjo-2021-import.json",
                                                    "orebro-2013-import.json"]
    orebro = _load(out / "orebro-2013-import.json")
    assert orebro["doc_kind"] == "results_summary"
    assert (orebro["municipality"]["code"], orebro["evaluation"]) == ("1880",
                                                                      {"year": 2013, "line": 2})
    assert [a["score"] for a in orebro["areas"]] == [80, 75, 84, 77, 79, 76, 70, 74]
    assert [a["line"] for a in orebro["areas"]] == [2] * 8
    assert orebro["total"]["score"] == 615 and orebro["diagnostics"] == []
    assert orebro["source"] == {"file": "results.csv", "sha256": orebro["source"]["sha256"],
                                "format": "csv", "parser": "import-wide", "row": 1,
                                "note": "Årets kvalitetskommun 2013"}
    norsjo = _load(out / "norsjo-2021-import.json")
    assert norsjo["instrument"]["version"] == "2020" and norsjo["total"]["score"] is None
    assert [d["code"] for d in norsjo["diagnostics"]] == ["version-from-year"]


def test_a_total_the_areas_do_not_add_up_to_is_a_total_mismatch(tmp_path):
    path = tmp_path / "results.csv"
    path.write_text(WIDE_HEADER + "\nNorsjö,,2017,48,42,72,60,61,53,56,63,475,2016,\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    assert _import(path, out).exit_code == 0
    record = _load(out / "norsjo-2017-import.json")
    [diag] = record["diagnostics"]
    assert (diag["code"], diag["message"]) == (
        "total-mismatch", "The area scores add up to 455, but the total is printed as 475.")


def test_bad_rows_are_refused_by_number_and_the_rest_written(tmp_path):
    path = tmp_path / "results.csv"
    path.write_text("\n".join([
        WIDE_HEADER,
        "Atlantis,,2014,50,50,50,50,50,50,50,50,,,",
        "Mora,,2014,50,50,150,50,50,50,50,50,,,",
        "Mora,,2014,50,50,50,50,50,50,50,,,,",
        "Mora,,2014,50,50,50,50,50,50,50,51,401,,",
        "Mora,,2014,50,50,50,50,50,50,50,51,401,,",
        "Mora,2417,2014,50,50,50,50,50,50,50,51,401,,",
        "Mora,,14,50,50,50,50,50,50,50,51,401,,",
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = _import(path, out)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {path}: row 1: 'Atlantis' is not a Swedish municipality (SCB list)",
        f"error: {path}: row 2: area_3 150 is impossible (an area scores 0-100, the total 0-800)",
        f"error: {path}: row 3: area_8 is empty; every area needs its score",
        f"error: {path}: row 5: Mora 2014 is already given in row 4",
        f"error: {path}: row 6: municipality 'Mora' and kommunkod 2417 name different "
        f"municipalities",
        f"error: {path}: row 7: year '14' is not a year of Kommunkompassen (1995-2100)",
        f"1 imported into {out}, 6 refused",
    ]
    assert [p.name for p in out.iterdir()] == ["mora-2014-import.json"]


def test_semicolons_and_decimal_commas_as_spreadsheets_write_them(tmp_path):
    path = tmp_path / "results.csv"
    path.write_bytes(("kommunkod;year;" + ";".join(f"area_{n}" for n in range(1, 9))
                      + ";total\n1861;2008;57;54,5;63;60,5;50;66;38;74;463\n").encode("cp1252"))
    out = tmp_path / "out"
    assert _import(path, out).exit_code == 0
    record = _load(out / "hallsberg-2008-import.json")
    assert [a["score"] for a in record["areas"]][:2] == [57, 54.5]
    assert record["areas"][1]["printed"] == "54,5"
    assert record["instrument"]["version"] == "2008" and record["diagnostics"][0]["code"] == \
        "version-from-year"


def test_export_import_round_trips(tmp_path):
    exported = runner.invoke(app, ["export", str(NORMALIZED), "--level", "areas"]).stdout
    path = tmp_path / "areas.csv"
    path.write_text(exported, encoding="utf-8")
    out = tmp_path / "imported"
    result = _import(path, out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "hallsberg-2008-import.json", "lindesberg-2021-import.json", "norsjo-2018-import.json"]
    before = [{c: row[c] for c in VALUES} for row in _export(NORMALIZED)]
    after = _export(out)
    assert [{c: row[c] for c in VALUES} for row in after] == before
    assert {row["source_kind"] for row in after} == {"import"}
    norsjo = _load(out / "norsjo-2018-import.json")
    assert norsjo["source"]["note"] == "exported from norsjo-2018.txt"
    assert norsjo["diagnostics"] == []


def test_an_edited_export_is_imported_with_its_edit_checked(tmp_path):
    rows = _export(NORMALIZED)
    norsjo = [row for row in rows if row["kommunkod"] == "2417"]
    norsjo[2]["score"] = "52"
    path = tmp_path / "edited.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(norsjo)
    out = tmp_path / "out"
    assert _import(path, out).exit_code == 0
    record = _load(out / "norsjo-2018-import.json")
    assert record["areas"][2]["score"] == 52
    assert [d["code"] for d in record["diagnostics"]] == ["total-mismatch"]


def test_a_long_form_evaluation_missing_an_area_is_refused(tmp_path):
    rows = [row for row in _export(NORMALIZED) if row["kommunkod"] == "1861"][:7]
    path = tmp_path / "cut.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = _import(path, tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (f"error: {path}: rows 1-7: area 8 missing; "
                                             f"every evaluation needs all eight area scores")


def test_a_file_of_other_columns_is_refused_whole(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("name,value\nx,1\n", encoding="utf-8")
    result = _import(path, tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: has neither the wide columns")
    assert not (tmp_path / "out").exists()


def test_imported_records_validate(tmp_path):
    path = tmp_path / "results.csv"
    path.write_text(WIDE_HEADER + "\nNorsjö,,2017,48,42,72,60,61,53,56,63,455,2016,\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    _import(path, out)
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 0, result.output
    record = out / "norsjo-2017-import.json"
    document = _load(record)
    document["areas"][0]["score"] = 58
    record.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(out), "--format", "json"])
    assert result.exit_code == 1
    codes = [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]
             if f["severity"] == "error"]
    # 58 is not the '48' the record prints, and the areas no longer add up to 455.
    assert codes == ["printed-value-mismatch", "total-mismatch"]
