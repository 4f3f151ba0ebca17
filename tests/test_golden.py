"""The committed outputs in data/normalized are exactly what parsing data/raw gives.

Refresh them after a parser change with ``pytest tests/test_golden.py --update-goldens``
(or ``kompass parse``), which rewrites them and prints the diff to review.
"""

from __future__ import annotations

import difflib
import json

import pytest

from kompass_cli.model.writer import output_name, to_json
from kompass_cli.run.pipeline import parse_file
from tests.conftest import NORMALIZED, RAW

REPORTS = sorted(RAW.glob("*.txt"))


@pytest.mark.parametrize("raw", REPORTS, ids=lambda p: p.name)
def test_golden_file_is_byte_identical(raw, request, capsys):
    report = parse_file(raw)
    golden = NORMALIZED / output_name(report)
    produced = to_json(report)
    if request.config.getoption("--update-goldens"):
        _update(golden, produced, capsys)
    assert golden.exists(), f"no golden file for {raw.name}"
    assert produced.encode("utf-8") == golden.read_bytes()


def _update(golden, produced: str, capsys) -> None:
    """Rewrite one golden file and show what changed, for review before committing."""
    old = golden.read_text(encoding="utf-8") if golden.exists() else ""
    diff = "".join(difflib.unified_diff(old.splitlines(keepends=True),
                                        produced.splitlines(keepends=True),
                                        f"a/{golden.name}", f"b/{golden.name}"))
    golden.write_text(produced, encoding="utf-8")
    with capsys.disabled():
        print(f"\n{golden.name}: " + ("unchanged" if not diff else f"rewritten\n{diff}"))


def test_every_golden_file_has_its_report():
    names = {output_name(parse_file(raw)) for raw in REPORTS}
    assert names == {path.name for path in NORMALIZED.glob("*.json")}


@pytest.mark.parametrize("golden", sorted(NORMALIZED.glob("*.json")), ids=lambda p: p.name)
def test_golden_files_are_deterministic_json(golden):
    text = golden.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n" == text
