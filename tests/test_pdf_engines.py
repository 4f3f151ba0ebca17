"""The two PDF engines, pdfium and pdfplumber, read every PDF the same way.

Each PDF the tests make (the bundled reports typeset with and without table rules,
their pages turned by /Rotate or by a turned drawing, and the hostile files) is read
with both engines: the text `kompass text --numbers` prints, the JSON `kompass parse`
writes and every refusal must be the same, byte for byte.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from kompass_cli.read.pdf.glyphs import group_words
from tests import hostile, pdf_render
from tests.conftest import FIXTURES, RAW

runner = CliRunner()
ENGINES = ("pdfium", "pdfplumber")
TURNS = [("rotate", 90), ("rotate", 180), ("rotate", 270), ("content", 90),
         ("content", 180), ("content", 270)]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Every PDF variant, by name, made once for this module."""
    folder = tmp_path_factory.mktemp("engines")
    pdfs = {stem: pdf_render.render(RAW / f"{stem}.txt", folder / f"{stem}.pdf", style)
            for stem, style in pdf_render.STYLES.items()}
    for stem in ("hallsberg-2008", "lindesberg-2021"):
        pdfs[f"{stem}-unruled"] = pdf_render.render(RAW / f"{stem}.txt",
                                                    folder / f"{stem}-unruled.pdf",
                                                    ruled=False)
    for how, degrees in TURNS:
        pdfs[f"lindesberg-{how}-{degrees}"] = pdf_render.rotated(
            pdfs["lindesberg-2021"], folder / f"lindesberg-{how}-{degrees}.pdf", degrees, how)
    pdfs["columns"] = pdf_render.columns(folder / "columns.pdf", [
        ["Kommunkompassen analyserar en kommun utifrån fyra roller."],
        ["1.1", "Hur informeras medborgarna?", "40", "26", "65%"],
        ["1.2", "Hur främjas engagemang?", "40", "24", "60%"],
    ], [56, 90, 400, 450, 500])
    return pdfs


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _both(*args: str) -> list[tuple[int, str, str]]:
    return [_run(*args, "--pdf-engine", engine) for engine in ENGINES]


VARIANTS = [*pdf_render.STYLES, "hallsberg-2008-unruled", "lindesberg-2021-unruled",
            "lindesberg-rotate-90", "lindesberg-content-270", "columns"]


@pytest.mark.parametrize("name", VARIANTS)
def test_both_engines_read_the_same_text(made, name):
    pdfium, pdfplumber = _both("text", str(made[name]), "--numbers")
    assert pdfium == pdfplumber
    assert pdfium[0] == 0 and pdfium[1].count("\n") > 2


@pytest.mark.parametrize("name", sorted(pdf_render.STYLES))
def test_both_engines_write_the_same_json(made, name):
    pdfium, pdfplumber = _both("parse", str(made[name]), "--out", "-")
    assert pdfium == pdfplumber
    assert pdfium[0] == 0 and pdfium[1].startswith("{")


@pytest.mark.parametrize(("how", "degrees"), TURNS)
def test_turned_pages_read_upright(made, how, degrees):
    """A page turned by /Rotate or by its drawing reads as the upright page does (with
    pdfplumber too: two of these are among the variants read with both engines)."""
    upright = _run("text", str(made["lindesberg-2021"]))
    assert _run("text", str(made[f"lindesberg-{how}-{degrees}"])) == upright
    assert "Kommunkompassen" in upright[1]


def test_a_page_drawn_sideways_by_its_cm_reads_upright(tmp_path):
    rows = [["Kommunkompassen analyserar en kommun."], ["1.1", "Hur informeras?", "40"],
            ["1.2", "Hur främjas engagemang?", "40"]]
    upright = pdf_render.columns(tmp_path / "upright.pdf", rows, [56, 90, 400])
    turned = pdf_render.columns(tmp_path / "turned.pdf", rows, [56, 90, 400], turned=True)
    expected = _run("text", str(upright))
    assert expected[1] == ("Kommunkompassen analyserar en kommun.\n\n"
                           "1.1\tHur informeras?\t40\n1.2\tHur främjas engagemang?\t40\n")
    assert _both("text", str(turned)) == [expected, expected]


def test_fix_text_is_the_same_with_both_engines(made):
    pdfium, pdfplumber = _both("fix-text", str(made["columns"]))
    assert pdfium == pdfplumber and pdfium[0] == 0
    assert "1.1\tHur informeras medborgarna?\t40\t26\t65%\n" in pdfium[1]


# --- refusals --------------------------------------------------------------------------


def _lying(made, tmp_path):
    data = made["hallsberg-2008"].read_bytes()
    path = tmp_path / "lying.pdf"
    path.write_bytes(data.replace(b"/Count 22", b"/Count 2 "))  # same length: offsets hold
    return path


def _truncated(made, tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(made["lindesberg-2021"].read_bytes()[:30000])
    return path


def _bomb(made, tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(hostile.bomb_pdf(1024 ** 3))
    return path


HOSTILE = {
    "flate bomb": (_bomb, "a decompression bomb?"),
    "encrypted": (lambda made, tmp: pdf_render.encrypted(tmp / "locked.pdf"),
                  "is an encrypted PDF that needs a password"),
    "no text layer": (lambda made, tmp: pdf_render.image_only(tmp / "scan.pdf"),
                      "has no text layer"),
    "truncated": (_truncated, "is not a readable PDF (damaged or truncated"),
    "broken xref": (lambda made, tmp: pdf_render.broken_xref(made["hallsberg-2008"],
                                                             tmp / "xref.pdf"),
                    "is not a readable PDF (damaged or truncated"),
    "page count lies": (_lying, "has more pages than it declares, over the limit of 5"),
    "over the page limit": (lambda made, tmp: made["hallsberg-2008"],
                            "has 22 pages, over the limit of 5"),
    "not a report": (lambda made, tmp: pdf_render.render(
        FIXTURES / "not_reports" / "norberg-newsletter-2018.txt", tmp / "newsletter.pdf",
        header="Norberg"), "never names Kommunkompassen"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_refusals_are_the_same_for_both_engines(made, tmp_path, case):
    make, reason = HOSTILE[case]
    path = make(made, tmp_path)
    out = tmp_path / "out"
    pdfium, pdfplumber = _both("parse", str(path), "--out", str(out), "-q",
                               "--max-pages", "5")
    assert pdfium == pdfplumber
    code, _, stderr = pdfium
    assert code == 2 and stderr.startswith(f"error: {path}: ") and reason in stderr
    assert stderr.count("\n") == 1 and not out.exists()


def test_a_false_page_count_within_the_limit_still_reads_every_page(made, tmp_path):
    """pdfium trusts /Count; a tree with more pages than it declares is read whole
    (pdfplumber reads it then, so the engines agree)."""
    path = _lying(made, tmp_path)
    expected = _run("text", str(made["hallsberg-2008"]), "--numbers")
    assert _run("text", str(path), "--numbers") == expected
    assert expected[1].splitlines()[-1].startswith("22:")


# --- the word grouping restated from pdfplumber ----------------------------------------

_CHAR = st.tuples(st.sampled_from(["a", "b", "K", "ö", " ", "ﬁ", "1"]),
                  st.floats(0, 300, allow_nan=False), st.floats(0, 12, allow_nan=False),
                  st.sampled_from([10.0, 10.0, 12.0, 20.0, 22.5, 40.0]),
                  st.sampled_from([8.0, 8.0, 10.0]), st.floats(0, 4, allow_nan=False))


@settings(max_examples=300, deadline=None)
@given(st.lists(_CHAR, max_size=60))
def test_words_are_grouped_as_pdfplumber_groups_them(chars):
    """Characters anywhere, in any order and size: the same words as pdfplumber's
    ``extract_words(extra_attrs=["size"])``, in the same order."""
    from pdfplumber.utils.text import WordExtractor

    glyphs = [(text, x0, top + jitter, x0 + width, top + jitter + size, size)
              for text, x0, width, top, size, jitter in chars]
    plumber = [{"text": g[0], "x0": g[1], "top": g[2], "x1": g[3], "bottom": g[4],
                "doctop": g[2], "upright": True, "size": g[5]} for g in glyphs]
    expected = [{key: word[key] for key in ("text", "x0", "x1", "top", "bottom", "size")}
                for word in WordExtractor(extra_attrs=["size"]).extract_words(plumber)]
    assert group_words(glyphs) == expected


def test_a_line_keeps_one_box_however_pdfium_boxes_its_glyphs():
    """pdfium's box of a glyph taller than its font's ascent ('å' in DejaVu Sans)
    reaches higher, and in fonts LibreOffice embeds a comma's or a space's box is a
    sliver at the baseline: every character of the line gets the line's box."""
    from kompass_cli.read.pdf.pdfium_source import _even_tops

    line = [("p", 10, 540.16, 15, 547.65, 7.5), ("å", 15, 539.26, 20, 547.65, 7.5),
            (",", 20, 545.1, 22, 547.65, 7.5), (" ", 22, 545.1, 24, 547.65, 7.5),
            ("K", 24, 540.16, 29, 547.65, 7.5), ("y", 29, 540.16, 33, 547.9, 7.5)]
    below = [("N", 10, 550.0, 15, 557.5, 7.5), ("ä", 15, 549.1, 20, 557.5, 7.5)]
    even = _even_tops(line + below)
    assert {(g[2], g[4]) for g in even[:6]} == {(540.16, 547.65)}
    assert {(g[2], g[4]) for g in even[6:]} == {(550.0, 557.5)}
    assert [g[0] for g in even] == [g[0] for g in line + below]
