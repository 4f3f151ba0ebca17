"""The kompass process under signals, closed pipes and chatty libraries.

These run kompass as a real process: Ctrl-C, SIGTERM and a closed pipe cannot be
sent to a command run inside the test process. Slow parsing is made slow on purpose
by a small script that replaces the parse step before running the real entry point.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import hostile
from tests.conftest import RAW

HALLSBERG = RAW / "hallsberg-2008.txt"
NORSJO = RAW / "norsjo-2018.txt"

_SLOW_PARSE = """
import os, time
from kompass_cli.run import batch

def slow(path, limits):
    # One write per line: the two workers share the pipe, and print's separate writes
    # of the words could interleave ('startedstarted …').
    os.write(2, f"started {path}\\n".encode())
    time.sleep(600)

batch.parse_one = slow
from kompass_cli.cli.main import main
main()
"""

_SLOW_WRITE = """
import os, sys, time
from kompass_cli.model import writer

class SlowOs:
    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def replace(source, target):
        print("writing", file=sys.stderr, flush=True)
        time.sleep(600)

writer.os = SlowOs()
from kompass_cli.cli.main import main
main()
"""


def _start(tmp_path: Path, script: str, *args: str) -> subprocess.Popen:
    path = tmp_path / "kompass_slowly.py"
    path.write_text(script, encoding="utf-8")
    return subprocess.Popen([sys.executable, str(path), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_for(process: subprocess.Popen, marker: str, count: int) -> None:
    """Read stderr until ``count`` lines start with ``marker``."""
    seen = 0
    while seen < count:
        line = process.stderr.readline()
        assert line, "the process ended early"
        seen += line.startswith(marker)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if entry.name.isdigit() and int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _all_gone(pids: list[int]) -> bool:
    """Whether the processes have ended, allowing the kernel a moment to finish them."""
    for _ in range(100):
        if not any(_running(pid) for pid in pids):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sent,code,line", [
    (signal.SIGINT, 130, "error: interrupted\n"),
    (signal.SIGTERM, 143, "error: terminated\n"),
    (signal.SIGKILL, -9, ""),
])
def test_a_signal_ends_the_run_and_its_workers(tmp_path, sent, code, line):
    process = _start(tmp_path, _SLOW_PARSE, "parse", str(HALLSBERG), str(NORSJO),
                     "--jobs", "2", "--out", str(tmp_path / "out"))
    try:
        _wait_for(process, "started", 2)
        workers = _children(process.pid)
        assert len(workers) == 2
        process.send_signal(sent)
        rest = process.stderr.read()
        assert process.wait(timeout=60) == code
    finally:
        process.kill()
    assert rest == line  # one line, no traceback from any worker
    assert _all_gone(workers)


def test_terminating_while_writing_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "out"
    process = _start(tmp_path, _SLOW_WRITE, "parse", str(HALLSBERG), "--out", str(out),
                     "-q")
    try:
        _wait_for(process, "writing", 1)
        assert [p.name for p in out.iterdir()][0].startswith(".hallsberg-2008.json.")
        process.send_signal(signal.SIGTERM)
        rest = process.stderr.read()
        assert process.wait(timeout=60) == 143
    finally:
        process.kill()
    assert rest == "error: terminated\n"
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("args", [["text", str(HALLSBERG)], ["schema"],
                                  ["parse", str(HALLSBERG), "--out", "-"]])
def test_output_cut_short_by_a_closed_pipe_ends_quietly(args):
    """Like `kompass text x | head -1`: exit 141 (as if killed by SIGPIPE), no message."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before anything is written
    try:
        result = subprocess.run([sys.executable, "-m", "kompass_cli", *args],
                                stdout=write_end, stderr=subprocess.PIPE, text=True,
                                timeout=120)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")


def test_library_log_lines_stay_off_stderr_unless_debug(tmp_path):
    """pdfminer warns about a form that draws itself; only --debug shows it (the
    pdfplumber engine, which has pdfminer interpret the page)."""
    form = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] "
            b"/Resources << /XObject << /X 5 0 R >> >> /Length 5 >>\nstream\n/X Do\nendstream")
    path = tmp_path / "recursive.pdf"
    path.write_bytes(hostile.pdf(b"/X Do", extra={5: form},
                                 resources=b"/XObject << /X 5 0 R >>"))
    command = [sys.executable, "-m", "kompass_cli"]
    quiet = subprocess.run([*command, "text", str(path), "--pdf-engine", "pdfplumber"],
                           capture_output=True, text=True, timeout=120)
    assert quiet.returncode == 2
    assert quiet.stderr == (f"error: {path}: has no text layer (a scanned image?); run OCR "
                            f"on it first, for example with ocrmypdf, and parse the result\n")
    debug = subprocess.run([*command, "--debug", "text", str(path), "--pdf-engine",
                            "pdfplumber"], capture_output=True, text=True, timeout=120)
    assert "pdfminer" in debug.stderr and debug.stderr.endswith(quiet.stderr)
