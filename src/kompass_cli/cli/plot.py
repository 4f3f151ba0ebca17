"""``kompass plot profile`` and ``kompass plot trend``: the scores as pictures."""

from __future__ import annotations

from pathlib import Path

import typer

from kompass_cli.cli.app import (
    app, data_option, exit_if_refused, handles_errors, load_data, municipality_argument,
    note,
)
from kompass_cli.core.errors import KompassError

plot_app = typer.Typer(
    name="plot",
    help="Draw the scores as PNG or SVG pictures.\n\n"
         "Example: `kompass plot profile data/normalized/norsjo-2018.json "
         "--out norsjo.png`",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
app.add_typer(plot_app, name="plot")


@plot_app.command()
@handles_errors
def profile(
    report: Path = typer.Argument(..., help="A normalised JSON report."),
    out: Path = typer.Option(..., "--out", "-o", help="Picture to write: .png or .svg."),
    against: Path = typer.Option(None, "--against", help="Another report to compare with."),
    against_mean: list[Path] = typer.Option(None, "--against-mean",
                                            help="Reports whose mean to compare with, files "
                                                 "or folders (repeatable; the profiled "
                                                 "report left out)."),
) -> None:
    """Draw one report's eight area scores as bars, optionally beside a comparison.

    A comparison with a report of another instrument version lines the areas up through
    the crosswalk, and the footnote says so.

    Example: `kompass plot profile data/normalized/norsjo-2018.json --against-mean
    data/normalized --out norsjo.png`
    """
    from kompass_cli.analyse import plots
    from kompass_cli.model.dataset import load_document

    if against is not None and against_mean:
        raise KompassError("give --against or --against-mean, not both")
    _check_suffix(out)
    main = load_document(report)
    comparison, refused = None, []
    if against is not None:
        comparison = plots.against_report(main, load_document(against))
    elif against_mean:
        loaded = load_data(against_mean)
        refused = loaded.errors
        comparison = plots.against_mean(main, [r for _, r in loaded.reports])
    plots.save(plots.profile(main, comparison), out)
    note(f"{out}: profile of {main.municipality.name} {main.evaluation.year}")
    exit_if_refused(refused)


@plot_app.command()
@handles_errors
def trend(
    municipality: str = municipality_argument(),
    out: Path = typer.Option(..., "--out", "-o", help="Picture to write: .png or .svg."),
    data: list[Path] = data_option(),
) -> None:
    """Draw a municipality's total and area scores over the years, as small multiples.

    One panel for the total and one per area, the area panels sharing their axes. Every
    source in --data counts: reports, the rows of their history tables, results
    summaries and imports (a year once, its sources in the footnote); a value another
    source gives differently, or a total its areas do not add up to, is a red cross.
    Each change of instrument version is marked, since scores are only fully
    comparable within one.

    Example: `kompass plot trend Norsjö --out norsjo-trend.png`
    """
    from kompass_cli.analyse import plots
    from kompass_cli.reference.municipalities import identify

    _check_suffix(out)
    found = identify(municipality)
    loaded = load_data(data)
    plots.save(plots.trend(found, loaded.reports), out)
    note(f"{out}: trend of {found.name}")
    exit_if_refused(loaded.errors)


def _check_suffix(out: Path) -> None:
    """Refuse a wrong file name before any work is done."""
    if out.suffix.lower() not in (".png", ".svg"):
        raise KompassError("cannot draw this kind of file; name the output .png or .svg",
                           str(out))
