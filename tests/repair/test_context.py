"""Counted context for minimal pairs: counting, weighing, and the shipped statistics."""

from __future__ import annotations

from importlib import resources

from kompass_cli.repair import context, repair
from kompass_cli.repair.context import Around, Statistics, choose, contenders, count
from kompass_cli.repair.lexicon import fold, load

# 'har' as 'här' after 'det' and before 'arbetet', as 'har' before a supine.
_TEXT = ("Det här arbetet är viktigt. Vi har gjort det.\n"
         "Vi har gjort mycket. Har ni sett det här arbetet?\n")


def test_count_records_each_reading_with_its_folded_neighbours():
    counted = count([_TEXT], {"har", "ar"}, fold)
    har = counted["readings"]["har"]
    assert har["här"][0] == 2 and har["har"][0] == 3
    assert har["här"][1]["-1 det"] == 2 and har["här"][1]["+1 arbetet"] == 2
    assert har["har"][1]["+1 gjort"] == 2
    # A sentence start is a neighbour; a question starts with its own mark.
    assert har["har"][1]["-1 <q>"] == 1
    assert counted["readings"]["ar"]["är"][1]["+1 viktigt"] == 1
    assert counted["total"] == 19


def _stats() -> Statistics:
    counted = count([_TEXT * 3], {"har"}, fold)
    return Statistics(counted["readings"], counted["unigrams"], counted["total"],
                      {"har": {"har": 9, "här": 6}})


def test_neighbours_overturn_frequency_and_without_them_frequency_decides():
    stats = _stats()
    readings = {"har": -1.5, "här": -2.1}
    assert choose("har", readings, Around("det", "arbetet"), stats) == "här"
    assert choose("har", readings, Around("vi", "gjort"), stats) == "har"
    assert choose("har", readings, Around("", ""), stats) == "har"


def test_a_cue_outweighs_weak_evidence():
    stats = _stats()
    readings = {"har": -1.5, "här": -2.1}
    assert choose("har", readings, Around("", ""), stats, cue="här") == "här"


def test_only_close_readings_contend_and_one_must_have_been_counted():
    stats = _stats()
    assert contenders("har", {"har": -1.5, "här": -2.1}, stats) == {"har": -1.5, "här": -2.1}
    assert contenders("har", {"har": -1.5, "här": -4.0}, stats) == {}  # far behind
    # One reading counted in written text is enough; one counted only in help texts is not.
    assert contenders("har", {"har": -1.5, "hår": -2.0}, stats) == {"har": -1.5, "hår": -2.0}
    help_only = Statistics(stats.readings, stats.unigrams, stats.total, {})
    assert contenders("har", {"har": -1.5, "hår": -2.0}, help_only) == {}
    assert contenders("bor", {"bor": -1.5, "bör": -2.0}, stats) == {}  # neither counted


def test_the_counted_reading_speaks_when_its_rival_was_never_counted():
    # 'hår' is more frequent here but never counted: it has no evidence either way.
    stats = _stats()
    readings = {"här": -2.1, "hår": -1.9}
    assert choose("har", readings, Around("det", "arbetet"), stats) == "här"
    assert choose("har", readings, Around("vi", "gjort"), stats) == "hår"
    assert choose("har", readings, Around("", ""), stats) == "hår"


def test_shipped_statistics_leave_the_test_part_out_and_a_report_can_be_left_out():
    raw = context._raw()
    assert set(raw["sources"]) == {"help", "corpus-dev", "hallsberg-2008", "lindesberg-2021"}
    path = resources.files("kompass_cli").joinpath("data/repair_context.json.gz")
    assert len(path.read_bytes()) < 20 * 2**20
    whole, without = context.load(), context.load(frozenset({"hallsberg-2008"}))
    assert without.total == whole.total - raw["sources"]["hallsberg-2008"]["total"]


def test_counted_context_restores_a_pair_no_rule_covers(monkeypatch):
    # 'vart' is 'vart' (where to) by frequency; before 'eget' the possessive 'vårt'.
    text = "Kommunen ser det som en del av vart eget arbete."
    out, steps = repair(text, detect=False)
    assert out == "Kommunen ser det som en del av vårt eget arbete."
    assert [s.after for s in steps] == ["vårt"]
    # Without counted context (and without the decisions memoised with it), frequency.
    monkeypatch.setattr("kompass_cli.repair.diacritics.contenders", lambda *args: {})
    monkeypatch.setattr(load(), "memo", {})
    assert repair(text, detect=False)[0] == text
