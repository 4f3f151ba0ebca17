"""``kompass parse``: reports in, one JSON document per report out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kompass_cli.cli.app import app, handles_errors
from kompass_cli.errors import KompassError
from kompass_cli.inputs import expand_inputs

if TYPE_CHECKING:
    from kompass_cli.schemas.common import ReportBase

DEFAULT_INPUT = Path("data/raw")
DEFAULT_OUT = "data/normalized"


@dataclass
class Outcome:
    """What happened to each input: the reports written and the inputs refused."""

    written: list[tuple[Path, str, ReportBase]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


@app.command()
@handles_errors
def parse(
    inputs: list[Path] = typer.Argument(None, help="Report files or folders [default: data/raw]"),
    out: str = typer.Option(DEFAULT_OUT, "--out", "-o",
                            help="Folder for the JSON files, or '-' for stdout (one input)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary table."),
    check: bool = typer.Option(False, "--check",
                               help="Write nothing; exit 1 if any output in OUT would change."),
    max_bytes: int = typer.Option(20 * 1024 * 1024, "--max-bytes", min=1,
                                  help="Refuse input files larger than this."),
) -> None:
    """Parse Kommunkompassen reports into validated JSON.

    Writes OUT/<municipality>-<year>.json for each report. Exit 0 when every input
    parsed, 2 when any input could not be read or is not a report (the others are
    still written).

    With --check nothing is written: each output is compared with the file already in
    OUT, differences are printed, and the exit code is 1 if any would change.

    Example: [bold]kompass parse data/raw/norsjo-2018.txt --out -[/bold]
    """
    paths, problems = expand_inputs(inputs or [DEFAULT_INPUT])
    if out == "-":
        if problems:
            raise problems[0]
        _print_single(paths, max_bytes)
        return
    outcome = Outcome()
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
        outcome.refused.append(problem.path or "")
    if check:
        _check_all(paths, Path(out), outcome, max_bytes)
        return
    _parse_all(paths, Path(out), outcome, max_bytes)
    if not quiet:
        _summary(outcome)
    if outcome.refused:
        raise typer.Exit(2)


def _print_single(paths: list[Path], max_bytes: int) -> None:
    from kompass_cli.pipeline import parse_file
    from kompass_cli.writer import to_json

    if len(paths) != 1:
        raise KompassError(f"--out - prints one report, but {len(paths)} inputs were given")
    typer.echo(to_json(parse_file(paths[0], max_bytes)), nl=False)


def _parse_all(paths: list[Path], out_dir: Path, outcome: Outcome, max_bytes: int) -> None:
    """Parse every input; a refused input is reported and the rest go on."""
    from kompass_cli.pipeline import parse_file
    from kompass_cli.writer import output_name, to_json, write_atomic

    for path in paths:
        try:
            report = parse_file(path, max_bytes)
            target = out_dir / output_name(report)
            write_atomic(target, to_json(report))
        except KompassError as error:
            typer.echo(f"error: {error}", err=True)
            outcome.refused.append(str(path))
            continue
        outcome.written.append((path, str(target), report))


def _summary(outcome: Outcome) -> None:
    """A short table of what was parsed, on stderr so stdout stays data."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="kompass parse", title_justify="left")
    for column in ("written", "municipality", "version", "total", "err/warn/info"):
        table.add_column(column, no_wrap=True, justify="right" if column == "total" else "left")
    for _, target, report in outcome.written:
        counts = [sum(1 for x in report.diagnostics if x.severity == s)
                  for s in ("error", "warning", "info")]
        table.add_row(Path(target).name,
                      f"{report.municipality.name} {report.municipality.code}",
                      report.instrument.version, f"{report.total.score}",
                      "/".join(map(str, counts)))
    console = Console(stderr=True)
    console.print(table)
    folders = sorted({str(Path(target).parent) for _, target, _ in outcome.written})
    where = f" into {', '.join(folders)}" if folders else ""
    console.print(f"{len(outcome.written)} parsed{where}, {len(outcome.refused)} refused")


def _check_all(paths: list[Path], out_dir: Path, outcome: Outcome, max_bytes: int) -> None:
    """Like black --check: report every output that differs from the committed one."""
    import difflib

    from kompass_cli.pipeline import parse_file
    from kompass_cli.writer import output_name, to_json

    changed = []
    for path in paths:
        try:
            report = parse_file(path, max_bytes)
        except KompassError as error:
            typer.echo(f"error: {error}", err=True)
            outcome.refused.append(str(path))
            continue
        target = out_dir / output_name(report)
        new = to_json(report)
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        if new != old:
            changed.append(str(target))
            typer.echo("".join(difflib.unified_diff(
                old.splitlines(keepends=True), new.splitlines(keepends=True),
                fromfile=f"{target} (committed)", tofile=f"{target} (parsed)")), nl=False)
    for target in changed:
        typer.echo(f"would change: {target}", err=True)
    if outcome.refused:
        raise typer.Exit(2)
    if changed:
        raise typer.Exit(1)
    typer.echo(f"{len(paths)} outputs up to date", err=True)
