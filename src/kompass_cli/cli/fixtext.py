"""``kompass fix-text``: repair a scanned report's text (diacritics, OCR confusions, hyphenation)."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import typer

from kompass_cli.cli.app import app, handles_errors
from kompass_cli.cli.options import (
    MAX_BYTES,
    MAX_MEMORY,
    MAX_PAGES,
    PDF_ENGINE,
    TIMEOUT,
    Format,
    PdfEngine,
    TextFormat,
    format_option,
)


@app.command("fix-text")
@handles_errors
def fix_text(
    path: str = typer.Argument("-", metavar="FILE",
                               help="A text file or PDF, or - for standard input."),
    explain: bool = typer.Option(False, "--explain", help="List every change on stderr."),
    output_format: TextFormat = format_option(Format.text,
                                              "text, or json with the text and its steps"),
    timeout: str = TIMEOUT,
    max_bytes: str = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    max_memory: str = MAX_MEMORY,
    pdf_engine: PdfEngine = PDF_ENGINE,
) -> None:
    """Repair Swedish text from a scan: lost å/ä/ö, OCR confusions, hyphenated words.

    The repaired text goes to stdout; text that does not look damaged is printed
    unchanged. With --explain each change (line, before, after, fix) goes to stderr;
    with --format json stdout is {"text": ..., "steps": [...]}. The input is read and
    repaired under the same limits as in `kompass parse`.

    Example: `kompass fix-text data/raw/norsjo-2018.txt --explain`
    """
    from kompass_cli.read.limits import limits_from_options
    from kompass_cli.read.workers import run_one

    limits = limits_from_options(timeout, max_bytes, max_pages, max_memory, pdf_engine.value)
    text, steps = run_one(partial(_read_and_repair, limits=limits), Path(path), limits)
    if output_format is Format.json:
        typer.echo(json.dumps({"text": text, "steps": [s.to_dict() for s in steps]},
                              ensure_ascii=False, indent=2))
        return
    typer.echo(text, nl=False)
    if explain:
        for step in steps:
            typer.echo(f"{step.line}: {step.before!r} -> {step.after!r} ({step.fix})", err=True)


def _read_and_repair(path: Path, limits):
    """A file read as kompass reads it (any encoding, or a PDF), and its repaired text."""
    from kompass_cli.read.sources import read_source
    from kompass_cli.repair import repair

    source = read_source(path, limits.max_bytes, limits.max_pages, limits.engine)
    return repair("".join(line + "\n" for line in source.lines))
