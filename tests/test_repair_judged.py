"""Every change the repair makes to the parsed Norsjö report has been read and judged.

``benchmarks/repair_accuracy.py`` lists each distinct change to the titles and findings
of the parsed OCR report; ``benchmarks/norsjo_parsed_judged.txt`` records a verdict for
each. A change nobody has judged (a new fix, or an old fix reaching new words) fails
here until it is read in its sentence and added to the verdicts.
"""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def changes():
    path = ROOT / "benchmarks" / "repair_accuracy.py"
    spec = importlib.util.spec_from_file_location("repair_accuracy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.norsjo_parsed_changes()


def test_no_change_is_unjudged(changes):
    unjudged = [line for line in changes["changes"] if line.endswith("(unjudged)")]
    assert unjudged == []


def test_changes_were_made(changes):
    """The check is live: the repair changes hundreds of words, nearly all judged right."""
    assert changes["changed_words"] > 100
    assert changes["share_right"] >= 95
