"""Parse many files on all cores, each under the limits of kompass_cli.read.workers.

A crafted input can keep a parser busy for minutes or fill the memory, so every file is
parsed in a worker process under a time and a memory limit; the parser itself needs no
cooperation. Results come back as finished JSON text and are handed out in input order,
so the output of ``--jobs 2`` is identical to ``--jobs 1``.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from kompass_cli.core.errors import KompassError
from kompass_cli.model.summaries import Given
from kompass_cli.read import workers
from kompass_cli.read.limits import Limits

# Bytes of each text input read in the parent to decide whether workers will need the
# repair lexicon: enough for a whole report, little enough to cost nothing on a big file.
WARM_UP_SAMPLE = 256 * 1024


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


def parse_one(path: Path, limits: Limits, given: Given | None = None) -> Parsed:
    """Parse one file into its JSON text; refusals become ``Parsed.error``. ``given``
    holds what the user supplies for summary pages (year, municipality)."""
    from kompass_cli.model.writer import output_name, to_json
    from kompass_cli.run.pipeline import parse_file

    try:
        report = parse_file(path, limits.max_bytes, limits.max_pages, given or Given(),
                            limits.engine)
        counts = tuple(sum(1 for d in report.diagnostics if d.severity == s)
                       for s in ("error", "warning", "info"))
        summary = (report.municipality.name, report.municipality.code,
                   report.instrument.version, report.total.score, counts)
        return Parsed(path, to_json(report), output_name(report), summary)
    except KompassError as error:
        return Parsed(path, error=str(error))


def parse_many(paths: list[Path], jobs: int, limits: Limits,
               progress: Callable[[], None] = lambda: None,
               given: Given | None = None) -> list[Parsed]:
    """Every input parsed, in input order; ``progress`` is called once per finished file.

    Two inputs that would be written under one name are both refused.
    """
    if len(paths) > 1 and (jobs > 1 or limits.timeout or limits.max_memory):
        _warm_up(paths)  # one input gains nothing: its worker loads what it needs, in time
    supplied = {"given": given} if given not in (None, Given()) else {}
    task = partial(parse_one, limits=limits, **supplied)
    outcomes = workers.run(task, paths, jobs, limits, progress)
    return refuse_collisions([Parsed(path, error=outcome.message)
                              if isinstance(outcome, workers.Refusal) else outcome
                              for path, outcome in zip(paths, outcomes, strict=True)])


def refuse_collisions(results: list[Parsed]) -> list[Parsed]:
    """Inputs that map to one output name are all refused, the first one named in each.

    Writing both would keep whichever came last; which report is meant cannot be told.
    """
    first: dict[str, Parsed] = {}
    clashing: set[str] = set()
    for result in results:
        if result.name is not None and result.error is None:
            if result.name in first:
                clashing.add(result.name)
            first.setdefault(result.name, result)
    return [replace(result, json=None, summary=None, error=(
                f"{result.path}: would be written to {result.name}, as would "
                f"{_other(results, result)}; neither is written, parse them in separate runs"))
            if result.name in clashing and result.error is None else result
            for result in results]


def _other(results: list[Parsed], result: Parsed) -> str:
    """The other inputs with the same output name as ``result``."""
    return " and ".join(str(r.path) for r in results
                        if r.name == result.name and r.error is None and r is not result)


def _warm_up(paths: list[Path]) -> None:
    """Load once in the parent what every forked worker would otherwise load again.

    The parsing modules are always imported, the PDF libraries when some input is a PDF, and
    the repair lexicon with its context statistics (about a second) when some text input
    is not plainly clean. Forked workers share all three. The inputs themselves are left
    to the workers, which read them under the limits: here only the first bytes of
    regular files are looked at, so a device, a FIFO or a huge file costs the parent
    nothing.
    """
    from kompass_cli.read.sources import pdf_header, read_head
    from kompass_cli.run.pipeline import parse_file  # noqa: F401

    pdfs = {path for path in paths if pdf_header(read_head(path, 1024))}
    if pdfs:
        import pdfplumber  # noqa: F401
        import pypdfium2  # noqa: F401
    if any(_maybe_damaged(path) for path in paths if path not in pdfs):
        from kompass_cli.repair.lexicon import load

        load().context()
    gc.freeze()  # workers' collections then leave the shared objects' pages alone


def _maybe_damaged(path: Path) -> bool:
    """Whether the start of a text input is not plainly clean Swedish (False if unreadable)."""
    from kompass_cli.read.sources import decode, read_head, split_lines
    from kompass_cli.repair.policy import plainly_clean

    head = read_head(path, WARM_UP_SAMPLE)
    if not head.strip():
        return False
    try:
        return not plainly_clean(split_lines(decode(head, path)[0]))
    except KompassError:
        return False
