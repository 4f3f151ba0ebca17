"""``kompass parse``: reports in, one JSON document per report out."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kompass_cli.cli.app import (DEFAULT_DATA, DEFAULT_RAW, PdfEngine, app, handles_errors,
                                  is_quiet, note, pdf_engine_option)
from kompass_cli.errors import KompassError
from kompass_cli.inputs import expand_inputs


@app.command()
@handles_errors
def parse(
    inputs: list[Path] = typer.Argument(None, help="Report files or folders [default: data/raw]"),
    out: str = typer.Option(str(DEFAULT_DATA), "--out", "-o",
                            help="Folder for the JSON files, or '-' for stdout (one input)."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="No progress bar, no summary (as kompass --quiet)."),
    check: bool = typer.Option(False, "--check",
                               help="Write nothing; exit 1 if any output in OUT would change."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, show_default="the number of cores",
                             help="Worker processes (0: the number of cores)."),
    timeout: float = typer.Option(60.0, "--timeout", min=0,
                                  help="Seconds one file may take (0: no limit)."),
    max_bytes: int = typer.Option(20 * 1024 * 1024, "--max-bytes", min=1,
                                  help="Refuse input files larger than this."),
    max_pages: int = typer.Option(1000, "--max-pages", min=1,
                                  help="Refuse PDFs with more pages than this."),
    pdf_engine: PdfEngine = pdf_engine_option(),
) -> None:
    """Parse Kommunkompassen reports into validated JSON.

    Writes `OUT/<municipality>-<year>.json` for each report. Exit 0 when every input
    parsed, 2 when any input could not be read or is not a report (the others are
    still written). With --check nothing is written: each output is compared with the
    file already in OUT, differences are printed, and the exit code is 1 if any would
    change.

    Example: `kompass parse data/raw/norsjo-2018.txt --out -`
    """
    from kompass_cli.batch import Limits, default_jobs

    quiet = quiet or is_quiet()
    paths, problems = expand_inputs(inputs or [DEFAULT_RAW])
    limits = Limits(max_bytes, timeout, max_pages, pdf_engine.value)
    if out == "-":
        if problems:
            raise problems[0]
        _print_single(paths, limits)
        return
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    results = _run(paths, jobs or default_jobs(), limits, show_progress=not quiet)
    refused = [r for r in results if r.error] + [None] * len(problems)
    if check:
        changed = _check(results, Path(out))
        _exit(refused, changed)
        note(f"{sum(1 for r in results if not r.error)} outputs up to date")
        return
    written = _write(results, Path(out))
    if not quiet:
        _summary(written, Path(out), len(refused))
    _exit(refused, [])


def _print_single(paths: list[Path], limits) -> None:
    from kompass_cli.batch import parse_many

    if len(paths) != 1:
        raise KompassError(f"--out - prints one report, but {len(paths)} inputs were given")
    [result] = parse_many(paths, 1, limits)
    if result.error:
        raise KompassError(result.error)
    typer.echo(result.json, nl=False)


def _run(paths: list[Path], jobs: int, limits, show_progress: bool):
    """Parse all inputs; a progress bar on a terminal, none when piped or quiet."""
    from kompass_cli.batch import parse_many

    if not (show_progress and sys.stderr.isatty() and len(paths) > 1):
        return _report_errors(parse_many(paths, jobs, limits))
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("parsing", total=len(paths))
        results = parse_many(paths, jobs, limits, lambda: bar.advance(task))
    return _report_errors(results)


def _report_errors(results):
    for result in results:
        if result.error:
            typer.echo(f"error: {result.error}", err=True)
    return results


def _write(results, out_dir: Path) -> list:
    """Write each parsed report atomically, in input order."""
    from kompass_cli.writer import write_atomic

    written = []
    for result in results:
        if result.error:
            continue
        write_atomic(out_dir / result.name, result.json)
        written.append(result)
    return written


def _check(results, out_dir: Path) -> list[str]:
    """Like black --check: print a diff for every output that differs from OUT."""
    import difflib

    changed = []
    for result in results:
        if result.error:
            continue
        target = out_dir / result.name
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        if result.json != old:
            changed.append(str(target))
            typer.echo("".join(difflib.unified_diff(
                old.splitlines(keepends=True), result.json.splitlines(keepends=True),
                fromfile=f"{target} (committed)", tofile=f"{target} (parsed)")), nl=False)
    for target in changed:
        typer.echo(f"would change: {target}", err=True)
    return changed


def _exit(refused: list, changed: list[str]) -> None:
    if refused:
        raise typer.Exit(2)
    if changed:
        raise typer.Exit(1)


def _summary(written: list, out_dir: Path, refused: int) -> None:
    """A short table of what was parsed, on stderr so stdout stays data."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="kompass parse", title_justify="left")
    for column in ("written", "municipality", "version", "total", "err/warn/info"):
        table.add_column(column, no_wrap=True, justify="right" if column == "total" else "left")
    for result in written:
        name, code, version, total, counts = result.summary
        table.add_row(result.name, f"{name} {code}", version, f"{total}",
                      "/".join(map(str, counts)))
    console = Console(stderr=True)
    console.print(table)
    console.print(f"{len(written)} parsed into {out_dir}, {refused} refused")
