"""The summary library: one row per report, sorted, best and weakest areas."""

from __future__ import annotations

from kompass_cli.analyse.summary import COLUMNS, SummaryRow, summarise, swedish_key
from kompass_cli.model.dataset import load_folder
from tests.conftest import NORMALIZED


def test_rows_follow_municipality_then_year():
    rows = summarise(list(reversed(load_folder(NORMALIZED).reports)))
    assert [(r.municipality, r.year) for r in rows] == [
        ("Hallsberg", 2008), ("Lindesberg", 2021), ("Norsjö", 2018)]


def test_counts_come_from_all_areas_and_diagnostics():
    norsjo = summarise(load_folder(NORMALIZED).reports)[2]
    assert (norsjo.strengths, norsjo.improvements) == (69, 49)
    assert (norsjo.errors, norsjo.warnings, norsjo.info) == (0, 4, 43)


def test_rows_have_the_documented_columns_in_order():
    for row in summarise(load_folder(NORMALIZED).reports):
        assert tuple(row.to_dict()) == COLUMNS


def test_ties_for_best_and_weakest_are_all_named():
    row = SummaryRow("x.json", "X", None, None, 2020, "2020", None,
                     {1: 50, 2: 70, 3: 70, 4: None, 5: 40, 6: 40, 7: 60, 8: 55}, 0, 0, 0, 0, 0)
    assert row.best_areas() == [2, 3]
    assert row.weakest_areas() == [5, 6]


def test_swedish_order_puts_a_ring_before_a_umlaut_before_o_umlaut():
    names = ["Öckerö", "Älvsbyn", "Åre", "Ydre", "Alingsås"]
    assert sorted(names, key=swedish_key) == ["Alingsås", "Ydre", "Åre", "Älvsbyn", "Öckerö"]
