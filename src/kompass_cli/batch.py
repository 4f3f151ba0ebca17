"""Parse many files on all cores, each under a wall-clock limit enforced from outside.

A crafted input can keep a parser busy for minutes, so every file is parsed in a worker
process that the parent can terminate; the parser itself needs no cooperation. Results
come back as finished JSON text and are handed out in input order, so the output of
``--jobs 2`` is identical to ``--jobs 1``.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kompass_cli.errors import KompassError
from kompass_cli.pdf.document import DEFAULT_ENGINE, DEFAULT_MAX_PAGES
from kompass_cli.sources import DEFAULT_MAX_BYTES

DEFAULT_TIMEOUT = 60.0


@dataclass(frozen=True)
class Limits:
    """Per-file limits: bytes read, PDF pages, and seconds of wall-clock time (0 = none);
    and the library that reads a PDF's characters."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    max_pages: int = DEFAULT_MAX_PAGES
    engine: str = DEFAULT_ENGINE


@dataclass(frozen=True)
class Parsed:
    """The outcome for one input: its JSON and output name, or the reason it was refused."""

    path: Path
    json: str | None = None
    name: str | None = None
    summary: tuple | None = None
    error: str | None = None


def default_jobs() -> int:
    return os.cpu_count() or 1


def parse_one(path: Path, limits: Limits) -> Parsed:
    """Parse one file into its JSON text; refusals become ``Parsed.error``."""
    from kompass_cli.pipeline import parse_file
    from kompass_cli.writer import output_name, to_json

    try:
        report = parse_file(path, limits.max_bytes, limits.max_pages, limits.engine)
        counts = tuple(sum(1 for d in report.diagnostics if d.severity == s)
                       for s in ("error", "warning", "info"))
        summary = (report.municipality.name, report.municipality.code,
                   report.instrument.version, report.total.score, counts)
        return Parsed(path, to_json(report), output_name(report), summary)
    except KompassError as error:
        return Parsed(path, error=str(error))


def parse_many(paths: list[Path], jobs: int, limits: Limits,
               progress: Callable[[], None] = lambda: None) -> list[Parsed]:
    """Every input parsed, in input order; ``progress`` is called once per finished file."""
    if jobs <= 1 and not limits.timeout:
        results = []
        for path in paths:
            results.append(parse_one(path, limits))
            progress()
        return results
    return list(_in_workers(paths, jobs, limits, progress))


def _in_workers(paths: list[Path], jobs: int, limits: Limits,
                progress: Callable[[], None]) -> Iterator[Parsed]:
    """Run files in a process pool; a file over time is refused and its worker killed."""
    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else "spawn")
    if forking:
        _warm_up(paths, limits.max_bytes)
        gc.freeze()  # workers' collections then leave the shared objects' pages alone
    done: dict[int, Parsed] = {}
    pending = list(range(len(paths)))
    while pending:
        with context.Pool(max(1, min(jobs, len(pending)))) as pool:
            tasks = {i: pool.apply_async(parse_one, (paths[i], limits)) for i in pending}
            pending = _collect(tasks, paths, limits, done, progress)
    return (done[i] for i in range(len(paths)))


def _warm_up(paths: list[Path], max_bytes: int) -> None:
    """Load once in the parent what every forked worker would otherwise load again.

    The parsing modules are always imported, the PDF libraries when some input is a PDF, and
    the repair lexicon (about half a second) when some text input is not plainly clean.
    Forked workers share all three. PDFs themselves are left to the workers: reading
    one is the slow part of parsing it.
    """
    from kompass_cli.ocr import plainly_clean
    from kompass_cli.pipeline import parse_file  # noqa: F401
    from kompass_cli.sources import is_pdf, read_source

    pdfs = {path for path in paths if is_pdf(path)}
    if pdfs:
        import pdfplumber  # noqa: F401
        import pypdfium2  # noqa: F401
    for path in paths:
        if path in pdfs:
            continue
        try:
            lines = read_source(path, max_bytes).lines
        except KompassError:
            continue
        if not plainly_clean(lines):
            from kompass_cli.repair.lexicon import load

            load()
            return


def _collect(tasks: dict, paths: list[Path], limits: Limits, done: dict[int, Parsed],
             progress: Callable[[], None]) -> list[int]:
    """Wait for tasks in order; on a time-out, keep what finished and return the rest."""
    for index, task in tasks.items():
        started = time.monotonic()
        try:
            done[index] = task.get(timeout=limits.timeout or None)
        except multiprocessing.TimeoutError:
            seconds = time.monotonic() - started
            done[index] = Parsed(paths[index], error=(
                f"{paths[index]}: took longer than {limits.timeout:g} s "
                f"(stopped after {seconds:.0f} s); raise the limit with --timeout"))
            progress()
            unfinished = [i for i, t in tasks.items() if i not in done and not t.ready()]
            for i, t in tasks.items():
                if i not in done and t.ready():
                    done[i] = t.get()
                    progress()
            return unfinished
        progress()
    return []
