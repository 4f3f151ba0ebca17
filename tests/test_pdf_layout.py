"""The PDF reader's rules one at a time, on hand-made words and lines."""

from __future__ import annotations

from kompass_cli.pdf.furniture import drop_furniture
from kompass_cli.pdf.lines import (
    TextLine,
    clean_word,
    continues,
    group_lines,
    paragraphs,
)
from kompass_cli.pdf.page import PageContent


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
