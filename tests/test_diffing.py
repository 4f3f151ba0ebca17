"""``diff_reports``: items matched by meaning, provenance ignored unless asked for."""

from __future__ import annotations

import json

import pytest

from kompass_cli.analyse.diffing import Difference, diff_reports
from kompass_cli.core.errors import KompassError
from kompass_cli.model.dataset import load_report
from kompass_cli.schemas.report import REPORT_ADAPTER
from tests.conftest import NORMALIZED

GOLDEN = ["hallsberg-2008.json", "norsjo-2018.json", "lindesberg-2021.json"]


def _document(name):
    return json.loads((NORMALIZED / name).read_text(encoding="utf-8"))


def _pair(name, change):
    """The golden report and a validated copy with ``change`` applied to its document."""
    document = _document(name)
    change(document)
    return load_report(NORMALIZED / name), REPORT_ADAPTER.validate_python(document)


def _area(document, number):
    return next(area for area in document["areas"] if area["number"] == number)


@pytest.mark.parametrize("name", GOLDEN)
@pytest.mark.parametrize("lines", [False, True])
def test_a_report_equals_itself(name, lines):
    report = load_report(NORMALIZED / name)
    assert diff_reports(report, report, lines=lines) == []


def test_reordering_every_list_is_no_difference():
    def change(document):
        for key in ("areas", "history", "diagnostics"):
            document[key].reverse()
        for area in document["areas"]:
            for key in ("questions", "strengths", "improvements", "reported_scores"):
                area[key].reverse()

    assert diff_reports(*_pair("norsjo-2018.json", change), lines=True) == []


def test_a_reprinted_score_matches_by_where_and_moves_only_with_lines():
    def change(document):
        _area(document, 1)["reported_scores"][1]["line"] = 170

    old, new = _pair("norsjo-2018.json", change)
    assert diff_reports(old, new) == []
    assert diff_reports(old, new, lines=True) == [
        Difference("moved", "areas[number=1].reported_scores[where=question-table].line",
                   169, 170)]


def test_a_changed_reported_score_and_one_where_repeats():
    def change(document):
        scores = _area(document, 1)["reported_scores"]
        scores[0]["value"] = 70
        scores.append({"value": 69, "printed": "69", "where": "summary", "line": 900})

    assert diff_reports(*_pair("norsjo-2018.json", change)) == [
        Difference("changed", "areas[number=1].reported_scores[where=summary,line=107].value",
                   69, 70),
        Difference("added", "areas[number=1].reported_scores[where=summary,line=900]", None,
                   {"value": 69, "printed": "69", "where": "summary", "line": 900}),
    ]


def test_history_rows_match_by_year():
    def change(document):
        document["history"][1]["scores"]["3"] = 73
        document["history"][1]["total"] = 476
        del document["history"][0]

    old, new = _pair("norsjo-2018.json", change)
    removed = _document("norsjo-2018.json")["history"][0]
    assert diff_reports(old, new) == [
        Difference("removed", "history[year=2015]", removed, None),
        Difference("changed", "history[year=2017].total", 475, 476),
        Difference("changed", "history[year=2017].scores.3", 72, 73),
    ]


def test_diagnostics_with_one_key_pair_in_order_and_messages_are_not_compared():
    diagnostics = _document("norsjo-2018.json")["diagnostics"]
    history = next(d for d in diagnostics if d["code"] == "history-total-mismatch")

    def change(document):
        document["diagnostics"][0]["message"] = "Reworded."
        document["diagnostics"].append(dict(history, line=999))

    old, new = _pair("norsjo-2018.json", change)
    assert diff_reports(old, new) == [
        Difference("added", "diagnostics[code=history-total-mismatch,year=2017]", None,
                   dict(history, line=999))]


def test_a_diagnostic_changing_severity():
    def change(document):
        document["diagnostics"][0]["severity"] = "error"

    assert diff_reports(*_pair("hallsberg-2008.json", change)) == [
        Difference("changed", "diagnostics[code=question-sum-mismatch,area=7].severity",
                   "warning", "error")]


def test_swapped_rewordings_pair_with_their_closest_text():
    first = "Fortsätta utveckla styrmodellen enligt befintliga intentioner."
    third = "Vi har inte lyckats fånga revisionens strategi och roll. Utvecklingsområde?"

    def change(document):
        improvements = _area(document, 3)["improvements"]
        improvements[0]["text"], improvements[2]["text"] = (
            "Vi har inte lyckats fånga revisionens strategi och roll.",
            "fortsätta utveckla styrmodellen enligt befintliga intentioner.")

    path = "areas[number=3].improvements[text={}]"
    assert diff_reports(*_pair("hallsberg-2008.json", change)) == [
        Difference("changed", path.format(json.dumps(first, ensure_ascii=False)), first,
                   "fortsätta utveckla styrmodellen enligt befintliga intentioner."),
        Difference("changed", path.format(json.dumps(third, ensure_ascii=False)), third,
                   "Vi har inte lyckats fånga revisionens strategi och roll."),
    ]


def test_fuzzy_pairing_takes_the_best_match_first_not_the_first_match():
    def texts(*values):
        def change(document):
            for finding, value in zip(_area(document, 3)["strengths"], values):
                finding["text"] = value
        return change

    old_texts = ("Tydligare mål för verksamheten.", "Tydligare mål för verksamheterna!")
    new_texts = ("Tydligare mål för verksamheterna.", "tydligare mål för verksamheten.")
    _, old = _pair("hallsberg-2008.json", texts(*old_texts))
    _, new = _pair("hallsberg-2008.json", texts(*new_texts))
    path = 'areas[number=3].strengths[text="{}"]'
    assert diff_reports(old, new) == [
        Difference("changed", path.format(old_texts[0]), old_texts[0], new_texts[1]),
        Difference("changed", path.format(old_texts[1]), old_texts[1], new_texts[0]),
    ]


def test_differences_follow_area_number_not_list_order():
    def change(document):
        _area(document, 2)["score"] = 55
        _area(document, 7)["score"] = 39

    _, old = _pair("hallsberg-2008.json", lambda document: document["areas"].reverse())
    _, new = _pair("hallsberg-2008.json", change)
    assert [d.path for d in diff_reports(old, new)] == [
        "areas[number=2].score", "areas[number=7].score"]


def test_a_rewrite_below_the_threshold_is_removed_and_added():
    old_text = "Kommunkansliets politikerutbildning."

    def change(document):
        _area(document, 3)["strengths"][4]["text"] = "Utbildning för nya politiker."

    path = "areas[number=3].strengths[text={}]"
    assert diff_reports(*_pair("hallsberg-2008.json", change)) == [
        Difference("removed", path.format(f'"{old_text}"'), old_text, None),
        Difference("added", path.format('"Utbildning för nya politiker."'), None,
                   "Utbildning för nya politiker."),
    ]


def test_questions_match_by_id_and_areas_by_number():
    def change(document):
        area = _area(document, 3)
        removed = area["questions"].pop(3)
        area["questions"].append(dict(removed, id="3.5", line=676))
        area["questions"][0]["title"] = "Målformulering?"
        document["areas"] = [a for a in document["areas"] if a["number"] != 8]

    old, new = _pair("hallsberg-2008.json", change)
    golden = _document("hallsberg-2008.json")
    question = _area(golden, 3)["questions"][3]
    assert diff_reports(old, new) == [
        Difference("changed", "areas[number=3].questions[id=3.1].title",
                   "Hur är kvaliteten på målformuleringsarbetet?", "Målformulering?"),
        Difference("removed", "areas[number=3].questions[id=3.4]", question, None),
        Difference("added", "areas[number=3].questions[id=3.5]", None,
                   dict(question, id="3.5", line=676)),
        Difference("removed", "areas[number=8]", _area(golden, 8), None),
    ]


def test_different_versions_still_match_areas_by_number():
    differences = diff_reports(load_report(NORMALIZED / "hallsberg-2008.json"),
                               load_report(NORMALIZED / "lindesberg-2021.json"))
    assert differences[0] == Difference("changed", "instrument.version", "2008", "2020")
    assert Difference("changed", "areas[number=1].key", "democracy",
                      "citizen_interaction") in differences


def test_a_difference_is_plain_data():
    assert Difference("added", "history[year=2015]", None, 1).to_dict() == {
        "kind": "added", "path": "history[year=2015]", "old": None, "new": 1}


def test_an_unknown_version_is_not_a_report(tmp_path):
    path = tmp_path / "future.json"
    document = _document("hallsberg-2008.json")
    document["instrument"]["version"] = "2030"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(KompassError) as raised:
        load_report(path)
    assert str(raised.value) == (
        f"{path}: not a valid kompass report (instrument.version is missing or not a known "
        f"version); run kompass validate on it for every problem")
