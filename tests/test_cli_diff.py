"""``kompass diff`` driven through the CLI, with exact output and exit codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import kompass_cli.cli.diff  # noqa: F401  (registers the command)
from kompass_cli.cli.app import app
from tests.conftest import NORMALIZED

runner = CliRunner()
HALLSBERG = NORMALIZED / "hallsberg-2008.json"
NORSJO = NORMALIZED / "norsjo-2018.json"
REWORDED = "Fortsätt utveckla styrmodellen enligt de befintliga intentionerna."


def _copy(tmp_path, change, name="changed.json"):
    """A copy of the Hallsberg golden file with one change applied to its document."""
    document = json.loads(HALLSBERG.read_text(encoding="utf-8"))
    change(document)
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _json_diff(a, b, *extra):
    result = runner.invoke(app, ["diff", str(a), str(b), "--format", "json", *extra])
    return result, json.loads(result.stdout)


def _area(document, number):
    return next(area for area in document["areas"] if area["number"] == number)


def test_a_file_against_itself_is_equal():
    result = runner.invoke(app, ["diff", str(HALLSBERG), str(HALLSBERG)])
    assert result.exit_code == 0
    assert result.stdout == "0 differences\n"
    assert result.stderr == ""


def test_equal_as_json_is_exact():
    result = runner.invoke(app, ["diff", str(NORSJO), str(NORSJO), "--format", "json"])
    assert result.exit_code == 0
    assert result.stdout == (f'{{\n  "a": "{NORSJO}",\n  "b": "{NORSJO}",\n'
                             f'  "differences": [],\n  "equal": true\n}}\n')


def test_two_municipalities_differ_and_say_the_versions_differ():
    result = runner.invoke(app, ["diff", str(HALLSBERG), str(NORSJO)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-2:] == [
        "instrument versions differ (2008 and 2016): areas are matched by number",
        "467 differences"]


def test_two_municipalities_as_json_start_with_the_metadata():
    result, report = _json_diff(HALLSBERG, NORSJO)
    assert result.exit_code == 1
    assert (report["a"], report["b"], report["equal"]) == (str(HALLSBERG), str(NORSJO), False)
    assert report["differences"][:11] == [
        {"kind": "changed", "path": "instrument.version", "old": "2008", "new": "2016"},
        {"kind": "changed", "path": "municipality.name", "old": "Hallsberg", "new": "Norsjö"},
        {"kind": "changed", "path": "municipality.code", "old": "1861", "new": "2417"},
        {"kind": "changed", "path": "municipality.county", "old": "Örebro län",
         "new": "Västerbottens län"},
        {"kind": "changed", "path": "municipality.name_in_source", "old": "Hallsbergs kommun",
         "new": "Norsjo kommun"},
        {"kind": "changed", "path": "evaluation.year", "old": 2008, "new": 2018},
        {"kind": "changed", "path": "evaluation.month", "old": 9, "new": 11},
        {"kind": "changed", "path": "evaluation.report_date", "old": None, "new": "2019-02-08"},
        {"kind": "changed", "path": "evaluation.evaluators",
         "old": ["Leif Eldås", "Bo Per Larsson", "Ingmar Kärrsten"], "new": []},
        {"kind": "changed", "path": "total.score", "old": 463, "new": 509},
        {"kind": "changed", "path": "total.reported_scores[where=summary].value",
         "old": 463, "new": 509},
    ]
    assert {"kind": "added", "path": "history[year=2017]", "old": None,
            "new": json.loads(NORSJO.read_text(encoding="utf-8"))["history"][1]
            } in report["differences"]


def test_changed_achieved(tmp_path):
    def change(document):
        _area(document, 3)["questions"][1]["achieved"] = 17

    result, report = _json_diff(HALLSBERG, _copy(tmp_path, change))
    assert result.exit_code == 1
    assert report["differences"] == [
        {"kind": "changed", "path": "areas[number=3].questions[id=3.2].achieved",
         "old": 16, "new": 17}]


def test_table_lists_path_kind_old_new_and_counts_last(tmp_path):
    def change(document):
        _area(document, 3)["questions"][1]["achieved"] = 17
        _area(document, 3)["improvements"][0]["text"] = REWORDED

    changed = _copy(tmp_path, change)
    result = runner.invoke(app, ["diff", str(HALLSBERG), str(changed)], env={"COLUMNS": "80"})
    assert result.exit_code == 1
    assert result.stdout == (
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓\n"
        "┃ path                            ┃ kind    ┃ old             ┃ new            ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩\n"
        "│ areas[number=3].questions[id=3. │ changed │ 16              │ 17             │\n"
        "│ 2].achieved                     │         │                 │                │\n"
        "│ areas[number=3].improvements[te │ changed │ Fortsätta       │ Fortsätt       │\n"
        "│ xt=\"Fortsätta utveckla          │         │ utveckla        │ utveckla       │\n"
        "│ styrmodellen enligt befintliga  │         │ styrmodellen    │ styrmodellen   │\n"
        "│ intentioner.\"]                  │         │ enligt          │ enligt de      │\n"
        "│                                 │         │ befintliga      │ befintliga     │\n"
        "│                                 │         │ intentioner.    │ intentionerna. │\n"
        "└─────────────────────────────────┴─────────┴─────────────────┴────────────────┘\n"
        "2 differences\n")
    assert result.stderr == ""


def test_removed_strength(tmp_path):
    def change(document):
        del _area(document, 3)["strengths"][2]

    result, report = _json_diff(HALLSBERG, _copy(tmp_path, change))
    assert result.exit_code == 1
    text = "Tydlig rollfördelningen mellan politiker och tjänstemän."
    assert report["differences"] == [
        {"kind": "removed", "path": f'areas[number=3].strengths[text="{text}"]',
         "old": text, "new": None}]


def test_reworded_improvement_is_one_change_with_both_texts(tmp_path):
    def change(document):
        _area(document, 3)["improvements"][0]["text"] = REWORDED

    result, report = _json_diff(HALLSBERG, _copy(tmp_path, change))
    old = "Fortsätta utveckla styrmodellen enligt befintliga intentioner."
    assert result.exit_code == 1
    assert report["differences"] == [
        {"kind": "changed", "path": f'areas[number=3].improvements[text="{old}"]',
         "old": old, "new": REWORDED}]


def test_reordered_areas_and_strengths_are_equal(tmp_path):
    def change(document):
        document["areas"].reverse()
        _area(document, 3)["strengths"].reverse()

    result = runner.invoke(app, ["diff", str(HALLSBERG), str(_copy(tmp_path, change))])
    assert result.exit_code == 0
    assert result.stdout == "0 differences\n"


def test_added_diagnostic(tmp_path):
    diagnostic = {"code": "percent-rounding", "severity": "info",
                  "message": "Question 3.2: 16/20 is 80%.", "line": 673, "area": 3,
                  "question": "3.2", "year": None}

    def change(document):
        document["diagnostics"].append(diagnostic)

    result, report = _json_diff(HALLSBERG, _copy(tmp_path, change))
    assert result.exit_code == 1
    assert report["differences"] == [
        {"kind": "added", "path": "diagnostics[code=percent-rounding,area=3,question=3.2]",
         "old": None, "new": diagnostic}]


def test_lines_are_ignored_unless_asked_for(tmp_path):
    def change(document):
        _area(document, 3)["strengths"][0]["line"] = 400

    moved = _copy(tmp_path, change)
    result, report = _json_diff(HALLSBERG, moved)
    assert (result.exit_code, report["differences"]) == (0, [])
    result, report = _json_diff(HALLSBERG, moved, "--lines")
    assert result.exit_code == 1
    assert report["differences"] == [
        {"kind": "moved",
         "path": 'areas[number=3].strengths[text="Hallsbergs styrmodell är väl förankrad."].line',
         "old": 319, "new": 400}]


def test_lines_needs_json(tmp_path):
    result = runner.invoke(app, ["diff", str(HALLSBERG), str(HALLSBERG), "--lines"])
    assert result.exit_code == 2
    assert "--lines needs --format json" in result.stderr


def _invalid_report(tmp_path):
    return _copy(tmp_path, lambda document: _area(document, 3).update(score="63"), "bad.json")


@pytest.mark.parametrize("make,reason", [
    (lambda tmp: tmp / "nope.json", "no such file; check the path"),
    (lambda tmp: tmp, "is a folder, not a JSON file"),
    (lambda tmp: (tmp / "x.json", (tmp / "x.json").write_text("{", encoding="utf-8"))[0],
     "not valid JSON (line 1: Expecting property name enclosed in double quotes); "
     "expected a kompass JSON file"),
    (_invalid_report,
     "not a valid kompass report (areas[2].score: Input should be a valid integer; "
     "1 more); run kompass validate on it for every problem"),
])
@pytest.mark.parametrize("second", [False, True])
def test_unusable_file_is_one_line_and_exit_2(tmp_path, make, reason, second):
    bad = make(tmp_path)
    files = [str(HALLSBERG), str(bad)] if second else [str(bad), str(HALLSBERG)]
    result = runner.invoke(app, ["diff", *files])
    assert result.exit_code == 2
    assert result.stderr == f"error: {bad}: {reason}\n"
    assert result.stdout == ""


def test_help_has_a_real_example():
    result = runner.invoke(app, ["diff", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Example: kompass diff data/normalized/norsjo-2018.json other.json" in result.stdout
