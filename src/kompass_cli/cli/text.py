"""``kompass text``: the lines kompass reads from a file, which provenance line numbers count."""

from __future__ import annotations

from pathlib import Path

import typer

from kompass_cli.cli.app import app, handles_errors
from kompass_cli.cli.options import (
    MAX_BYTES,
    MAX_MEMORY,
    MAX_PAGES,
    PDF_ENGINE,
    TIMEOUT,
    PdfEngine,
)


@app.command()
@handles_errors
def text(
    path: Path = typer.Argument(..., metavar="FILE",
                                help="A report: text in any encoding, or a PDF; - for "
                                     "standard input."),
    numbers: bool = typer.Option(False, "--numbers", "-n",
                                 help="Prefix each line with its number (and PDF page)."),
    timeout: str = TIMEOUT,
    max_bytes: str = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    max_memory: str = MAX_MEMORY,
    pdf_engine: PdfEngine = PDF_ENGINE,
) -> None:
    """Print the text kompass reads from a report, line by line.

    Every `line` in the JSON counts these lines. For a PDF they are the text read from
    its pages (columns split, wrapped lines rejoined, headers and footers dropped), and
    with --numbers each line shows its page too, as `page:line`. The file is read under
    the same limits as in `kompass parse`.

    Example: `kompass text report.pdf --numbers`
    """
    from kompass_cli.read.limits import limits_from_options
    from kompass_cli.read.workers import read_limited

    limits = limits_from_options(timeout, max_bytes, max_pages, max_memory, pdf_engine.value)
    source = read_limited(path, limits)
    for index, line in enumerate(source.lines):
        if not numbers:
            typer.echo(line)
        elif source.pages:
            typer.echo(f"{source.pages[index]}:{index + 1}\t{line}")
        else:
            typer.echo(f"{index + 1}\t{line}")
