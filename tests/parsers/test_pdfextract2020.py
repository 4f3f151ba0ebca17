"""The 2020 PDF-extract layout, checked value by value against Lindesberg 2021."""

from __future__ import annotations

from pathlib import Path

import pytest

from kompass_cli.core.raw import Note
from kompass_cli.parsers.findings2020 import split_run_together
from kompass_cli.parsers.htmlcells import html_blocks, strip_html
from kompass_cli.parsers.pdfextract2020 import PdfExtract2020Parser

PARSER = PdfExtract2020Parser()
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# id, printed title (overview table), achieved, max, percent, line,
# (heading in the section's 'Rubriker Poäng' box, its line)
QUESTIONS = [
    ('1.1', 'Strategi för demokratiutveckling och information', 6, 20, 30, 466, ('Strategi för demokratiutveckling och information', 130)),
    ('1.2', 'Kommunens information till medborgarna', 6, 10, 60, 467, ('Kommunens information till medborgare', 130)),
    ('1.3', 'Medborgarnas möjlighet till dialog med politiken', 15, 30, 50, 468, ('Medborgarnas möjlighet till dialog med politiken', 130)),
    ('1.4', 'Transparens kring resultat', 3, 10, 30, 469, ('Transparens kring resultat', 130)),
    ('1.5', 'Förutsättningar för politiken', 17, 30, 57, 470, ('Förutsättningar för politiken', 130)),
    ('2.1', 'Strategiskt arbete', 7, 15, 47, 474, ('Strategi för hållbar utveckling', 172)),
    ('2.2', 'Social hållbarhet', 13, 30, 43, 475, ('Social hållbarhet', 172)),
    ('2.3', 'Ekologisk hållbarhet', 10, 30, 33, 476, ('Ekologisk hållbarhet', 172)),
    ('2.4', 'CIVILSAMHÄLLE, NÄRINGS- OCH KULTUR', 12, 25, 48, 477, ('CIVILSAMHÄLLE, NÄRINGS-LIV OCH KULTUR', 172)),
    ('3.1', 'Strategi för styrning', 7, 10, 70, 481, ('Strategi för styrning', 218)),
    ('3.2', 'Politisk styrning', 18, 40, 45, 482, ('Politisk styrning', 218)),
    ('3.3', 'Uppföljning och analys', 16, 30, 53, 483, ('Uppföljning och analys', 218)),
    ('3.4', 'Samspel mellan rollerna som förtroendevald respektive tjänsteperson', 15, 20, 75, 484, ('Samspel mellan rollerna som förtroendevald respektive tjänsteperson', 218)),
    ('4.1', 'Strategi för effektivitet', 9, 20, 45, 488, ('Strategi för effektivitet', 268)),
    ('4.2', 'Jämförelser för effektivitet', 11, 30, 36, 489, ('Jämförelser för effektivitet', 268)),
    ('4.3', 'Nya arbetssätt och ny teknik som ökar effektivitet', 14, 30, 47, 490, ('Nya arbetssätt och ny teknik som ökar effektivitet', 268)),
    ('4.4', 'Samverkan för effektivitet', 12, 20, 60, 491, ('Samverkan för effektivitet', 268)),
    ('5.1', 'Strategi för brukarens fokus', 15, 20, 75, 495, ('Strategi för brukarens fokus', 306)),
    ('5.2', 'Fokus på service', 9, 20, 45, 496, ('Fokus på service', 306)),
    ('5.3', 'Förenklade kontakter med kommunen', 11, 20, 55, 497, ('Förenklade kontakter med kommunen', 306)),
    ('5.4', 'Information kring kommunens serviceutbud', 6, 20, 30, 498, ('Information kring kommunens serviceutbud', 306)),
    ('5.5', 'Möjlighet att påverka utformningen av de egna tjänsterna', 11, 20, 55, 499, ('Möjlighet att påverka utformningen av de egna tjänsterna', 306)),
    ('6.1', 'Strategi för kvalitetsutveckling', 9, 20, 45, 503, ('Strategi för kvalitetsutveckling', 344)),
    ('6.2', 'Centrala utvecklingsinsatser för bättre kvalitet', 15, 20, 75, 504, ('Centrala utvecklingsinsatser för bättre kvalitet', 344)),
    ('6.3', 'Förbättringsarbete', 9, 30, 30, 505, ('Förbättringsarbete', 344)),
    ('6.4', 'Samverkan för kvalitetsutveckling', 14, 30, 47, 506, ('Samverkan för kvalitetsutveckling', 344)),
    ('7.1', 'Strategier för ett hållbart arbetsliv', 10, 15, 67, 510, ('Strategier för ett hållbart arbetsliv', 376)),
    ('7.2', 'Strategisk kompetensförsörjning', 28, 40, 70, 511, ('Strategisk kompetensförsörjning', 376)),
    ('7.3', 'Arbetsmiljö och sjukfrånvaro', 21, 25, 84, 512, ('Arbetsmiljö och sjukfrånvaro', 376)),
    ('7.4', 'Jämställdhet och mångfald', 13, 20, 65, 513, ('Jämställdhet och mångfald', 376)),
    ('8.1', 'Strategi för chefs- och ledarskap samt medarbetarskap', 10, 20, 50, 517, ('Strategi för chefs- och ledarskap samt medarbetarskap', 424)),
    ('8.2', 'Högsta cheferna som förebilder', 13, 20, 65, 518, ('Högsta cheferna som förebilder', 424)),
    ('8.3', 'Chefers uppdrag', 14, 20, 70, 519, ('Chefers uppdrag', 424)),
    ('8.4', 'Intern kommunikation', 15, 20, 75, 520, ('Intern kommunikation', 424)),
    ('8.5', 'Utveckling av ledarskap och medarbetarskap', 9, 20, 45, 521, ('Utveckling av ledarskap och medarbetarskap', 424)),
]

# number, heading name, heading line, every stated score as (value, where, line)
AREAS = [
    (1, "Samspel mellan förtroendevalda och medborgare", 127,
     [(46, "summary", 105), (46, "area-header", 130), (47, "overview-table", 471)]),
    (2, "Samhällsutveckling", 169,
     [(42, "summary", 107), (42, "area-header", 172), (42, "overview-table", 478)]),
    (3, "Styrning och kontroll", 215,
     [(56, "summary", 111), (56, "area-header", 218), (56, "overview-table", 485)]),
    (4, "Effektivitet", 265,
     [(45, "summary", 113), (45, "area-header", 268), (46, "overview-table", 492)]),
    (5, "Brukarens fokus", 303,
     [(51, "summary", 115), (51, "area-header", 306), (52, "overview-table", 500)]),
    (6, "Kvalitetsutveckling", 341,
     [(47, "summary", 117), (47, "area-header", 344), (47, "overview-table", 507)]),
    (7, "Arbetsliv", 373,
     [(72, "summary", 121), (72, "area-header", 376), (72, "overview-table", 514)]),
    (8, "Chefs- och ledarskap samt medarbetarskap", 421,
     [(61, "summary", 123), (61, "area-header", 424), (61, "area-text", 436),
      (61, "overview-table", 522)]),
]

# number: (strengths, improvements) as (text, line), checked by hand against the report
FINDINGS = {
    1: (
        [
            ('Öppna KS', 167),
            ('websända KF, KF på ”turné”', 167),
            ('Medborgarförslag', 167),
            ('Kontaktuppgifter till politiker', 167),
            ('Riktlinje för medborgardialog', 167),
            ('Kommundialoger och lokala utvecklingsgrupper', 167),
            ('Medarbetare från verksamheter på instagram', 167),
            ('Innehållsrik politikerutbildning', 167),
            ('Riktlinje för mutor och jäv, gäller förtroendevalda såväl som tjänstepersoner', 167),
        ],
        [
            ('Strategi för demokratiutveckling med ett systematiserat utvecklingsarbete', 167),
            ('Aktuell strategi för information/kommunikation', 167),
            ('Kortversioner av ärenden före och efter beslut.', 167),
            ('Involvera medborgare systematiskt i beslutsprocesser', 167),
            ('Information till kommuninvånare om verksameters ekonomiska och kvalitativa resultat, även i jämförelse med andra. Nyttja er web och sociala medier', 167),
            ('Kvalitetssäkrade beslutsunderlag med alternativa förslag till beslut', 167),
            ('Förebyggande arbete och utbildning gällande hot och hat mot förtroendevalda', 167),
            ('Whistleblowerfunktion', 167),
        ],
    ),
    2: (
        [
            ('Ny styrmodell som stödjer hållbar utveckling', 213),
            ('Strategi för hållbar upphandling', 213),
            ('Regional samverkan kring vissa delar inom hållbarhet', 213),
            ('Samarbetet kring framtidens stadsdel', 213),
            ('Aktiva och belönade bolag i frågorna', 213),
            ('Återanvänder/anpassar lokaler', 213),
            ('Hållbarhetsperspektiv i beslutsmodell', 213),
            ('KSO leder numer intresseområden för att få helhet i frågor', 213),
            ('Ambition med likvärdig service bland annat genom noderna/servicepunkterna', 213),
            ('Rikt föreningsliv, samverkansavtal finns i vissa fall. Fokus på barn & unga', 213),
            ('Företagsfrukostar, nätverk och uttalat mål', 213),
            ('Finskt förvaltningsområde', 213),
        ],
        [
            ('Tydligare gemensamts anslag – det är också efterfrågat från linjen', 213),
            ('Analyser som grund för målsättning inom hållbarhetsområdet', 213),
            ('Information, kunskap och stöd till invånare, medarbetare och företag', 213),
            ('Balans mellan och kunskap om hållbarhetsperspektivens bredd', 213),
            ('Stöd till företagen', 213),
            ('Utnyttja sociala media för att nå ut till hushållen', 213),
            ('Strategi för samverkan med civilsamhället', 213),
        ],
    ),
    3: (
        [
            ('Styrmodell som verkar i flera led', 255),
            ('Utskottsarbete under stödjer samspel politiker och tjänstepersoner', 256),
            ('Modell för uppsiktsplikt', 257),
            ('Tillitsbaserad styrning', 258),
            ('Tillsammans som förhållningssätt', 259),
            ('Stödsystem för planering och uppföljning som gynnar röda tråden', 260),
            ('Resultatdialoger', 261),
            ('Nya utskottet som arena mellan politik och tjänstepersoner', 262),
            ('Samspel mellan roller', 263),
        ],
        [
            ('Kommunfullmäktige som styrande organ', 255),
            ('Politiskt beslutad känd gemensam vision. ”Vi jobbar med egna visioner”- Sy ihop ?', 256),
            ('Politiskt beslutad gemensam värdegrund', 257),
            ('Använd ”tillsammansbegreppet”', 258),
            ('Ekonomi- och verksamhetsstyrning som tydligt hänger ihop', 259),
            ('Konsekvenser av avvikelser, ”spelar det någon roll om jag håller budget”?', 260),
            ('Historik med skav mellan politik och tjänstepersoner, att inte tala gott om varandra', 261),
            ('Stödsystem nytt för en del, och inte i hamn än.', 262),
            ('Finns oro inför valrörelsen. Finns mod i politiken?', 263),
        ],
    ),
    4: (
        [
            ('Balanserad styrmodell', 301),
            ('Samverkan i regionen', 301),
        ],
        [
            ('Strategi för effektivitet', 301),
            ('Analysarbete', 301),
            ('Uppföljningsmodell - investeringar', 301),
            ('Anpassning till demografi', 301),
            ('Jämförelser - kolada', 301),
            ('Digitalisering', 301),
            ('Förenkla administrationen', 301),
            ('Samverkan internt, tvärsektoriellt', 301),
        ],
    ),
    5: (
        [
            ('Grunduppdrag som uppdrag', 339),
            ('Lönekriterier', 339),
            ('Metod för feedbackövningar', 339),
            ('Stående punkt med goda exempel på nämndssammanträden', 339),
            ('Medborgarservice', 339),
        ],
        [
            ('Stärkt kund- och brukarperspektiv generellt.', 339),
            ('E-tjänster som är fullt ut digitala', 339),
            ('Websida med information anpassat till potentiella kundgrupper', 339),
            ('Resultat från enkäter på web', 339),
            ('Systematiserat och strategiskt arbete med jämförelser', 339),
        ],
    ),
    6: (
        [
            ('Pedagogiska priset', 371),
            ('Snabbfotad organisation i förändring tack vare plattformen.', 371),
            ('App. för felanmälan som tar in brett.', 371),
        ],
        [
            ('Lex Sara och Lex Maria har ökat sista året. Analys och åtgärder saknas.', 371),
            ('Övergripande strategi för kvalitetsutveckling och ständiga förbättringar vid sidan av den utvecklade styrningen', 371),
            ('Digitaliseringens/IT grunduppdrag som stöd för verksamhetsutveckling', 371),
            ('Stöd för innovation (sambandsbyggnad och bolagen gott exempel)', 371),
            ('Samverkan med brukare för att utveckla kvaliteten, tjänstedesign', 371),
            ('Tydliggör ”rätt” kvalitet', 371),
        ],
    ),
    7: (
        [
            ('Strategi behålla arbetsförmåga. ”Går ej att smita förbi chefsansvaret”', 419),
            ('Strategier för attraktiv arbetsgivare.', 419),
            ('Riktlinjer för lönepolitik, kartläggningar', 419),
            ('Samverkansavtal – även tydligt i mål och budgetprocess enligt fack. obs saknas APT under pandemin', 419),
            ('Stöd även till icke arbetsrelaterade problem', 419),
            ('Hälsofrämjande arbete, hälsoutvecklare centralt, cyklar, löneväxling,', 419),
            ('Etablerade kända rutiner för sjukanmälan, rehabilitering - låg sjukfrånvaro ett resultat', 419),
            ('Arbetsmiljöundersökning', 419),
            ('Företagshälsovård', 419),
            ('Kompetensförsörjningsstrategier', 419),
            ('Kompetensbaserad rekrytering', 419),
            ('Analyserat behov och varför man väljer Lindsberg', 419),
            ('Validering av kompetens', 419),
            ('Rätt till heltid', 419),
            ('Samverkan med universitet – anställer studenter och bygger på kunskap hos befintlig personal', 419),
            ('Kultur i organisationen', 419),
            ('HR som verkligt stöd', 419),
            ('Jämställdhet utifrån regional strategi, fått effekt utifrån jämställdhet. Flerspråkighet en lönefråga.', 419),
        ],
        [
            ('Kompetensbaserad rekrytering inte känd', 419),
            ('Koppla strategier med det tredelade ledarskapet till tillitsbaserad styrmodell', 419),
            ('”Verktyg finns, men inget årshjul eller systematiserat”, exempelvis brandskydd och HLR utbildning', 419),
        ],
    ),
    8: (
        [
            ('Inkluderande klimat.', 459),
            ('Ledarforum som kommunikationsväg.', 459),
            ('Framtidens ledare', 459),
            ('Ledarskapsprogram via regionen', 459),
            ('Publika chefsanteckningar', 459),
            ('”Öppen dörr”-kultur. Närvarande ledarskap.', 459),
            ('Uppskattade Teams-kanaler och grupper', 459),
            ('Introduktion, Mentorskap i delar av organisationen', 459),
            ('Medarbetarsamtal', 459),
            ('Chefshandbok - Tydliga chefsuppdrag med mandat', 459),
            ('Medarbetarhandbok – per förvaltning', 459),
            ('Arbetsmiljöansvaret tydligt genom återkommande utbildning', 459),
        ],
        [
            ('Lagtröja i den platta organisationen', 459),
            ('Forum för enhetschefer som inte har sitt ”skrä” att utvecklas både gällande effektivitet och chef- och ledarskap. ”Läs chefshandboken” ett svar?', 459),
            ('Stora arbetsgrupper – (men inget som organisationen påpekat).', 459),
            ('Strategi för kommunikation av information', 459),
            ('Stöd för utveckling/omställning', 459),
        ],
    ),
}


@pytest.fixture(scope="module")
def report():
    from tests.conftest import read_lines
    return PARSER.parse(read_lines("lindesberg-2021.txt"))


def _question(report, question_id):
    area = next(a for a in report.areas if a.number == int(question_id[0]))
    return next(q for q in area.questions if q.id == question_id)


def test_scores_high_only_for_its_layout(raw_lines):
    assert PARSER.score(raw_lines("lindesberg-2021.txt")) == 1.0
    assert PARSER.score(raw_lines("hallsberg-2008.txt")) == 0.0
    assert PARSER.score(raw_lines("norsjo-2018.txt")) == 0.0
    not_reports = sorted((FIXTURES / "not_reports").glob("*.txt"))
    assert not_reports
    for path in not_reports:
        assert PARSER.score(path.read_text(encoding="utf-8").splitlines()) == 0.0


@pytest.mark.parametrize("question_id,title,achieved,maximum,percent,line,heading", QUESTIONS)
def test_every_question_as_printed(report, question_id, title, achieved, maximum, percent,
                                   line, heading):
    question = _question(report, question_id)
    assert (question.title, question.line) == (title, line)
    assert (question.achieved.value, question.max.value, question.percent.value) == (
        achieved, maximum, percent)
    assert question.achieved.line == question.max.line == question.percent.line == line
    assert {question.achieved.where, question.max.where, question.percent.where} == {
        "overview-table"}
    assert question.percent.text == f"{percent}%"
    assert [(t.text, t.line) for t in question.other_titles] == [heading]


def test_question_count_and_order(report):
    ids = [q.id for area in report.areas for q in area.questions]
    assert ids == [row[0] for row in QUESTIONS]
    assert len(ids) == 35


@pytest.mark.parametrize("number,name,line,scores", AREAS)
def test_every_area_score_and_where(report, number, name, line, scores):
    area = report.areas[number - 1]
    assert (area.number, area.name_in_source, area.line) == (number, name, line)
    assert [(s.value, s.where, s.line) for s in area.scores] == scores


def test_area_count(report):
    assert [a.number for a in report.areas] == list(range(1, 9))


def test_summary_scores_add_up_to_the_total(report):
    assert sum(area.scores[0].value for area in report.areas) == report.totals[0].value


def test_old_area_name_in_overview_is_kept(report):
    names = {a.number: [(n.text, n.line) for n in a.other_names] for a in report.areas}
    assert names[1] == [("Offentlighet och demokrati", 465)]
    assert all(names[number] == [] for number in range(2, 9))


def test_totals(report):
    assert [(t.value, t.where, t.line, t.text) for t in report.totals] == [
        (420, "summary", 85, "420p"), (420, "headline", 97, "420")]


def test_cover_and_evaluation_facts(report):
    assert (report.parser, report.municipality.text, report.municipality.line) == (
        "pdf-extract-2020", "Lindesberg", 3)
    assert (report.report_date.text, report.report_date.line) == ("2020-05-11", 5)
    assert (report.year.value, report.year.where, report.year.line) == (2021, "evaluation", 77)
    assert (report.month.value, report.month.line) == (3, 77)
    assert report.publisher.text == "SKR"
    assert [(e.text, e.line) for e in report.evaluators] == [
        ("Josephine Härdin", 7), ("Karolina Dahlblom", 7)]
    assert (report.interviewees.value, report.interviewees.line) == (40, 79)
    assert report.history == []


@pytest.mark.parametrize("number", range(1, 9))
def test_findings_complete(report, number):
    strengths, improvements = FINDINGS[number]
    area = report.areas[number - 1]
    assert [(item.text, item.line) for item in area.strengths] == strengths
    assert [(item.text, item.line) for item in area.improvements] == improvements


def test_findings_counts(report):
    counts = [(len(a.strengths), len(a.improvements)) for a in report.areas]
    assert counts == [(9, 8), (12, 7), (9, 9), (2, 8), (5, 5), (3, 6), (18, 3), (12, 5)]


def test_findings_carry_no_markup(report):
    for area in report.areas:
        for item in area.strengths + area.improvements:
            assert "<" not in item.text and ">" not in item.text
            assert item.text == item.text.strip() and "  " not in item.text
            assert not item.text.startswith("-")


def test_notes_mark_only_the_run_together_cells(report):
    assert report.notes == [Note("findings-split-inferred", 339, {}, area=5)]


@pytest.mark.parametrize("fragment,blocks", [
    ("<p>Öppna KS</p> <p>websända KF</p>", ["Öppna KS", "websända KF"]),
    ('<ul style="list-style-type: none"><li><p>Ett <b>fett</b> ord</p></li></ul>',
     ["Ett fett ord"]),
    ("<P CLASS='x'>Stora</P><BR/>Små<br >Sista", ["Stora", "Små", "Sista"]),
    ("<h1>42</h1>", ["42"]),
    ("barn &amp; unga&nbsp;och &lt;p&gt; som text", ["barn & unga och <p> som text"]),
    ("<div><span>inre</span><!-- kommentar <p> --></div>", ["inre"]),
    ("<p>oavslutad <em>tagg</p><p></p><p>  </p>", ["oavslutad tagg"]),
    ("ingen markup alls", ["ingen markup alls"]),
])
def test_html_blocks(fragment, blocks):
    assert html_blocks(fragment) == blocks


def test_strip_html_joins_blocks_on_one_line():
    assert strip_html("<ul><li>ett</li>\n<li>två</li></ul>") == "ett två"
    assert strip_html("") == ""


@pytest.mark.parametrize("text,items", [
    ("Grunduppdrag som uppdrag Lönekriterier Metod för feedbackövningar",
     ["Grunduppdrag som uppdrag", "Lönekriterier", "Metod för feedbackövningar"]),
    ("Stärkt perspektiv generellt. E-tjänster som är digitala",
     ["Stärkt perspektiv generellt.", "E-tjänster som är digitala"]),
    ("Öppna KS och KF Stöd till IT-stöd", ["Öppna KS och KF", "Stöd till IT-stöd"]),
    ("Lex Sara och Lex Maria har ökat Analys saknas",
     ["Lex Sara och Lex Maria har ökat", "Analys saknas"]),
    ("Samverkan med Region Stöd", ["Samverkan med Region", "Stöd"]),
    ("Ekonomi- Verksamhet", ["Ekonomi- Verksamhet"]),
    ("ett enda", ["ett enda"]),
    ("", []),
])
def test_split_run_together(text, items):
    assert split_run_together(text) == items


PLAIN_SECTION = """Kommunkompassen Analys av Testby

Område 1 Samspel mellan förtroendevalda och medborgare

Rubriker Poäng
• Strategi för demokratiutveckling
• Förutsättningar för politiken 38

Styrkor\tFörbättringsmöjligheter
Öppna möten\t- Strategi
Webbsändningar\t

1. Offentlighet och demokrati\tUppnått\tMax\tProcent
1.1 Strategi för demokratiutveckling\t6\t20\t30%
1.2 Förutsättningar för politiken\t32\t80\t40%
\t38\t100\t38%
"""


def test_same_rules_read_text_without_markup():
    report = PARSER.parse(PLAIN_SECTION.splitlines())
    (area,) = report.areas
    assert [(s.value, s.where, s.line) for s in area.scores] == [
        (38, "area-header", 7), (38, "overview-table", 16)]
    assert [(t.text, t.line) for q in area.questions for t in q.other_titles] == [
        ("Strategi för demokratiutveckling", 6), ("Förutsättningar för politiken", 7)]
    assert [(i.text, i.line) for i in area.strengths] == [("Öppna möten", 10),
                                                          ("Webbsändningar", 11)]
    assert [(i.text, i.line) for i in area.improvements] == [("Strategi", 10)]
    assert report.notes == []


PROSE = """Kommunkompassen Analys av Testby

Området arbetsliv fick 72 poäng, samspel mellan förtroendevalda och medborgare 46 poäng.
Totalt får kommunen 420 poäng med arbetsliv. Arbetslivsområdet fick 9 poäng enligt ingen.

Område 1 Samspel mellan förtroendevalda och medborgare

Området fick 46 poäng av kommunens 470 poäng.

Område 7 Arbetsliv

Rubriker\tPoäng
• Strategier\t72
"""


def test_prose_scores_go_to_the_nearest_named_area():
    report = PARSER.parse(PROSE.splitlines())
    scores = {a.number: [(s.value, s.where, s.line) for s in a.scores] for a in report.areas}
    assert scores == {1: [(46, "summary", 3), (46, "area-text", 8)],
                      7: [(72, "summary", 3), (72, "area-header", 13)]}
    assert [(t.value, t.where, t.line) for t in report.totals] == [(420, "headline", 4)]


BOX_WITHOUT_CELLS = """Kommunkompassen Analys av Testby
Område 7 Arbetsliv
Rubriker Poäng
• Strategier för arbetslivet
• Arbetsmiljö
72
Allmänt
Kommunen arbetar med arbetsmiljön.
Den når goda resultat.
"""


def test_score_box_without_cells_or_blank_lines_ends_at_its_score():
    """Text extracted line by line (pdftotext -raw) has no tabs and no blank lines: the
    box ends with its score, and the prose after it gives no headings."""
    (area,) = PARSER.parse(BOX_WITHOUT_CELLS.splitlines()).areas
    assert [(s.value, s.where, s.line) for s in area.scores] == [(72, "area-header", 6)]
    assert [(q.id, q.title, q.line) for q in area.questions] == [
        ("7.1", "Strategier för arbetslivet", 4), ("7.2", "Arbetsmiljö", 5)]


OVERVIEW_SIGN_MISREAD = """Kommunkompassen Analys av Testby
Område 1 Samspel mellan förtroendevalda och medborgare

Rubriker\tPoäng
• Strategi\t38

1. Samspel mellan förtroendevalda och medborgare Uppnått Max Procent
1.1 Strategi för demokratiutveckling 6 20 3020
1.2 Förutsättningar för politiken 32 80 40%
38 100 3896
"""


def test_percent_whose_sign_ocr_read_as_digits_is_not_read_but_flagged():
    """'30%' scanned as '3020': achieved and max are read, the percent is not guessed."""
    report = PARSER.parse(OVERVIEW_SIGN_MISREAD.splitlines())
    (area,) = report.areas
    rows = [(q.id, q.achieved.value, q.max.value, q.percent and q.percent.value)
            for q in area.questions]
    assert rows == [("1.1", 6, 20, None), ("1.2", 32, 80, 40)]
    assert [(s.value, s.where, s.line) for s in area.scores] == [
        (38, "area-header", 5), (38, "overview-table", 10)]
    # the missing percent is flagged by the consistency checks; the section has no findings
    assert [note.code for note in report.notes] == ["findings-missing"]


def test_score_centred_beside_the_bullets_keeps_the_bullets_after_it():
    """pdftotext -layout prints a vertically centred score cell between the bullets."""
    text = BOX_WITHOUT_CELLS.replace("• Arbetsmiljö\n72\n", "72\n• Arbetsmiljö\n")
    (area,) = PARSER.parse(text.splitlines()).areas
    assert [(s.value, s.line) for s in area.scores] == [(72, 5)]
    assert [q.title for q in area.questions] == ["Strategier för arbetslivet", "Arbetsmiljö"]


SCANNED = """Kommunkompassen Analys av Testby
Område 2 Samhällsutveckling..... : (ie
Område 2°’Samhällsutveckling

Rubriker - : aa . Oo Poäng

» Strategi för hållbar utveckling

+ Social hållbarhet - . . . . 42

. Ekologisk hållbarhet

Allmänt

2. Samhällsutveckling Uppnått Max = |Procent
2.1 Strategiskt arbete 7 15 47%
2.2 Social hållbarhet | 13 | 30 43%
42 [100 [42%
"""


def test_scan_specks_between_cells_and_headings_are_read_through():
    """A scan reads specks and table rules as short tokens: between the number and the
    name of a heading, between a box's header cells, before its score, and as bars or
    brackets between a table's cells. A contents line with dot leaders is no heading,
    whatever a scan made of its page number."""
    report = PARSER.parse(SCANNED.splitlines())
    (area,) = report.areas
    assert (area.number, area.name_in_source, area.line) == (2, "Samhällsutveckling", 3)
    assert [(s.value, s.where, s.line) for s in area.scores] == [
        (42, "area-header", 9), (42, "overview-table", 18)]
    assert [(q.id, q.achieved and q.achieved.value, q.max and q.max.value) for q in
            area.questions] == [("2.1", 7, 15), ("2.2", 13, 30), ("2.3", None, None)]
    assert [t.text for q in area.questions for t in q.other_titles] == [
        "Strategi för hållbar utveckling", "Social hållbarhet"]
    assert area.questions[2].title == "Ekologisk hållbarhet"
