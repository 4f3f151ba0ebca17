"""The comparison library: sources, de-duplication and areas lined up across versions."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from kompass_cli.analyse.compare import compare
from kompass_cli.model.dataset import load_folder
from kompass_cli.reference.municipalities import lookup
from kompass_cli.schemas.report import REPORT_ADAPTER
from tests.conftest import NORMALIZED

NORSJO = lookup("2417")


def _golden(name: str) -> dict:
    return json.loads((NORMALIZED / f"{name}.json").read_text(encoding="utf-8"))


def _report(document: dict):
    return REPORT_ADAPTER.validate_python(document)


def _norsjo_2021() -> dict:
    """Lindesberg's 2020-version report, relabelled as a later evaluation of Norsjö."""
    document = _golden("lindesberg-2021")
    document["municipality"].update(name="Norsjö", code="2417", county="Västerbottens län")
    return document


def _row(comparison, name: str):
    return next(row for row in comparison.rows if row.name == name)


def test_history_and_reports_are_merged_by_year():
    comparison = compare(NORSJO, load_folder(NORMALIZED).reports)
    assert [(e.year, e.source) for e in comparison.evaluations] == [
        (2015, "history"), (2017, "history"), (2018, "report")]
    assert comparison.reference_version == "2016"


def test_other_municipalities_are_left_out():
    comparison = compare(lookup("Hallsberg"), load_folder(NORMALIZED).reports)
    assert [(e.year, e.version) for e in comparison.evaluations] == [(2008, "2008")]


def test_a_history_row_that_disagrees_with_its_report_is_named():
    document = _golden("norsjo-2018")
    document["history"][2]["scores"]["3"] = 70
    document["history"][2]["total"] = 507
    comparison = compare(NORSJO, [(Path("norsjo-2018.json"), _report(document))])
    assert comparison.evaluations[-1].scores[3] == 72
    assert ("2018: norsjo-2018.json's own results are used; the history table of "
            "norsjo-2018.json (line 105) gives other values (area 3: 70 not 72, "
            "total: 507 not 509).") in comparison.notes


def test_a_history_row_without_version_or_kind_takes_the_version_of_its_year():
    document = _golden("norsjo-2018")
    document["history"][0].update(instrument_version=None, kind=None)
    comparison = compare(NORSJO, [(Path("norsjo-2018.json"), _report(document))])
    first = comparison.evaluations[0]
    assert (first.year, first.version, first.kind) == (2015, "2010", "unknown")


def test_areas_are_lined_up_through_the_2016_to_2020_reordering():
    reports = [(Path("norsjo-2018.json"), _report(_golden("norsjo-2018"))),
               (Path("norsjo-2021.json"), _report(_norsjo_2021()))]
    comparison = compare(NORSJO, reports)
    assert comparison.reference_version == "2020"
    assert comparison.evaluations[-1].version_change == "2016 -> 2020"
    users = _row(comparison, "Brukarens fokus")
    assert [(c.year, c.area, c.score, c.change, c.relation) for c in users.cells] == [
        (2015, 2, 38, None, None), (2017, 2, 42, 4, "same"), (2018, 2, 63, 21, "same"),
        (2021, 5, 51, -12, "restructured")]
    democracy = _row(comparison, "Samspel mellan förtroendevalda och medborgare")
    assert [c.relation for c in democracy.cells] == [None, "same", "same", "renamed"]
    total = _row(comparison, "Totalt")
    assert [(c.score, c.change, c.relation) for c in total.cells][-1] == (420, -89, "restructured")


def test_fractional_changes_stay_exact():
    earlier = _golden("hallsberg-2008")
    later = copy.deepcopy(earlier)
    later["evaluation"]["year"] = 2009
    later["areas"][1]["score"] = 57
    comparison = compare(lookup("Hallsberg"), [(Path("a.json"), _report(earlier)),
                                               (Path("b.json"), _report(later))])
    cell = comparison.rows[1].cells[1]
    assert (cell.score, cell.change, cell.relation) == (57, 2.5, "same")


def test_no_reports_of_the_municipality_give_no_evaluations():
    comparison = compare(lookup("Umeå"), load_folder(NORMALIZED).reports)
    assert comparison.evaluations == [] and comparison.rows == []
