"""``kompass compare``: one municipality's evaluations side by side, across versions."""

from __future__ import annotations

from pathlib import Path

import typer

from kompass_cli.cli.app import app, exit_if_refused, handles_errors, load_data, note
from kompass_cli.cli.options import (
    DEFAULT_DATA,
    Format,
    TableFormat,
    data_option,
    format_option,
    municipality_argument,
)
from kompass_cli.core.errors import KompassError


@app.command()
@handles_errors
def compare(
    municipality: str = municipality_argument(),
    data: list[Path] = data_option(),
    output_format: TableFormat = format_option(),
) -> None:
    """Compare every evaluation of one municipality, per area and in total.

    Evaluations come from every source in the folder: each report's own results, the
    rows of its history table, results summaries of parsed pages and imported rows. A
    year given by several sources is shown once with all its sources (values from the
    report, else the summary page, the history table, the import); values they give
    differently, and printed totals their areas do not add up to, are shown as
    conflicts in the cell (A≠B!), in the notes, and in the JSON and CSV. Areas of other instrument versions
    are lined up through the crosswalk (data/crosswalk.json) and every cell says its
    relation to the previous evaluation: same, renamed, restructured or not_comparable.
    Scores are only strictly comparable within one version of the instrument: the
    table says so above it, JSON in its `caveat` field and CSV in a note on stderr.

    Exit 0 when evaluations were found; 2 for an unknown municipality (with the closest
    names), one without evaluations in the data, or a path or file that cannot be read
    (named on stderr; the other files are still compared).

    Example: `kompass compare Norsjö --format csv`
    """
    from kompass_cli.analyse.compare import compare as build
    from kompass_cli.reference.municipalities import identify

    found = identify(municipality)
    loaded = load_data(data)
    comparison = build(found, loaded.reports)
    if not comparison.evaluations:
        raise KompassError(f"no evaluation of {found.name} ({found.code}) in these reports; "
                           f"parse its report with kompass parse or point --data elsewhere",
                           ", ".join(map(str, data or [DEFAULT_DATA])))
    _RENDERERS[output_format](comparison)
    exit_if_refused(loaded.errors)


def _json(comparison) -> None:
    import json

    from kompass_cli.analyse.compare import to_dict

    typer.echo(json.dumps(to_dict(comparison), ensure_ascii=False, indent=2))


def _csv(comparison) -> None:
    from kompass_cli.analyse.compare import CSV_COLUMNS, to_rows
    from kompass_cli.cli.render import write_csv

    write_csv(CSV_COLUMNS, to_rows(comparison))
    note(f"note: {comparison.caveat}")


def _table(comparison) -> None:
    """A rich table, the caveat above it and the sources, crosswalk and conflicts below."""
    from rich.console import Console
    from rich.table import Table

    from kompass_cli.analyse.compare import conflict_text
    from kompass_cli.cli.render import print_table

    m = comparison.municipality
    console = Console(highlight=False)
    count = len(comparison.evaluations)
    console.print(f"{m.name} ({m.code}, {m.county}): {count} evaluation{'s' * (count != 1)}, "
                  f"areas as in instrument {comparison.reference_version}", soft_wrap=True)
    console.print(comparison.caveat, style="bold", markup=False, soft_wrap=True)
    table = Table()
    table.add_column("area", min_width=16)
    for evaluation in comparison.evaluations:
        table.add_column(_header(evaluation), justify="right", no_wrap=True)
    for row in comparison.rows:
        label = f"{row.area} {row.name}" if row.area is not None else row.name
        table.add_row(label, *(_cell_text(row, cell) for cell in row.cells))
    print_table(console, table)
    console.print("Each cell: score, change from the previous evaluation, relation: "
                  "same = same area, same name; renamed = same topic, new name; "
                  "restructured = topic moved, merged or split; "
                  "not_comparable = no counterpart. A≠B! = the sources give A and B "
                  "(or the printed total A, its areas B); the conflicts are listed below. "
                  "Header: year, version, kind, sources.", markup=False, soft_wrap=True)
    for line in comparison.notes:
        console.print(f"- {line}", markup=False, soft_wrap=True)
    for evaluation in comparison.evaluations:
        for conflict in evaluation.conflicts:
            console.print(f"- CONFLICT {evaluation.year} {conflict['what']}: "
                          f"{conflict_text(conflict['values'])}.", markup=False,
                          soft_wrap=True)


def _header(evaluation) -> str:
    lines = [str(evaluation.year), f"v{evaluation.version}",
             evaluation.kind.replace("_", "-"),
             "+".join(dict.fromkeys(s["kind"] for s in evaluation.sources))]
    if evaluation.version_change:
        lines += ["NEW VERSION", evaluation.version_change]
    return "\n".join(lines)


def _cell_text(row, cell) -> str:
    if cell.score is None:
        text = "–"
    else:
        moved = row.area is not None and cell.area not in (None, row.area)
        text = f"{cell.score} (area {cell.area})" if moved else f"{cell.score}"
    others = [str(v["value"]) for v in cell.conflict if v["value"] != cell.score]
    if others:
        text += f"≠{'≠'.join(dict.fromkeys(others))}!"
    if cell.relation is None:
        return text
    change = "" if cell.change is None else f" {cell.change:+}"
    return f"{text}{change} {cell.relation}"


_RENDERERS = {Format.table: _table, Format.json: _json, Format.csv: _csv}
