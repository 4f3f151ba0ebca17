"""``kompass import``: hand-entered results from a CSV file into results summaries."""

from __future__ import annotations

from pathlib import Path

import typer

from kompass_cli.cli.app import DEFAULT_DATA, app, handles_errors, note


@app.command("import")
@handles_errors
def import_csv(
    csv_file: Path = typer.Argument(..., help="CSV file: the wide form or the long form of "
                                              "kompass export --level areas."),
    out: Path = typer.Option(DEFAULT_DATA, "--out", "-o",
                             help="Folder for the JSON files."),
) -> None:
    """Import hand-entered results: one results summary per evaluation in the CSV.

    Wide form: one row per evaluation with the columns municipality or kommunkod, year,
    area_1 … area_8 and optionally total, instrument_version and source. Long form: the
    table kompass export --level areas writes (one row per area), edited or not.
    Comma, semicolon or tab separated; decimal commas are read. Each record is checked
    like a parsed summary page (a total the areas do not add up to is a total-mismatch
    diagnostic) and written to OUT/<municipality>-<year>-import.json. A row naming no
    real municipality, giving an impossible score or leaving out an area is refused
    with its row number (1 = the first row after the header); the others are written.

    Exit 0 when every row was imported, 2 when any was refused or the file is unreadable.

    Example: `kompass import results.csv --out data/normalized`
    """
    from kompass_cli.analyse.importing import import_csv as run
    from kompass_cli.model.writer import output_name, to_json, write_atomic

    result = run(csv_file)
    for reason in result.refused:
        typer.echo(f"error: {csv_file}: {reason}", err=True)
    for record in result.records:
        write_atomic(out / output_name(record), to_json(record))
    note(f"{len(result.records)} imported into {out}, {len(result.refused)} refused")
    if result.refused:
        raise typer.Exit(2)
