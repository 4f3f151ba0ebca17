"""Parse one input file into a validated document: read, choose a layout, parse, build.

A full report becomes a report; a summary page (the layout chosen only when no report
layout matches) becomes a results summary, with what the user supplied for it.
Number tokens with an invisible character inside (a control or format character, a
combining mark) are blanked before any parser sees the lines, so that no layout reads
part of one as a number; each is reported.
"""

from __future__ import annotations

from pathlib import Path

from kompass_cli.core import match
from kompass_cli.core.errors import NotAReport
from kompass_cli.core.numbers import blank_unreadable_numbers
from kompass_cli.core.raw import Note
from kompass_cli.model.build import SourceInfo, build_report
from kompass_cli.model.summaries import Given, build_summary
from kompass_cli.parsers.registry import SUMMARY_PARSER, choose_parser
from kompass_cli.read.sources import (
    DEFAULT_ENGINE,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PAGES,
    read_source,
)
from kompass_cli.read.text.characters import normalise_lines
from kompass_cli.read.text.lines import restore_lines
from kompass_cli.read.text.prepare import for_layout, prepare
from kompass_cli.repair.policy import repair_report_text
from kompass_cli.schemas.common import ReportBase


def parse_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
               max_pages: int = DEFAULT_MAX_PAGES, given: Given = Given(),
               engine: str = DEFAULT_ENGINE) -> ReportBase:
    """The report or results summary in ``path``; raises KompassError with the file
    named on bad input. ``engine`` reads a PDF's characters (see pdf.document)."""
    match.forget()  # each text is matched on its own
    source = read_source(path, max_bytes, max_pages, engine)
    lines, unreadable = blank_unreadable_numbers(source.lines)
    try:
        prepared, notes = prepare(source, lines)
        parser = choose_parser(prepared.lines)
        info = SourceInfo(path.name, source.sha256, source.format, source.pages)
        unread = [Note("number-unreadable", u.line, {"token": u.shown()}) for u in unreadable]
        if parser is SUMMARY_PARSER:
            return _summary(lines, unread, info, given)
        prepared = for_layout(prepared, parser, source)
        raw = parser.parse(prepared.lines)
        repairs = repair_report_text(prepared.lines, raw)
        restore_lines(raw, prepared.origin)
        raw.notes += notes + unread
        return build_report(raw, info, repairs)
    except NotAReport as refusal:
        raise NotAReport(refusal.reason, str(path)) from None


def _summary(lines: list[str], notes: list[Note], info: SourceInfo, given: Given):
    """A summary page is read from its lines with only their characters normalised: a
    web page has no page furniture, and its table rules ('| 61 |') are not scanner
    confusions of digits."""
    raw = SUMMARY_PARSER.parse(normalise_lines(lines))
    raw.notes += notes
    return build_summary(raw, info, given)
