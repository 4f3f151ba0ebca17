"""Findings tables of the 2020 layout as text tools extract them from a typeset PDF.

pdftotext -layout sets the two columns side by side with spaces; a paragraph wraps in
its column, and where the columns' paragraphs are offset their lines interleave.
pdftotext -raw and OCR give the two columns' words without their positions. The tables
here are made up, in the shapes those tools print.
"""

from __future__ import annotations

from kompass_cli.parsers.findings2020 import findings_header, split_run_together
from kompass_cli.parsers.pdfextract2020 import PdfExtract2020Parser

PARSER = PdfExtract2020Parser()

HEAD = """Kommunkompassen Analys av Testby
Område 1 Samspel mellan förtroendevalda och medborgare

Rubriker                                                      Poäng

    • Strategi för demokratin
    • Information till invånarna                              38
    • Dialog med politiken

"""

# Widths: the strengths column holds 40 characters at most, the improvements 46.
SPACED = HEAD + """Styrkor                                    Förbättringsmöjligheter
Öppna möten i fullmäktige                  Strategi för dialog med ett systematiskt
                                           utvecklingsarbete
Webbsända sammanträden

Medborgarförslag och lokala                Aktuell plan för information
utvecklingsgrupper
Politiker på sociala medier                                                     
                                             Kortversioner av ärenden före beslut.

KSO håller öppet hus varje månad
                                             Uppföljning av resultat i jämförelse med
Ett digitalt forum för unga                  andra kommuner
                                             Involvera invånarna systematiskt
"""


def _findings(text: str):
    report = PARSER.parse(text.splitlines())
    (area,) = report.areas
    return ([item.text for item in area.strengths], [item.text for item in area.improvements],
            [note.code for note in report.notes])


def test_header_shapes():
    assert findings_header("Styrkor\tFörbättringsmöjligheter").shape == "cells"
    spaced = findings_header("Styrkor      Förbättringsmöjligheter")
    assert (spaced.shape, spaced.column) == ("spaced", 13)
    assert findings_header("Styrkor Förbättringsmöjligheter").shape == "flowed"
    assert findings_header("Styrkor och svagheter") is None
    assert findings_header("Styrkor i förbättringsarbetet") is None


def test_columns_laid_out_with_spaces():
    strengths, improvements, notes = _findings(SPACED)
    assert strengths == [
        "Öppna möten i fullmäktige",
        "Webbsända sammanträden",
        "Medborgarförslag och lokala utvecklingsgrupper",  # wrapped: would not have fitted
        "Politiker på sociala medier",  # would have fitted, and opens with a capital
        "KSO håller öppet hus varje månad",  # after a blank line
        "Ett digitalt forum för unga",  # the other column's line stood between
    ]
    assert improvements == [
        "Strategi för dialog med ett systematiskt utvecklingsarbete",
        "Aktuell plan för information",
        "Kortversioner av ärenden före beslut.",
        "Uppföljning av resultat i jämförelse med andra kommuner",
        "Involvera invånarna systematiskt",
    ]
    assert notes == []


def test_score_box_laid_out_with_spaces_keeps_its_score_and_headings():
    report = PARSER.parse(SPACED.splitlines())
    (area,) = report.areas
    assert [(s.value, s.where, s.line) for s in area.scores] == [(38, "area-header", 7)]
    assert [q.title for q in area.questions] == [
        "Strategi för demokratin", "Information till invånarna", "Dialog med politiken"]


def test_cells_one_space_apart_are_cut_at_the_improvements_column():
    """pdftotext sometimes sets the two cells of a line one space apart."""
    text = HEAD + """Styrkor                              Förbättringsmöjligheter
Pedagogiska priset                   Lex Sara har ökat. Analys saknas.

Snabbfotad organisation i förändring Digitaliseringens stöd för verksamheten
tack vare plattformen.
"""
    strengths, improvements, _ = _findings(text)
    assert strengths == ["Pedagogiska priset",
                         "Snabbfotad organisation i förändring tack vare plattformen."]
    assert improvements == ["Lex Sara har ökat. Analys saknas.",
                            "Digitaliseringens stöd för verksamheten"]


def test_items_run_together_in_one_laid_out_row_are_split_with_a_note():
    text = HEAD + """Styrkor                                   Förbättringsmöjligheter
                                          Stärkt brukarperspektiv generellt. E-tjänster som
Grunduppdrag som uppdrag Lönekriterier
                                          är fullt digitala Websida med information till
Metod för feedback Medborgarservice
                                          kundgrupper
"""
    strengths, improvements, notes = _findings(text)
    assert strengths == ["Grunduppdrag som uppdrag", "Lönekriterier", "Metod för feedback",
                         "Medborgarservice"]
    assert improvements == ["Stärkt brukarperspektiv generellt.",
                            "E-tjänster som är fullt digitala",
                            "Websida med information till kundgrupper"]
    assert notes == ["findings-split-inferred"]


def test_columns_without_positions_are_not_guessed_but_flagged():
    """pdftotext -raw and OCR give both columns' words in reading order: which column an
    item stood in cannot be told, so none is read and the area says so."""
    text = HEAD + """Styrkor Förbättringsmöjligheter
Öppna möten Strategi för dialog
Webbsända sammanträden Aktuell plan för information
"""
    strengths, improvements, notes = _findings(text)
    assert (strengths, improvements) == ([], [])
    assert notes == ["findings-columns-lost"]


def test_section_without_findings_is_flagged():
    strengths, improvements, notes = _findings(HEAD + "Allmänt\nKommunen arbetar.\n")
    assert (strengths, improvements, notes) == ([], [], ["findings-missing"])


def test_run_together_split_keeps_acronyms_inside_a_line():
    assert split_run_together("Öppna KS Medborgarförslag") == ["Öppna KS", "Medborgarförslag"]


def test_a_row_cut_by_a_page_break_is_one_row():
    """A PDF table row that runs on to the next page comes out as two rows, the second's
    cells opening inside the paragraphs the page cut."""
    text = HEAD + ("Styrkor\tFörbättringsmöjligheter\n"
                   "<p>Öppna möten</p> <p>Lokala</p>\t<p>Strategi för dialog med</p>\n"
                   "<p>utvecklingsgrupper</p> <p>Webbsändningar</p>\t<p>invånarna</p>\n")
    strengths, improvements, notes = _findings(text)
    assert strengths == ["Öppna möten", "Lokala utvecklingsgrupper", "Webbsändningar"]
    assert improvements == ["Strategi för dialog med invånarna"]
    assert notes == []


def test_run_together_row_cut_by_a_page_break_is_still_split():
    text = HEAD + ("Styrkor\tFörbättringsmöjligheter\n"
                   "Grunduppdrag som uppdrag Lönekriterier Metod för\tStärkt arbete med\n"
                   "Medborgarservice\tjämförelser E-tjänster\n")
    strengths, improvements, notes = _findings(text)
    assert strengths == ["Grunduppdrag som uppdrag", "Lönekriterier", "Metod för Medborgarservice"]
    assert improvements == ["Stärkt arbete med jämförelser", "E-tjänster"]
    assert notes == ["findings-split-inferred"]
