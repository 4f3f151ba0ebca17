"""Run one task per input in worker processes, each input under the same limits.

Every input is read and parsed in a worker that the parent can stop from outside, so
no input can hold up or take down the others: the parent kills a worker that passes
the time limit, the operating system refuses a worker memory past the memory limit
(RLIMIT_AS), and a worker that dies takes only its own input with it. Workers are
forked, so they share what the parent has loaded; they ignore Ctrl-C (the parent
handles it once, and stops them) and the kernel kills them should the parent die.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import wait
from pathlib import Path

from kompass_cli.core.errors import KompassError
from kompass_cli.read.limits import Limits, address_space, human_size

log = logging.getLogger("kompass")


@dataclass(frozen=True)
class Refusal:
    """Why an input gave no result: the whole message, 'FILE: reason'."""

    message: str


def run(task: Callable, items: list, jobs: int, limits: Limits,
        progress: Callable[[], None] = lambda: None) -> list:
    """``task(item)`` for every item, in item order; each result or its Refusal.

    Without a time or memory limit and with one job, the items run in this process
    (for library use); otherwise always in workers.
    """
    if jobs <= 1 and not limits.timeout and not limits.max_memory:
        outcomes = []
        for item in items:
            outcomes.append(outcome(task, item, limits)[0])
            progress()
        return outcomes
    return _Pool(task, limits, jobs).run(items, progress)


def run_one(task: Callable, item, limits: Limits):
    """``task(item)`` in a worker under the limits; a refusal is raised as KompassError."""
    [result] = run(task, [item], 1, limits)
    if isinstance(result, Refusal):
        raise KompassError(result.message)
    return result


def read_limited(path: Path, limits: Limits):
    """The SourceText of ``path`` ('-': standard input), read in a worker under the limits."""
    from kompass_cli.read.sources import read_source

    return run_one(partial(read_source, max_bytes=limits.max_bytes,
                           max_pages=limits.max_pages, engine=limits.engine), path, limits)


def outcome(task: Callable, item, limits: Limits) -> tuple[object, bool]:
    """The task's result or its refusal, and whether the process should be replaced."""
    try:
        return task(item), False
    except KompassError as error:
        return Refusal(str(error)), False
    except MemoryError:
        return Refusal(f"{item}: {memory_refusal(limits.max_memory)}"), True
    except RecursionError:
        return Refusal(f"{item}: is nested too deeply to be read"), True
    except Exception as error:  # noqa: BLE001 - one input's bug must not stop the others
        log.exception("reading %s failed", item)
        return Refusal(f"{item}: internal error while reading it ({type(error).__name__}: "
                       f"{error}); rerun with --debug for details"), True


def memory_refusal(max_memory: int) -> str:
    if not max_memory:
        return "needed more memory than the machine could give"
    return (f"needed more than {human_size(max_memory)} of memory; raise the limit with "
            f"--max-memory if the file is genuine")


class _Pool:
    """Workers that take one item at a time; a stopped or dead one is replaced."""

    def __init__(self, task: Callable, limits: Limits, jobs: int) -> None:
        self.forking = "fork" in multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if self.forking else "spawn")
        self.task, self.limits, self.jobs = task, limits, max(1, jobs)
        self.stdin: int | None = None
        self.everyone: list[_Worker] = []

    def run(self, items: list, progress: Callable[[], None]) -> list:
        from kompass_cli.read.inputs import STDIN

        if self.forking and any(str(item) == STDIN for item in items):
            self.stdin = _stdin_for_workers(self.limits.max_bytes)
        queue = deque(enumerate(items))
        outcomes: dict[int, object] = {}
        idle: list[_Worker] = []
        busy: list[_Worker] = []
        try:
            while queue or busy:
                while queue and len(busy) < self.jobs:
                    worker = idle.pop() if idle else self._start()
                    worker.give(*queue.popleft(), self.limits.timeout)
                    busy.append(worker)
                for worker, result in self._finished(busy):
                    outcomes[worker.index] = result
                    busy.remove(worker)
                    if worker.alive:
                        idle.append(worker)
                    else:
                        worker.stop()
                    progress()
        finally:
            for worker in self.everyone:
                worker.stop()
            if self.stdin is not None:
                os.close(self.stdin)
        return [outcomes[index] for index in range(len(items))]

    def _start(self) -> _Worker:
        """A new worker, started with Ctrl-C and SIGTERM held back until it ignores them
        (a worker interrupted while starting would print a traceback)."""
        worker = _Worker(self.context, (self.task, self.limits, self.stdin, os.getpid()))
        self.everyone.append(worker)
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            worker.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        return worker

    def _finished(self, busy: list[_Worker]) -> list[tuple[_Worker, object]]:
        """Wait until a worker answers, dies or passes its deadline; those workers."""
        deadlines = [w.deadline for w in busy if w.deadline is not None]
        wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        wait([w.results for w in busy] + [w.process.sentinel for w in busy], wait_for)
        finished = []
        for worker in busy:
            result = worker.answer()
            if result is not None:
                finished.append((worker, result))
        return finished


class _Worker:
    """One worker process and its two pipes: items in, results out."""

    def __init__(self, context, setup: tuple) -> None:
        tasks_in, self.tasks = context.Pipe(duplex=False)
        self.results, results_out = context.Pipe(duplex=False)
        self.process = context.Process(target=_serve, args=(tasks_in, results_out, *setup),
                                       daemon=True)
        self.pipe_ends = (tasks_in, results_out)
        self.max_memory = setup[1].max_memory
        self.alive = True
        self.index: int | None = None
        self.item = None
        self.started = 0.0
        self.deadline: float | None = None

    def start(self) -> None:
        self.process.start()
        for end in self.pipe_ends:
            end.close()

    def give(self, index: int, item, timeout: float) -> None:
        self.index, self.item = index, item
        self.started = time.monotonic()
        self.deadline = self.started + timeout if timeout else None
        try:
            self.tasks.send((index, item))
        except OSError:  # it died while idle; answer() reports how
            pass

    def answer(self):
        """The result if there is one; a Refusal if the worker died or ran out of time."""
        if self.results.poll():
            try:
                _, result, retire = self.results.recv()
            except (EOFError, OSError):
                return self._lost(self._death())
            self.alive = not retire
            return result
        if not self.process.is_alive():
            return self._lost(self._death())
        if self.deadline is not None and time.monotonic() >= self.deadline:
            seconds = time.monotonic() - self.started
            limit = self.deadline - self.started
            return self._lost(f"took longer than {limit:g} s "
                              f"(stopped after {seconds:.0f} s); raise the limit with "
                              f"--timeout if the file is genuine")
        return None

    def _lost(self, reason: str) -> Refusal:
        self.alive = False
        return Refusal(f"{self.item}: {reason}")

    def _death(self) -> str:
        """Why the worker died. Native code (pdfium) aborts the process where an
        allocation fails, where Python would raise MemoryError: under a memory
        ceiling, an abort is that ceiling reached."""
        self.process.join(1)
        code = self.process.exitcode
        if code == -signal.SIGABRT and self.max_memory:
            return memory_refusal(self.max_memory)
        if code is not None and code < 0:
            return f"stopped the process reading it (killed by {signal.Signals(-code).name})"
        return f"stopped the process reading it (exit status {code})"

    def stop(self) -> None:
        """Kill the process (idle or not) and collect it, so none is left behind."""
        if self.process.pid is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(5)  # a process stuck in the kernel must not hang the run
        for end in (self.tasks, self.results, *self.pipe_ends):
            end.close()


def _serve(tasks, results, task: Callable, limits: Limits, stdin: int | None,
           parent: int) -> None:
    """The worker's loop: take an item, answer with its outcome, until the parent closes
    the pipe or stops it. Nothing escapes as a traceback: a result that cannot be sent
    back ends the worker, which the parent reports as that file's refusal."""
    _become_worker(limits, stdin, parent)
    while True:
        try:
            index, item = tasks.recv()
        except (EOFError, OSError):
            return
        result, retire = outcome(task, item, limits)
        try:
            results.send((index, result, retire))
        except Exception:  # noqa: BLE001 - e.g. out of memory while pickling the result
            log.exception("the result for %s could not be sent", item)
            os._exit(1)
        if retire:
            return


def _become_worker(limits: Limits, stdin: int | None, parent: int) -> None:
    """Signals, parent death, standard input and the memory ceiling of a worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    _die_with(parent)
    if stdin is not None:
        os.dup2(stdin, 0)
    if limits.max_memory:
        _limit_memory(limits.max_memory)


def _die_with(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies (PR_SET_PDEATHSIG)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _limit_memory(max_memory: int) -> None:
    """An address-space ceiling the kernel enforces: allocations past it fail.

    The ceiling is what the worker already maps (shared with the parent: the parsers,
    the repair lexicon) plus ``max_memory``, so the limit is what reading one file may
    take, whatever the parent had loaded.
    """
    try:
        import resource
    except ImportError:  # not a Unix
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = address_space() + max_memory
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _stdin_for_workers(max_bytes: int) -> int | None:
    """A file descriptor the workers read as standard input ('-').

    A copy of this process's standard input, since multiprocessing closes a worker's
    own. Where standard input is an in-memory stream (a program embedding kompass, a
    test), its bytes (up to one past the limit) go to an unnamed temporary file.
    """
    if sys.stdin is None:
        return None
    try:
        return os.dup(sys.stdin.fileno())
    except (OSError, ValueError):
        pass
    with tempfile.TemporaryFile() as spool:
        spool.write(sys.stdin.buffer.read(max_bytes + 1))
        spool.flush()
        copy = os.dup(spool.fileno())
    os.lseek(copy, 0, os.SEEK_SET)
    return copy

