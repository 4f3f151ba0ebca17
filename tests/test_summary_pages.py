"""Summary pages: the eight scores of web pages and press releases, read or refused.

Expected values are written by hand from each fixture's text; tests/fixtures/summaries
says where each page comes from.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from kompass_cli.model.summaries import Given
from kompass_cli.parsers.registry import SUMMARY_PARSER, choose_parser
from kompass_cli.run.pipeline import parse_file
from tests.conftest import FIXTURES, NORMALIZED, RAW

runner = CliRunner()
PAGES = FIXTURES / "summaries"
REFUSED = PAGES / "refused"


def _parse(name: str, given: Given = Given()):
    return parse_file(PAGES / name, given=given)


def test_the_grastorp_page_gives_its_eight_scores_and_total():
    summary = _parse("grastorp-2014-webpage.txt")
    assert summary.doc_kind == "results_summary"
    assert (summary.municipality.name, summary.municipality.code,
            summary.municipality.county) == ("Grästorp", "1444", "Västra Götalands län")
    assert (summary.evaluation.year, summary.instrument.version) == (2014, "2010")
    assert [(a.number, a.score, a.line) for a in summary.areas] == [
        (1, 61, 17), (2, 60, 18), (3, 73, 19), (4, 53, 20), (5, 70, 21), (6, 56, 22),
        (7, 65, 23), (8, 68, 24)]
    assert summary.total.score == 506
    assert [(s.value, s.line) for s in summary.total.reported_scores] == [(506, 26)]
    assert summary.supplied_by_user == []


def test_another_municipality_the_page_mentions_is_not_its_subject():
    """'jämfört med Örebros 615 poäng': Örebro's total is not Grästorp's, nor a record."""
    summary = _parse("grastorp-2014-webpage.txt")
    assert summary.municipality.name == "Grästorp"
    assert 615 not in [s.value for s in summary.total.reported_scores]


def test_a_name_with_words_added_is_read_and_said_so():
    summary = _parse("grastorp-2014-webpage.txt")
    area = summary.areas[5]
    assert (area.name, area.name_in_source) == (
        "Kommunen som arbetsgivare", "Kommunen som arbetsgivare personalpolitik")
    assert [(d.code, d.area) for d in summary.diagnostics] == [("area-name-variant", 6)]


@pytest.mark.parametrize("name,municipality,year,version,scores,total", [
    ("bullets-tranas-2012.txt", "Tranås", 2012, "2010",
     [58, 61, 55, 49, 52, 63, 47, 66], 451),
    ("colon-no-total-kalix-2011.txt", "Kalix", 2011, "2010",
     [47, 52, 58, 44, 49, 55, 41, 60], None),
    ("mismatch-vara-2013.txt", "Vara", 2013, "2010",
     [54, 57, 61, 50, 53, 59, 48, 64], 456),
    ("changes-solleftea-2017.md", "Sollefteå", 2017, "2016",
     [48, 42, 72, 60, 61, 53, 56, 63], 455),
    ("table-two-evaluations-lidkoping-2016.md", "Lidköping", 2016, "2016",
     [62, 57, 66, 59, 54.5, 61, 52, 68], 479.5),
    ("tab-table-tierp-2021.txt", "Tierp", 2021, "2020",
     [44, 51, 47, 39, 42, 36, 48, 45], 352),
    ("html-table-bjuv-2013.txt", "Bjuv", 2013, "2010",
     [58, 51, 52, 53, 49, 55, 56, 57], 431),
    ("cells-on-lines-lilla-edet-2015.txt", "Lilla Edet", 2015, "2010",
     [55, 51, 60, 48, 52, 57, 44, 63], 430),
    ("text-between-items-sala-2014.txt", "Sala", 2014, "2010",
     [61, 60, 63, 53, 60, 56, 55, 70], 478),
])
def test_page_styles(name, municipality, year, version, scores, total):
    summary = _parse(name)
    assert summary.municipality.name == municipality
    assert (summary.evaluation.year, summary.instrument.version) == (year, version)
    assert [a.score for a in summary.areas] == scores
    assert summary.total.score == total


def test_bullets_after_the_list_naming_other_municipalities_are_not_the_subject():
    """The Tranås page also says 'Jönköpings kommun fick 520'."""
    summary = _parse("bullets-tranas-2012.txt")
    assert summary.municipality.name == "Tranås"
    assert [s.value for s in summary.total.reported_scores] == [451]


def test_changes_in_brackets_are_kept_as_printed_and_not_read_as_scores():
    summary = _parse("changes-solleftea-2017.md")
    assert [a.change for a in summary.areas] == ["+5", "+4", "+8", "+6", "+5", "+1", "+19",
                                                 "+6"]
    assert [a.score for a in summary.areas][:2] == [48, 42]
    assert [s.value for s in summary.total.reported_scores] == [455]


def test_a_change_column_of_a_table_is_kept_as_each_areas_change():
    summary = _parse("html-table-bjuv-2013.txt")
    assert [a.change for a in summary.areas] == ["+3", "+2", "-1", "0", "+5", "+6", "+7", "+8"]
    assert summary.diagnostics == []


def test_a_name_and_its_score_on_lines_of_their_own_keep_both_lines():
    summary = _parse("cells-on-lines-lilla-edet-2015.txt")
    assert [(a.line, a.name_in_source) for a in summary.areas][:2] == [
        (5, "Offentlighet och demokrati"), (8, "Tillgänglighet och brukarorientering")]
    assert [(s.value, s.line) for s in summary.total.reported_scores] == [(430, 23)]


def test_an_area_name_of_an_older_version_is_a_diagnostic():
    """2017 means instrument 2016, whose area 7 is 'Ständiga förbättringar'."""
    summary = _parse("changes-solleftea-2017.md")
    [diag] = summary.diagnostics
    assert (diag.code, diag.area) == ("area-name-older-version", 7)


def test_an_area_printed_with_an_older_versions_name_completes_the_list():
    """'Samhällsbyggnad' is how 2008 reports print area 8; on a 2013 page it is area 8."""
    summary = _parse("older-name-ale-2013.txt")
    assert summary.instrument.version == "2010"
    assert (summary.areas[7].score, summary.areas[7].name) == (58, "Kommunen som samhällsbyggare")
    [diag] = summary.diagnostics
    assert (diag.code, diag.area) == ("area-name-older-version", 8)
    assert "from instrument version 2008" in diag.message


def test_a_total_the_areas_do_not_add_up_to_is_a_total_mismatch():
    summary = _parse("mismatch-vara-2013.txt")
    [diag] = summary.diagnostics
    assert (diag.code, diag.severity) == ("total-mismatch", "warning")
    assert "add up to 446" in diag.message and "456" in diag.message


def test_a_table_of_two_evaluations_and_the_mean_gives_this_years_column():
    summary = _parse("table-two-evaluations-lidkoping-2016.md")
    assert [a.printed for a in summary.areas][4] == "54,5"
    assert summary.total.reported_scores[0].printed == "479,5"
    other = next(d for d in summary.diagnostics if d.code == "summary-other-columns")
    assert "2012, Riket" in other.message


def test_decimal_comma_scores_keep_their_printed_token(tmp_path):
    summary = _parse("table-two-evaluations-lidkoping-2016.md")
    assert (summary.areas[4].score, summary.areas[4].printed) == (54.5, "54,5")


@pytest.mark.parametrize("name,reason", [
    ("list-cut-off-grastorp.txt", "the list of area scores stops after area 6 of 8 "
                                  "(instrument 2010); areas 7-8 are missing"),
    ("total-only-boden-2015.txt", "a total of 650 (line 5) but no area scores"),
    ("names-of-no-version-2015.txt", "8 lines pair a name with a score (lines 5-12: "
                                     "'Ledarskap', 'Arbetsmiljö', 'Delaktighet', …), but the "
                                     "names match no version"),
    ("no-year-ockero.txt", "the page states no evaluation year; give it with --year YYYY"),
    ("no-municipality-2014.txt", "the page does not say which municipality it is about; "
                                 "give it with --municipality NAME"),
    ("score-over-100-ale-2013.txt", "area 3 ('Politisk styrning och kontroll', line 7) is "
                                    "printed as 157, more than the 100"),
    ("two-lists-mora-2013.txt", "the page lists the eight area scores more than once "
                                "(lines 6-13 and lines 16-23)"),
])
def test_refusals_say_what_was_found_and_write_nothing(tmp_path, name, reason):
    path = REFUSED / name
    result = runner.invoke(app, ["parse", str(path), "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: {reason}"), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_user_supplies_the_year_a_page_leaves_out():
    summary = parse_file(REFUSED / "no-year-ockero.txt", given=Given(year=2015))
    assert (summary.evaluation.year, summary.evaluation.line) == (2015, None)
    assert summary.supplied_by_user == ["year"]
    assert summary.municipality.name == "Öckerö" and summary.total.score == 416
    assert [d.code for d in summary.diagnostics] == ["supplied-by-user"]


def test_the_user_supplies_the_municipality_a_page_leaves_out(tmp_path):
    path = REFUSED / "no-municipality-2014.txt"
    result = runner.invoke(app, ["parse", str(path), "--municipality", "orsa",
                                 "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["orsa-2014-summary.json"]
    document = json.loads((tmp_path / "orsa-2014-summary.json").read_text(encoding="utf-8"))
    assert document["supplied_by_user"] == ["municipality"]
    assert document["municipality"] == {"name": "Orsa", "code": "2034", "county": "Dalarnas län",
                                        "name_in_source": "orsa", "line": None}
    assert document["evaluation"] == {"year": 2014, "line": 3}


def test_a_year_the_user_gives_against_the_page_is_recorded_beside_the_pages():
    summary = _parse("grastorp-2014-webpage.txt", Given(year=2015))
    assert summary.evaluation.year == 2015 and summary.supplied_by_user == ["year"]
    diag = next(d for d in summary.diagnostics if d.code == "supplied-by-user")
    assert "the source states 2014 (line 7)" in diag.message


def test_an_unknown_municipality_given_by_the_user_is_refused(tmp_path):
    path = REFUSED / "no-municipality-2014.txt"
    result = runner.invoke(app, ["parse", str(path), "--municipality", "Atlantis",
                                 "--out", str(tmp_path)])
    assert result.exit_code == 2 and "'Atlantis' is not a Swedish municipality" in result.stderr


def test_a_summary_is_written_beside_a_report_of_the_same_year(tmp_path):
    result = runner.invoke(app, ["parse", str(PAGES / "grastorp-2014-webpage.txt"),
                                 "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["grastorp-2014-summary.json"]


def test_a_table_of_contents_is_not_a_list_of_scores():
    lines = ["Kommunkompassen", "", "Innehåll"] + [
        f"Område {n} {name}\t{page}" for n, name, page in [
            (1, "Offentlighet och demokrati", 6), (2, "Tillgänglighet och brukarorientering", 9),
            (3, "Politisk styrning och kontroll", 12), (4, "Ledarskap, ansvar och delegation", 15),
            (5, "Resultat och effektivitet", 18), (6, "Kommunen som arbetsgivare", 21),
            (7, "Verksamhetsutveckling", 24), (8, "Kommunen som samhällsbyggare", 27)]]
    with pytest.raises(Exception, match="rise like the pages of a table of contents"):
        SUMMARY_PARSER.parse(lines)


@pytest.mark.parametrize("golden", sorted(NORMALIZED.glob("*.json")), ids=lambda p: p.name)
def test_full_reports_keep_their_own_layout(golden):
    document = json.loads(golden.read_text(encoding="utf-8"))
    lines = (RAW / document["source"]["file"]).read_text(encoding="utf-8").splitlines()
    assert choose_parser(lines).name == document["source"]["parser"]


@pytest.mark.parametrize("golden", sorted(NORMALIZED.glob("*.json")), ids=lambda p: p.name)
def test_a_report_with_a_summary_page_pasted_in_stays_a_report(golden, tmp_path):
    """A report that quotes a list of scores is still read by its own layout."""
    document = json.loads(golden.read_text(encoding="utf-8"))
    text = (RAW / document["source"]["file"]).read_text(encoding="utf-8")
    page = (PAGES / "bullets-tranas-2012.txt").read_text(encoding="utf-8")
    path = tmp_path / document["source"]["file"]
    path.write_text(text + "\n" + page, encoding="utf-8")
    report = parse_file(path)
    assert report.doc_kind == "kommunkompassen_report"
    assert report.total.score == document["total"]["score"]
