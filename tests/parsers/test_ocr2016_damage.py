"""The 2016 OCR layout on damage a scan does, each rule on a hand-written snippet.

The snippets are shaped after what Tesseract made of the Norsjö report (see
tests/fixtures/heldout): a '%' read as digits, blank lines between the lines of one
item, area and question numbers lost or misread. Expected values are written by hand.
"""

from __future__ import annotations

from kompass_cli.core.raw import Note, RawReport
from kompass_cli.parsers.history2016 import read_history
from kompass_cli.parsers.ocrlines import Line, plain_items
from kompass_cli.parsers.questions2016 import read_question_table
from kompass_cli.read.text.lines import Prepared
from kompass_cli.read.text.percentsign import percent_readings, read_percent_signs


def test_percent_sign_read_as_digits_is_cut_off_where_one_cut_is_left():
    assert percent_readings("8526", 100 * 13 / 15) == ["85"]
    assert percent_readings("812460", 80.0) == ["81"]
    assert percent_readings("4190", 40.0) == ["41"]
    assert percent_readings("10096", 100.0) == ["100"]
    # '294': 2% and 29% both fit the glyph; 6 of 20 rules out 2%.
    assert percent_readings("294", 30.0) == ["29"]
    # Two cuts near the row's quotient: not read.
    assert percent_readings("4424", 24.0) == ["4", "44"]
    # A tail that is no reading of '%' ('1215': 12 and 15 run together).
    assert percent_readings("1215", 80.0) == []


def test_percent_signs_in_rows_read_with_a_note_and_nothing_else_touched():
    lines = ["1.1 | Finns en plan? 13 15 8526",
             "Totalt 401 475 509",
             "7.5 | Arbetar kommunen? 3 20 4096",
             "4.2 | Vilket ansvar? 4 10 9226"]
    prepared, notes = read_percent_signs(Prepared.of(lines))
    assert prepared.lines == ["1.1 | Finns en plan? 13 15 85%",
                              "Totalt 401 475 509",  # a max over 100: no question row
                              "7.5 | Arbetar kommunen? 3 20 4096",  # 40 is far from 3/20
                              "4.2 | Vilket ansvar? 4 10 9226"]  # neither 9 nor 92 is near 40
    assert notes == [Note("number-ocr-read", 1, {"printed": "8526", "read": "85%"})]


def test_blank_lines_between_the_lines_of_one_item_do_not_split_it():
    content = [Line(1, "Information om arbetet i de gemen-"), Line(2, ""),
               Line(3, "samma namnder dar kommunen ingar."), Line(4, ""),
               Line(5, "Tydligare information pa webbplatsen"), Line(6, ""),
               Line(7, "om resultat for olika mal."), Line(8, ""),
               Line(9, "Utbildning for fortroendevalda, chefer"), Line(10, ""),
               Line(11, "och medarbetare kring etik."), Line(12, ""),
               Line(13, "En extern whistleblower-funktion"), Line(14, ""),
               Line(15, "Kortversion av budgeten.")]
    items = plain_items(content)
    assert [(item.text, item.line) for item in items] == [
        ("Information om arbetet i de gemensamma namnder dar kommunen ingar.", 1),
        ("Tydligare information pa webbplatsen om resultat for olika mal.", 5),
        ("Utbildning for fortroendevalda, chefer och medarbetare kring etik.", 9),
        ("En extern whistleblower-funktion", 13),
        ("Kortversion av budgeten.", 15)]


HISTORY = ["Poang i Kommunkompassen 2015 2017 2018",
           "1. Offentlighet och demokrati 43 48 69",
           ". Tillganglighet och brukarorientering 38 42 63 :",
           "2.",
           "3. Politisk styrning och kontroll 64 72 72",
           "Ledarskap, ansvar och delegation 54 60 61",
           "Resultat och effektivitet 56 61 61",
           "6. Kommunen som arbetsgivare 52 53 59",
           "Verksamhetsutveckling 37 56 55",
           "Kommun som samhallsbyggare 57 63 69",
           "Totalt 401 475 509"]


def test_history_rows_without_their_number_take_their_place_where_it_is_certain():
    rows, _ = read_history(HISTORY, RawReport(parser="ocr-2016"))
    latest = rows[-1]
    assert {n: s.value for n, s in latest.scores.items()} == {
        1: 69, 2: 63, 3: 72, 4: 61, 5: 61, 6: 59, 7: 55, 8: 69}
    assert (latest.scores[2].line, latest.area_names[2].text) == (
        3, "Tillganglighet och brukarorientering")
    assert latest.total.value == 509


def test_history_rows_that_do_not_fill_the_gap_are_left_out():
    lines = [line for line in HISTORY if not line.startswith("Resultat")]
    rows, _ = read_history(lines, RawReport(parser="ocr-2016"))
    # One unnumbered row between areas 3 and 6: areas 4 and 5 cannot be told apart.
    assert sorted(rows[-1].scores) == [1, 2, 3, 6, 7, 8]


TABLE = ["1. |Offentlighet och demokrati Uppnatt | Max Procent",
         "1.1 | Finns en plan/strategi for demokratiutveckling .",
         "och information? 13 15 85%",
         "1,2 | Informeras invanarna om aktuella fragor i politi- 14.20 71%",
         "ken?",
         "1.3 |Informerasinvanare om resultat? 12 25 48%",
         "La |Framjas invanardialog och deltagande? 24 30 81%",
         "1.5 | Etik - Hur skapas tillit? 7 10 65%",
         ": 69 100 69% :",
         "4.1.3 Styrkor och forbattringsmojligheter"]


def test_damaged_question_ids_from_the_order_and_numbers_never_borrowed():
    table = read_question_table(TABLE, 1, 1)
    assert [(q.id, q.line) for q in table.questions] == [
        ("1.1", 2), ("1.2", 4), ("1.3", 6), ("1.4", 7), ("1.5", 8)]
    numbers = {q.id: (q.achieved and q.achieved.value, q.max and q.max.value,
                      q.percent and q.percent.value) for q in table.questions}
    # '14.20 71%': a row needs three numbers and a decimal has a comma, so the full
    # stop stands for a space.
    assert numbers == {"1.1": (13, 15, 85), "1.2": (14, 20, 71),
                       "1.3": (12, 25, 48), "1.4": (24, 30, 81), "1.5": (7, 10, 65)}
    assert table.questions[1].title == "Informeras invanarna om aktuella fragor i politiken?"
    assert (table.total.value, table.total.line) == (69, 9)
    assert table.notes == [Note("number-ocr-read", 4, {"printed": "1,2 |", "read": "1.2"}),
                           Note("number-ocr-read", 7, {"printed": "La |", "read": "1.4"})]


def test_a_question_whose_numbers_line_is_unreadable_is_not_given_the_next():
    lines = ["2.1 | Finns det en strategi for",
             "brukarfokus? 1599 4090",  # 15 of 99 is far from 40%: no cut fits
             "Xy | Hur arbetar kommunen med tillganglighet? 16 25 63%",
             "Zz | Hur informerar kommunen? 9 20 46%",
             "2.4 | Hur arbetar kommunen med brukarundersokningar? 12 20 61%",
             "63 100 63%"]
    table = read_question_table(lines, 0, 2)
    # Two unnamed rows fill the two places 2.2 and 2.3.
    assert [q.id for q in table.questions] == ["2.1", "2.2", "2.3", "2.4"]
    assert table.questions[0].achieved is None and table.questions[0].max is None
    assert table.questions[1].achieved.value == 16


def test_unnamed_rows_that_do_not_fill_the_gap_are_left_out():
    lines = ["2.1 | Finns det en strategi? 12 15 80%",
             "Xy | Hur arbetar kommunen med tillganglighet? 16 25 63%",
             "2.4 | Hur arbetar kommunen med brukarundersokningar? 12 20 61%",
             "63 100 63%"]
    table = read_question_table(lines, 0, 2)
    assert [q.id for q in table.questions] == ["2.1", "2.4"]
    assert table.notes == []


def test_achieved_and_max_run_together_are_cut_only_where_one_cut_makes_a_row():
    lines = ["5.1 | Finns en strategi? 1215 80%",  # 12 of 15 (1 of 215: max over 100)
             "5.2 | Tydliggors sambandet? 1425 57%",  # 14 of 25
             "5.3 | Arbetar kommunen? 410 40%",  # 4 of 10 (41 of 0 is no row)
             "5.4 | Kommuniceras? 1111 50%",  # 1 of 111, 11 of 11, 111 of 1: none fits
             "5.5 | Anvands jamforelser? 8:20 39%",  # a colon for the space
             "5.6 | Sker extern samverkan? 1215 78240",  # and the % sign read as '240'
             "61 100 61%"]
    table = read_question_table(lines, 0, 5)
    numbers = {q.id: (q.achieved and q.achieved.value, q.max and q.max.value,
                      q.percent and q.percent.value) for q in table.questions}
    assert numbers == {"5.1": (12, 15, 80), "5.2": (14, 25, 57), "5.3": (4, 10, 40),
                       "5.4": (None, None, None), "5.5": (8, 20, 39), "5.6": (12, 15, 78)}
    assert [note.params for note in table.notes] == [
        {"printed": "1215", "read": "12 15 80%"}, {"printed": "1425", "read": "14 25 57%"},
        {"printed": "410", "read": "4 10 40%"}, {"printed": "1215 78240", "read": "12 15 78%"}]


def test_fill_gaps_numbers_only_runs_that_fit_their_gap():
    from kompass_cli.parsers.ocrlines import fill_gaps

    assert fill_gaps([1, None, 3, None, None, 6, None, 8], end=9) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert fill_gaps([1, None, 3, None, 6, 7, None, None], end=9) == [
        1, 2, 3, None, 6, 7, None, None]
    assert fill_gaps([None, 2, None, None]) == [1, 2, 3, 4]  # no end: the run follows on
