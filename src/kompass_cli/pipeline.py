"""Parse one input file into a validated report: read, choose a layout, parse, build.

Number tokens with an invisible character inside (a control or format character, a
combining mark) are blanked before any parser sees the lines, so that no layout reads
part of one as a number; each is reported.
"""

from __future__ import annotations

from pathlib import Path

from kompass_cli.build import SourceInfo, build_report
from kompass_cli.errors import NotAReport
from kompass_cli.numbers import blank_unreadable_numbers
from kompass_cli.ocr import repair_report_text
from kompass_cli.parsers.base import Note
from kompass_cli.parsers.registry import choose_parser
from kompass_cli.schemas.common import ReportBase
from kompass_cli.sources import DEFAULT_ENGINE, DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, read_source


def parse_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
               max_pages: int = DEFAULT_MAX_PAGES, engine: str = DEFAULT_ENGINE) -> ReportBase:
    """The report in ``path``; raises KompassError with the file named on bad input."""
    source = read_source(path, max_bytes, max_pages, engine)
    lines, unreadable = blank_unreadable_numbers(source.lines)
    try:
        parser = choose_parser(lines)
        raw = parser.parse(lines)
        raw.notes += [Note("number-unreadable", u.line, {"token": u.shown()})
                      for u in unreadable]
        repairs = repair_report_text(lines, raw)
        return build_report(raw, SourceInfo(path.name, source.sha256, source.format,
                                                       source.pages), repairs)
    except NotAReport as refusal:
        raise NotAReport(refusal.reason, str(path)) from None
