"""The committed outputs in data/normalized are exactly what parsing data/raw gives.

Refresh them after a reviewed parser change with:  kompass parse data/raw --out data/normalized
"""

from __future__ import annotations

import json

import pytest

from kompass_cli.pipeline import parse_file
from kompass_cli.writer import output_name, to_json
from tests.conftest import NORMALIZED, RAW

REPORTS = sorted(RAW.glob("*.txt"))


@pytest.mark.parametrize("raw", REPORTS, ids=lambda p: p.name)
def test_golden_file_is_byte_identical(raw):
    report = parse_file(raw)
    golden = NORMALIZED / output_name(report)
    assert golden.exists(), f"no golden file for {raw.name}"
    assert to_json(report).encode("utf-8") == golden.read_bytes()


def test_every_golden_file_has_its_report():
    names = {output_name(parse_file(raw)) for raw in REPORTS}
    assert names == {path.name for path in NORMALIZED.glob("*.json")}


@pytest.mark.parametrize("golden", sorted(NORMALIZED.glob("*.json")), ids=lambda p: p.name)
def test_golden_files_are_deterministic_json(golden):
    text = golden.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n" == text
