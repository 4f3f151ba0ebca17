"""``kompass plot profile`` and ``kompass plot trend``: the scores as pictures."""

from __future__ import annotations

from pathlib import Path

import typer

from kompass_cli.cli.app import DEFAULT_DATA, app, echo_errors, exit_if_refused, handles_errors
from kompass_cli.errors import KompassError

plot_app = typer.Typer(
    name="plot",
    help="Draw the scores as PNG or SVG pictures.\n\n"
         "Example: [bold]kompass plot profile data/normalized/norsjo-2018.json "
         "--out norsjo.png[/bold]",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
app.add_typer(plot_app, name="plot")


@plot_app.command()
@handles_errors
def profile(
    report: Path = typer.Argument(..., help="A normalised JSON report."),
    out: Path = typer.Option(..., "--out", "-o", help="Picture to write: .png or .svg."),
    against: Path = typer.Option(None, "--against", help="Another report to compare with."),
    against_mean: Path = typer.Option(None, "--against-mean",
                                      help="Folder of reports whose mean to compare with "
                                           "(the profiled report left out)."),
) -> None:
    """Draw one report's eight area scores as bars, optionally beside a comparison.

    A comparison with a report of another instrument version lines the areas up through
    the crosswalk, and the footnote says so.

    Example: [bold]kompass plot profile data/normalized/norsjo-2018.json --against-mean
    data/normalized --out norsjo.png[/bold]
    """
    from kompass_cli import plots
    from kompass_cli.dataset import load_document, load_folder

    if against is not None and against_mean is not None:
        raise KompassError("give --against or --against-mean, not both")
    _check_suffix(out)
    main = load_document(report)
    comparison, refused = None, []
    if against is not None:
        comparison = plots.against_report(main, load_document(against))
    elif against_mean is not None:
        loaded = load_folder(against_mean)
        refused = loaded.errors
        echo_errors(refused)
        comparison = plots.against_mean(main, [r for _, r in loaded.reports])
    plots.save(plots.profile(main, comparison), out)
    typer.echo(f"{out}: profile of {main.municipality.name} {main.evaluation.year}", err=True)
    exit_if_refused(refused)


@plot_app.command()
@handles_errors
def trend(
    municipality: str = typer.Argument(..., help="Name (any case, diacritics optional) or "
                                                 "four-digit kommunkod."),
    out: Path = typer.Option(..., "--out", "-o", help="Picture to write: .png or .svg."),
    data: Path = typer.Option(DEFAULT_DATA, "--data", "-d",
                              help="Folder of normalised JSON reports."),
) -> None:
    """Draw a municipality's total and area scores over the years.

    Every source in --data counts: reports, the rows of their history tables, results
    summaries and imports (a year once, its sources in the footnote); a value another
    source gives differently, or a total its areas do not add up to, is a red cross.
    Each change of instrument version is marked, since scores are only fully
    comparable within one.

    Example: [bold]kompass plot trend Norsjö --out norsjo-trend.png[/bold]
    """
    from kompass_cli import plots
    from kompass_cli.dataset import load_folder
    from kompass_cli.municipalities import lookup

    _check_suffix(out)
    found = lookup(municipality)
    if found is None:
        raise KompassError("not a Swedish municipality; give a name such as Norsjö or a "
                           "four-digit kommunkod such as 2417", municipality)
    loaded = load_folder(data)
    echo_errors(loaded.errors)
    plots.save(plots.trend(found, loaded.reports), out)
    typer.echo(f"{out}: trend of {found.name}", err=True)
    exit_if_refused(loaded.errors)


def _check_suffix(out: Path) -> None:
    """Refuse a wrong file name before any work is done."""
    if out.suffix.lower() not in (".png", ".svg"):
        raise KompassError("cannot draw this kind of file; name the output .png or .svg",
                           str(out))
