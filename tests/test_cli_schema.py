"""``kompass schema``: generated from the models; the committed copies are current."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kompass_cli.cli.main import app
from kompass_cli.jsonschema import schema_documents
from tests.conftest import ROOT

runner = CliRunner()
COMMITTED = ROOT / "schemas"


def test_committed_schemas_are_current():
    documents = schema_documents()
    assert sorted(documents) == sorted(p.name for p in COMMITTED.glob("*.json"))
    for name, text in documents.items():
        assert (COMMITTED / name).read_text(encoding="utf-8") == text, (
            f"{name} is stale; refresh with: kompass schema --out schemas")


def test_cli_writes_the_same_files(tmp_path):
    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (COMMITTED / path.name).read_bytes()


def test_one_version_to_stdout():
    result = runner.invoke(app, ["schema", "--instrument", "2020"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    keys = schema["$defs"]["Area2020"]["properties"]["key"]["enum"]
    assert keys[0] == "citizen_interaction" and len(keys) == 8


def test_unknown_version_is_a_usage_error():
    result = runner.invoke(app, ["schema", "--instrument", "2012"])
    assert result.exit_code == 2
