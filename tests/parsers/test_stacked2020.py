"""Tables whose cells text extraction set one under another (pdftotext's default mode)."""

from __future__ import annotations

from kompass_cli.parsers.pdfextract2020 import PdfExtract2020Parser
from kompass_cli.parsers.stacked2020 import unstack

PARSER = PdfExtract2020Parser()

STACKED = """Kommunkompassen Analys av Testby

Område 1 Samspel mellan förtroendevalda och medborgare

10

Område 1 Samspel mellan förtroendevalda och medborgare
Rubriker
• Strategi för demokratin
• Dialog med politiken

Poäng

38

Styrkor

Förbättringsmöjligheter

Öppna möten

Strategi för dialog

1. Samspel mellan förtroendevalda och medborgare

Uppnått

Max Procent

1.1 Strategi för demokratin

6

20

30%

1.2 Dialog med politiken

32

80

40%

38

100

38%
"""


def test_cells_set_back_in_rows_and_every_line_keeps_its_number():
    lines = STACKED.splitlines()
    unstacked = unstack(lines)
    assert len(unstacked) == len(lines)
    assert unstacked[7] == "Rubriker\tPoäng" and unstacked[11] == ""
    assert unstacked[15] == "Styrkor Förbättringsmöjligheter"
    assert unstacked[23] == "1. Samspel mellan förtroendevalda och medborgare\tUppnått\tMax Procent"
    assert unstacked[29] == "1.1 Strategi för demokratin\t6\t20\t30%"
    assert unstacked[45] == "\t38\t100\t38%"


def test_stacked_report_reads_its_scores_and_flags_its_findings():
    report = PARSER.parse(STACKED.splitlines())
    (area,) = report.areas  # the contents entry, its page number below it, is no section
    assert area.line == 7
    assert [(s.value, s.where, s.line) for s in area.scores] == [
        (38, "area-header", 14), (38, "overview-table", 46)]
    assert [(q.id, q.achieved.value, q.max.value, q.percent.value, q.line)
            for q in area.questions] == [("1.1", 6, 20, 30, 30), ("1.2", 32, 80, 40, 38)]
    assert [note.code for note in report.notes] == ["findings-columns-lost"]
    assert PARSER.score(STACKED.splitlines()) > 0
