"""The 2008 word-processor layout, checked value by value against Hallsberg 2008."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kompass_cli.parsers.wordprocessor2008 import WordProcessor2008Parser

PARSER = WordProcessor2008Parser()
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# id, printed title (closing table), max, achieved, percent, line
QUESTIONS = [
    ("1.1", "Hur informeras medborgarna?", 40, 26, 65, 665),
    ("1.2", "Hur främjas medborgarnas engagemang?", 40, 24, 60, 666),
    ("1.3", "Hur informeras medborgarna om resultat?", 20, 7, 35, 667),
    ("2.1", "Har kommunen en brukarorienterad förvaltningsfilosofi?", 10, 4.5, 45, 665),
    ("2.2", "Vilka åtgärder har satts i verket för att förbättra överskådligheten för medborgarna?", 20, 13, 65, 666),
    ("2.3", "Kan brukarna själva påverka serviceutbudet?", 20, 11, 55, 667),
    ("2.4", "Genomförs brukar-/medborgarundersökningar?", 20, 14, 70, 668),
    ("2.5", "Hur är systemet för synpunkts- och klagomålshantering från medborgare/brukare organiserat?", 20, 8, 40, 669),
    ("2.6", "Bedrivs utbildning i att bemöta allmänheten?", 10, 4, 40, 670),
    ("3.1", "Hur är kvaliteten på målformuleringsarbetet?", 30, 18, 60, 672),
    ("3.2", "Hur är delegation och ansvarsfördelning mellan politisk och tjänstemannanivå?", 20, 16, 80, 673),
    ("3.3", "Hur rapporterar tjänstemännen till den politiska nivån och vilka möjligheter har politikerna att utöva tillsyn över förvaltningen?", 30, 15, 50, 674),
    ("3.4", "Hur främjas den ömsesidiga förståelsen av uppgifter, roller och spelregler mellan politiker och tjänstemän?", 20, 14, 70, 675),
    ("4.1", "Vilken frihet har institutionerna/resultatenheterna i sin resursdisponering?", 30, 18, 60, 672),
    ("4.2", "Hur utnyttjas möjligheter till samarbete och samordning över sektorsgränserna?", 20, 14, 70, 673),
    ("4.3", "Går det att ta lokala initiativ med avsikt att hitta egna intäktskällor eller etablera samarbete med externa organ för att stärka serviceutbudet?", 20, 15, 75, 674),
    ("4.4", "Hur beskrivs förvaltningsledningen?", 20, 6, 30, 675),
    ("4.5", "Hur utövas den centrala ledningen över underställda avdelningar/enheter?", 10, 7.5, 75, 676),
    ("5.1", "Hur detaljerat är rapporteringssystemet?", 40, 22, 55, 680),
    ("5.2", "Hur sker rapporteringen från tvärsektoriella projekt och program, avseende processer och resultat?", 20, 6, 30, 681),
    ("5.3", "Strategier för att synliggöra kostnader.", 20, 10, 50, 682),
    ("5.4", "Kontroll- och uppföljningsrutiner.", 20, 12, 60, 683),
    ("6.1", "Hur stor vikt läggs vid personalutvecklingsåtgärder?", 20, 10, 50, 680),
    ("6.2", "Förekommer prestationslönesystem?", 20, 13, 65, 681),
    ("6.3", "Förekommer arbetsmiljöundersökningar?", 10, 7, 70, 682),
    ("6.4", "Förekommer medarbetarsamtal?", 20, 14, 70, 683),
    ("6.5", "Genomförs ledarutvecklingsprogram?", 20, 16, 80, 684),
    ("6.6", "Hur systematisk är budgetering och uppföljning av kompetensutveckling?", 10, 6, 60, 685),
    ("7.1", "Hur metodiskt sker utveckling av kvalitetssystem?", 20, 6, 30, 687),
    ("7.2", "Strategisk serviceutveckling.", 20, 6, 30, 688),
    ("7.3", "Tillvaratas de anställdas erfarenheter och kreativitet på ett aktivt sätt?", 20, 5, 25, 689),
    ("7.4", "Användning av Internet, Intranät eller motsvarande i ärendebehandling, serviceproduktion och uppföljning.", 20, 10, 50, 690),
    ("7.5", "Hur aktivt används jämförelser som ett led i service- och organisationsutvecklingen?", 20, 10, 50, 691),
    ("8.1", "Vad gör kommunen för att stötta föreningslivet?", 40, 34, 85, 687),
    ("8.2", "Kommunens samverkan med kulturlivet.", 20, 15, 75, 688),
    ("8.3", "Kommunen som partner för näringslivet.", 20, 14, 70, 689),
    ("8.4", "Kommunens internationella kontakter.", 20, 11, 55, 690),
]

# number, heading name, heading line, (summary value, line), (area-text value, line)
AREAS = [
    (1, "Offentlighet och demokratisk kontroll", 130, (57, 98), (57, 138)),
    (2, "Tillgänglighet och brukarorientering", 183, (54.5, 99), (54.5, 194)),
    (3, "Tydlighet i samspelet politiker – tjänstemän", 259, (63, 100), (63, 266)),
    (4, "Ledning, decentralisering och delegering", 331, (60.5, 101), (60.5, 341)),
    (5, "Kontroll och rapportering", 397, (50, 102), (50, 404)),
    (6, "Personalpolitik", 446, (66, 103), (66, 455)),
    (7, "Verksamhetsutveckling", 527, (38, 104), (38, 537)),
    (8, "Kommunen som samhällsbyggare", 591, (74, 105), (74, 598)),
]

# number: (strengths, improvements) counts, first strength line, first improvement line
FINDINGS = {
    1: (5, 4, 170, 178), 2: (6, 5, 244, 253), 3: (5, 3, 319, 327), 4: (4, 3, 386, 393),
    5: (4, 4, 434, 441), 6: (7, 5, 511, 521), 7: (4, 4, 579, 586), 8: (4, 3, 650, 657),
}


@pytest.fixture(scope="module")
def report(request):
    from tests.conftest import read_lines
    return PARSER.parse(read_lines("hallsberg-2008.txt"))


def _question(report, question_id):
    area = next(a for a in report.areas if a.number == int(question_id[0]))
    return next(q for q in area.questions if q.id == question_id)


def test_scores_high_only_for_its_layout(raw_lines):
    assert PARSER.score(raw_lines("hallsberg-2008.txt")) == 1.0
    assert PARSER.score(raw_lines("norsjo-2018.txt")) < 0.5
    assert PARSER.score(raw_lines("lindesberg-2021.txt")) < 0.5
    for path in (FIXTURES / "not_reports").glob("*.txt"):
        assert PARSER.score(path.read_text(encoding="utf-8").splitlines()) == 0.0


@pytest.mark.parametrize("question_id,title,maximum,achieved,percent,line", QUESTIONS)
def test_every_question_as_printed(report, question_id, title, maximum, achieved, percent, line):
    question = _question(report, question_id)
    assert (question.title, question.line) == (title, line)
    assert (question.max.value, question.achieved.value, question.percent.value) == (
        maximum, achieved, percent)
    assert question.achieved.line == question.max.line == question.percent.line == line


def test_question_count(report):
    assert sum(len(a.questions) for a in report.areas) == len(QUESTIONS)


def test_listed_titles_kept_where_they_differ(report):
    assert [t.text for t in _question(report, "1.1").other_titles] == ["Hur informeras invånarna?"]
    assert _question(report, "1.1").other_titles[0].line == 132
    assert [t.text for t in _question(report, "6.2").other_titles] == [
        "Finns förutsättningar för individuell lönesättning?"]
    assert _question(report, "1.2").other_titles == []


def test_fractional_scores_keep_their_printed_token(report):
    question = _question(report, "2.1")
    assert question.achieved.value == 4.5 and question.achieved.text == "4,5"


@pytest.mark.parametrize("number,name,line,summary,text", AREAS)
def test_every_area_score_and_where(report, number, name, line, summary, text):
    area = report.areas[number - 1]
    assert (area.number, area.name_in_source, area.line) == (number, name, line)
    assert [(s.value, s.where, s.line) for s in area.scores] == [
        (summary[0], "summary", summary[1]), (text[0], "area-text", text[1])]


def test_other_area_names(report):
    names = {a.number: [(n.text, n.line) for n in a.other_names] for a in report.areas}
    assert names[2] == [("Tillgänglighet/medborgar- och brukarorientering", 99),
                        ("Tillgänglighet och medborgar-/brukarorientering", 664)]
    assert names[3] == [("Tydlighet i samspelet mellan politiker och tjänstemän", 100)]
    assert names[8] == [("Kommun som samhällsbyggare", 105)]
    assert names[1] == []


def test_total_and_evaluation_facts(report):
    assert [(t.value, t.where, t.line) for t in report.totals] == [(463, "summary", 106)]
    assert (report.municipality.text, report.municipality.line) == ("Hallsbergs kommun", 9)
    assert (report.year.value, report.month.value, report.year.line) == (2008, 9, 87)
    assert report.report_date is None
    assert (report.publisher.text, report.publisher.line) == ("SKL", 20)
    assert [(e.text, e.line) for e in report.evaluators] == [
        ("Leif Eldås", 20), ("Bo Per Larsson", 22), ("Ingmar Kärrsten", 24)]
    assert report.interviewees.value == 30
    assert report.history == []


@pytest.mark.parametrize("number", range(1, 9))
def test_findings_one_item_per_bullet(report, number):
    strengths, improvements, first_strength, first_improvement = FINDINGS[number]
    area = report.areas[number - 1]
    assert (len(area.strengths), len(area.improvements)) == (strengths, improvements)
    assert area.strengths[0].line == first_strength
    assert area.improvements[0].line == first_improvement
    assert all("**" not in item.text and not item.text.startswith("-")
               for item in area.strengths + area.improvements)


def test_findings_text(report):
    area = report.areas[0]
    assert area.strengths[0].text == "Demokrati och dialog, centrala ledord för kommunens arbete."
    assert area.improvements[-1].text == "Tillhandahålla handlingar på hemsidan inför politiska möten."
    assert report.areas[6].improvements[-1].text == (
        "Finns en jantekultur? Det kan i så fall vara hämmande för utvecklingsarbetet i stort. "
        "Arbeta för att bryta kulturen om den är ett problem.")


def _values(parsed):
    """(id, max, achieved, percent) of every question, with the findings of every area."""
    questions = sorted((q.id, *(None if v is None else v.value
                                for v in (q.max, q.achieved, q.percent)))
                       for area in parsed.areas for q in area.questions)
    found = [(a.number, [f.text for f in a.strengths], [f.text for f in a.improvements])
             for a in parsed.areas]
    return questions, found


def _spread(line: str) -> str:
    """A question-table row as a PDF's column grid gives it: an empty cell after every
    filled one, as when the grid has more columns than the table."""
    if "\t" not in line or not re.match(r"^\t*[1-8](?:\.\d)?\t", line):
        return line
    return "\t".join(cell + "\t" if cell else cell for cell in line.split("\t"))


@pytest.mark.parametrize("shape", ["one-space", "expanded", "pdf-grid"])
def test_question_table_read_in_other_cell_shapes(report, shape):
    from tests.conftest import read_lines
    lines = read_lines("hallsberg-2008.txt")
    start = next(i for i, line in enumerate(lines) if "max-poäng" in line) - 2
    table = lines[start:]
    if shape == "one-space":
        table = [re.sub(r"\t+", " ", line) for line in table]
    elif shape == "expanded":
        table = [line.expandtabs(8) for line in table]
    else:
        table = [_spread(line) for line in table]
    assert _values(PARSER.parse(lines[:start] + table)) == _values(report)


def test_scanned_bullets_open_items_and_wrapped_lines_continue_them(report):
    from tests.conftest import read_lines
    lines, marks = [], iter(["+", "«", "* ", "e", "+»", "o"] * 200)
    for line in read_lines("hallsberg-2008.txt"):
        bullet = re.match(r"^- \*\*(.+)\*\*$", line)
        if not bullet:
            lines.append(line)
            continue
        words = bullet.group(1).split()
        half = max(1, len(words) // 2)  # wrapped onto a second line, as a scan keeps it
        lines += [f"{next(marks)} {' '.join(words[:half])}", " ".join(words[half:]), ""]
    lines = [line for line in lines if line.strip() != "-"]
    assert _values(PARSER.parse(lines))[1] == _values(report)[1]


def test_a_lost_total_row_and_a_misread_heading_digit_show(tmp_path):
    from kompass_cli.run.pipeline import parse_file
    from tests.conftest import RAW

    text = (RAW / "hallsberg-2008.txt").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^TOTALT\t463$", "", text)
    text = text.replace("Område 2 Tillgänglighet", "Område 3Tillgänglighet", 1)
    path = tmp_path / "hallsberg-2008.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_file(path).model_dump(mode="json")
    codes = {(d["code"], d["severity"], d["area"]) for d in report["diagnostics"]}
    assert ("total-missing", "warning", None) in codes
    assert ("area-number-from-questions", "warning", 2) in codes
    assert report["areas"][1]["score"] == 54.5 and report["total"]["score"] is None


def test_a_score_sentence_wrapped_before_its_points_word(report):
    from tests.conftest import read_lines
    lines = []
    for line in read_lines("hallsberg-2008.txt"):
        cut = re.search(r"uppnår kommunen \d+(?:,\d+)? (?=poäng)", line)
        lines += [line[:cut.end()].rstrip(), line[cut.end():]] if cut else [line]
    parsed = PARSER.parse(lines)
    assert [[s.value for s in a.scores] for a in parsed.areas] == \
        [[s.value for s in a.scores] for a in report.areas]
