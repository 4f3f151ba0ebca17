"""``kompass report``: one self-contained HTML page, readable and rendered by a browser."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from kompass_cli.model.codes import CATALOGUE
from tests.browser import chromium, screenshot
from tests.conftest import NORMALIZED

runner = CliRunner()
NORSJO = json.loads((NORMALIZED / "norsjo-2018.json").read_text(encoding="utf-8"))


class _Collector(HTMLParser):
    """Tags, ids and the attributes that could load something, from an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.loads: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name == "id":
                self.ids.append(value)
            if name in ("src", "srcset", "data") or (name.endswith("href")
                                                      and not (value or "").startswith("#")):
                self.loads.append(f"{tag} {name}={value}")


def _page(tmp_path, *args: str, data=NORMALIZED) -> str:
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["report", *args, "--data", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def norsjo(tmp_path_factory):
    return _page(tmp_path_factory.mktemp("page"), "Norsjö")


def test_the_page_is_self_contained(norsjo):
    collector = _Collector()
    collector.feed(norsjo)
    assert not re.search(r"https?:|//[a-z]", norsjo, re.IGNORECASE)
    assert collector.loads == []
    assert not {"script", "link", "img", "iframe", "object"} & set(collector.tags)
    assert collector.tags.count("svg") == 2
    assert len(collector.ids) == len(set(collector.ids)), "two pictures share ids"


def test_the_page_names_the_municipality_and_its_scores(norsjo):
    text = re.sub(r"<svg.*?</svg>", "", norsjo, flags=re.DOTALL)
    assert "<title>Norsjö (2417): Kommunkompassen</title>" in text and "<h1>Norsjö</h1>" in text
    assert "total <strong>509</strong> of 800" in text
    for area in NORSJO["areas"]:
        assert f"<td>{area['number']}</td><td>{area['name']}</td><td class=\"n\">" \
               f"{area['score']}</td>" in text
    # The trend table: area 7 over 2015, 2017, 2018.
    assert re.search(r"7 Ständiga förbättringar</td><td class=\"n\">37</td><td class=\"n\">56"
                     r"</td><td class=\"n\">55</td>", text)


def test_the_page_has_findings_diagnostics_and_sources(norsjo):
    from html import escape

    first = NORSJO["areas"][0]
    assert escape(first["strengths"][0]["text"]) in norsjo
    assert escape(first["improvements"][-1]["text"]) in norsjo
    for diagnostic in NORSJO["diagnostics"]:
        entry = CATALOGUE[diagnostic["code"]]
        # Each code's title and explanation once, then every message of that code.
        assert norsjo.count(f"<strong>{escape(entry.title)}</strong>") == 1
        assert norsjo.count(escape(entry.explanation)) == 1
        assert escape(diagnostic["message"]) in norsjo
    assert len(NORSJO["diagnostics"]) > len({d["code"] for d in NORSJO["diagnostics"]})
    assert NORSJO["source"]["sha256"][:12] in norsjo
    assert "the history table (line" in norsjo and "norsjo-2018.txt" in norsjo


def test_report_text_is_escaped(tmp_path):
    report = json.loads(json.dumps(NORSJO))
    report["areas"][0]["strengths"][0]["text"] = "<script>alert(1)</script> & more"
    (tmp_path / "norsjo-2018.json").write_text(json.dumps(report), encoding="utf-8")
    page = _page(tmp_path, "2417", data=tmp_path / "norsjo-2018.json")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


@pytest.mark.parametrize("args, message", [
    (["Norjso", "--out", "x.html"], "Norjso: not a Swedish municipality; did you mean Norsjö?"),
    (["Stockholm", "--out", "x.html"], "no evaluation of Stockholm"),
    (["Norsjö", "--out", "x.pdf"], "name the output .html"),
])
def test_refusals_are_one_line_exit_2_and_write_nothing(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", *args, "--data", str(NORMALIZED)])
    assert result.exit_code == 2 and result.stderr.startswith("error: ")
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(chromium() is None, reason="no chromium binary installed")
def test_chromium_renders_the_page(tmp_path, norsjo):
    import matplotlib.image

    page = tmp_path / "page.html"
    page.write_text(norsjo, encoding="utf-8")
    shot = tmp_path / "shot.png"
    screenshot(page, shot)
    pixels = matplotlib.image.imread(shot)[..., :3]
    ink = (pixels.min(axis=2) < 0.5).mean()
    blue = ((pixels[..., 2] > 0.5) & (pixels[..., 0] < 0.25)).mean()  # the profile's bars
    assert ink > 0.01, "the screenshot is blank"
    assert blue > 0.005, "the pictures did not render"
