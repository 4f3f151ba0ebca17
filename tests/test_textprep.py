"""Text preparation: compatibility characters, page furniture, broken words, line origins."""

from __future__ import annotations

from kompass_cli.core.match import compile_cue, key
from kompass_cli.core.raw import Located, RawArea, RawReport, Stated
from kompass_cli.read.text.characters import normalise_line
from kompass_cli.read.text.furniture import furniture_lines
from kompass_cli.read.text.lines import Prepared, rejoin_paragraphs, restore_lines
from tests.conftest import read_lines


def test_ligatures_spaces_and_invisible_marks():
    assert normalise_line("Fora \ufb01nns\u00a0i\u200b \ufb02era") == "Fora finns i flera"
    assert normalise_line("utvär\u00ad") == "utvär-"
    assert normalise_line("av\u00adgift") == "avgift"


def test_control_characters_stay():
    assert normalise_line("4\x005 poäng") == "4\x005 poäng"


def test_cue_matches_ocr_spellings():
    heading = compile_cue(r"^{{Förbättringsområden}}$")
    for printed in ("Förbättringsområden", "Forbattringsomraden", "F6rb&ttringsornr@den",
                    "Förbättringsomr4den", "FORBÄTTRINGSOMRÅDEN"):
        assert heading.match(printed), printed
    assert not heading.match("Förbättringsmöjligheter")


def test_key_folds_confusions_but_not_words():
    assert key("Tota|t") == key("Totalt") == key("TotaIt")
    assert key("Styrkor") != key("Styrka")


_WORDS = ("kommunen", "budget", "styrning", "dialog", "skolan", "planering", "uppdrag")


def _paged(footer: str, pages: int = 8, body: int = 20) -> list[str]:
    lines = []
    for page in range(1, pages + 1):
        lines += [f"{_WORDS[(page * body + row) % 7]} {_WORDS[(page + row) % 5]} nummer "
                  f"{_WORDS[row % 3]}{'s' * (page * body + row)}." for row in range(body)]
        lines.append(footer.format(page=page))
    return lines


def test_running_footer_is_furniture():
    lines = _paged("Kommunkompassen Norsjö 2018 sida {page}")
    assert furniture_lines(lines, []) == {i for i, line in enumerate(lines) if "sida" in line}


def test_page_numbers_counting_up_are_furniture():
    lines = _paged("- {page} -")
    assert len(furniture_lines(lines, [])) == 8


def test_form_feed_pages():
    lines = _paged("Analys av kommunen")
    starts = [i + 1 for i, line in enumerate(lines) if line == "Analys av kommunen"][:-1]
    assert len(furniture_lines(lines, starts)) == 8


def test_repeated_headings_of_a_report_are_not_furniture():
    for name in ("hallsberg-2008.txt", "norsjo-2018.txt", "lindesberg-2021.txt"):
        assert furniture_lines(read_lines(name), []) == set(), name


def test_footer_inside_a_sentence_takes_its_blank_lines():
    lines = _paged("Sida {page}")
    lines[20:21] = ["", "Sida 1", ""]
    lines[21 + 2] = "och så vidare"
    lines[19] = "dela kostnader"
    dropped = furniture_lines(lines, [])
    assert {20, 21, 22} <= dropped


def test_broken_words_rejoined_and_origins_kept():
    prepared = rejoin_paragraphs(Prepared.of(["Utvär-", "deringen gjordes", "medborgar-",
                                               "och brukar", "Nästa"]))
    assert prepared.lines == ["Utvärderingen gjordes", "medborgar- och brukar", "Nästa"]
    assert prepared.origin == [1, 3, 5]


def test_restore_lines_points_back_at_the_file():
    raw = RawReport("x", municipality=Located("A", 2))
    raw.areas.append(RawArea(1, "x", 1, scores=[Stated(5, "summary", 3, "5")]))
    restore_lines(raw, [10, 20, 30])
    assert raw.municipality.line == 20
    assert raw.areas[0].line == 10 and raw.areas[0].scores[0].line == 30


def _read(lines: list[str]):
    from kompass_cli.read.text.digits import read_confused_digits

    prepared, notes = read_confused_digits(Prepared.of(lines))
    return prepared.lines, [(note.code, note.line, note.params.get("read")) for note in notes]


def test_table_columns_read_through_confusions():
    lines, notes = _read(["2.1 | Finns det en strategi? l2 lS 8O%"])
    assert lines == ["2.1 | Finns det en strategi? 12 15 80%"]
    assert notes == [("number-ocr-read", 1, "12"), ("number-ocr-read", 1, "15"),
                     ("number-ocr-read", 1, "80%")]


def test_tab_cells_and_points_read():
    lines, _ = _read(["1.1\tHur informeras medborgarna?\t4O\t26\t6S%",
                      "Inom området uppnår kommunen S7 poäng."])
    assert lines == ["1.1\tHur informeras medborgarna?\t40\t26\t65%",
                     "Inom området uppnår kommunen 57 poäng."]


def test_words_are_not_numbers():
    text = ["Det finns SOS och IO i texten", "Persona1politik\t57", "Is 12 15 80%"]
    lines, notes = _read(text)
    assert lines == text and notes == []


def test_a_bar_between_numbers_is_a_column_rule_not_a_one():
    text = ["| Styrning och kontroll | 46 | 52 |", "Totalt 463 | 800",
            "1.2 Kommunens information 6 | 10 | 60%"]
    lines, notes = _read(text)
    assert lines == text and notes == []


def test_a_number_with_an_unreadable_letter_is_flagged_not_guessed():
    lines, notes = _read(["2.1 Finns det en strategi? 12 4G 80%"])
    assert lines == ["2.1 Finns det en strategi? 12 4G 80%"]
    assert notes == [("number-ocr-unreadable", 1, None)]


def test_control_character_in_a_number_is_not_a_confusion():
    lines, notes = _read(["2.1 Finns det en strategi? 1\x002 15 80%"])
    assert "1\x002" in lines[0]


_PROSE = "Kommunen arbetar aktivt med dialog och information till invånarna"


def _wrapped_at_60() -> list[str]:
    """A paragraph of prose wrapped at 60 characters."""
    paragraph, line = [], ""
    for word in _PROSE.split() * 12:
        if len(line) + 1 + len(word) > 60:
            paragraph.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return paragraph + [line]


def test_wrapped_paragraphs_rejoined_lists_and_tables_not():
    words = _PROSE.split()
    paragraph = _wrapped_at_60()
    text = paragraph + ["", "- en punkt", "- en till", "", "1\tOffentlighet\t57"]
    text = text * 6
    prepared = rejoin_paragraphs(Prepared.of(text))
    assert prepared.lines[0] == " ".join(words * 12)
    assert prepared.lines[2:5] == ["- en punkt", "- en till", ""]
    assert "1\tOffentlighet\t57" in prepared.lines


def test_rows_of_columns_spaced_apart_are_never_joined():
    """Text extracted by layout: a long row of columns is followed by a row of numbers
    that its last column would not have fitted beside."""
    words = "Kommunen arbetar aktivt med dialog och information till invånarna".split()
    prose = [" ".join((words * 200)[i:i + 9]) for i in range(0, 9 * 150, 9)]
    table = ["1.5 Förutsättningar för politiken" + " " * 20 + "17" + " " * 10 + "30"
             + " " * 10 + "57%",
             " " * 50 + "47" + " " * 10 + "100" + " " * 10 + "47%"]
    from kompass_cli.read.text.lines import wrap_width

    assert wrap_width(prose + [""] + table)
    prepared = rejoin_paragraphs(Prepared.of(prose + [""] + table))
    assert prepared.lines[-2:] == table


def test_lines_set_in_from_the_margin_are_never_joined():
    """Text extracted by layout: a line of a table's right column stands alone, set in
    from the margin; a line of the left column after it is no continuation of it."""
    words = "Kommunen arbetar aktivt med dialog och information till invånarna".split()
    prose = [" ".join((words * 200)[i:i + 9]) for i in range(0, 9 * 150, 9)]
    cells = [" " * 20 + " ".join(words * 2)[:60], "Samarbete med skolan", " " * 20 + "planen"]
    from kompass_cli.read.text.lines import wrap_width

    assert wrap_width(prose + [""] + cells)
    prepared = rejoin_paragraphs(Prepared.of(prose + [""] + cells))
    assert prepared.lines[-3:] == cells


def test_scores_on_lines_of_their_own_are_not_page_numbers():
    """Numbers alone on a line that rise in large steps (scores printed beside a list,
    some at a page's edge) are not page numbers; page numbers rise one by one."""
    from kompass_cli.read.sources import form_feed_starts, split_lines

    def body(page: int) -> list[str]:
        names = ("Arboga", "Boden", "Dorotea", "Eda", "Falun")
        return [f"{_WORDS[k % 7]} i {names[page]} och {_WORDS[(page + k) % 7]}"
                for k in range(12)]

    pages = ["\n".join(body(n)[:6] + [score] + body(n)[6:])
             for n, score in enumerate(("46", "51", "61"))]
    pages += ["\n".join([score] + body(n)) for n, score in enumerate(("64", "72"), 3)]
    text = "\n\f".join(pages)
    lines = split_lines(text)
    assert furniture_lines(lines, form_feed_starts(text)) == set()
    numbered = "\n\f".join(page + f"\n{number}" for number, page in enumerate(pages, 3))
    lines = split_lines(numbered)
    found = {lines[i] for i in furniture_lines(lines, form_feed_starts(numbered))}
    assert found == {"3", "4", "5", "6", "7"}


def test_paragraph_per_line_text_is_not_wrapped():
    from kompass_cli.read.text.lines import wrap_width

    for name in ("hallsberg-2008.txt", "lindesberg-2021.txt"):
        assert wrap_width(read_lines(name)) is None


def test_columns_inside_a_row_of_two_tables_read():
    lines, _ = _read(["1.1 Hur informeras? 4O 26 6S%  2.1 Har kommunen? 1O 4,S 45%"])
    assert lines == ["1.1 Hur informeras? 40 26 65%  2.1 Har kommunen? 10 4,5 45%"]


def test_numbers_in_prose_are_not_columns():
    text = ["Det var 12 lS ord i meningen", "Kommunen hade SO 12 ledamöter"]
    assert _read(text)[0] == text


def test_page_numbers_found_despite_a_stray_number():
    lines = _paged("{page}")
    lines.insert(0, "2018")
    found = furniture_lines(lines, [])
    assert len(found) == 8 and 0 not in found


def test_page_number_before_the_running_title():
    lines = _paged("{page} Kommunkompassen")
    assert len(furniture_lines(lines, [])) == 8


def test_municipality_as_running_header():
    lines = _paged("Norsjö kommun")
    assert len(furniture_lines(lines, [])) == 8


def test_question_numbers_opening_a_line_read():
    lines, notes = _read(["- l.2 Hur främjas engagemanget?", " S.1 |Finns en strategi .",
                          "2.| Strategiskt arbete\t7\t15\t47%"])
    assert lines == ["- 1.2 Hur främjas engagemanget?", " 5.1 |Finns en strategi .",
                     "2.1 Strategiskt arbete\t7\t15\t47%"]
    assert [read for _, _, read in notes] == ["1.2", "5.1", "2.1"]


def test_a_form_feed_closing_the_last_page_is_no_page():
    """pdftotext ends every page, the last one too, with a form feed."""
    from kompass_cli.read.sources import form_feed_starts, split_lines
    from kompass_cli.read.text.furniture import furniture_lines

    words = ["styrning", "ledning", "kvalitet", "arbetsliv", "medborgare", "kontroll",
             "effektivitet", "delegation", "samspel", "brukare", "utveckling", "dialog"]
    text = "".join("\n".join(f"{words[(3 * n + k) % 12]} är ett ord för {words[k]}"
                             for k in range(5)) + f"\n{n}\n\f" for n in range(1, 5))
    lines = split_lines(text)
    found = furniture_lines(lines, form_feed_starts(text))
    assert {lines[i] for i in found} == {"1", "2", "3", "4"}


def test_a_heading_set_left_of_a_hanging_indented_list_is_not_joined_to_it():
    paragraph = _wrapped_at_60()[:-1]
    items = ["     •    Deltar i projekt kring utveckling av dialog och",
             "          dialogkultur via bl.a. Ungdomsråd och grupper.",
             "Förbättringsområden",
             "     •    En kort punkt med text som nästan fyller raden.",
             "Styrkor"]
    text = (paragraph + [""] + items + [""]) * 4
    joined = rejoin_paragraphs(Prepared.of(text)).lines
    assert "Förbättringsområden" in joined and "Styrkor" in joined


def test_a_short_heading_after_a_sentence_is_not_joined_to_it():
    paragraph = _wrapped_at_60()
    text = (paragraph[:-2] + ["och budgeten för detta ändamål i den allra längsta meningen.",
                              "Styrkor", "• Hög grad av decentralisering."]) * 5
    joined = rejoin_paragraphs(Prepared.of(text)).lines
    assert joined.count("Styrkor") == 5
