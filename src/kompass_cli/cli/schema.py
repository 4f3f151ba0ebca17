"""``kompass schema``: the JSON Schema of the documents kompass writes."""

from __future__ import annotations

from pathlib import Path

import typer

from kompass_cli.cli.app import app, handles_errors, note


@app.command()
@handles_errors
def schema(
    out: Path = typer.Option(None, "--out", "-o",
                             help="Write the files of schemas/ into this folder: "
                                  "kompass.schema.json and one per kind and version."),
    version: str = typer.Option(None, "--version", "--instrument", "-i",
                                help="Only this instrument version (2008, 2010, 2016, "
                                     "2020)."),
) -> None:
    """Print the JSON Schema of kompass's JSON documents, generated from the models.

    The output is one JSON Schema (draft 2020-12) whose root admits every document
    kind and instrument version (a oneOf), so it can be piped into a validator;
    --version narrows it to one version. --out writes the committed files of schemas/.

    Example: `kompass schema --version 2020 > report-2020.schema.json`
    """
    from kompass_cli.model.schema_export import combined_text, versions, write_schemas

    if out is not None:
        for path in write_schemas(out):
            note(f"wrote {path}")
        return
    if version is not None and version not in versions():
        raise typer.BadParameter(f"unknown version {version!r}; choose one of "
                                 f"{', '.join(versions())}", param_hint="'--version'")
    typer.echo(combined_text(version), nl=False)
