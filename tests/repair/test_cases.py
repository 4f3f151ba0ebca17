"""Repair cases kept as data (cases.json): fixes, must-not-change text, known failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kompass_cli.repair import repair, replay

CASES = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))


def _repaired(text: str) -> str:
    out, steps = repair(text, detect=False)
    assert replay(text, steps) == out
    assert out.count("\n") == text.count("\n")
    return out


@pytest.mark.parametrize("case", CASES["fixes"], ids=lambda c: c["name"])
def test_fix(case):
    assert _repaired(case["in"]) == case["out"]


@pytest.mark.parametrize("case", CASES["unchanged"], ids=lambda c: c["name"])
def test_unchanged(case):
    assert _repaired(case["in"]) == case["in"]


@pytest.mark.xfail(strict=True, reason="known failure, see docs/repair.md")
@pytest.mark.parametrize("case", CASES["known_failures"], ids=lambda c: c["name"])
def test_known_failure(case):
    assert _repaired(case["in"]) == case["out"]
