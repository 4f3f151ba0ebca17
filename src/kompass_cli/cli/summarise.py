"""``kompass summarise``: one row per normalised report, for people and spreadsheets."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from kompass_cli.cli.app import app, exit_if_refused, handles_errors, load_data
from kompass_cli.cli.options import (
    Format,
    SummaryFormat,
    format_option,
    normalised_paths_argument,
)


class By(str, Enum):
    file = "file"
    evaluation = "evaluation"


@app.command()
@handles_errors
def summarise(
    paths: list[Path] = normalised_paths_argument(),
    output_format: SummaryFormat = format_option(help="table, json, csv, or bars"),
    by: By = typer.Option(By.file, "--by",
                          help="file: one row per JSON file; evaluation: one row per "
                               "municipality and year from every source, as kompass list."),
) -> None:
    """Summarise reports and results summaries: scores, findings and diagnostics, one
    row per file.

    The table marks each report's best area (bold green, ↑) and its weakest (red, ↓);
    `--format bars` draws the eight areas of each report as bars out of 100.
    CSV (UTF-8, with a header) and JSON (a list of objects) have these columns, rows
    sorted by municipality, then year:

    file, municipality, kommunkod, county, year, instrument_version, total,
    area_1, area_2, area_3, area_4, area_5, area_6, area_7, area_8,
    strengths, improvements, errors, warnings, info, best_areas, weakest_areas,
    source_kind

    area_N is area N of the report's own instrument_version; best_areas and
    weakest_areas are area numbers (ties all named; ';'-separated in CSV).
    strengths and improvements count findings over all areas; errors, warnings and
    info count the report's diagnostics by severity. source_kind is report, summary
    (a parsed summary page) or import (a CSV row); summaries have no findings, so their
    strengths and improvements are empty.

    --by evaluation gives one row per municipality and year instead, from every source
    (reports, their history rows, summaries, imports) with the sources and conflicts
    listed: the rows of kompass list, with the eight area scores in CSV and JSON.

    Exit 0; 2 when a path is missing, a folder is empty, or a file is not a report
    (each such file is named on stderr, the others are still summarised).

    Example: `kompass summarise data/normalized --format csv`
    """
    from kompass_cli.analyse.summary import summarise as build

    loaded = load_data(paths)
    if by is By.evaluation:
        from kompass_cli.cli.listing import render_holdings

        render_holdings(loaded.reports, output_format.value)
    else:
        _RENDERERS[output_format](build(loaded.reports))
    exit_if_refused(loaded.errors)


def _csv(rows) -> None:
    from kompass_cli.analyse.summary import COLUMNS
    from kompass_cli.cli.render import write_csv

    records = [row.to_dict() for row in rows]
    for record in records:
        for key in ("best_areas", "weakest_areas"):
            record[key] = ";".join(map(str, record[key]))
    write_csv(COLUMNS, records)


def _json(rows) -> None:
    import json

    typer.echo(json.dumps([row.to_dict() for row in rows], ensure_ascii=False, indent=2))


def _table(rows) -> None:
    """Area scores with the best of each report in bold green and the weakest in red."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from kompass_cli.cli.render import print_table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("municipality", "code", "year", "ver", "total", *map(str, range(1, 9)),
                   "str/impr", "e/w/i", "source"):
        table.add_column(column, justify="left" if column in ("municipality", "code") else "right",
                         no_wrap=True)
    for row in rows:
        table.add_row(row.municipality, row.kommunkod or "–", str(row.year),
                      row.instrument_version, _number(row.total), *_area_cells(row),
                      f"{_number(row.strengths)}/{_number(row.improvements)}",
                      f"{row.errors}/{row.warnings}/{row.info}", row.source_kind)
    console = Console(highlight=False)
    print_table(console, table)
    console.print("1-8: area scores, numbered as in each report's own instrument version; "
                  "[bold green]↑ bold green[/bold green] = the report's best area, "
                  "[red]↓ red[/red] = its weakest (ties all marked). str/impr: strengths/improvements; "
                  "e/w/i: diagnostics (errors/warnings/info); source: report, summary (a parsed page) "
                  "or import (a CSV row).", soft_wrap=True)


def _area_cells(row) -> list[str]:
    best, weakest = row.best_areas(), row.weakest_areas()
    cells = []
    for n in range(1, 9):
        text = _number(row.areas.get(n))
        if n in best:
            text = f"[bold green]{text}↑[/bold green]"
        elif n in weakest:
            text = f"[red]{text}↓[/red]"
        cells.append(text)
    return cells


def _number(value) -> str:
    return "–" if value is None else str(value)


# Width in characters of a full bar (a score of 100).
BAR_WIDTH = 40
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(score, width: int = BAR_WIDTH) -> str:
    """A score out of 100 as a bar of block characters, to an eighth of a cell."""
    if score is None:
        return ""
    eighths = round(max(0.0, min(100.0, float(score))) / 100 * width * 8)
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def _bars(rows) -> None:
    """One block per report: its eight areas as bars, best and weakest marked."""
    from rich.console import Console

    console = Console(highlight=False)
    for row in rows:
        console.print(f"[bold]{row.municipality} {row.year}[/bold] (instrument "
                      f"{row.instrument_version}, total {_number(row.total)}/800)")
        best, weakest = row.best_areas(), row.weakest_areas()
        for n in range(1, 9):
            score = row.areas.get(n)
            style = "green" if n in best else "red" if n in weakest else "blue"
            mark = " ↑" if n in best else " ↓" if n in weakest else ""
            console.print(f"  {n} [{style}]{bar(score):<{BAR_WIDTH}}[/{style}] "
                          f"{_number(score):>4}{mark}")
        console.print()


_RENDERERS = {Format.table: _table, Format.bars: _bars, Format.csv: _csv, Format.json: _json}
