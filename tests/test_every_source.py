"""compare, list, summarise and plot trend over every kind of source in one folder:
a report, its history rows, a parsed summary page and imported rows."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from tests.conftest import FIXTURES, NORMALIZED

runner = CliRunner()

WIDE_HEADER = ("municipality,year,area_1,area_2,area_3,area_4,area_5,area_6,area_7,area_8,"
               "total,instrument_version,source")


@pytest.fixture
def data(tmp_path):
    """Norsjö's report (2018, with history rows 2015 and 2017), an imported 2021 and an
    imported 2018 that disagrees with the report on area 3; Grästorp's summary page."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(NORMALIZED / "norsjo-2018.json", folder)
    shutil.copy(NORMALIZED / "hallsberg-2008.json", folder)
    rows = tmp_path / "norsjo.csv"
    rows.write_text("\n".join([
        WIDE_HEADER,
        "Norsjö,2021,51,47,60,44,50,48,58,52,410,2020,a press release",
        "Norsjö,2018,69,63,70,61,61,59,55,69,507,2016,the local paper",
    ]) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["import", str(rows), "--out", str(folder)]).exit_code == 0
    page = FIXTURES / "summaries" / "grastorp-2014-webpage.txt"
    assert runner.invoke(app, ["parse", str(page), "--out", str(folder), "-q"]).exit_code == 0
    return folder


def _json(*args) -> dict | list:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_compare_shows_report_history_and_import_with_their_sources(data):
    document = _json("compare", "Norsjö", "--data", str(data))
    assert [(e["year"], e["source"], [(s["kind"], s["file"]) for s in e["sources"]])
            for e in document["evaluations"]] == [
        (2015, "history", [("history", "norsjo-2018.json")]),
        (2017, "history", [("history", "norsjo-2018.json")]),
        (2018, "report", [("report", "norsjo-2018.json"), ("history", "norsjo-2018.json"),
                          ("import", "norsjo-2018-import.json")]),
        (2021, "import", [("import", "norsjo-2021-import.json")]),
    ]
    totals = next(row for row in document["rows"] if row["name"] == "Totalt")
    assert [cell["score"] for cell in totals["cells"]] == [401, 475, 509, 410]


def test_sources_that_disagree_are_a_conflict_not_one_value(data):
    document = _json("compare", "Norsjö", "--data", str(data))
    y2018 = document["evaluations"][2]
    assert y2018["scores"]["3"] == 72
    assert [(c["what"], [v["value"] for v in c["values"]]) for c in y2018["conflicts"]] == [
        ("area 3", [72, 72, 70]), ("total", [509, 509, 507])]
    area3 = document["rows"][2]["cells"][2]
    assert [v["value"] for v in area3["conflict"]] == [72, 72, 70]
    assert area3["conflict"][2]["source"] == "the import norsjo-2018-import.json"


def test_the_norsjo_2017_total_its_areas_do_not_add_up_to_is_a_conflict(data):
    document = _json("compare", "Norsjö", "--data", str(data))
    y2017 = document["evaluations"][1]
    assert y2017["adds_up"] is False
    [conflict] = y2017["conflicts"]
    assert (conflict["what"], [v["value"] for v in conflict["values"]]) == ("total", [475, 455])


def test_compare_table_and_csv_show_sources_and_conflicts(data):
    table = runner.invoke(app, ["compare", "Norsjö", "--data", str(data)]).stdout
    assert "report+history+import" in table
    assert "72≠70!" in table and "509≠507!" in table and "475≠455!" in table
    assert "- CONFLICT 2018 area 3: 72: norsjo-2018.json (its own results); 72: the history " \
           "table of norsjo-2018.json (line 105); 70: the import norsjo-2018-import.json." \
           in table
    rows = runner.invoke(app, ["compare", "2417", "--data", str(data), "--format",
                               "csv"]).stdout.splitlines()
    total_2021 = next(r for r in rows if r.startswith("Norsjö,2417,2021,") and ",total," in r)
    assert total_2021.endswith(",import norsjo-2021-import.json:2,")


def test_list_shows_each_municipality_year_and_its_kinds_of_source(data):
    rows = _json("list", str(data))
    assert [(r["municipality"], r["year"], r["source_kinds"], len(r["conflicts"]))
            for r in rows] == [
        ("Grästorp", 2014, ["summary"], 0),
        ("Hallsberg", 2008, ["report"], 0),
        ("Norsjö", 2015, ["history"], 0),
        ("Norsjö", 2017, ["history"], 1),
        ("Norsjö", 2018, ["report", "history", "import"], 2),
        ("Norsjö", 2021, ["import"], 0),
    ]


def test_list_table_and_csv(data):
    table = runner.invoke(app, ["list", str(data)])
    assert table.exit_code == 0
    assert "3 municipalities, 6 evaluations." in table.stdout
    csv_rows = runner.invoke(app, ["list", str(data), "--format", "csv"]).stdout.splitlines()
    assert csv_rows[0] == ("municipality,kommunkod,county,year,instrument_version,kind,total,"
                           "area_1,area_2,area_3,area_4,area_5,area_6,area_7,area_8,"
                           "source_kinds,sources,conflicts")
    assert csv_rows[1] == ("Grästorp,1444,Västra Götalands län,2014,2010,evaluation,506,"
                           "61,60,73,53,70,56,65,68,"
                           "summary,summary grastorp-2014-summary.json:17,")


def test_summarise_by_evaluation_gives_the_list_rows(data):
    by_file = _json("summarise", str(data))
    by_evaluation = _json("summarise", str(data), "--by", "evaluation")
    assert len(by_file) == 5 and len(by_evaluation) == 6
    assert by_evaluation == _json("list", str(data))
    norsjo_2017 = by_evaluation[3]
    assert (norsjo_2017["year"], norsjo_2017["area_7"], norsjo_2017["total"],
            norsjo_2017["source_kinds"]) == (2017, 56, 475, ["history"])


def test_summarise_has_a_row_for_every_file_and_says_its_kind(data):
    rows = _json("summarise", str(data))
    assert [(r["municipality"], r["year"], r["source_kind"], r["strengths"]) for r in rows] == [
        ("Grästorp", 2014, "summary", None), ("Hallsberg", 2008, "report", 39),
        ("Norsjö", 2018, "import", None), ("Norsjö", 2018, "report", 69),
        ("Norsjö", 2021, "import", None)]


def test_trend_draws_every_source(data, tmp_path):
    from kompass_cli.analyse.compare import compare
    from kompass_cli.analyse.plots import _trend_notes, trend
    from kompass_cli.model.dataset import load_folder
    from kompass_cli.reference.municipalities import lookup

    documents = load_folder(data).reports
    figure = trend(lookup("Norsjö"), documents)
    crosses = [line for axes in figure.axes for line in axes.get_lines()
               if line.get_marker() == "x" and len(line.get_xdata())]
    assert sorted((int(line.get_xdata()[0]), line.get_ydata()[0]) for line in crosses) == [
        (2017, 455), (2018, 70), (2018, 507)]
    notes = _trend_notes(compare(lookup("Norsjö"), documents))
    assert "2021 evaluation, instrument 2020: import norsjo-2021-import.json:2" in notes[1]
    out = tmp_path / "trend.png"
    result = runner.invoke(app, ["plot", "trend", "Norsjö", "--data", str(data), "--out",
                                 str(out)])
    assert result.exit_code == 0 and out.stat().st_size > 0


def test_export_includes_summaries_and_imports(data):
    result = runner.invoke(app, ["export", str(data), "--level", "areas"])
    lines = result.stdout.splitlines()
    kinds = [line.rsplit(",", 1)[1] for line in lines[1:]]
    assert kinds.count("summary") == 8 and kinds.count("import") == 16
    assert kinds.count("report") == 16


def test_diff_refuses_a_results_summary_in_one_line(data):
    result = runner.invoke(app, ["diff", str(data / "grastorp-2014-summary.json"),
                                 str(data / "norsjo-2018.json")])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {data / 'grastorp-2014-summary.json'}: is a results "
                             f"summary; kompass diff compares full reports (kompass compare "
                             f"shows summaries beside them)\n")


def test_list_names_a_municipality_outside_the_scb_list_rather_than_leave_it_out(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    document = json.loads((NORMALIZED / "hallsberg-2008.json").read_text(encoding="utf-8"))
    document["municipality"].update(name="Atlantis", code=None, county=None,
                                    name_in_source="Atlantis")
    (folder / "atlantis.json").write_text(json.dumps(document, ensure_ascii=False),
                                          encoding="utf-8")
    shutil.copy(NORMALIZED / "norsjo-2018.json", folder)
    rows = _json("list", str(folder))
    assert [(r["municipality"], r["kommunkod"], r["year"], r["sources"]) for r in rows][:2] == [
        ("Atlantis", None, 2008, ["report atlantis.json"]),
        ("Norsjö", "2417", 2015, ["history norsjo-2018.json:105"])]
    table = runner.invoke(app, ["list", str(folder)]).stdout
    assert "2 municipalities, 4 evaluations." in table
