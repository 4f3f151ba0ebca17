"""Choose the layout parser for a text from the text itself, never from the file name."""

from __future__ import annotations

from kompass_cli.core.errors import NotAReport
from kompass_cli.core.raw import LayoutParser
from kompass_cli.core.words import names_kommunkompassen
from kompass_cli.parsers.ocr2016 import Ocr2016Parser
from kompass_cli.parsers.pdfextract2020 import PdfExtract2020Parser
from kompass_cli.parsers.summary import SummaryPageParser
from kompass_cli.parsers.wordprocessor2008 import WordProcessor2008Parser

PARSERS: tuple[LayoutParser, ...] = (
    WordProcessor2008Parser(),
    Ocr2016Parser(),
    PdfExtract2020Parser(),
)

# Read only when no full-report layout matches: a summary page never takes a report.
SUMMARY_PARSER = SummaryPageParser()

# Below this layout score a text is not taken as a report of that layout.
MIN_LAYOUT_SCORE = 0.5


def choose_parser(lines: list[str]) -> LayoutParser:
    """The parser whose layout the text matches best; a summary page's only when no
    report layout matches; refuse texts that match none."""
    if not names_kommunkompassen(lines):
        raise NotAReport("not a Kommunkompassen report: the text never names Kommunkompassen")
    scored = sorted(((parser.score(lines), parser.name, parser) for parser in PARSERS),
                    key=lambda item: (-item[0], item[1]))
    best_score, _, best = scored[0]
    if best_score < MIN_LAYOUT_SCORE:
        if SUMMARY_PARSER.score(lines) >= MIN_LAYOUT_SCORE:
            return SUMMARY_PARSER
        raise NotAReport("not a Kommunkompassen report: it names Kommunkompassen but has no "
                         "area scores in any known report layout")
    return best
