"""Each bundled report typeset as PDFs in other styles must give the same report.

A word processor's table may be ruled, borderless or shaded; its header row may repeat
on every page; a cell's paragraphs may follow each other with no bullet and no space;
the fonts (Times, Helvetica, Courier, DejaVu Sans), sizes, page size and margins vary.
tests/pdf_render.py typesets each report in each of its typesettings, and every one
must give the clean text's numbers (all of them), findings (as sets of exact texts)
and diagnostics. How much each recovers is measured (tests/variants/compare.py), so a
failure says what was lost, not only that something differs.
"""

from __future__ import annotations

import json

import pdfplumber
import pytest

from kompass_cli.model.writer import report_document
from kompass_cli.run.pipeline import parse_file
from tests import pdf_render
from tests.conftest import NORMALIZED, RAW
from tests.variants.compare import diagnostic_codes, findings, recovered

CASES = [(stem, setting) for stem, style in sorted(pdf_render.STYLES.items())
         for setting in pdf_render.typesettings(style)]
IDS = [f"{stem}-{setting.name}" for stem, setting in CASES]


@pytest.fixture(scope="session")
def typeset(tmp_path_factory):
    """Each case rendered and parsed once per session: {id: (pdf path, document)}."""
    folder = tmp_path_factory.mktemp("typeset")
    done = {}
    for (stem, setting), name in zip(CASES, IDS):
        path = pdf_render.render(RAW / f"{stem}.txt", folder / f"{name}.pdf",
                                 pdf_render.STYLES[stem], typesetting=setting)
        done[name] = (path, report_document(parse_file(path)))
    return done


def _clean(stem: str) -> dict:
    return json.loads((NORMALIZED / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("stem", "name"), [(stem, name) for (stem, _), name in
                                            zip(CASES, IDS)], ids=IDS)
def test_every_number_is_recovered(typeset, stem, name):
    got, total = recovered(_clean(stem), typeset[name][1])
    assert total > 100
    assert got == total


@pytest.mark.parametrize(("stem", "name"), [(stem, name) for (stem, _), name in
                                            zip(CASES, IDS)], ids=IDS)
def test_findings_are_the_same(typeset, stem, name):
    """F1 of the findings as sets: at least 0.98. A list whose items follow each other
    with nothing between them leaves one kind of break in doubt, an item of two
    sentences wrapped right after its first (read as two items)."""
    got, want = set(findings(typeset[name][1])), set(findings(_clean(stem)))
    score = 2 * len(got & want) / (len(got) + len(want))
    assert score >= 0.98, (sorted(want - got)[:5], sorted(got - want)[:5])


@pytest.mark.parametrize(("stem", "name"), [(stem, name) for (stem, _), name in
                                            zip(CASES, IDS)], ids=IDS)
def test_diagnostics_are_the_same(typeset, stem, name):
    assert diagnostic_codes(typeset[name][1]) == diagnostic_codes(_clean(stem))


def test_the_typesettings_differ_as_intended(typeset):
    """The variants really vary: tables found from rules in the ruled PDF only, the
    header row printed again on a later page, the fonts named in the files."""
    for stem in ("hallsberg-2008", "lindesberg-2021"):
        tables = {}
        for setting in pdf_render.FLOW_TYPESETTINGS:
            with pdfplumber.open(typeset[f"{stem}-{setting.name}"][0]) as pdf:
                tables[setting.table] = sum(len(page.find_tables()) for page in pdf.pages)
                fonts = {char["fontname"].split("+")[-1] for page in pdf.pages[:3]
                         for char in page.chars}
            assert any(font.startswith(setting.font.split("-")[0]) for font in fonts)
        assert tables["ruled"] > 0 and tables["borderless"] == 0
    with pdfplumber.open(typeset["hallsberg-2008-ruled-times"][0]) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    # the question table's two parts and its header printed again on a page it runs on to
    assert sum(text.count("max-poäng") for text in texts) > 2 * 2
