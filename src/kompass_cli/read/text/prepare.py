"""From the lines of a file to the lines a layout parser reads, origins kept."""

from __future__ import annotations

from kompass_cli.core.raw import LayoutParser, Note
from kompass_cli.read.sources import SourceText
from kompass_cli.read.text.characters import normalise_lines
from kompass_cli.read.text.digits import read_confused_digits
from kompass_cli.read.text.furniture import furniture_lines
from kompass_cli.read.text.lines import Prepared, rejoin_paragraphs
from kompass_cli.read.text.percentsign import read_percent_signs


def prepare(source: SourceText, lines: list[str]) -> tuple[Prepared, list[Note]]:
    """The source's ``lines`` (as read, unreadable numbers blanked) with compatibility
    characters replaced; in text input, page furniture dropped; digits printed through
    scanner confusions read where a number must stand, and a percent sign read as
    digits at the end of a table row (with a note each).

    A PDF's furniture is dropped by the PDF reader from the page geometry.
    """
    prepared = Prepared.of(normalise_lines(lines))
    if source.format == "text":
        prepared = prepared.without(furniture_lines(prepared.lines, source.page_starts))
    prepared, notes = read_confused_digits(prepared)
    prepared, signs = read_percent_signs(prepared)
    return prepared, notes + signs


def for_layout(prepared: Prepared, parser: LayoutParser, source: SourceText) -> Prepared:
    """Broken words and wrapped paragraphs rejoined for a layout that reads a paragraph
    per line."""
    if parser.paragraph_lines and source.format == "text":
        return rejoin_paragraphs(prepared)
    return prepared
