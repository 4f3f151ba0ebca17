"""``kompass summarise`` driven through the CLI, with exact output for the bundled data."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

import kompass_cli.cli.summarise  # noqa: F401  (registers the command)
from kompass_cli.analyse.summary import COLUMNS
from kompass_cli.cli.app import app
from tests.conftest import NORMALIZED

runner = CliRunner()

CSV = """\
file,municipality,kommunkod,county,year,instrument_version,total,area_1,area_2,area_3,area_4,area_5,area_6,area_7,area_8,strengths,improvements,errors,warnings,info,best_areas,weakest_areas,source_kind
hallsberg-2008.json,Hallsberg,1861,Örebro län,2008,2008,463,57,54.5,63,60.5,50,66,38,74,39,31,0,1,0,8,7,report
lindesberg-2021.json,Lindesberg,1885,Örebro län,2021,2020,420,46,42,56,45,51,47,72,61,70,51,0,4,3,7,2,report
norsjo-2018.json,Norsjö,2417,Västerbottens län,2018,2016,509,69,63,72,61,61,59,55,69,69,49,0,4,43,3,7,report
"""


def _summarise(*args: str, **kwargs):
    return runner.invoke(app, ["summarise", *args], **kwargs)


def test_csv_is_exact():
    result = _summarise(str(NORMALIZED), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == CSV
    assert result.stderr == ""


def test_json_is_a_list_of_the_csv_rows():
    result = _summarise(str(NORMALIZED), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [tuple(row) for row in rows] == [COLUMNS] * 3
    assert rows[0] == {
        "file": "hallsberg-2008.json", "municipality": "Hallsberg", "kommunkod": "1861",
        "county": "Örebro län", "year": 2008, "instrument_version": "2008", "total": 463,
        "area_1": 57, "area_2": 54.5, "area_3": 63, "area_4": 60.5, "area_5": 50,
        "area_6": 66, "area_7": 38, "area_8": 74, "strengths": 39, "improvements": 31,
        "errors": 0, "warnings": 1, "info": 0, "best_areas": [8], "weakest_areas": [7],
        "source_kind": "report"}
    assert [(r["municipality"], r["best_areas"], r["weakest_areas"]) for r in rows[1:]] == [
        ("Lindesberg", [7], [2]), ("Norsjö", [3], [7])]


def test_table_marks_best_and_weakest_areas():
    result = _summarise(str(NORMALIZED))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    norsjo = next(line for line in lines if line.startswith(" Norsjö"))
    assert norsjo.split() == ["Norsjö", "2417", "2018", "2016", "509", "69", "63", "72↑", "61",
                              "61", "59", "55↓", "69", "69/49", "0/4/43", "report"]
    assert lines[-1].startswith("1-8: area scores, numbered as in each report's own "
                                "instrument version; ↑ bold green = the report's best area")


def test_table_colours_best_green_and_weakest_red():
    result = _summarise(str(NORMALIZED), env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    hallsberg = next(line for line in result.stdout.splitlines() if "Hallsberg" in line)
    assert "\x1b[1;32m74↑\x1b[0m" in hallsberg
    assert "\x1b[31m38↓\x1b[0m" in hallsberg


def test_default_folder_is_data_normalized(tmp_path, monkeypatch):
    shutil.copytree(NORMALIZED, tmp_path / "data" / "normalized")
    monkeypatch.chdir(tmp_path)
    result = _summarise("--format", "csv")
    assert result.exit_code == 0 and result.stdout == CSV


def test_missing_folder_is_exit_2(tmp_path):
    missing = tmp_path / "nope"
    result = _summarise(str(missing))
    assert result.exit_code == 2
    assert result.stderr == f"error: {missing}: no such file or folder; check the path\n"


def test_empty_folder_is_exit_2(tmp_path):
    result = _summarise(str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path}: no .json files in this folder; "
                             f"run kompass parse first\n")


def test_a_file_that_is_not_a_report_is_exit_2(tmp_path):
    (tmp_path / "x.json").write_text('{"schema_version": "1"}', encoding="utf-8")
    result = _summarise(str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'x.json'}: not a valid kompass report")


def test_help_documents_every_column_and_has_an_example():
    result = _summarise("--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert ", ".join(COLUMNS) in text
    assert "Example: kompass summarise data/normalized --format csv" in text


def test_bar_view_draws_each_area_to_scale():
    from kompass_cli.cli.summarise import bar

    assert bar(100) == "█" * 40 and bar(0) == "" and bar(None) == ""
    assert bar(54.5) == "█" * 21 + "▊"
    result = _summarise("--format", "bars")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Hallsberg 2008 (instrument 2008, total 463/800)"
    assert lines[1] == "  1 " + bar(57).ljust(40) + "   57"
    assert lines[7].endswith("  38 ↓") and lines[8].endswith("  74 ↑")
