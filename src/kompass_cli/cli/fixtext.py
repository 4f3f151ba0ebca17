"""``kompass fix-text``: repair a scanned report's text (diacritics, OCR confusions, hyphenation)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from kompass_cli.cli.app import PdfEngine, app, handles_errors, pdf_engine_option


class TextFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("fix-text")
@handles_errors
def fix_text(
    path: str = typer.Argument("-", help="A text file or PDF, or - for standard input."),
    explain: bool = typer.Option(False, "--explain", help="List every change on stderr."),
    output_format: TextFormat = typer.Option(TextFormat.text, "--format", "-f",
                                             help="text, or json with the text and its steps"),
    pdf_engine: PdfEngine = pdf_engine_option(),
) -> None:
    """Repair Swedish text from a scan: lost å/ä/ö, OCR confusions, hyphenated words.

    The repaired text goes to stdout; text that does not look damaged is printed
    unchanged. With --explain each change (line, before, after, fix) goes to stderr;
    with --format json stdout is {"text": ..., "steps": [...]}.

    Example: `kompass fix-text data/raw/norsjo-2018.txt --explain`
    """
    from kompass_cli.repair import repair

    text, steps = repair(_read(path, pdf_engine.value))
    if output_format is TextFormat.json:
        typer.echo(json.dumps({"text": text, "steps": [s.to_dict() for s in steps]},
                              ensure_ascii=False, indent=2))
        return
    typer.echo(text, nl=False)
    if explain:
        for step in steps:
            typer.echo(f"{step.line}: {step.before!r} -> {step.after!r} ({step.fix})", err=True)


def _read(path: str, engine: str) -> str:
    """Standard input as it comes; a file as kompass reads it (any encoding, or a PDF)."""
    if path == "-":
        return sys.stdin.read()
    from kompass_cli.sources import read_source

    return "".join(line + "\n" for line in read_source(Path(path), engine=engine).lines)
