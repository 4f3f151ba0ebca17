"""Values read off the bundled reports by eye and typed in, for each layout.

No code produced these numbers: each was read in data/raw (the summary table, a row of
each area's question table, the first item of a findings list) and written down. The
goldens say "nothing changed"; these say "this is what the report prints".
Findings are compared without diacritics and OCR confusions, so that the choice the
repair makes for a damaged word does not matter here.
"""

from __future__ import annotations

import pytest

from kompass_cli.core.match import key
from kompass_cli.run.pipeline import parse_file
from tests.conftest import RAW

# file: area scores 1-8 as printed in the report's summary
AREA_SCORES = {
    "hallsberg-2008.txt": [57, 54.5, 63, 60.5, 50, 66, 38, 74],
    "norsjo-2018.txt": [69, 63, 72, 61, 61, 59, 55, 69],
    "lindesberg-2021.txt": [46, 42, 56, 45, 51, 47, 72, 61],
}

# file: one question row per area, (id, achieved, max, percent)
QUESTION_ROWS = {
    "hallsberg-2008.txt": [("1.1", 26, 40, 65), ("2.1", 4.5, 10, 45), ("3.1", 18, 30, 60),
                           ("4.5", 7.5, 10, 75), ("5.1", 22, 40, 55), ("6.2", 13, 20, 65),
                           ("7.4", 10, 20, 50), ("8.1", 34, 40, 85)],
    "norsjo-2018.txt": [("1.1", 13, 15, 85), ("2.1", 12, 15, 80), ("3.1", 12, 15, 81),
                        ("4.1", 14, 15, 90), ("5.1", 11, 15, 75), ("6.1", 5, 15, 30),
                        ("7.1", 12, 15, 80), ("8.1", 12, 15, 78)],
    "lindesberg-2021.txt": [("1.1", 6, 20, 30), ("2.1", 7, 15, 47), ("3.1", 7, 10, 70),
                            ("4.1", 9, 20, 45), ("5.1", 15, 20, 75), ("6.1", 9, 20, 45),
                            ("7.1", 10, 15, 67), ("8.1", 10, 20, 50)],
}

# file: (area, list, how the first item of that list begins)
FIRST_FINDINGS = {
    "hallsberg-2008.txt": [
        (1, "strengths", "Demokrati och dialog, centrala ledord för kommunens arbete."),
        (3, "improvements", "Fortsätta utveckla styrmodellen enligt befintliga intentioner."),
        (8, "strengths", "Kommunens stöd och samarbete med förenings- och kulturliv."),
        (8, "improvements", "Ta fram ett styrdokument som utgångspunkt för arbetet inom"),
    ],
    "norsjo-2018.txt": [
        (2, "strengths", "Ambitiöst arbete med värdegrunden samt att arbetsgrupper"),
        (2, "improvements", "Starkare betoning av värdegrunden, service och tillgänglighet"),
        (8, "strengths", "Ett flertal styrdokument för att stödja kommunens"),
        (8, "improvements", "Strategi för kommunens internationella arbete"),
    ],
    "lindesberg-2021.txt": [
        (1, "strengths", "Öppna KS"),
        (2, "strengths", "Ny styrmodell som stödjer hållbar utveckling"),
        (4, "strengths", "Balanserad styrmodell"),
        (3, "strengths", "Styrmodell som verkar i flera led"),
    ],
}

# file: (question, line of the file its row is printed on)
QUESTION_LINES = {
    "hallsberg-2008.txt": ("1.1", 665),
    "norsjo-2018.txt": ("7.1", 1210),
    "lindesberg-2021.txt": ("1.1", 466),
}


@pytest.fixture(scope="module", params=sorted(AREA_SCORES))
def parsed(request):
    return request.param, parse_file(RAW / request.param)


def test_area_scores(parsed):
    name, report = parsed
    assert [area.score for area in report.areas] == AREA_SCORES[name]
    assert report.total.score == sum(AREA_SCORES[name])


def test_a_question_row_per_area(parsed):
    name, report = parsed
    for question_id, achieved, maximum, percent in QUESTION_ROWS[name]:
        area = report.areas[int(question_id[0]) - 1]
        question = next(q for q in area.questions if q.id == question_id)
        assert (question.achieved, question.max, question.percent) == (
            achieved, maximum, percent), question_id


def test_first_findings(parsed):
    name, report = parsed
    for number, kind, opening in FIRST_FINDINGS[name]:
        first = getattr(report.areas[number - 1], kind)[0].text
        assert key(first).startswith(key(opening)), (number, kind, first)


def test_question_line(parsed):
    name, report = parsed
    question_id, line = QUESTION_LINES[name]
    area = report.areas[int(question_id[0]) - 1]
    assert next(q for q in area.questions if q.id == question_id).line == line
