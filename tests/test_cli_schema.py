"""``kompass schema``: one valid JSON Schema on stdout; the committed copies are current."""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from kompass_cli.model.schema_export import COMBINED_NAME, schema_documents
from tests.conftest import NORMALIZED, ROOT

runner = CliRunner()
COMMITTED = ROOT / "schemas"
GOLDEN = {path.name: json.loads(path.read_text(encoding="utf-8"))
          for path in sorted(NORMALIZED.glob("*.json"))}


def _schema(*args: str) -> tuple[str, dict]:
    result = runner.invoke(app, ["schema", *args])
    assert result.exit_code == 0, result.output
    return result.stdout, json.loads(result.stdout)


def test_committed_schemas_are_current():
    documents = schema_documents()
    assert sorted(documents) == sorted(p.name for p in COMMITTED.glob("*.json"))
    for name, text in documents.items():
        assert (COMMITTED / name).read_text(encoding="utf-8") == text, (
            f"{name} is stale; refresh with: kompass schema --out schemas")


def test_cli_writes_the_same_files(tmp_path):
    result = runner.invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in COMMITTED.glob("*.json"))
    for path in tmp_path.iterdir():
        assert path.read_bytes() == (COMMITTED / path.name).read_bytes()


def test_stdout_is_one_schema_that_passes_the_metaschema():
    text, schema = _schema()
    assert text == (COMMITTED / COMBINED_NAME).read_text(encoding="utf-8")
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert [b["$ref"] for b in schema["oneOf"]] == [
        *(f"#/$defs/Report{v}" for v in ("2008", "2010", "2016", "2020")),
        *(f"#/$defs/Summary{v}" for v in ("2008", "2010", "2016", "2020"))]


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_goldens_validate_against_the_one_schema_and_their_version(name):
    document = GOLDEN[name]
    version = document["instrument"]["version"]
    Draft202012Validator(_schema()[1]).validate(document)
    Draft202012Validator(_schema("--version", version)[1]).validate(document)
    other = next(v for v in ("2008", "2020") if v != version)
    assert not Draft202012Validator(_schema("--version", other)[1]).is_valid(document)


@pytest.mark.parametrize("change", ["score_as_text", "unknown_field", "foreign_area_key"])
def test_the_schema_rejects_what_the_models_reject(change):
    document = copy.deepcopy(GOLDEN["lindesberg-2021.json"])
    area = document["areas"][0]
    if change == "score_as_text":
        area["score"] = str(area["score"])
    elif change == "unknown_field":
        area["comment"] = "x"
    else:
        area["key"] = "democracy"
    assert not Draft202012Validator(_schema()[1]).is_valid(document)


@pytest.mark.parametrize("option", ["--version", "--instrument"])
def test_one_version_admits_its_report_and_its_summary(option):
    text, schema = _schema(option, "2020")
    assert [b["$ref"] for b in schema["oneOf"]] == ["#/$defs/Report2020",
                                                   "#/$defs/Summary2020"]
    committed = json.loads((COMMITTED / "kompass-report-2020.schema.json").read_text(
        encoding="utf-8"))
    assert schema["$defs"]["Area2020"] == committed["$defs"]["Area2020"]
    keys = schema["$defs"]["Area2020"]["properties"]["key"]["enum"]
    assert keys[0] == "citizen_interaction" and len(keys) == 8


def test_a_results_summary_validates_against_the_one_schema():
    from kompass_cli.model.writer import report_document
    from kompass_cli.run.pipeline import parse_file
    from tests.conftest import FIXTURES

    document = report_document(parse_file(FIXTURES / "summaries" / "grastorp-2014-webpage.txt"))
    Draft202012Validator(_schema()[1]).validate(document)
    Draft202012Validator(_schema("--version", "2010")[1]).validate(document)
    document["areas"][0]["questions"] = []
    assert not Draft202012Validator(_schema()[1]).is_valid(document)


def test_unknown_version_is_a_usage_error():
    result = runner.invoke(app, ["schema", "--version", "2012"])
    assert result.exit_code == 2 and "unknown version '2012'" in result.stderr
    assert result.stdout == ""
