"""The report models are strict: wrong types, unknown fields and foreign keys fail."""

from __future__ import annotations

import copy
import json

import pytest
from pydantic import ValidationError

from kompass_cli.reference.catalog import VERSIONS, instrument
from kompass_cli.schemas.report import REPORT_ADAPTER, REPORT_MODELS
from tests.conftest import NORMALIZED

GOLDEN = {path.name: json.loads(path.read_text(encoding="utf-8"))
          for path in NORMALIZED.glob("*.json")}


@pytest.fixture
def hallsberg():
    return copy.deepcopy(GOLDEN["hallsberg-2008.json"])


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_files_validate(name):
    report = REPORT_ADAPTER.validate_python(GOLDEN[name])
    assert report.instrument.version == GOLDEN[name]["instrument"]["version"]


def test_union_picks_the_model_by_version(hallsberg):
    assert type(REPORT_ADAPTER.validate_python(hallsberg)).__name__ == "Report2008"


def test_unknown_field_is_rejected(hallsberg):
    hallsberg["areas"][0]["comment"] = "x"
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        REPORT_ADAPTER.validate_python(hallsberg)


def test_numbers_are_not_coerced_from_strings(hallsberg):
    hallsberg["areas"][0]["score"] = "57"
    with pytest.raises(ValidationError):
        REPORT_ADAPTER.validate_python(hallsberg)


def test_area_key_of_another_version_is_rejected(hallsberg):
    hallsberg["areas"][0]["key"] = instrument("2020").area(1).key
    with pytest.raises(ValidationError):
        REPORT_ADAPTER.validate_python(hallsberg)


def test_unknown_version_is_rejected(hallsberg):
    hallsberg["instrument"]["version"] = "2012"
    with pytest.raises(ValidationError):
        REPORT_ADAPTER.validate_python(hallsberg)


def test_missing_field_is_rejected(hallsberg):
    del hallsberg["total"]["max"]
    with pytest.raises(ValidationError, match="Field required"):
        REPORT_ADAPTER.validate_python(hallsberg)


@pytest.mark.parametrize("version", VERSIONS)
def test_catalogue_maxima_add_up_to_100(version):
    inst = instrument(version)
    assert [a.number for a in inst.areas] == list(range(1, 9))
    assert len({a.key for a in inst.areas}) == 8
    for area in inst.areas:
        if area.questions:
            assert sum(q.max for q in area.questions) == 100, (version, area.number)
            assert [q.id for q in area.questions] == [
                f"{area.number}.{i}" for i in range(1, len(area.questions) + 1)]


def test_every_version_has_a_model():
    assert sorted(REPORT_MODELS) == sorted(VERSIONS)


def _summary() -> dict:
    from pathlib import Path

    from kompass_cli.model.writer import report_document
    from kompass_cli.run.pipeline import parse_file
    from tests.conftest import FIXTURES

    page = Path(FIXTURES / "summaries" / "grastorp-2014-webpage.txt")
    return report_document(parse_file(page))


def test_the_document_union_picks_by_kind_then_version(hallsberg):
    from kompass_cli.schemas.report import DOCUMENT_ADAPTER

    assert type(DOCUMENT_ADAPTER.validate_python(hallsberg)).__name__ == "Report2008"
    assert type(DOCUMENT_ADAPTER.validate_python(_summary())).__name__ == "Summary2010"


@pytest.mark.parametrize("field", ["questions", "strengths", "improvements"])
def test_a_summary_has_no_questions_or_findings(field):
    from kompass_cli.schemas.report import DOCUMENT_ADAPTER

    document = _summary()
    document["areas"][0][field] = []
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        DOCUMENT_ADAPTER.validate_python(document)


def test_a_summary_area_key_of_another_version_is_rejected():
    from kompass_cli.schemas.report import DOCUMENT_ADAPTER

    document = _summary()
    document["areas"][0]["key"] = instrument("2020").area(1).key
    with pytest.raises(ValidationError):
        DOCUMENT_ADAPTER.validate_python(document)


def test_reports_keep_their_kind_and_no_summary_field(hallsberg):
    assert hallsberg["doc_kind"] == "kommunkompassen_report"
    assert "supplied_by_user" not in hallsberg and "changes" not in hallsberg
