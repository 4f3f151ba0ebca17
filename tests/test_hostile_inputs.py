"""Hostile and careless inputs: each is its own file's refusal, the others are written.

Every input here is built by the test (tests/hostile.py for the PDFs), and each test
states the one line the user sees.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from kompass_cli.core.errors import one_line, quoted
from kompass_cli.model import writer
from kompass_cli.read.limits import parse_size, parse_timeout
from kompass_cli.read.pdf.inflate import StreamTooLarge, _BoundedZlib
from kompass_cli.read.sources import read_head
from tests import hostile
from tests.conftest import NORMALIZED, RAW

runner = CliRunner()

HALLSBERG = RAW / "hallsberg-2008.txt"
NORSJO = RAW / "norsjo-2018.txt"

UNDECODABLE = {
    "utf16-bom-odd.txt": b"\xff\xfeA",
    "utf8-bom-invalid.txt": b"\xef\xbb\xbfKommunkompassen \xff\xfe rapport\n",
    "nul.txt": bytes(1500),
    "utf16-no-bom-odd.txt": b"K\x00o\x00m\x00m\x00u\x00n\x00\x00",
}


def _lines(stderr: str) -> list[str]:
    return stderr.splitlines()


def _no_temporary_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


# Two inputs, one output name -------------------------------------------------------

def test_two_copies_of_a_report_are_both_refused_and_the_rest_written(tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(HALLSBERG, copy)
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(HALLSBERG), str(NORSJO), str(copy),
                                 "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 2
    errors = [line for line in _lines(result.stderr) if line.startswith("error:")]
    assert errors == [
        f"error: {HALLSBERG}: would be written to hallsberg-2008.json, as would {copy}; "
        f"neither is written, parse them in separate runs",
        f"error: {copy}: would be written to hallsberg-2008.json, as would {HALLSBERG}; "
        f"neither is written, parse them in separate runs"]
    assert sorted(p.name for p in out.iterdir()) == ["norsjo-2018.json"]
    row = next(line for line in _lines(result.stderr) if "norsjo-2018.json" in line)
    assert str(NORSJO) in row  # the summary names the input of each output
    assert "1 parsed into" in result.stderr and "2 refused" in result.stderr


# Undecodable files -----------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(UNDECODABLE))
def test_an_undecodable_file_is_refused_and_the_others_are_written(tmp_path, name):
    bad = tmp_path / name
    bad.write_bytes(UNDECODABLE[name])
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(bad), str(HALLSBERG), "--out", str(out), "-q"])
    assert result.exit_code == 2
    [line] = _lines(result.stderr)
    assert line.startswith(f"error: {bad}: ") and "internal error" not in line
    assert [p.name for p in out.iterdir()] == ["hallsberg-2008.json"]


@pytest.mark.parametrize("command", ["text", "fix-text"])
@pytest.mark.parametrize("name", sorted(UNDECODABLE))
def test_an_undecodable_file_is_refused_by_text_and_fix_text(tmp_path, command, name):
    bad = tmp_path / name
    bad.write_bytes(UNDECODABLE[name])
    result = runner.invoke(app, [command, str(bad)])
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = _lines(result.stderr)
    assert line.startswith(f"error: {bad}: ") and "internal error" not in line


def test_a_byte_order_mark_promises_its_encoding():
    result = runner.invoke(app, ["text", "-"], input=UNDECODABLE["utf16-bom-odd.txt"])
    assert result.exit_code == 2
    assert result.stderr == ("error: -: starts with a UTF-16 byte-order mark but is not "
                             "UTF-16 text (truncated data at byte 2); is this the right "
                             "file?\n")


# Write errors ----------------------------------------------------------------------

def test_a_folder_where_an_output_should_be_is_that_outputs_error(tmp_path):
    out = tmp_path / "out"
    (out / "hallsberg-2008.json").mkdir(parents=True)
    result = runner.invoke(app, ["parse", str(HALLSBERG), str(NORSJO), "--out", str(out),
                                 "-q"])
    assert result.exit_code == 2
    assert _lines(result.stderr) == [
        f"error: {out / 'hallsberg-2008.json'}: is a folder, so the output cannot be "
        f"written there"]
    assert (out / "norsjo-2018.json").read_bytes() == (NORMALIZED / "norsjo-2018.json").read_bytes()
    assert _no_temporary_files(out)


def test_out_naming_a_file_is_refused_before_parsing(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(HALLSBERG), "--out", str(target)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {target}: --out must be a folder (or - for standard "
                             f"output), but this is a file\n")
    assert target.read_text(encoding="utf-8") == "keep me"


class _FailingOs:
    """The os module as the writer sees it, with writes failing as on a full disk."""

    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def fdopen(handle, mode):
        return _FullDisk(os.fdopen(handle, mode))


class _FullDisk:
    def __init__(self, stream):
        self.stream = stream

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()

    def write(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _ReadOnlyTempfile:
    """The tempfile module as the writer sees it, in a folder it may not write to (as a
    read-only folder is for any user but root, who can write anywhere)."""

    def __getattr__(self, name):
        return getattr(tempfile, name)

    @staticmethod
    def mkstemp(**options):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), options["dir"])


@pytest.mark.parametrize("module,stand_in,reason", [
    ("os", _FailingOs(), "No space left on device"),
    ("tempfile", _ReadOnlyTempfile(), "Permission denied"),
])
def test_a_write_error_is_each_outputs_error_and_leaves_nothing_behind(
        tmp_path, monkeypatch, module, stand_in, reason):
    out = tmp_path / "out"
    out.mkdir()
    (out / "hallsberg-2008.json").write_text("earlier", encoding="utf-8")
    monkeypatch.setattr(writer, module, stand_in)
    result = runner.invoke(app, ["parse", str(HALLSBERG), str(NORSJO), "--out", str(out),
                                 "-q"])
    assert result.exit_code == 2
    assert _lines(result.stderr) == [
        f"error: {out / name}: cannot be written ({reason})"
        for name in ("hallsberg-2008.json", "norsjo-2018.json")]
    assert sorted(p.name for p in out.iterdir()) == ["hallsberg-2008.json"]
    assert (out / "hallsberg-2008.json").read_text(encoding="utf-8") == "earlier"


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not bind root")
def test_a_read_only_folder_is_each_outputs_error(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = runner.invoke(app, ["parse", str(HALLSBERG), "--out", str(out), "-q"])
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {out / 'hallsberg-2008.json'}: cannot be written "
                             f"(Permission denied)\n")


def test_a_schema_folder_that_is_a_file_is_one_line(tmp_path):
    target = tmp_path / "schemas"
    target.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--out", str(target)])
    assert result.exit_code == 2
    [line] = _lines(result.stderr)
    assert line.startswith("error: ") and "is not a folder" in line


# Memory ----------------------------------------------------------------------------

def test_a_double_flate_bomb_is_refused_and_the_others_are_written(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(hostile.bomb_pdf(1024 ** 3))
    assert bomb.stat().st_size < 10_000
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(bomb), str(HALLSBERG), "--out", str(out), "-q"])
    assert result.exit_code == 2
    [line] = _lines(result.stderr)
    assert line.startswith(f"error: {bomb}: is not a readable PDF (a compressed stream "
                           f"expands past ")
    assert "a decompression bomb?); raise --max-memory if the file is genuine" in line
    assert [p.name for p in out.iterdir()] == ["hallsberg-2008.json"]


def test_text_reads_a_bomb_under_the_same_limits(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(hostile.bomb_pdf(1024 ** 3))
    result = runner.invoke(app, ["text", str(bomb)])
    assert result.exit_code == 2
    assert "a decompression bomb?" in result.stderr


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_bomb_inside_a_drawn_form_is_refused_by_either_engine(tmp_path, engine):
    """pdfium inflates a form's content where no ceiling can stop it (and aborts where
    memory runs out): the form is inflated under the ceiling first."""
    bomb = tmp_path / "form.pdf"
    bomb.write_bytes(hostile.form_bomb_pdf())
    result = runner.invoke(app, ["text", str(bomb), "--max-memory", "256M",
                                 "--pdf-engine", engine])
    assert result.exit_code == 2
    [line] = _lines(result.stderr)
    assert line.startswith(f"error: {bomb}: is not a readable PDF (a compressed stream "
                           f"expands past ")
    assert line.endswith("a decompression bomb?); raise --max-memory if the file is genuine")


def test_inflating_is_bounded_but_otherwise_like_zlib():
    data = b"Kommunkompassen " * 1000
    bounded = _BoundedZlib(1 << 20)
    assert bounded.decompress(zlib.compress(data)) == data
    assert bounded.decompress(zlib.compress(data) + b"trailing") == data
    with pytest.raises(zlib.error):
        bounded.decompress(zlib.compress(data)[:-10])
    with pytest.raises(StreamTooLarge):
        bounded.decompress(hostile.zeros_deflated(1 << 25))
    assert len(_BoundedZlib(1 << 26).decompress(hostile.zeros_deflated(1 << 25))) == 1 << 25


_ALLOCATING = """
import sys
from kompass_cli.run import batch

real = batch.parse_one

def hungry(path, limits):
    block = bytearray(2 * 1024 ** 3)  # two GiB, untouched
    return real(path, limits)

batch.parse_one = hungry
from kompass_cli.cli.main import main
main()
"""


@pytest.mark.parametrize("ceiling,refused", [("1G", True), ("3G", False)])
def test_the_memory_ceiling_is_enforced_by_the_os(tmp_path, ceiling, refused):
    script = tmp_path / "hungry.py"
    script.write_text(_ALLOCATING, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), "parse", str(HALLSBERG), "--out",
                             str(tmp_path / "out"), "-q", "--max-memory", ceiling],
                            capture_output=True, text=True, timeout=120)
    if refused:
        assert result.returncode == 2
        assert result.stderr == (f"error: {HALLSBERG}: needed more than 1 GiB of memory; "
                                 f"raise the limit with --max-memory if the file is "
                                 f"genuine\n")
    else:
        assert result.returncode == 0, result.stderr


# Devices, FIFOs, folders, standard input --------------------------------------------

@pytest.mark.parametrize("command", ["parse", "text", "fix-text"])
def test_a_device_is_refused_without_reading_it(command):
    args = [command, "/dev/zero"] + (["--out", "-"] if command == "parse" else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr == ("error: /dev/zero: is a device, not a regular file; give a "
                             "file, or pipe the text in and give - to read standard input\n")


def test_fifos_and_devices_in_a_folder_are_refused_by_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "a-fifo.txt")
    (folder / "b-folder.txt").mkdir()
    (folder / "c-zero.txt").symlink_to("/dev/zero")
    shutil.copy(HALLSBERG, folder / "d-report.txt")
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(folder), "--out", str(out), "-q", "--jobs", "2"])
    assert result.exit_code == 2
    assert _lines(result.stderr) == [
        f"error: {folder / name}: is not a regular file (a device, FIFO or socket); it is "
        f"not read" for name in ("a-fifo.txt", "c-zero.txt")]
    assert [p.name for p in out.iterdir()] == ["hallsberg-2008.json"]


@pytest.mark.parametrize("command", ["text", "fix-text"])
def test_a_fifo_or_folder_given_as_the_file_is_refused_without_waiting(tmp_path, command):
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    result = runner.invoke(app, [command, str(fifo)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {fifo}: is a named pipe (FIFO), not a regular file; "
                             f"give a file, or pipe the text in and give - to read standard "
                             f"input\n")
    result = runner.invoke(app, [command, str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path}: is a folder, not a file\n"


def test_a_first_look_never_waits_on_a_fifo_or_reads_past_its_size(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert read_head(fifo, 1024) == b""
    assert read_head(Path("/dev/zero"), 1024) == b""
    assert read_head(HALLSBERG, 10) == HALLSBERG.read_bytes()[:10]


def test_standard_input_is_parsed_like_a_file():
    result = runner.invoke(app, ["parse", "-", "--out", "-"], input=HALLSBERG.read_bytes())
    assert result.exit_code == 0, result.stderr
    golden = (NORMALIZED / "hallsberg-2008.json").read_text(encoding="utf-8")
    assert result.stdout == golden.replace('"file": "hallsberg-2008.txt"', '"file": "-"')


def test_standard_input_is_held_to_max_bytes():
    result = runner.invoke(app, ["text", "-", "--max-bytes", "1000"],
                           input=HALLSBERG.read_bytes())
    assert result.exit_code == 2
    assert result.stderr == ("error: -: is over the limit of 1,000 bytes; raise it with "
                             "--max-bytes if the file is genuine\n")


def test_standard_input_is_read_once():
    result = runner.invoke(app, ["parse", "-", "-", "--out", "-"], input=b"x")
    assert result.exit_code == 2
    assert result.stderr == "error: -: standard input can be read only once\n"


@pytest.mark.parametrize("command", ["text", "fix-text", "parse"])
def test_the_time_limit_covers_reading(command):
    """Standard input that never ends is stopped by --timeout, in every command."""
    args = [sys.executable, "-m", "kompass_cli", command, "-", "--timeout", "1"]
    process = subprocess.Popen(args + (["--out", "-"] if command == "parse" else []),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        process.wait(timeout=60)  # standard input stays open all along
        stderr = process.stderr.read()
    finally:
        process.kill()
        process.stdin.close()
    assert process.returncode == 2
    assert stderr.startswith("error: -: took longer than 1 s (stopped after ")
    assert stderr.endswith("raise the limit with --timeout if the file is genuine\n")


# Option values ---------------------------------------------------------------------

@pytest.mark.parametrize("command", ["parse", "text", "fix-text"])
@pytest.mark.parametrize("value", ["inf", "1e300", "-1", "0", "nan", "soon"])
def test_a_time_limit_that_makes_no_sense_is_a_usage_error(command, value):
    result = runner.invoke(app, [command, str(HALLSBERG), f"--timeout={value}"])
    assert result.exit_code == 2
    assert result.stderr == (f"error: --timeout must be a number of seconds above 0 and at "
                             f"most 86400, not '{value}'\n")


@pytest.mark.parametrize("option", ["--max-memory", "--max-bytes"])
def test_a_size_that_makes_no_sense_is_a_usage_error(option):
    result = runner.invoke(app, ["parse", str(HALLSBERG), f"{option}=lots"])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {option} must be a size such as 20M, 1G or a number "
                             f"of bytes, not 'lots'\n")


def test_sizes_and_times_are_read_as_written():
    assert parse_size("1G", "x") == 1024 ** 3
    assert parse_size("512MiB", "x") == 512 * 1024 ** 2
    assert parse_size("20971520", "x") == 20 * 1024 ** 2
    assert parse_timeout("2.5") == 2.5


# What the terminal is shown ----------------------------------------------------------

def test_document_text_in_a_message_is_escaped_and_cut(tmp_path):
    evil = "\x1b]0;pwned\x07" + "Z" * 5000
    text = HALLSBERG.read_text(encoding="utf-8").replace("Hallsberg", evil)
    path = tmp_path / "evil.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["parse", str(path), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 2
    [line] = _lines(result.stderr)
    assert "\x1b" not in line and "\x07" not in line
    assert "'\\x1b]0;pwned\\x07ZZZ" in line
    assert len(line) < 400 and "…'" in line


def test_messages_are_one_line_whatever_they_quote():
    assert one_line("a\nb\tc\x1b[31m\x9b\u202edone") == "a\\x0ab\\x09c\\x1b[31m\\x9b\\u202edone"
    assert one_line("Norsjö – Håbo") == "Norsjö – Håbo"
    assert quoted("x" * 300) == "'" + "x" * 199 + "…'"
