"""Hostile normalised JSON: every command that reads it refuses the bad file by name
and still gives every other file its result.

The bad files are built here from the bundled golden files: nesting a hundred thousand
deep, NaN, ±Infinity and 1e309 (which overflows to infinity), a key given twice, and
symbolic links that lead nowhere.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from kompass_cli.core.errors import KompassError
from kompass_cli.model.dataset import load_report, read_json
from tests.conftest import NORMALIZED, RAW

runner = CliRunner()
GOLDENS = sorted(NORMALIZED.glob("*.json"))


def _strict_json(text: str):
    """JSON as a strict reader takes it: NaN and Infinity are not JSON."""
    def refuse(token):
        raise ValueError(f"non-standard JSON token {token}")
    return json.loads(text, parse_constant=refuse)


def _folder_with(tmp_path, name: str, text: str):
    folder = tmp_path / "data"
    folder.mkdir()
    for golden in GOLDENS:
        shutil.copy(golden, folder / golden.name)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _edited(golden: str, edit) -> str:
    document = json.loads((NORMALIZED / golden).read_text(encoding="utf-8"))
    edit(document)
    return json.dumps(document, ensure_ascii=False)  # writes NaN / Infinity as Python does


DEEP = "[" * 100_000 + "]" * 100_000


def _commands(folder):
    return {
        "validate": ["validate", str(folder), "--raw-dir", str(RAW), "--format", "json"],
        "summarise": ["summarise", str(folder), "--format", "json"],
        "compare": ["compare", "Norsjö", "--data", str(folder), "--format", "json"],
        "export": ["export", str(folder), "--format", "jsonl"],
        "plot trend": ["plot", "trend", "Norsjö", "--data", str(folder),
                       "--out", str(folder.parent / "trend.svg")],
        "plot profile": ["plot", "profile", str(folder / "norsjo-2018.json"),
                         "--against-mean", str(folder), "--out",
                         str(folder.parent / "profile.svg")],
    }


@pytest.mark.parametrize("command", ["validate", "summarise", "compare", "export",
                                     "plot trend", "plot profile"])
def test_deep_nesting_is_refused_by_name_and_the_rest_proceed(tmp_path, command):
    folder = _folder_with(tmp_path, "deep.json", DEEP)
    result = runner.invoke(app, _commands(folder)[command])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[0] == (
        f"error: {folder / 'deep.json'}: is nested too deeply to read; not a kompass JSON file")
    assert "internal error" not in result.stderr
    _assert_rest_proceeded(command, result, folder)


def _assert_rest_proceeded(command, result, folder):
    if command == "validate":
        files = _strict_json(result.stdout)["files"]
        assert [f["file"] for f in files] == [str(g) for g in
                                              sorted(folder.glob("*-20*.json"))]
    elif command == "summarise":
        assert [row["municipality"] for row in _strict_json(result.stdout)] == [
            "Hallsberg", "Lindesberg", "Norsjö"]
    elif command == "compare":
        assert [e["year"] for e in _strict_json(result.stdout)["evaluations"]] == [
            2015, 2017, 2018]
    elif command == "export":
        rows = [_strict_json(line) for line in result.stdout.splitlines()]
        assert len(rows) == 24
    else:
        assert (folder.parent / f"{command.split()[1]}.svg").exists()


def test_deep_nesting_in_diff_names_the_file(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP, encoding="utf-8")
    result = runner.invoke(app, ["diff", str(NORMALIZED / "norsjo-2018.json"), str(deep)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {deep}: is nested too deeply to read; not a kompass JSON file\n"


BAD_NUMBERS = {
    "nan": (float("nan"), "NaN"),
    "inf": (float("inf"), "Infinity"),
    "-inf": (float("-inf"), "-Infinity"),
}


@pytest.mark.parametrize("name", list(BAD_NUMBERS))
def test_non_finite_numbers_are_refused_and_output_stays_json(tmp_path, name):
    value, word = BAD_NUMBERS[name]

    def edit(document):
        document["areas"][2]["score"] = value
    folder = _folder_with(tmp_path, "norsjo-2018.json", _edited("norsjo-2018.json", edit))
    bad = folder / "norsjo-2018.json"
    expected = (f"error: {bad}: not a valid kompass report (areas[2].score: {word} is not a "
                f"finite number); run kompass validate on it for every problem")
    summary = runner.invoke(app, _commands(folder)["summarise"])
    assert summary.exit_code == 2 and summary.stderr.splitlines() == [expected]
    assert [r["municipality"] for r in _strict_json(summary.stdout)] == ["Hallsberg",
                                                                         "Lindesberg"]
    export = runner.invoke(app, _commands(folder)["export"])
    assert export.exit_code == 2 and export.stderr.splitlines() == [expected]
    assert len([_strict_json(line) for line in export.stdout.splitlines()]) == 16
    for command in ("compare", "plot trend"):
        result = runner.invoke(app, _commands(folder)[command])
        assert result.exit_code == 2, (command, result.output)
        assert expected in result.stderr.splitlines() and "internal error" not in result.stderr


def test_an_overflowing_number_reads_as_infinity_and_is_refused(tmp_path):
    text = (NORMALIZED / "hallsberg-2008.json").read_text(encoding="utf-8")
    path = tmp_path / "hallsberg-2008.json"
    path.write_text(text.replace('"score": 463', '"score": 1e309', 1), encoding="utf-8")
    with pytest.raises(KompassError, match=r"total\.score: Infinity is not a finite number"):
        load_report(path)


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e309"])
def test_validate_names_the_path_of_a_non_finite_number(tmp_path, value):
    text = (NORMALIZED / "hallsberg-2008.json").read_text(encoding="utf-8")
    path = tmp_path / "hallsberg-2008.json"
    path.write_text(text.replace('"score": 463', f'"score": {value}', 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--raw-dir", str(RAW), "--format", "json"])
    assert result.exit_code == 1, result.output
    findings = _strict_json(result.stdout)["files"][0]["findings"]
    assert ("json-non-finite-number", "total.score") in {(f["code"], f["path"]) for f in findings}


def test_a_key_given_twice_is_found_with_its_path(tmp_path):
    text = (NORMALIZED / "hallsberg-2008.json").read_text(encoding="utf-8")
    path = tmp_path / "hallsberg-2008.json"
    path.write_text(text.replace('"score": 463,', '"score": 463, "score": 400,', 1),
                    encoding="utf-8")
    assert read_json(path).repeated_keys == ["total.score"]
    result = runner.invoke(app, ["validate", str(path), "--raw-dir", str(RAW), "--format", "json"])
    assert result.exit_code == 1
    findings = _strict_json(result.stdout)["files"][0]["findings"]
    # json keeps the last value, 400, which its reported values do not back either.
    assert [(f["code"], f["path"]) for f in findings] == [
        ("json-duplicate-key", "total.score"), ("score-not-reported", "total.score")]
    with pytest.raises(KompassError, match=r"total\.score: key given more than once"):
        load_report(path)


def test_the_bundled_files_have_no_repeated_keys_or_non_finite_numbers():
    for golden in GOLDENS:
        document = read_json(golden)
        assert document.problems() == []


@pytest.mark.parametrize("command", ["validate", "summarise", "compare", "export"])
@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_links_that_lead_nowhere_are_reported_by_path(tmp_path, command, kind):
    folder = _folder_with(tmp_path, "placeholder.txt", "")
    link = folder / "zz.json"
    os.symlink(link.name if kind == "loop" else "gone.json", link)
    result = runner.invoke(app, _commands(folder)[command])
    assert result.exit_code == 2, result.output
    reason = ("is a symbolic link loop (it leads back to itself); remove or fix the link"
              if kind == "loop" else
              "is a symbolic link to gone.json, which does not exist; remove or fix the link")
    assert result.stderr.splitlines()[0] == f"error: {link}: {reason}"
    _assert_rest_proceeded(command, result, folder)


def _validate_elsewhere(tmp_path, *options):
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir(exist_ok=True)
    result = runner.invoke(app, ["validate", str(NORMALIZED / "norsjo-2018.json"),
                                 "--raw-dir", str(raw_dir), "--format", "json", *options])
    findings = _strict_json(result.stdout)["files"][0]["findings"]
    return result.exit_code, [(f["code"], f["severity"], f["path"]) for f in findings]


def test_a_raw_report_not_at_hand_is_said_and_can_be_required(tmp_path):
    assert _validate_elsewhere(tmp_path) == (
        0, [("source-not-checked", "info", "source.sha256")])
    assert _validate_elsewhere(tmp_path, "--require-raw") == (
        1, [("source-missing", "error", "source.sha256")])


@pytest.mark.parametrize("name", ["../../etc/passwd", "/dev/zero", "..", ""])
def test_a_source_file_that_is_not_a_bare_name_is_never_opened(tmp_path, name):
    document = json.loads((NORMALIZED / "norsjo-2018.json").read_text(encoding="utf-8"))
    document["source"]["file"] = name
    path = tmp_path / "norsjo-2018.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--raw-dir", str(RAW), "--format", "json"])
    assert result.exit_code == 1
    findings = _strict_json(result.stdout)["files"][0]["findings"]
    assert [(f["code"], f["path"]) for f in findings] == [("source-file-not-a-name", "source.file")]


@pytest.mark.parametrize("failure, reason", [
    (MemoryError, "is too large to read into memory; not a kompass JSON file"),
    (RecursionError, "is nested too deeply to read; not a kompass JSON file"),
])
def test_running_out_of_memory_or_stack_while_reading_names_the_file(tmp_path, monkeypatch,
                                                                     failure, reason):
    import kompass_cli.model.dataset as dataset

    def exhausted(*args, **kwargs):
        raise failure()
    folder = _folder_with(tmp_path, "big.json", "{}")
    from types import SimpleNamespace

    monkeypatch.setattr(dataset, "json", SimpleNamespace(
        loads=exhausted, JSONDecodeError=json.JSONDecodeError))
    result = runner.invoke(app, _commands(folder)["summarise"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"error: {folder / 'big.json'}: {reason}"
    assert len(result.stderr.splitlines()) == 4  # every file refused, each by name


def test_an_integer_of_thousands_of_digits_is_refused_by_name(tmp_path):
    text = (NORMALIZED / "norsjo-2018.json").read_text(encoding="utf-8")
    folder = _folder_with(tmp_path, "norsjo-2018.json",
                          text.replace('"score": 509', '"score": ' + "9" * 5000, 1))
    for command in ("validate", "summarise", "export"):
        result = runner.invoke(app, _commands(folder)[command])
        assert result.exit_code == 2, (command, result.output)
        assert result.stderr.splitlines()[0].startswith(
            f"error: {folder / 'norsjo-2018.json'}: holds a number too long to read (")
        assert "internal error" not in result.stderr


def test_devices_fifos_and_oversized_files_are_refused_unread(tmp_path, monkeypatch):
    import kompass_cli.model.dataset as dataset

    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # opening it would wait for a writer for ever
    result = runner.invoke(app, ["validate", "/dev/zero", str(fifo),
                                 str(NORMALIZED / "norsjo-2018.json"), "--raw-dir", str(RAW)])
    assert result.exit_code == 2
    reason = "is not a regular file (a device, FIFO or socket); give a kompass JSON file"
    assert result.stderr.splitlines() == [f"error: /dev/zero: {reason}",
                                          f"error: {fifo}: {reason}"]
    assert "norsjo-2018.json: valid" in result.stdout
    monkeypatch.setattr(dataset, "MAX_JSON_BYTES", 1000)
    with pytest.raises(KompassError, match="is over 1,000 bytes"):
        load_report(NORMALIZED / "norsjo-2018.json")


def test_a_fifo_in_a_folder_is_reported_not_read(tmp_path):
    folder = _folder_with(tmp_path, "placeholder.txt", "")
    os.mkfifo(folder / "zz.json")
    result = runner.invoke(app, _commands(folder)["summarise"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {folder / 'zz.json'}: is not a regular file (a device, FIFO or socket); "
        f"it is not read"]
    _assert_rest_proceeded("summarise", result, folder)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
@pytest.mark.parametrize("where", [("total", "score"), ("areas", 0, "reported_scores", 0, "value"),
                                   ("areas", 1, "questions", 0, "percent"),
                                   ("history", 0, "scores", "1")])
def test_the_schema_itself_refuses_non_finite_numbers(value, where):
    from pydantic import ValidationError

    from kompass_cli.model.dataset import json_path
    from kompass_cli.schemas.report import REPORT_ADAPTER

    document = json.loads((NORMALIZED / "norsjo-2018.json").read_text(encoding="utf-8"))
    node = document
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    with pytest.raises(ValidationError) as caught:
        REPORT_ADAPTER.validate_python(document)
    finite = [e for e in caught.value.errors() if e["type"] == "finite_number"]
    assert [json_path(e["loc"]) for e in finite] == [json_path(where)]


def test_a_link_loop_given_by_name_is_said_to_be_one(tmp_path):
    link = tmp_path / "loop.json"
    os.symlink(link.name, link)
    for command in (["summarise", str(link)], ["validate", str(link)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2
        assert result.stderr == (f"error: {link}: is a symbolic link loop (it leads back to "
                                 f"itself); remove or fix the link\n")


def test_an_unreadable_raw_report_is_a_checksum_not_checked(tmp_path):
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    (raw_dir / "norsjo-2018.txt").mkdir()  # a folder where the raw report should be
    result = runner.invoke(app, ["validate", str(NORMALIZED / "norsjo-2018.json"),
                                 "--raw-dir", str(raw_dir), "--format", "json"])
    assert result.exit_code == 0
    [finding] = _strict_json(result.stdout)["files"][0]["findings"]
    assert finding["code"] == "source-not-checked" and finding["severity"] == "info"


def test_a_byte_order_mark_from_an_editor_is_not_content(tmp_path):
    path = tmp_path / "norsjo-2018.json"
    path.write_bytes(b"\xef\xbb\xbf" + (NORMALIZED / "norsjo-2018.json").read_bytes())
    result = runner.invoke(app, ["validate", str(path), "--raw-dir", str(RAW)])
    assert result.exit_code == 0, result.output
    assert load_report(path) == load_report(NORMALIZED / "norsjo-2018.json")
