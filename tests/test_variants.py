"""Every variant of the bundled reports gives the clean report's numbers, findings, diagnostics.

Variants are derived here, seeded (tests/variants): OCR damage in several profiles,
running headers and footers (with and without form feeds), both together, and another
municipality's name.
"""

from __future__ import annotations

from functools import cache

import pytest

from kompass_cli.run.pipeline import parse_file
from tests.conftest import RAW
from tests.variants.build import variants
from tests.variants.compare import diagnostic_codes, findings_f1, recovered

VARIANTS = variants(RAW)
MIN_FINDINGS_F1 = 0.98


@cache
def clean(report: str) -> dict:
    return parse_file(RAW / f"{report}.txt").model_dump(mode="json")


@pytest.fixture(scope="module", params=VARIANTS, ids=lambda v: f"{v.report}-{v.kind}")
def parsed(request, tmp_path_factory):
    variant = request.param
    path = tmp_path_factory.mktemp(variant.kind) / f"{variant.report}.txt"
    path.write_text(variant.text, encoding="utf-8")
    return variant, parse_file(path).model_dump(mode="json")


def test_every_number_survives(parsed):
    variant, report = parsed
    found, total = recovered(clean(variant.report), report)
    assert found == total > 400


def test_findings_survive(parsed):
    variant, report = parsed
    assert findings_f1(clean(variant.report), report, variant.renamed) >= MIN_FINDINGS_F1


def test_same_diagnostics(parsed):
    variant, report = parsed
    assert diagnostic_codes(report) == diagnostic_codes(clean(variant.report))


def test_variants_differ_from_their_report():
    """The generator really damages: no variant is its clean text."""
    for variant in VARIANTS:
        assert variant.text != (RAW / f"{variant.report}.txt").read_text(encoding="utf-8")


def test_variants_are_deterministic():
    again = variants(RAW)
    assert [v.text for v in again] == [v.text for v in VARIANTS]
