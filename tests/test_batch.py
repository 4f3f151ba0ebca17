"""Batch parsing: many files, all cores, identical output, a time limit from outside."""

from __future__ import annotations

import faulthandler
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from kompass_cli.run import batch
from kompass_cli.run.batch import Limits, Parsed, parse_many
from tests.conftest import FIXTURES, RAW

runner = CliRunner()


def _copies(folder: Path, count: int) -> list[Path]:
    """Copies of the bundled reports (and one non-report) under distinct names."""
    sources = sorted(RAW.glob("*.txt")) + [FIXTURES / "not_reports" / "norberg-newsletter-2018.txt"]
    paths = []
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"{index:03d}-{source.name}"
        shutil.copy(source, target)
        paths.append(target)
    return paths


def test_two_jobs_give_the_same_results_in_the_same_order(tmp_path):
    paths = _copies(tmp_path, 4)[::-1]
    one = parse_many(paths, 1, Limits(timeout=0, max_memory=0))
    two = parse_many(paths, 2, Limits(timeout=30))
    assert one == two
    assert [r.error is None for r in one] == [False, True, True, True]


def test_cli_jobs_output_is_identical(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    _copies(source, 4)
    shutil.copy(FIXTURES / "not_reports" / "tomelilla-governance-model.txt", source)
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = runner.invoke(app, ["parse", str(source), "--out", str(out), "--jobs", jobs,
                                     "--quiet"])
        assert result.exit_code == 2  # the newsletter copies are refused
        assert result.stderr.count("not a Kommunkompassen report") == 2
        outputs[jobs] = {p.name: p.read_bytes() for p in out.iterdir()}
    assert outputs["1"] == outputs["2"]
    assert sorted(outputs["1"]) == ["hallsberg-2008.json", "lindesberg-2021.json",
                                    "norsjo-2018.json"]


def _slow_parse_one(path, limits):
    if "slow" in path.name:
        time.sleep(30)
    return Parsed(path, json="{}\n", name=path.name + ".json", summary=None)


def test_a_file_over_time_is_stopped_and_the_rest_go_on(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "parse_one", _slow_parse_one)
    paths = [tmp_path / name for name in ("a.txt", "slow.txt", "b.txt", "c.txt")]
    started = time.monotonic()
    results = parse_many(paths, 2, Limits(timeout=1.0))
    assert time.monotonic() - started < 15
    assert [r.error is None for r in results] == [True, False, True, True]
    assert "took longer than 1 s" in results[1].error
    assert "raise the limit with --timeout" in results[1].error


def _fragile_parse_one(path, limits):
    if "crash" in path.name:
        faulthandler.disable()  # pytest's would print the crash; kompass has none
        os.kill(os.getpid(), signal.SIGSEGV)
    if "bug" in path.name:
        raise ValueError("a bug met on this file")
    return Parsed(path, json="{}\n", name=path.name + ".json", summary=None)


def _aborting_parse_one(path, limits):
    """What pdfium does where an allocation fails: abort the process."""
    if "abort" in path.name:
        faulthandler.disable()
        os.abort()
    return Parsed(path, json="{}\n", name=path.name + ".json", summary=None)


@pytest.mark.parametrize(("memory", "reason"), [
    (256 * 1024 ** 2, "needed more than 256 MiB of memory; raise the limit with "
                      "--max-memory if the file is genuine"),
    (0, "stopped the process reading it (killed by SIGABRT)")])
def test_an_abort_under_a_memory_ceiling_is_that_ceiling(tmp_path, monkeypatch, memory,
                                                         reason):
    monkeypatch.setattr(batch, "parse_one", _aborting_parse_one)
    paths = [tmp_path / name for name in ("abort.pdf", "b.txt")]
    results = parse_many(paths, 1, Limits(timeout=30, max_memory=memory))
    assert [r.error for r in results] == [f"{paths[0]}: {reason}", None]


def test_a_crash_or_a_bug_on_one_file_is_that_files_refusal(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "parse_one", _fragile_parse_one)
    paths = [tmp_path / name for name in ("a.txt", "crash.txt", "bug.txt", "b.txt")]
    results = parse_many(paths, 1, Limits(timeout=30))
    assert [r.error for r in results] == [
        None,
        f"{paths[1]}: stopped the process reading it (killed by SIGSEGV)",
        f"{paths[2]}: internal error while reading it (ValueError: a bug met on this "
        f"file); rerun with --debug for details",
        None]
