"""``kompass text``: the lines kompass reads from a file, which provenance line numbers count."""

from __future__ import annotations

from pathlib import Path

import typer

from kompass_cli.cli.app import PdfEngine, app, handles_errors, pdf_engine_option


@app.command()
@handles_errors
def text(
    path: Path = typer.Argument(..., help="A report: text in any encoding, or a PDF."),
    numbers: bool = typer.Option(False, "--numbers", "-n",
                                 help="Prefix each line with its number (and PDF page)."),
    max_pages: int = typer.Option(1000, "--max-pages", min=1,
                                  help="Refuse PDFs with more pages than this."),
    pdf_engine: PdfEngine = pdf_engine_option(),
) -> None:
    """Print the text kompass reads from a report, line by line.

    Every `line` in the JSON counts these lines. For a PDF they are the text read from
    its pages (columns split, wrapped lines rejoined, headers and footers dropped), and
    with --numbers each line shows its page too, as `page:line`.

    Example: `kompass text report.pdf --numbers`
    """
    from kompass_cli.sources import read_source

    source = read_source(path, max_pages=max_pages, engine=pdf_engine.value)
    for index, line in enumerate(source.lines):
        if not numbers:
            typer.echo(line)
        elif source.pages:
            typer.echo(f"{source.pages[index]}:{index + 1}\t{line}")
        else:
            typer.echo(f"{index + 1}\t{line}")
