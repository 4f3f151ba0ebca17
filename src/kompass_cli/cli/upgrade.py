"""``kompass upgrade``: normalised JSON of schema version 1 written as version 2."""

from __future__ import annotations

from pathlib import Path

import typer

from kompass_cli.cli.app import app, echo_errors, handles_errors, note
from kompass_cli.cli.options import DEFAULT_DATA, normalised_paths_argument, out_option
from kompass_cli.core.errors import KompassError
from kompass_cli.read.inputs import expand_inputs


@app.command()
@handles_errors
def upgrade(
    paths: list[Path] = normalised_paths_argument(),
    out: Path = out_option(None, "Write the upgraded files into this folder instead of in "
                                 "place."),
) -> None:
    """Write normalised JSON of schema version 1 as version 2.

    Version 1 keeps no printed tokens; they are rebuilt from the values ('57,0' comes
    back as '57'). A file is written only when the checks of kompass parse find on it
    exactly what it records; otherwise it is left alone and named, and the raw report
    should be parsed again. Files of version 2 are left as they are.

    Exit 0 when every file is of version 2 afterwards, 2 when a file could not be
    read or upgraded (named on stderr; the other files are still upgraded).

    Example: `kompass upgrade data/normalized`
    """
    from kompass_cli.analyse.upgrade import upgrade_file

    if out is not None and not out.is_dir():
        raise KompassError("is not a folder; give --out an existing folder", str(out))
    files, errors = expand_inputs(paths or [DEFAULT_DATA], (".json",))
    for path in files:
        try:
            done = upgrade_file(path, out)
        except KompassError as error:
            errors.append(error)
            continue
        if done.written is None:
            note(f"{path}: already of schema version 2")
        else:
            note(f"{path}: wrote {done.written} as schema version 2 ({done.rebuilt} printed "
                 f"tokens rebuilt from the values; parse the raw report for the tokens as "
                 f"printed)")
    echo_errors(errors)
    if errors:
        raise typer.Exit(2)
