"""The PDF reader's rules one at a time, on hand-made words and lines."""

from __future__ import annotations

import pytest

from kompass_cli.read.pdf.flow import flow
from kompass_cli.read.pdf.furniture import drop_furniture
from kompass_cli.read.pdf.lines import (
    TextLine,
    clean_word,
    continues,
    fits_after,
    group_lines,
    opens_paragraph,
    paragraphs,
)
from kompass_cli.read.pdf.page import PageContent, is_shading
from kompass_cli.read.pdf.table import TableBlock


def _word(text: str, x0: float, top: float, size: float = 10.0) -> dict:
    width = 5.0 * len(text)
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + size,
            "size": size}


def _line(text: str, page: int, top: float, x0: float = 50.0) -> TextLine:
    return group_lines([_word(w, x0 + 40 * i, top) for i, w in enumerate(text.split())],
                       page)[0]


def test_word_processor_glyphs_become_text():
    assert clean_word("\uf0b7") == "•"
    assert clean_word("(cid:127)") == "•"
    assert clean_word("ﬁnns") == "finns"
    assert clean_word("för\u00adbättring") == "förbättring"


def test_words_far_apart_are_separated_by_a_tab():
    [line] = group_lines([_word("1.1", 50, 100), _word("Hur", 70, 100),
                          _word("40", 400, 100)], 1)
    assert line.text == "1.1 Hur\t40"


def test_a_full_line_continues_and_a_short_one_ends():
    full = TextLine(1, 100, 50, 540, 10, "ett långt stycke", 15, 50)
    short = TextLine(1, 100, 50, 300, 10, "slut.", 15, 50)
    after = TextLine(1, 112, 50, 200, 10, "fortsättning här", 60, 50)
    assert continues(full, after, right_edge=545)
    assert not continues(short, after, right_edge=545)


def test_a_bullet_always_starts_a_new_paragraph():
    full = TextLine(1, 100, 50, 540, 10, "ett långt stycke", 15, 50)
    item = TextLine(1, 112, 50, 200, 10, "• punkt", 5, 60)
    assert not continues(full, item, right_edge=545)


def test_paragraph_gap_ends_a_paragraph_even_when_the_line_was_full():
    full = TextLine(1, 100, 50, 540, 10, "ett långt stycke", 15, 50)
    far = TextLine(1, 124, 50, 200, 10, "nästa stycke", 60, 50)
    assert not continues(full, far, right_edge=545)
    assert paragraphs([full, far], 545) == ["ett långt stycke", "nästa stycke"]


def test_headers_footers_and_page_numbers_are_furniture():
    pages = []
    for number in range(1, 5):
        lines = [_line("Kommunkompassen Norsjö kommun", number, 20),
                 _line(f"Brödtext på sida {number}", number, 300),
                 _line(f"Sida {number} av 4", number, 800)]
        pages.append(PageContent(number, 595, 842, lines, []))
    drop_furniture(pages)
    assert [[line.text for line in page.lines] for page in pages] == [
        [f"Brödtext på sida {n}"] for n in range(1, 5)]


def test_a_line_in_the_band_that_does_not_repeat_is_kept():
    pages = [PageContent(1, 595, 842, [_line("Rubrik högst upp", 1, 20)], []),
             PageContent(2, 595, 842, [_line("Annan rubrik", 2, 20)], [])]
    drop_furniture(pages)
    assert [len(page.lines) for page in pages] == [1, 1]


# --- paragraphs in a cell told apart without bullets or spacing ---------------------------


def _cell_line(text: str, top: float, x0: float = 50.0, size: float = 8.0) -> TextLine:
    """A line of a cell in a font of 0.5 size per character and a space of 0.25 size."""
    words, x = [], x0
    for word in text.split():
        words.append({"text": word, "x0": x, "x1": x + 0.5 * size * len(word), "top": top,
                      "bottom": top + size, "size": size})
        x = words[-1]["x1"] + 0.25 * size
    return group_lines(words, 1)[0]


def _cell(*texts: str, leading: float = 9.6) -> list[TextLine]:
    return [_cell_line(text, 100 + leading * index) for index, text in enumerate(texts)]


@pytest.mark.parametrize(("last", "first", "opens"), [
    ("regionen", "Medarbetare", True),        # a phrase ended, a capital starts
    ("året.", "Analys", True),                # a sentence ended
    ("av", "Internet", False),                # a preposition holds the phrase open
    ("och", "Lindesberg", False),             # so does a conjunction
    ("Lindesberg", "Validering", True),       # an item may end in a name
    ("saknas", "APT", False),                 # an abbreviation mid-sentence
    ("saknas.", "APT", True),                 # ... but one after a sentence's end opens
    ("medborgar-", "Och", False),             # a hyphen joins
    ("ett", "antal", False),                  # no capital, no new paragraph
    ("plattformen.", "”Går", True),           # a quoted opening
])
def test_a_capital_after_a_phrase_opens_a_paragraph(last, first, opens):
    assert opens_paragraph(last, first) is opens


def test_unmarked_items_are_split_where_one_ends_and_a_capital_starts():
    """Items without bullet or spacing: 'Stöd' would not have fitted after 'bredd', so
    only the capital tells; 'Öppna KS' / 'websända' is a sure break (room to spare)."""
    lines = _cell("Balans mellan och kunskap om bredd", "Stöd till företagen",
                  "Öppna KS", "websända KF på turné")
    right = lines[0].x1 + 10
    assert paragraphs(lines, right) == ["Balans mellan och kunskap om bredd",
                                        "Stöd till företagen", "Öppna KS",
                                        "websända KF på turné"]


def test_true_wraps_in_an_unmarked_list_are_not_split():
    """Where the next word would not have fitted, a line ending in a preposition wraps,
    and so does one before a lower-case word."""
    lines = _cell("Kvalitetssäkrade underlag med förslag till", "beslut om budget",
                  "Användning av goda och beprövade system av", "Internet i ärenden", "Kort",
                  "Arbetet leds av kommunens egen stab och av", "Maria har ökat")
    right = max(line.x1 for line in lines) + 3
    wrapped = [(lines[i], lines[i + 1]) for i in (0, 2, 5)]
    assert not any(fits_after(a.x1, a.size, b.first_word_width, right, a.space)
                   for a, b in wrapped)
    assert paragraphs(lines, right) == [
        "Kvalitetssäkrade underlag med förslag till beslut om budget",
        "Användning av goda och beprövade system av Internet i ärenden", "Kort",
        "Arbetet leds av kommunens egen stab och av Maria har ökat"]


def test_without_an_unmarked_break_a_capital_after_a_full_line_wraps():
    """One paragraph of two sentences: nothing shows items set without spacing, so the
    capital after 'året.' on a full line is read as a wrap."""
    lines = _cell("Lex Sara och Lex Maria har ökat sista året.", "Analys och åtgärder saknas.")
    assert paragraphs(lines, lines[0].x1 + 10) == [
        "Lex Sara och Lex Maria har ökat sista året. Analys och åtgärder saknas."]


def test_spaced_paragraphs_are_told_apart_by_their_spacing_alone():
    """With space between paragraphs, a capital on the next line right under is a wrap."""
    lines = [_cell_line("Ett stycke som slutar med ett namn i", 100),
             _cell_line("Hallsberg och fortsätter", 109.6),
             _cell_line("Nästa stycke", 124)]
    assert paragraphs(lines, lines[0].x1 + 10) == [
        "Ett stycke som slutar med ett namn i Hallsberg och fortsätter", "Nästa stycke"]


def test_the_space_a_line_is_set_with_decides_whether_a_word_fitted():
    """In a font with wide spaces (a third of the size) a word that needs a quarter more
    would not have fitted: the line wrapped."""
    words = [{"text": w, "x0": 50 + 40 * i, "x1": 50 + 40 * i + 36.7, "top": 100,
              "bottom": 110, "size": 10.0} for i, w in enumerate(["ett", "två", "tre"])]
    [line] = group_lines(words, 1)
    assert line.space == pytest.approx(3.3)
    after = TextLine(1, 112, 50, 100, 10, "fyra", 20, 50)
    right = line.x1 + 2.6 + 20 + 0.6  # room for the word with a quarter-size space only
    assert continues(line, after, right)
    assert not fits_after(line.x1, 10, 20, right, line.space)
    assert fits_after(line.x1, 10, 20, right)


# --- shading, repeated headers ---------------------------------------------------------


def test_a_cell_background_is_shading_and_a_thin_filled_bar_a_rule():
    background = {"object_type": "rect", "fill": True, "stroke": False, "width": 120,
                  "height": 14}
    assert is_shading(background)
    assert not is_shading({**background, "height": 0.5})  # a border drawn as a bar
    assert not is_shading({**background, "stroke": True})  # a framed, shaded cell
    assert not is_shading({**background, "object_type": "line"})


def test_a_header_repeated_on_the_next_page_is_not_a_row():
    header = "Styrkor\tFörbättringsmöjligheter"
    first = TableBlock(1, 600, [header, "Öppna KS\tStrategi"])
    second = TableBlock(2, 60, [header.replace("\t", "\t\t"), "Medborgarförslag\tAnalys"])
    other = TableBlock(2, 400, [header, "Nytt\tAnnat"])
    pages = [PageContent(1, 595, 842, [], [first]),
             PageContent(2, 595, 842, [_line("Mellan tabellerna", 2, 300)], [second, other])]
    assert flow(pages).lines == [header, "Öppna KS\tStrategi", "Medborgarförslag\tAnalys", "",
                                 "Mellan tabellerna", "", header, "Nytt\tAnnat"]


def test_a_table_running_on_without_its_header_is_one_table():
    """Rows that open the next page in as many columns carry on the table; a table of
    other columns there is a table of its own."""
    first = TableBlock(1, 600, ["Styrkor\tFörbättringsmöjligheter", "Öppna KS\tStrategi"])
    more = TableBlock(2, 60, ["Resultatdialoger\tHistorik"])
    pages = [PageContent(1, 595, 842, [], [first]), PageContent(2, 595, 842, [], [more])]
    assert flow(pages).lines == ["Styrkor\tFörbättringsmöjligheter", "Öppna KS\tStrategi",
                                 "Resultatdialoger\tHistorik"]
    other = TableBlock(2, 60, ["1.1\tHur?\t40"])
    pages = [PageContent(1, 595, 842, [], [first]), PageContent(2, 595, 842, [], [other])]
    assert flow(pages).lines == ["Styrkor\tFörbättringsmöjligheter", "Öppna KS\tStrategi", "",
                                 "1.1\tHur?\t40"]


def _placed(text: str, x0: float, x1: float, top: float) -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 9.5, "size": 9.5}


def test_a_narrow_gutter_at_the_edge_of_aligned_numbers_is_a_column():
    """A borderless table whose wrapped title column ends a little over half a type
    size before its numbers (flush left, all starting at one x): the numbers keep a
    column of their own instead of joining the titles."""
    from kompass_cli.read.pdf.columns import unruled_tables

    words = []
    rows = [("1.1", ["Hur informeras medborgarna", "om det?"], "40", "26"),
            ("1.2", ["Hur främjas medborgarnas", "engagemang?"], "40", "24"),
            ("1.3", ["Hur informeras medborgarna", "om resultat?"], "20", "7")]
    for index, (key, title, maximum, own) in enumerate(rows):
        top = 100 + 30 * index
        words.append(_placed(key, 59, 71, top))
        for line, text in enumerate(title):
            x = 148.6
            for word in text.split():
                width = 5.0 * len(word)
                right = min(x + width, 244.7)  # the column's widest line ends at 244.7
                words.append(_placed(word, x, right, top + 11 * line))
                x = right + 2.4
        words.append(_placed(maximum, 250.1, 259.6, top))
        words.append(_placed(own, 302.8, 312.3, top))
    free, tables = unruled_tables(words, 1)
    assert not free
    cells = [row.split("\t") for row in tables[0].rows]
    assert [cell[2:] for cell in cells] == [["40", "26"], ["40", "24"], ["20", "7"]]
