"""``kompass validate``: the bundled data is valid; every kind of breakage fails with its code.

The broken files are built at test time from the Hallsberg golden file by the edits in
``fixtures/broken_cases.json``, so they follow the golden file when it is refreshed.
"""

from __future__ import annotations

import copy
import json

import pytest
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from tests.conftest import FIXTURES, NORMALIZED, RAW

runner = CliRunner()
CASES = json.loads((FIXTURES / "broken_cases.json").read_text(encoding="utf-8"))
BASE = json.loads((NORMALIZED / "hallsberg-2008.json").read_text(encoding="utf-8"))


def _apply(document: dict, ops: list) -> dict:
    broken = copy.deepcopy(document)
    for op, path, *value in ops:
        parent = broken
        for key in path[:-1]:
            parent = parent[key]
        if op == "set":
            parent[path[-1]] = value[0]
        else:
            del parent[path[-1]]
    return broken


def _validate(*args: str):
    return runner.invoke(app, ["validate", *args, "--raw-dir", str(RAW)])


def test_bundled_data_is_valid():
    result = _validate(str(NORMALIZED))
    assert result.exit_code == 0, result.output
    assert "INVALID" not in result.stdout


def test_json_report_lists_recorded_diagnostics_apart():
    result = _validate(str(NORMALIZED / "hallsberg-2008.json"), "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    [entry] = document["files"]
    assert entry["valid"] is True and entry["findings"] == []
    assert [d["code"] for d in entry["recorded"]] == ["question-sum-mismatch"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_each_breakage_fails_with_its_code(tmp_path, case):
    path = tmp_path / "hallsberg-2008.json"
    path.write_text(json.dumps(_apply(BASE, case["ops"]), ensure_ascii=False), encoding="utf-8")
    result = _validate(str(path), "--format", "json")
    assert result.exit_code == 1, result.output
    codes = [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert case["code"] in codes


def test_every_code_of_a_broken_case_is_distinct():
    assert len({case["code"] for case in CASES}) >= 18


def test_unreadable_json_exits_2(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    result = _validate(str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: not valid JSON")


def test_recorded_warnings_never_fail_the_file():
    # Norsjö records four warnings about the report itself; they are not errors of the file.
    result = _validate(str(NORMALIZED / "norsjo-2018.json"), "--fail-on", "warning",
                       "--format", "json")
    assert result.exit_code == 0
    [entry] = json.loads(result.stdout)["files"]
    assert entry["findings"] == []
    assert sum(1 for d in entry["recorded"] if d["severity"] == "warning") == 4
