"""``kompass schema``: the JSON Schema of each instrument version's report model."""

from __future__ import annotations

from pathlib import Path

import typer

from kompass_cli.cli.app import app, handles_errors


@app.command()
@handles_errors
def schema(
    out: Path = typer.Option(None, "--out", "-o",
                             help="Write one file per version into this folder."),
    version: str = typer.Option(None, "--instrument", "-i",
                                help="Print only this version's schema (2008, 2010, 2016, 2020)."),
    kind: str = typer.Option("report", "--kind", "-k",
                             help="With --instrument: 'report' or 'summary' (results summary)."),
) -> None:
    """Print or write the JSON Schema of the report and results-summary models,
    generated from pydantic.

    Example: `kompass schema --out schemas`
    """
    from kompass_cli.jsonschema import schema_documents, write_schemas

    if out is not None:
        for path in write_schemas(out):
            typer.echo(f"wrote {path}", err=True)
        return
    documents = schema_documents()
    if version is not None:
        if kind not in ("report", "summary"):
            raise typer.BadParameter(f"unknown kind {kind!r}", param_hint="--kind")
        name = f"kompass-{kind}-{version}.schema.json"
        if name not in documents:
            raise typer.BadParameter(f"unknown version {version!r}", param_hint="--instrument")
        typer.echo(documents[name], nl=False)
        return
    for name, text in documents.items():
        typer.echo(text, nl=False)
