"""The bundled reports end to end: the facts, and every self-contradiction as a diagnostic."""

from __future__ import annotations

import pytest

from kompass_cli.run.pipeline import parse_file
from tests.conftest import RAW

FACTS = {
    # file: (municipality, code, county, version, year, month, total, area scores)
    "hallsberg-2008.txt": ("Hallsberg", "1861", "Örebro län", "2008", 2008, 9, 463,
                           [57, 54.5, 63, 60.5, 50, 66, 38, 74]),
    "norsjo-2018.txt": ("Norsjö", "2417", "Västerbottens län", "2016", 2018, 11, 509,
                        [69, 63, 72, 61, 61, 59, 55, 69]),
    "lindesberg-2021.txt": ("Lindesberg", "1885", "Örebro län", "2020", 2021, 3, 420,
                            [46, 42, 56, 45, 51, 47, 72, 61]),
}

# Every contradiction each report contains: (code, area, question, year, line).
CONTRADICTIONS = {
    "hallsberg-2008.txt": [
        ("question-sum-mismatch", 7, None, None, 104),
    ],
    "norsjo-2018.txt": [
        ("history-total-mismatch", None, None, 2017, 115),
        ("question-sum-mismatch", 4, None, None, 713),
        ("percent-mismatch", 7, "7.5", None, 1217),
        ("question-sum-mismatch", 7, None, None, 1219),
    ],
    "lindesberg-2021.txt": [
        ("report-date-before-evaluation", None, None, None, 5),
        ("score-conflict", 1, None, None, 471),
        ("score-conflict", 4, None, None, 492),
        ("score-conflict", 5, None, None, 500),
    ],
}

# Observations that are not contradictions (rounding, old names, inferred splits).
OBSERVATIONS = {
    "hallsberg-2008.txt": {},
    "norsjo-2018.txt": {"percent-rounding": 33, "question-sum-rounding": 3,
                        "area-name-older-version": 1, "findings-split-inferred": 5,
                        "ocr-repaired": 1},
    "lindesberg-2021.txt": {"percent-rounding": 1, "area-name-older-version": 1,
                            "findings-split-inferred": 1},
}


@pytest.fixture(scope="module", params=sorted(FACTS))
def parsed(request):
    return request.param, parse_file(RAW / request.param)


def test_facts(parsed):
    name, report = parsed
    municipality, code, county, version, year, month, total, scores = FACTS[name]
    assert (report.municipality.name, report.municipality.code, report.municipality.county) == (
        municipality, code, county)
    assert report.instrument.version == version
    assert (report.evaluation.year, report.evaluation.month) == (year, month)
    assert report.total.score == total
    assert [area.score for area in report.areas] == scores
    assert sum(scores) == total


def test_every_contradiction_is_a_warning(parsed):
    name, report = parsed
    found = [(d.code, d.area, d.question, d.year, d.line) for d in report.diagnostics
             if d.severity in ("warning", "error")]
    assert found == CONTRADICTIONS[name]


def test_observations_are_info(parsed):
    name, report = parsed
    counts: dict[str, int] = {}
    for diagnostic in report.diagnostics:
        if diagnostic.severity == "info":
            counts[diagnostic.code] = counts.get(diagnostic.code, 0) + 1
    assert counts == OBSERVATIONS[name]


def test_every_value_has_a_line(parsed):
    _, report = parsed
    for area in report.areas:
        assert area.line and all(s.line for s in area.reported_scores)
        assert all(q.line for q in area.questions)
        assert all(f.line and f.text.strip() for f in area.strengths + area.improvements)
    assert all(d.line for d in report.diagnostics if d.code != "ocr-repaired")


def test_norsjo_history():
    report = parse_file(RAW / "norsjo-2018.txt")
    rows = [(r.year, r.instrument_version, r.kind, r.total, list(r.scores.values()))
            for r in report.history]
    assert rows == [
        (2015, "2010", "evaluation", 401, [43, 38, 64, 54, 56, 52, 37, 57]),
        (2017, "2010", "self_assessment", 475, [48, 42, 72, 60, 61, 53, 56, 63]),
        (2018, "2016", "evaluation", 509, [69, 63, 72, 61, 61, 59, 55, 69]),
    ]


def test_question_counts_match_the_catalogues():
    counts = {name: sum(len(a.questions) for a in parse_file(RAW / name).areas) for name in FACTS}
    assert counts == {"hallsberg-2008.txt": 37, "norsjo-2018.txt": 45, "lindesberg-2021.txt": 35}


def test_questions_whose_table_is_missing_are_flagged(tmp_path):
    """Cut the closing score table: the questions are still listed, each one flagged."""
    lines = (RAW / "hallsberg-2008.txt").read_text(encoding="utf-8").splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith("Kommunkompassen - Resultat"))
    path = tmp_path / "hallsberg-2008.txt"
    path.write_text("\n".join(lines[:end]) + "\n", encoding="utf-8")
    report = parse_file(path)
    flagged = [d for d in report.diagnostics if d.code == "question-score-missing"]
    listed = [q for area in report.areas for q in area.questions]
    assert len(flagged) == len(listed) > 30
    assert flagged[0].message == "Question 1.1: achieved score and maximum not found."
