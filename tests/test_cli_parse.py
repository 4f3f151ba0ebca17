"""``kompass parse`` driven through the CLI, with exact output and exit codes."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from tests.conftest import FIXTURES, NORMALIZED, RAW

runner = CliRunner()


def test_parse_to_stdout_is_the_golden_file():
    result = runner.invoke(app, ["parse", str(RAW / "hallsberg-2008.txt"), "--out", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (NORMALIZED / "hallsberg-2008.json").read_text(encoding="utf-8")


def test_parse_folder_writes_one_file_per_report(tmp_path):
    result = runner.invoke(app, ["parse", str(RAW), "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["hallsberg-2008.json", "lindesberg-2021.json", "norsjo-2018.json"]
    for name in written:
        assert (tmp_path / name).read_bytes() == (NORMALIZED / name).read_bytes()


def test_summary_goes_to_stderr(tmp_path):
    result = runner.invoke(app, ["parse", str(RAW / "norsjo-2018.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "Norsjö 2417" in result.stderr and "1 parsed into" in result.stderr


@pytest.mark.parametrize("name,reason", [
    ("norberg-newsletter-2018.txt", "not a Kommunkompassen report: the text never names Kommunkompassen"),
    ("tomelilla-governance-model.txt", "not a Kommunkompassen report: the text never names Kommunkompassen"),
])
def test_non_reports_are_refused(tmp_path, name, reason):
    path = FIXTURES / "not_reports" / name
    result = runner.invoke(app, ["parse", str(path), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"error: {path}: {reason}"
    assert list(tmp_path.iterdir()) == []


def test_one_bad_input_does_not_stop_the_others(tmp_path):
    bad = FIXTURES / "not_reports" / "norberg-newsletter-2018.txt"
    result = runner.invoke(app, ["parse", str(bad), str(RAW / "hallsberg-2008.txt"),
                                 "--out", str(tmp_path), "--quiet"])
    assert result.exit_code == 2
    assert [p.name for p in tmp_path.iterdir()] == ["hallsberg-2008.json"]
    assert result.stderr.count("error:") == 1


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["parse", str(missing), "--out", "-"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {missing}: no such file or folder; check the path\n"


def test_folder_without_reports(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.md").write_text("Kommunkompassen", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(folder), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {folder}: no .txt or .pdf files in this folder\n"
    assert not (tmp_path / "out").exists()


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(empty), "--out", "-"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {empty}: the file is empty\n"
    assert "Traceback" not in result.output


def test_truncated_report_is_not_emitted(tmp_path):
    lines = (RAW / "hallsberg-2008.txt").read_text(encoding="utf-8").splitlines()
    truncated = tmp_path / "hallsberg-truncated.txt"
    truncated.write_text("\n".join(lines[:300]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(truncated), "--out", str(out)])
    assert result.exit_code == 2
    assert "incomplete report" in result.stderr
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("name", ["hallsberg-2008.txt", "lindesberg-2021.txt", "norsjo-2018.txt"])
def test_a_report_printed_twice_is_refused(tmp_path, name):
    """Two sections for every area: which one counts is not for kompass to guess."""
    text = (RAW / name).read_text(encoding="utf-8")
    doubled = tmp_path / name
    doubled.write_text(text + text, encoding="utf-8")
    result = runner.invoke(app, ["parse", str(doubled), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"error: {doubled}: ambiguous report: areas 1, 2, 3, 4, 5, 6, 7, 8 appear more than "
        f"once; check the file for duplicated sections")
    assert not (tmp_path / "out").exists()


def test_existing_output_survives_a_refused_input(tmp_path):
    target = tmp_path / "hallsberg-2008.json"
    shutil.copy(NORMALIZED / "hallsberg-2008.json", target)
    before = target.read_bytes()
    bad = tmp_path / "hallsberg.txt"
    bad.write_text("Kommunkompassen\nAnalys av Hallsbergs kommun\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(bad), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert target.read_bytes() == before


def test_help_has_an_example():
    result = runner.invoke(app, ["parse", "--help"])
    assert result.exit_code == 0
    assert "kompass parse data/raw/norsjo-2018.txt --out -" in result.stdout
