"""``kompass report``: one municipality on one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path

from kompass_cli.cli.app import app, exit_if_refused, handles_errors, load_data, note
from kompass_cli.cli.options import data_option, municipality_argument, out_option
from kompass_cli.core.errors import KompassError


@app.command()
@handles_errors
def report(
    municipality: str = municipality_argument(),
    out: Path = out_option(..., "HTML file to write.", metavar="FILE"),
    data: list[Path] = data_option(),
) -> None:
    """Write one self-contained HTML page about a municipality, to share or print.

    The page shows the latest evaluation's profile, the trend over every evaluation
    (reports and history tables), the findings per area, the diagnostics in plain
    words and the sources. Pictures are inline SVG and styles are in the page: it
    needs no network and no other file.

    Example: `kompass report Norsjö --out norsjo.html`
    """
    from kompass_cli.analyse.webpage import page
    from kompass_cli.model.writer import write_atomic
    from kompass_cli.reference.municipalities import identify

    if out.suffix.lower() not in (".html", ".htm"):
        raise KompassError("writes an HTML page; name the output .html", str(out))
    found = identify(municipality)
    loaded = load_data(data)
    write_atomic(out, page(found, loaded.reports))
    note(f"{out}: report of {found.name}")
    exit_if_refused(loaded.errors)
