"""``kompass parse``: reports in, one JSON document per report out."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kompass_cli.cli.app import (
    app,
    echo_error,
    echo_errors,
    handles_errors,
    is_quiet,
    note,
)
from kompass_cli.cli.options import (
    DEFAULT_DATA,
    DEFAULT_RAW,
    JOBS,
    MAX_BYTES,
    MAX_MEMORY,
    MAX_PAGES,
    PDF_ENGINE,
    QUIET,
    TIMEOUT,
    PdfEngine,
    out_option,
)
from kompass_cli.core.errors import KompassError
from kompass_cli.read.inputs import expand_inputs


@app.command()
@handles_errors
def parse(
    inputs: list[Path] = typer.Argument(None, metavar="INPUT", show_default=False,
                                        help="Report files or folders (a folder means its "
                                             ".txt and .pdf files), or - for standard "
                                             "input [default: data/raw]."),
    out: str = out_option(str(DEFAULT_DATA), "Folder for the JSON files, or - for stdout "
                                             "(one input).", metavar="DIR"),
    quiet: bool = QUIET,
    check: bool = typer.Option(False, "--check",
                               help="Write nothing; exit 1 if any output in OUT would change."),
    jobs: int = JOBS,
    timeout: str = TIMEOUT,
    max_bytes: str = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    max_memory: str = MAX_MEMORY,
    year: int = typer.Option(None, "--year", min=1995, max=2100,
                             help="Evaluation year of a summary page that states none."),
    municipality: str = typer.Option(None, "--municipality",
                                     help="Municipality of a summary page that names none "
                                          "(name or kommunkod)."),
    pdf_engine: PdfEngine = PDF_ENGINE,
) -> None:
    """Parse Kommunkompassen reports into validated JSON.

    Writes `OUT/<municipality>-<year>.json` for each report. Exit 0 when every input
    parsed, 2 when any input could not be read, is not a report or could not be
    written (the others are still written), and 2 when two inputs would be written
    under one name (neither is). Each file is read in a worker process under the
    limits (time, memory, bytes, pages). With --check nothing is written: each output
    is compared with the file already in OUT, differences are printed, and the exit
    code is 1 if any would change.

    A text that matches no report layout but lists the eight area scores of one
    instrument version (a web page, a press release) is written as a results summary,
    `OUT/<municipality>-<year>-summary.json`. --year and --municipality supply what such
    a page leaves out; the record lists them in supplied_by_user.

    Example: `kompass parse data/raw/norsjo-2018.txt --out -`
    """
    from kompass_cli.model.summaries import Given
    from kompass_cli.read.limits import limits_from_options
    from kompass_cli.run.batch import default_jobs

    limits = limits_from_options(timeout, max_bytes, max_pages, max_memory, pdf_engine.value)
    given = Given(year, municipality)
    quiet = is_quiet(quiet)
    paths, problems = expand_inputs(inputs or [DEFAULT_RAW])
    if out == "-":
        if problems:
            raise problems[0]
        _print_single(paths, limits, given)
        return
    _require_folder(Path(out))
    echo_errors(problems)
    results = _run(paths, jobs or default_jobs(), limits, not quiet, given)
    if check:
        changed = _check(results, Path(out))
        _exit(len(problems) + sum(1 for r in results if r.error), changed)
        note(f"{sum(1 for r in results if not r.error)} outputs up to date")
        return
    written = _write(results, Path(out))
    refused = len(problems) + len(results) - len(written)
    if not quiet:
        _summary(written, Path(out), refused)
    _exit(refused, [])


def _require_folder(out: Path) -> None:
    """--out names a folder (perhaps not there yet), not a file: checked before parsing."""
    if out.exists() and not out.is_dir():
        raise KompassError("--out must be a folder (or - for standard output), but this "
                           "is a file", str(out))


def _print_single(paths: list[Path], limits, given) -> None:
    from kompass_cli.run.batch import parse_many

    if len(paths) != 1:
        raise KompassError(f"--out - prints one report, but {len(paths)} inputs were given")
    [result] = parse_many(paths, 1, limits, given=given)
    if result.error:
        raise KompassError(result.error)
    typer.echo(result.json, nl=False)


def _run(paths: list[Path], jobs: int, limits, show_progress: bool, given):
    """Parse all inputs; a progress bar on a terminal, none when piped or quiet."""
    from kompass_cli.run.batch import parse_many

    if not (show_progress and sys.stderr.isatty() and len(paths) > 1):
        return _report_errors(parse_many(paths, jobs, limits, given=given))
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("parsing", total=len(paths))
        results = parse_many(paths, jobs, limits, lambda: bar.advance(task), given)
    return _report_errors(results)


def _report_errors(results):
    for result in results:
        if result.error:
            echo_error(result.error)
    return results


def _write(results, out_dir: Path) -> list:
    """Write each parsed report atomically, in input order; one that fails is reported
    and the others are still written."""
    from kompass_cli.model.writer import write_atomic

    written = []
    for result in results:
        if result.error:
            continue
        try:
            write_atomic(out_dir / result.name, result.json)
        except KompassError as error:
            echo_error(error)
            continue
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
        old = _committed(target)
        if result.json != old:
            changed.append(str(target))
            typer.echo("".join(difflib.unified_diff(
                old.splitlines(keepends=True), result.json.splitlines(keepends=True),
                fromfile=f"{target} (committed)", tofile=f"{target} (parsed)")), nl=False)
    for target in changed:
        typer.echo(f"would change: {target}", err=True)
    return changed


def _committed(target: Path) -> str:
    """The output already in OUT, '' if there is none; a folder, a FIFO or binary data in
    its way is an error (never waited on)."""
    if not target.exists():
        return ""
    if not target.is_file():
        raise KompassError("cannot be compared: it is not a regular file", str(target))
    try:
        return target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KompassError(f"cannot be compared ({getattr(error, 'strerror', None) or error})",
                           str(target)) from None


def _exit(refused: int, changed: list[str]) -> None:
    if refused:
        raise typer.Exit(2)
    if changed:
        raise typer.Exit(1)


def _summary(written: list, out_dir: Path, refused: int) -> None:
    """A short table of what was parsed, on stderr so stdout stays data."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from kompass_cli.cli.render import print_table
    from kompass_cli.core.errors import one_line

    table = Table(title="kompass parse", title_justify="left")
    for column in ("input", "written", "municipality", "version", "total", "err/warn/info"):
        table.add_column(column, no_wrap=True, justify="right" if column == "total" else "left")
    for result in written:
        name, code, version, total, counts = result.summary
        table.add_row(escape(one_line(str(result.path))), result.name, f"{name} {code}",
                      version, f"{total}", "/".join(map(str, counts)))
    console = Console(stderr=True)
    print_table(console, table)
    console.print(f"{len(written)} parsed into {out_dir}, {refused} refused")
