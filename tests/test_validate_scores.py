"""``kompass validate`` holds every score to the values the file itself reports.

Each case edits one value of a bundled golden file, as a careless or hostile hand
would, and validate must fail the file (exit 1) with the JSON path of the edit. The
expected scores are those of the reports, read by hand: Hallsberg 2008 totals 463 and
area 2 scores 54,5; Lindesberg 2021 totals 420 and area 2 scores 42; Norsjö 2018 totals
509 and area 2 scores 63.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from tests.conftest import NORMALIZED, RAW

runner = CliRunner()
REPORTS = {"hallsberg-2008.json": (463, 54.5), "lindesberg-2021.json": (420, 42),
           "norsjo-2018.json": (509, 63)}


def _findings(tmp_path, name: str, edit) -> tuple[int, list[tuple[str, str]]]:
    document = json.loads((NORMALIZED / name).read_text(encoding="utf-8"))
    edit(document)
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--raw-dir", str(RAW),
                                 "--format", "json"])
    findings = json.loads(result.stdout)["files"][0]["findings"] if result.stdout else []
    return result.exit_code, [(f["code"], f["path"]) for f in findings]


def _set(path: tuple, value):
    def edit(document):
        node = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return edit


@pytest.mark.parametrize("name", REPORTS)
def test_the_reports_scores_are_what_the_bundled_files_say(name):
    document = json.loads((NORMALIZED / name).read_text(encoding="utf-8"))
    assert (document["total"]["score"], document["areas"][1]["score"]) == REPORTS[name]


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("value", [400, 0, 799.5])
def test_an_edited_total_fails_with_its_path(tmp_path, name, value):
    code, findings = _findings(tmp_path, name, _set(("total", "score"), value))
    assert code == 1 and ("score-not-reported", "total.score") in findings


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("value", [150, 90, -3])
def test_an_edited_area_score_fails_with_its_path(tmp_path, name, value):
    code, findings = _findings(tmp_path, name, _set(("areas", 1, "score"), value))
    assert code == 1 and ("score-not-reported", "areas[1].score") in findings
    if value > 100 or value < 0:
        assert ("score-out-of-range", "areas[1].score") in findings


@pytest.mark.parametrize("name", REPORTS)
def test_a_total_edited_together_with_its_reported_value_still_fails(tmp_path, name):
    def edit(document):
        document["total"]["score"] = 400
        for stated in document["total"]["reported_scores"]:
            stated["value"] = 400
    code, findings = _findings(tmp_path, name, edit)
    assert code == 1 and ("total-mismatch", "total") in findings


@pytest.mark.parametrize("name", REPORTS)
def test_an_area_edited_together_with_its_summary_value_still_fails(tmp_path, name):
    def edit(document):
        area = document["areas"][1]
        area["score"] = area["reported_scores"][0]["value"] = 90
    code, findings = _findings(tmp_path, name, edit)
    assert code == 1
    assert {c for c, _ in findings} & {"score-conflict", "total-mismatch", "total-rounding"}


@pytest.mark.parametrize("name", REPORTS)
def test_a_question_edited_fails(tmp_path, name):
    document = json.loads((NORMALIZED / name).read_text(encoding="utf-8"))
    index, question = next((i, q) for i, a in enumerate(document["areas"])
                           for q in a["questions"][:1] if q["achieved"] is not None)
    code, findings = _findings(tmp_path, name, _set(
        ("areas", index, "questions", 0, "achieved"), question["achieved"] + 3))
    assert code == 1
    assert {c for c, _ in findings} & {"percent-mismatch", "question-sum-mismatch",
                                       "achieved-over-max"}
    code, findings = _findings(tmp_path, name, _set(
        ("areas", index, "questions", 0, "max"), question["max"] + 5))
    assert code == 1 and {c for c, _ in findings} & {"question-max-sum",
                                                     "question-max-catalogue"}


def test_a_recorded_contradiction_the_data_no_longer_shows_fails(tmp_path):
    # Hallsberg records that area 7's questions do not add up to its score; the
    # contradiction is gone once a question is edited to fit.
    def edit(document):
        [diag] = document["diagnostics"]
        assert diag["code"] == "question-sum-mismatch"
        area = next(a for a in document["areas"] if a["number"] == diag["area"])
        questions = sum(q["achieved"] for q in area["questions"])
        for stated in area["reported_scores"]:
            stated["value"] = questions
        area["score"] = questions
    code, findings = _findings(tmp_path, "hallsberg-2008.json", edit)
    assert code == 1 and "recorded-contradiction-gone" in {c for c, _ in findings}


def test_a_null_score_with_reported_values_fails(tmp_path):
    code, findings = _findings(tmp_path, "norsjo-2018.json", _set(("areas", 4, "score"), None))
    assert code == 1 and ("score-not-reported", "areas[4].score") in findings


def _numbers(document: dict) -> list[tuple]:
    """The JSON path of every number the report prints (scores, questions, history)."""
    paths = [("total", "score")]
    paths += [("total", "reported_scores", i, "value")
              for i in range(len(document["total"]["reported_scores"]))]
    for a, area in enumerate(document["areas"]):
        paths.append(("areas", a, "score"))
        paths += [("areas", a, "reported_scores", i, "value")
                  for i in range(len(area["reported_scores"]))]
        paths += [("areas", a, "questions", q, name) for q, question in
                  enumerate(area["questions"]) for name in ("achieved", "max", "percent")
                  if question[name] is not None]
    for h, row in enumerate(document["history"]):
        paths += [("history", h, "scores", n) for n in row["scores"]]
        paths += [("history", h, "total")] if row["total"] is not None else []
    return paths


@pytest.mark.parametrize("name", REPORTS)
def test_no_number_can_be_moved_by_one_unnoticed(tmp_path, name):
    """Every printed number of the file, one at a time, one up and one down: each edit
    is an error, including where the file records a contradiction or a rounding gap
    about that very number (its recorded values no longer match)."""
    document = json.loads((NORMALIZED / name).read_text(encoding="utf-8"))
    unnoticed = _unnoticed(tmp_path / name, document, _numbers(document),
                           lambda value, delta: value + delta,
                           lambda findings: any(f.severity == "error" for f in findings))
    assert len(_numbers(document)) > 100 and unnoticed == []


@pytest.mark.parametrize("name", REPORTS)
def test_printed_decimals_the_json_cannot_show_do_not_fail_the_file(tmp_path, name):
    """'6,0' is written 6 but keeps its token '6,0', so a contradiction parse found
    with the printed decimals re-checks the same: what parse writes, validate accepts."""
    import re

    from kompass_cli.analyse.validate import validate_file
    from kompass_cli.model.writer import to_json
    from kompass_cli.run.pipeline import parse_file

    text = (RAW / name.replace(".json", ".txt")).read_text(encoding="utf-8")
    text = re.sub(r"(?<![\d,])(\d+,\d+)(?![\d,])", r"\g<1>0", text)
    text = re.sub(r"(\s)(\d+)(\s+\d+\s+\d+\s*%\s*)$", r"\1\2,0\3", text, flags=re.MULTILINE)
    source = tmp_path / name.replace(".json", ".txt")
    source.write_text(text, encoding="utf-8")
    written = tmp_path / name
    written.write_text(to_json(parse_file(source)), encoding="utf-8")
    assert validate_file(written, None).findings == []


def _tokens(document: dict) -> list[tuple]:
    """The JSON path of every printed token of a report's numbers."""
    paths = [("total", "reported_scores", i, "printed")
             for i in range(len(document["total"]["reported_scores"]))]
    for a, area in enumerate(document["areas"]):
        paths += [("areas", a, "reported_scores", i, "printed")
                  for i in range(len(area["reported_scores"]))]
        paths += [("areas", a, "questions", q, "printed", name, "text")
                  for q, question in enumerate(area["questions"])
                  for name in ("achieved", "max", "percent") if question["printed"][name]]
    for h, row in enumerate(document["history"]):
        paths += [("history", h, "printed", "scores", n, "text") for n in row["printed"]["scores"]]
        paths += [("history", h, "printed", "total", "text")] if row["printed"]["total"] else []
    return paths


@pytest.mark.parametrize("name", REPORTS)
def test_no_printed_token_can_be_moved_by_one_unnoticed(tmp_path, name):
    """A token that no longer reads as its value ('13' made '14', '54,5' made '53,5') is
    an error too: the value and its print say different numbers."""
    import re

    document = json.loads((NORMALIZED / name).read_text(encoding="utf-8"))
    unnoticed = _unnoticed(
        tmp_path / name, document, _tokens(document),
        lambda token, delta: re.sub(r"\d+", lambda m: str(int(m.group()) + delta), token,
                                    count=1),
        lambda findings: "printed-value-mismatch" in {f.code for f in findings})
    assert len(_tokens(document)) > 100 and unnoticed == []


def _unnoticed(target, document: dict, paths: list[tuple], edit, caught) -> list[tuple]:
    """Each path edited alone, by one up and one down, written to ``target`` and
    validated: the edits whose findings ``caught`` does not accept."""
    from kompass_cli.analyse.validate import validate_file

    unnoticed = []
    for path in paths:
        for delta in (1, -1):
            edited = json.loads(json.dumps(document))
            node = edited
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = edit(node[path[-1]], delta)
            target.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
            if not caught(validate_file(target, None).findings):
                unnoticed.append((path, delta))
    return unnoticed
