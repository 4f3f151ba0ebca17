"""``kompass compare`` driven through the CLI, with exact output for the bundled data."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import kompass_cli.cli.compare  # noqa: F401  (registers the command)
from kompass_cli.cli.app import app
from tests.conftest import NORMALIZED

runner = CliRunner()

CAVEAT = ("Poäng är bara helt jämförbara inom samma version av instrumentet "
          "(the reports' own caveat).")

HISTORY = "the history table of norsjo-2018.json (line 105)"


def _sources(line: str) -> str:
    if line.startswith("2018"):
        return "report norsjo-2018.json; history norsjo-2018.json:105"
    return "history norsjo-2018.json:105"


def _conflict(line: str) -> str:
    """Norsjö's 2017 total is printed as 475, its areas add up to 455."""
    if line.startswith("2017") and ",total," in line:
        return f"475: {HISTORY}; 455: the sum of the areas of {HISTORY}"
    return ""


NORSJO_CSV = "\n".join([
    "municipality,kommunkod,year,instrument_version,kind,source,row,row_name,area,area_name,"
    "score,change,relation,sources,conflict",
    *(f"Norsjö,2417,{line},{_sources(line)},{_conflict(line)}" for line in [
        "2015,2010,evaluation,history,1,Offentlighet och demokrati,1,Offentlighet och demokrati,43,,",
        "2015,2010,evaluation,history,2,Tillgänglighet och brukarorientering,2,Tillgänglighet och brukarorientering,38,,",
        "2015,2010,evaluation,history,3,Politisk styrning och kontroll,3,Politisk styrning och kontroll,64,,",
        '2015,2010,evaluation,history,4,"Ledarskap, ansvar och delegation",4,"Ledarskap, ansvar och delegation",54,,',
        "2015,2010,evaluation,history,5,Resultat och effektivitet,5,Resultat och effektivitet,56,,",
        "2015,2010,evaluation,history,6,Kommunen som arbetsgivare,6,Kommunen som arbetsgivare,52,,",
        "2015,2010,evaluation,history,7,Ständiga förbättringar,7,Verksamhetsutveckling,37,,",
        "2015,2010,evaluation,history,8,Kommunen som samhällsbyggare,8,Kommunen som samhällsbyggare,57,,",
        "2015,2010,evaluation,history,total,Totalt,total,Totalt,401,,",
        "2017,2010,self_assessment,history,1,Offentlighet och demokrati,1,Offentlighet och demokrati,48,5,same",
        "2017,2010,self_assessment,history,2,Tillgänglighet och brukarorientering,2,Tillgänglighet och brukarorientering,42,4,same",
        "2017,2010,self_assessment,history,3,Politisk styrning och kontroll,3,Politisk styrning och kontroll,72,8,same",
        '2017,2010,self_assessment,history,4,"Ledarskap, ansvar och delegation",4,"Ledarskap, ansvar och delegation",60,6,same',
        "2017,2010,self_assessment,history,5,Resultat och effektivitet,5,Resultat och effektivitet,61,5,same",
        "2017,2010,self_assessment,history,6,Kommunen som arbetsgivare,6,Kommunen som arbetsgivare,53,1,same",
        "2017,2010,self_assessment,history,7,Ständiga förbättringar,7,Verksamhetsutveckling,56,19,same",
        "2017,2010,self_assessment,history,8,Kommunen som samhällsbyggare,8,Kommunen som samhällsbyggare,63,6,same",
        "2017,2010,self_assessment,history,total,Totalt,total,Totalt,475,74,same",
        "2018,2016,evaluation,report,1,Offentlighet och demokrati,1,Offentlighet och demokrati,69,21,same",
        "2018,2016,evaluation,report,2,Tillgänglighet och brukarorientering,2,Tillgänglighet och brukarorientering,63,21,same",
        "2018,2016,evaluation,report,3,Politisk styrning och kontroll,3,Politisk styrning och kontroll,72,0,same",
        '2018,2016,evaluation,report,4,"Ledarskap, ansvar och delegation",4,"Ledarskap, ansvar och delegation",61,1,same',
        "2018,2016,evaluation,report,5,Resultat och effektivitet,5,Resultat och effektivitet,61,0,same",
        "2018,2016,evaluation,report,6,Kommunen som arbetsgivare,6,Kommunen som arbetsgivare,59,6,same",
        "2018,2016,evaluation,report,7,Ständiga förbättringar,7,Ständiga förbättringar,55,-1,renamed",
        "2018,2016,evaluation,report,8,Kommunen som samhällsbyggare,8,Kommunen som samhällsbyggare,69,6,same",
        "2018,2016,evaluation,report,total,Totalt,total,Totalt,509,34,renamed",
    ]),
]) + "\n"


def _compare(*args: str):
    return runner.invoke(app, ["compare", *args, "--data", str(NORMALIZED)])


@pytest.mark.parametrize("query", ["Norsjö", "norsjo", "NORSJO", "norsjö", "2417"])
def test_csv_is_exact_for_every_way_of_naming_norsjo(query):
    result = _compare(query, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == NORSJO_CSV
    assert result.stderr == f"note: {CAVEAT}\n"


def test_json_lists_the_three_evaluations_and_the_version_change():
    result = _compare("Norsjö", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["caveat"] == CAVEAT
    assert document["municipality"] == {"name": "Norsjö", "code": "2417",
                                        "county": "Västerbottens län"}
    assert [(e["year"], e["version"], e["kind"], e["source"], e["version_change"])
            for e in document["evaluations"]] == [
        (2015, "2010", "evaluation", "history", None),
        (2017, "2010", "self_assessment", "history", None),
        (2018, "2016", "evaluation", "report", "2010 -> 2016"),
    ]
    assert document["notes"] == [
        "2015: evaluation, instrument 2010, from the history table of norsjo-2018.json (line 105).",
        "2017: self-assessment, instrument 2010, from the history table of norsjo-2018.json (line 105).",
        "2018: evaluation, instrument 2016, from norsjo-2018.json (its own results).",
        "2018: norsjo-2018.json's own results are used; the history table of norsjo-2018.json "
        "(line 105) gives the same values.",
        "Version change 2010 -> 2016 between 2017 and 2018: 7 Verksamhetsutveckling -> "
        "7 Ständiga förbättringar (renamed); areas 1, 2, 3, 4, 5, 6, 8: same.",
    ]


def test_table_shows_the_years_the_version_change_and_the_self_assessment():
    result = _compare("Norsjö")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Norsjö (2417, Västerbottens län): 3 evaluations, areas as in instrument 2016"
    assert lines[1] == CAVEAT
    assert "self-assessment" in result.stdout and "NEW VERSION" in result.stdout
    assert "2010 -> 2016" in result.stdout
    assert any(line.startswith("│ 7 Ständiga förbättringar") and [
        cell.strip() for cell in line.split("│")[2:5]] == ["37", "56 +19 same", "55 -1 renamed"]
        for line in lines), result.stdout
    assert any(line.startswith("│ Totalt") and "509 +34 renamed" in line for line in lines)


def test_table_shows_a_total_its_areas_do_not_add_up_to():
    """Norsjö's 2017 total is printed as 475 while its areas add up to 455."""
    lines = _compare("Norsjö").stdout.splitlines()
    total = next(line for line in lines if line.startswith("│ Totalt"))
    assert [cell.strip() for cell in total.split("│")[2:5]] == [
        "401", "475≠455! +74 same", "509 +34 renamed"]
    assert ("- CONFLICT 2017 total: 475: the history table of norsjo-2018.json (line 105); "
            "455: the sum of the areas of the history table of norsjo-2018.json (line 105).") in lines


@pytest.mark.parametrize("output_format", ["table", "json", "csv"])
def test_caveat_is_said_once(output_format):
    """In the table and JSON once; beside a CSV on stderr, never in its rows."""
    for query in ("Norsjö", "Hallsberg", "1885"):
        result = _compare(query, "--format", output_format)
        assert result.exit_code == 0
        if output_format == "csv":
            assert CAVEAT not in result.stdout
            assert result.stderr == f"note: {CAVEAT}\n"
        else:
            assert result.stdout.count(CAVEAT) == 1


def test_quiet_leaves_the_caveat_note_out():
    result = runner.invoke(app, ["--quiet", "compare", "Norsjö", "--data", str(NORMALIZED),
                                 "--format", "csv"])
    assert result.exit_code == 0 and result.stderr == ""


def test_single_evaluation_has_no_change():
    result = _compare("Hallsberg", "--format", "csv")
    rows = result.stdout.splitlines()[1:]
    assert len(rows) == 9
    assert rows[-1] == ("Hallsberg,1861,2008,2008,evaluation,report,total,Totalt,total,Totalt,"
                        "463,,,report hallsberg-2008.json,")


def test_unknown_municipality_is_exit_2():
    result = _compare("Atlantis")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == ("error: Atlantis: not a Swedish municipality; give a name such as "
                             "Norsjö or a four-digit kommunkod such as 2417\n")


def test_unknown_code_is_exit_2():
    assert _compare("9999").exit_code == 2


def test_known_municipality_without_data_is_exit_2():
    """Nothing found is 'could not do it', as in plot trend and report."""
    result = _compare("Umeå")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"error: {NORMALIZED}: no evaluation of Umeå (2480) in these "
                             f"reports; parse its report with kompass parse or point --data "
                             f"elsewhere\n")


def test_a_misspelt_name_gets_the_closest_official_one():
    result = _compare("Norjso")
    assert result.exit_code == 2
    assert result.stderr == "error: Norjso: not a Swedish municipality; did you mean Norsjö?\n"


def test_data_takes_files_and_folders():
    result = runner.invoke(app, ["compare", "Norsjö", "--format", "csv",
                                 "--data", str(NORMALIZED / "norsjo-2018.json"),
                                 "--data", str(NORMALIZED / "hallsberg-2008.json")])
    assert result.exit_code == 0 and result.stdout == NORSJO_CSV


def test_missing_folder_is_exit_2(tmp_path):
    result = runner.invoke(app, ["compare", "Norsjö", "--data", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'nope'}: no such file or folder")


def test_help_has_an_example():
    result = runner.invoke(app, ["compare", "--help"])
    assert result.exit_code == 0
    assert "Example: kompass compare Norsjö" in result.stdout
