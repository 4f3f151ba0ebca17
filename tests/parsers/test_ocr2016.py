"""The 2016 OCR layout, checked value by value against Norsjö 2018 (read by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kompass_cli.core.raw import Note
from kompass_cli.parsers.interleave import text_width
from kompass_cli.parsers.ocr2016 import Ocr2016Parser
from kompass_cli.parsers.ocrlines import join_lines

PARSER = Ocr2016Parser()
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# id, title (rejoined, separators dropped), question line, achieved, max, percent, numbers line
QUESTIONS = [
    ('1.1', 'Finns en plan/strategi for demokratiutveckling och information?', 155, 13, 15, 85, 157),
    ('1.2', 'Informeras invanarna om aktuella fragor i politiken?', 159, 14, 20, 71, 159),
    ('1.3', 'Informerasinvanare om resultat?', 163, 12, 25, 48, 163),
    ('1.4', 'Framjas invanardialog och deltagande?', 165, 24, 30, 81, 165),
    ('1.5', 'Etik - Hur skapas tillit genom hog etisk standard?', 167, 7, 10, 65, 167),
    ('2.1', 'Finns det en kommundvergripande strategi for brukarfokus?', 337, 12, 15, 80, 338),
    ('2.2', 'Hur arbetar kommunen med tillganglighet och bemodtande?', 339, 16, 25, 63, 340),
    ('2.3', 'Hur informerar kommunen om service och tjanster?', 341, 9, 20, 46, 341),
    ('2.4', 'Hur arbetar kommunen med brukarundersokningar?', 343, 12, 20, 61, 343),
    ('2.5', 'Hur arbetar kommunen med att fortydliga tjansternas innehall samt synpunkts- och klagomalshantering for medborgare/brukare?', 345, 14, 20, 70, 346),
    ('3.1', 'Genomsyras hela organisationen av ett helhetstankande avseende styrning/uppféljning?', 492, 12, 15, 81, 493),
    ('3.2', 'Styrs kommunen av tydliga politiska mal?', 495, 16, 25, 65, 495),
    ('3.3', 'Rapporterar forvaltningen till den politiska nivan och har politikerna méjlighet att utéva tillsyn over forvaltningen?', 497, 14, 25, 57, 498),
    ('3.4', 'Finns det en tydlig delegation och ansvarsfordelning mellan politisk och tjdnstemannaniva?', 501, 19, 20, 94, 503),
    ('3.5', 'Finns det en 6msesidig forstaelse av uppgifter, roller och spelregler mellan politiker och tjansteman?', 504, 10, 15, 69, 505),
    ('4.1', 'Finns kommundovergripande strategi for ledarskap, ansvar och delegation?', 702, 14, 15, 90, 703),
    ('4.2', 'Vilket ansvar har resultatenheterna for budget, personal och organisation?', 704, 4, 10, 40, 705),
    ('4.3', 'Beskrivs inriktning och ansvar for tvdrsektoriellt samarbete?', 706, 6, 20, 29, 707),
    ('4.4', 'Tydliggors det personliga uppdraget for alla chefer i organisationen?', 708, 10, 15, 63, 709),
    ('4.5', 'Sker central ledning for understallda avdelningar/enheter?', 710, 15, 20, 73, 711),
    ('4.6', 'Bedriver kommunens ledarutveckling?', 712, 13, 20, 63, 712),
    ('5.1', 'Finns en strategi for resultatstyrning och effektivitetsutveckling?', 832, 11, 15, 75, 833),
    ('5.2', 'Tydliggdér kommunen sambandet mellan kostnader och resultat i budgetprocessen?', 835, 14, 25, 57, 836),
    ('5.3', 'Arbetar kommunen med utveckling uppfoljning och kontroll?', 838, 8, 15, 50, 839),
    ('5.4', 'Kommuniceras och fors strategiska diskussioner kring resurser och resultat?', 841, 10, 15, 67, 842),
    ('5.5', 'Anvands jamforelser aktivt som ett led i serviceutveckling och effektivisering?', 844, 8, 20, 39, 845),
    ('5.6', 'Sker extern samverkan for att starka serviceutbudet och 6ka effektivitet?', 847, 10, 10, 100, 848),
    ('6.1', 'Finns en kommundvergripande personalstrategi?', 1003, 5, 15, 30, 1003),
    ('6.2', 'Tillvaratas befintliga och hur rekryteras nya medarbetare? Kommunen som ”attraktiv arbetsgivare”.', 1004, 14, 20, 68, 1005),
    ('6.3', 'Laggs stor vikt pa kompetens- och medarbetarutveckling?', 1007, 15, 25, 59, 1008),
    ('6.4', 'Sker individuell I6nesattning och beldning av goda prestationer?', 1009, 9, 15, 61, 1010),
    ('6.5', 'Arbetar kommunen med medarbetarundersokningar?', 1011, 13, 15, 87, 1011),
    ('6.6', 'Arbetar kommunen med mangfald, (etnicitet, kulturellt och kon)?', 1013, 4, 10, 40, 1014),
    ('7.1', 'Finns en strategi for standiga forbattringar?', 1210, 12, 15, 80, 1210),
    ('7.2', 'Arbetar verksamheterna med analys av avvikelser, brister och problem?', 1211, 15, 25, 59, 1212),
    ('7.3', 'Sker extern omvarldsspaning och samverkan for att forbattra kvaliteten pa tjansterna?', 1213, 12, 20, 60, 1214),
    ('7.4', 'Flfms metoder for att forbattra kvaliteten pa tjansterna?', 1215, 9, 20, 43, 1215),
    ('7.5', 'Arbetar kommunen med kreativitet och forbattringar?', 1217, 3, 20, 40, 1217),
    ('8.1', 'Finns 6vergripande planer/strategier for samhallsbyggande?', 1361, 12, 15, 78, 1362),
    ('8.2', 'Samverkar kommunen med aktorer inom civilsamhallet kring utveckling av lokalsamhallet?', 1363, 12, 15, 78, 1364),
    ('8.3', 'Samverkar kommunen med kulturlivet?', 1366, 13, 15, 87, 1366),
    ('8.4', 'Vilken ar kommunens roll i utveckling av naringslivet?', 1367, 12, 15, 82, 1367),
    ('8.5', 'Arbetar kommunen med internationella kontakter?', 1368, 4, 10, 36, 1368),
    ('8.6', 'Arbetar kommunen med miljéfragor?', 1369, 6, 15, 41, 1369),
    ('8.7', 'Hur framijas social hallbarhet?', 1370, 10, 15, 68, 1370),
]

# number, section heading name, heading line, summary (history 2018) line, total row (value, line),
# other names (history table row, Delpoäng table header) where they differ from the heading
AREAS = [
    (1, "Offentlighet och demokrati", 136, 69, 107, (69, 169), []),
    (2, "Tillganglighet och brukarorientering", 324, 63, 108, (63, 348),
     [("Tillginglighet och brukarorientering", 336)]),
    (3, "Politisk styrning och kontroll", 476, 72, 109, (72, 509), []),
    (4, "Ledarskap, ansvar och delegation", 682, 61, 110, (61, 713), []),
    (5, "Resultat och effektivitet", 818, 61, 111, (61, 850), []),
    (6, "Kommunen som arbetsgivare", 993, 59, 112, (59, 1015), []),
    (7, "Standiga forbattringar", 1194, 55, 113, (55, 1219), [("Verksamhetsutveckling", 113)]),
    (8, "Kommunen som samhillsbyggare", 1347, 69, 114, (69, 1372),
     [("Kommun som samhallsbyggare", 114), ("Kommunen som samhallsbyggare", 1360)]),
]

# year: (kind, instrument version, area scores 1-8, total); all on lines 107-115
HISTORY = {
    2015: ("evaluation", "2010", [43, 38, 64, 54, 56, 52, 37, 57], 401),
    2017: ("self_assessment", "2010", [48, 42, 72, 60, 61, 53, 56, 63], 475),
    2018: ("evaluation", "2016", [69, 63, 72, 61, 61, 59, 55, 69], 509),
}

# number: (strengths, improvements), each item (text, first line), as read by hand
FINDINGS = {
    1: (
        [
            ('Demokratiberedning, arliga handlingsplaner, utvardering och utveckling.', 177),
            ('Styrdokument om kommunikation.', 180),
            ('Information om kommande och genomforda moten i kommunfullmaktige och kommunstyrelsen.', 182),
            ('Sammanfattningar av aktuella politiska beslut samt férenklad information i realtid pa webbplatsen fran kommunfullmaktige.', 186),
            ('Information i kommunens egen tidning om resultat kopplade till mal.', 190),
            ('Invanarnas delaktighet i fysiskt planlaggningsarbete', 193),
            ('Café Nyfiket som en motesplats for invanare som vill vara med och utveckla kommunen.', 196),
            ('“Ungdomesinitiativet”och Pizzakvall for att fanga ungdomars asikter', 200),
            ('Frage- och forslagsystem for invanarna i kommunfullmaktige', 203),
            ('Samlade kontaktuppgifter till kommunfullmaktiges ledamoter pa webbplatsen.', 206),
            ('Anvandning av "Tyck- och tryckapparater” i olika sammanhang.', 209),
            ('Bra narvaro i flera sociala medier', 233),
            ('Norsjoappen som mojliggor snabb kommunikation med invanarna', 235),
            ('Styrdokument for att forhindra korruption, och mutor', 238),
        ],
        [
            ('Information om arbetet i de gemensamma namnder dar kommunen ingar.', 212),
            ('Webbsandningar fran kommunfullmaktige samt i efterhand uppdelat per arende.', 214),
            ('Kortversion av budgeten till invanarna.', 218),
            ('Tydligare information pa webbplatsen om resultat for olika mal.', 219),
            ('Utveckla informationen till invanarna exempelvis genom att lagga ut information om medborgardialoger, andra medborgaraktiviteter samt forvaltningsrevisionsrapporter med handlingsplaner pa webbplatsen.', 222),
            ('Utbildning for fortroendevalda, chefer och medarbetare kring etik.', 229),
            ('En extern whistleblower-funktion', 232),
        ],
    ),
    2: (
        [
            ('Ambitiost arbete med vardegrunden samt att arbetsgrupper uppmarksammas da de pa ett bra satt har tagit till sig vardegrunden.', 351),
            ('Brukarundersdkningar anvandside flesta verksamheterna.', 355),
            ('Redovisning av resultat och jamforelser pa webbplatsen via lank till Kolada.', 357),
            ('Kompletterande metoder till enkdater som "tyck och tryck”, mentometer och "ordmoln”. Flera kanaler in, bland annat via Norsjo-appen.', 359),
            ('Dialoger via referensgrupper, rad eller kontakter med foreningar.', 365),
            ('Arlig utvardering och férbattring av webbplatsen.', 368),
            ('Informationsmaterial och metoder for att tillgodose specifika behov sasom funktionsvariation och sprak.', 370),
            ('Heltackande system for synpunkter och klagomal bland annat via Norsjoappen. Redovisnig pa webbplats av tidigare inkomna synpunkter.', 374),
        ],
        [
            ('Starkare betoning av vardegrunden, service och tillganglighet i rekrytering och introduktion.', 351),
            ('Okad tillgidnglighet i receptionen.', 354),
            ('Tydligare formuleringar i information om kommunens tjansteutbud', 355),
            ('Rapportera brukarundersékningar till invanare/brukare mer systematiskt.', 357),
            ('Ytterligare e-tjanster.', 359),
            ('Rapportering av inkomna klagomal och atgarder till politiken.', 360),
        ],
    ),
    3: (
        [
            ('Sammanhallen, enkel styrkedja med vision, vardegrund och mal.', 514),
            ('Malen formulerade utifran ett invanar- eller brukarperspektiv.', 517),
            ('Styrningen har utvecklats till att vara resultatorienterad med indikatorer och forvantade malvarden.', 520),
            ('| budgetprocessen sker en provning av dskanden och besparingar utifran deras malkonsekvenser', 524),
            ('Rapportering till den politiska nivan om resultat.', 528),
            ('Tydlig delegation och ansvarsfordelning mellan fértroendevalda och ledande tjansteman', 531),
            ('Verksamhetsutvecklingsgruppens arbete i uppfoljningen av malen.', 534),
            ('Respekt for varandras olika roller mellan politiker och tjansteman.', 537),
        ],
        [
            ('Béttre prioritering av mal som idag kan finnas i flera dokument.', 540),
            ('Fortsatt arbete med att koppla ihop politisk malformulering och budgeti en sammanhallen process.', 543),
            ('Rapportera malprognos till kommunfullmaktige redan efter det forsta tertialet.', 547),
            ('Mer jamforelser internt och externt till kommunfullmaktige.', 551),
            ('Integrering av de namnder som bedrivs gemensamt med andra kommuner i kommunfullmaktiges planering och uppfoljning av arbetet.', 554),
            ('Integrering av verksamhetsutvecklingsgruppens kvalitetsrapport i arsberattelsen.', 559),
            ('En nagot mer omfattande politikerutbildning.', 563),
            ('Mata politikers néjdhet med administrationens stod till dem.', 566),
        ],
    ),
    4: (
        [
            ('Tydlig ledningsfilosofi som ocksa ar formellt definierad.', 716),
            ('Relativt stort mandat for verksamhetscheferna', 718),
            ('Individuella, tidsbegransade chefskontrakt', 720),
            ('Alla chefer har genomgatt chefs- och ledarutbildning.', 722),
            ('Fora finns for chefer att diskutera ledarskap, bland andra chefsforum och verksamhetsutvecklingsgruppen.', 724),
            ('Sammanstallning av viktiga projekt pa natet', 727),
        ],
        [
            ('Verksamhetschefer kan ges delegation att besluta om omorganiseringar i egen verksamhet samt att inom budget inrdtta och avveckla tjanster.', 716),
            ('Enhetschefers delegation kan utokas.', 720),
            ('System kan inforas for hur 6ver- och underskott ska hanteras pa verksamhets- och enhetsnivan.', 721),
            ('Eventuellt anvanda erfarenheter fran Bitstream Il for att utveckla arbetsformerna kring projekt och processer.', 724),
            ('Knyta chefskontrakten tydligare till att kommunfullmaktiges mal ska uppnas.', 727),
            ('Anvanda ndgon metod for systematisk chefsutvardering utéver HME-enkaten.', 731),
            ('Arbeta mer strategiskt med kompetensforsorjning av chefer', 735),
        ],
    ),
    5: (
        [
            ('Kommunovergripande strategi kring resultatstyrning.', 858),
            ('En digitaliseringsstrategi kompletterar det traditionella ekonomiskt drivna rationaliseringsarbetet.', 861),
            ('Verksamhetsutvecklingsgruppens arbete med att analysera och atgarda fragor som rér avvikelser och samband kring resursforbrukning, resultat och mal.', 864),
            ('Arenor for chefer att [6pande diskutera resultat och resursforbrukning', 870),
            ('Omfattande samverkan med andra kommuner/regionen och med civilsamhallets aktorer for att dela kostnader och effektivisera verksamheter', 872),
        ],
        [
            ('Fortsatta arbetet med att via digitala |6sningar effektivisera kommunens administration och serviceutbud.', 877),
            ('Starka arbetet med att analysera kostnad per resultat och anvanda detta for jamforelser och effektivisering.', 881),
            ('Utveckla ett IT-baserat system for att underlatta pa olika nivaer att félja utvecklingen av resultat och maluppfyllelse.', 885),
            ('Utveckla jamforelser av effektivitetsmatt.', 888),
        ],
    ),
    6: (
        [
            ('Rekryteringspolicy som styr mot samordning.', 1023),
            ('Aktiv marknadsforing for att rekrytera larare.', 1026),
            ('Ett antal breda personalférmaner', 1029),
            ('Halsobeframjande projekt', 1030),
            ('Flera verksamheter budgeterar for kompetensutveckling', 1032),
            ('Natutbildningar', 1035),
            ('Fungerande medarbetarsamtal utifran centralt framtaget underlag.', 1037),
            ('Fungerande |I6nesamtal utifran verksamhetsspecifika I6nekriterier. Positivt att Ionekriterierna kopplar till vardegrunden.', 1039),
            ('Systematiskt arbetsmiljoarbetet bland annat med stod av arliga medarbetarenkater.', 1044),
            ('Vardegrundsdagar for all personal vartannat ar.', 1048),
            ('Pris for basta integrationsarbete.', 1051),
        ],
        [
            ('Formulera en 6vergripande, sammanhallen personalstrategi.', 1053),
            ('Se Over rekryteringspolicyns aktualitet samt att den tillampas fullt ut.', 1056),
            ('Battre marknadsforing av existerande personalféormaner', 1059),
            ('Utveckla arbetet med kompetensutveckling och individuella utvecklingsplaner samt sakerstall att planerade insatser far genomslag i organisationen.', 1062),
            ('Utveckla och systematisera arbetsplatsnara kompetensutveckling.', 1066),
            ('Utveckla arbetet med I6nekartlaggning och sakerstall att resultatet ger effekter.', 1068),
            ('Koppla maluppfyllelse till Ionekriterier.', 1072),
            ('Analysera och utveckla arbetet med mangfald', 1073),
        ],
    ),
    7: (
        [
            ('Malstyrningsmodellen utgor en av baserna.', 1224),
            ('Verksamhetsutvecklingsgruppen som arbetar med analys och forbattringar', 1226),
            ('Arbetat med digitalisering som stod for utveckling och forbattring av serviceutbudet', 1228),
            ('Arbete med Leaninspirerade metoder och SKA-modellen for standiga forbattringar.', 1232),
            ('Anvandande av brukarnas erfarenheter for att anpassa och forbattra tjansteutbudet.', 1236),
            ('Utvecklat samarbete med flera olika vetenskapliga institutioner.', 1240),
            ('Brukarinflytande 6éver forbattringsarbetet.', 1242),
        ],
        [
            ('Mer pedagogisk, samordnad presentation av delarna i arbetet med standiga forbattringar.', 1245),
            ('Mer systematisk spridning av genomforda analyser och férbattringsinsatser.', 1249),
            ('Utformning av verksamhetsutvecklingsgruppens kvalitetsrapport sa att den kan integreras i arsredovisningen', 1253),
            ('Sokande efter “best practice” daven utanfor Vasterbotten', 1256),
            ('Kollegial eller extern granskning av verksamheters kvalitetsledning', 1259),
            ('Utveckla arbetsformer som uppmuntrar och belénar medarbetares och arbetsgruppers kreativitet.', 1261),
        ],
    ),
    8: (
        [
            ('Ett flertal styrdokument for att stodja kommunens samhallsutvecklande arbete.', 1378),
            ('En utvecklad och bra samverkan med civilsamhallets krafter, kultur- och idrottsforeningar.', 1382),
            ('Kulturskola med sarskilda insatser for att bredda rekrytering', 1386),
            ('Flera kulturevenemang', 1389),
            ('Strukturer for stod till naringslivet', 1391),
            ('Yrk-In som ett bra projekt att starka samhallet via samverkan skola — naringsliv', 1392),
            ('Detinternationella arbetet i projektet BitStream Il', 1396),
            ('Aktiva s6ka EU-medel', 1399),
            ("Atervinningsaffiren Knut'n", 1401),
            ('Ett bra socialt forebyggande arbete.', 1403),
        ],
        [
            ('Strategi for kommunens internationella arbete', 1378),
            ('Utveckling av vanortskontakt', 1380),
            ('Battre styrning och redovisning av arbetet med atgarder for en hallbar miljo.', 1382),
        ],
    ),
}


@pytest.fixture(scope="module")
def report():
    from tests.conftest import read_lines
    return PARSER.parse(read_lines("norsjo-2018.txt"))


def _area(report, number):
    return next(a for a in report.areas if a.number == number)


def _question(report, question_id):
    area = _area(report, int(question_id.split(".")[0]))
    return next(q for q in area.questions if q.id == question_id)


def test_scores_high_only_for_its_layout(raw_lines):
    assert PARSER.score(raw_lines("norsjo-2018.txt")) == 1.0
    assert PARSER.score(raw_lines("hallsberg-2008.txt")) == 0.0
    assert PARSER.score(raw_lines("lindesberg-2021.txt")) == 0.0
    paths = sorted((FIXTURES / "not_reports").glob("*.txt"))
    assert paths
    for path in paths:
        assert PARSER.score(path.read_text(encoding="utf-8").splitlines()) == 0.0


def test_score_needs_the_layout_not_just_the_name():
    assert PARSER.score(["Kommunkompassen", "Styrkor", "Uppnått\tMax\tProcent"]) == 0.0
    assert PARSER.score(["4.1.2 Delpoäng", "1. Demokrati Uppnått | Max Procent"]) == 0.0


@pytest.mark.parametrize("question_id,title,line,achieved,maximum,percent,numbers_line",
                         QUESTIONS)
def test_every_question_as_printed(report, question_id, title, line, achieved, maximum,
                                   percent, numbers_line):
    question = _question(report, question_id)
    assert (question.title, question.line) == (title, line)
    assert (question.achieved.value, question.max.value, question.percent.value) == (
        achieved, maximum, percent)
    for stated in (question.achieved, question.max, question.percent):
        assert (stated.where, stated.line) == ("question-table", numbers_line)
    assert question.achieved.text == str(achieved)
    assert question.percent.text == f"{percent}%"


def test_question_ids_in_order(report):
    ids = [q.id for a in report.areas for q in a.questions]
    assert ids == [q[0] for q in QUESTIONS]
    assert len(ids) == 45  # 5+5+5+6+6+6+5+7, as printed and as the instrument has


@pytest.mark.parametrize("number,name,line,summary,summary_line,total,other_names", AREAS)
def test_every_area_heading_scores_and_names(report, number, name, line, summary,
                                             summary_line, total, other_names):
    area = _area(report, number)
    assert (area.name_in_source, area.line) == (name, line)
    assert [(s.value, s.where, s.line) for s in area.scores] == [
        (summary, "summary", summary_line), (total[0], "question-table", total[1])]
    assert [(n.text, n.line) for n in area.other_names] == other_names


def test_areas_in_order(report):
    assert [a.number for a in report.areas] == list(range(1, 9))


def test_history_rows(report):
    assert [row.year for row in report.history] == [2015, 2017, 2018]
    for row in report.history:
        kind, version, scores, total = HISTORY[row.year]
        assert (row.kind, row.instrument_version, row.line) == (kind, version, 105)
        assert [(n, s.value, s.where, s.line) for n, s in sorted(row.scores.items())] == [
            (n, value, "history-table", 106 + n) for n, value in enumerate(scores, start=1)]
        assert (row.total.value, row.total.where, row.total.line) == (total, "history-table", 115)
        assert row.area_names[7].text == "Verksamhetsutveckling"
        assert row.area_names[1].line == 107


def test_history_keeps_the_printed_total_that_does_not_add_up(report):
    row = next(r for r in report.history if r.year == 2017)
    assert sum(s.value for s in row.scores.values()) == 455
    assert row.total.value == 475


def test_report_facts(report):
    assert report.parser == "ocr-2016"
    assert (report.municipality.text, report.municipality.line) == ("Norsjo kommun", 60)
    assert (report.year.value, report.year.where, report.year.line) == (2018, "evaluation", 89)
    assert (report.month.value, report.month.line) == (11, 89)
    assert (report.report_date.text, report.report_date.line) == ("2019-02-08", 694)
    assert (report.publisher.text, report.publisher.line) == ("SKL", 6)
    assert (report.interviewees.value, report.interviewees.line) == (30, 92)
    assert report.evaluators == []
    assert [(t.value, t.where, t.line) for t in report.totals] == [(509, "summary", 115)]


@pytest.mark.parametrize("number", sorted(FINDINGS))
def test_every_strength_and_improvement(report, number):
    area = _area(report, number)
    strengths, improvements = FINDINGS[number]
    assert [(s.text, s.line) for s in area.strengths] == strengths
    assert [(i.text, i.line) for i in area.improvements] == improvements


def test_finding_counts(report):
    counts = {a.number: (len(a.strengths), len(a.improvements)) for a in report.areas}
    assert counts == {1: (14, 7), 2: (8, 6), 3: (8, 8), 4: (6, 7), 5: (5, 4), 6: (11, 8),
                      7: (7, 6), 8: (10, 3)}


def test_notes_where_the_boundary_came_from_wording(report):
    assert report.notes == [
        Note("findings-split-inferred", line, {"area": area}, area=area)
        for area, line in ((3, 540), (5, 877), (6, 1053), (7, 1245), (8, 1386))]


def test_join_lines_undoes_hyphenation_only_inside_words():
    assert join_lines(["handlingspla-", "ner"]) == "handlingsplaner"
    assert join_lines(["kultur-", "och idrott"]) == "kultur- och idrott"
    assert join_lines(["utover HME-", "enkaten."]) == "utover HME-enkaten."
    assert join_lines(["Etik -", "Hur"]) == "Etik - Hur"


def test_text_width_counts_printed_width_not_letters():
    assert text_width("illi") < text_width("mmmm")
    assert text_width("a  b") == text_width("a b")
