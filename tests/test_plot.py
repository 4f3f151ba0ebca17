"""``kompass plot``: the pictures are valid PNG/SVG files of the documented size."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

import kompass_cli.cli.plot  # noqa: F401  (registers the commands)
from kompass_cli.analyse import plots
from kompass_cli.cli.app import app
from kompass_cli.model.dataset import load_folder, load_report
from tests.conftest import NORMALIZED, ROOT

runner = CliRunner()

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
REPORTS = sorted(p.name for p in NORMALIZED.glob("*.json"))


def _pixels(size: tuple[float, float]) -> tuple[int, int]:
    return round(size[0] * plots.DPI), round(size[1] * plots.DPI)


def _png_size(path) -> tuple[int, int]:
    """Width and height from the PNG header, after checking the signature."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _decoded_size(path) -> tuple[int, int]:
    """The same size as an image decoder sees it (the file is not just a valid header)."""
    import matplotlib.image

    height, width, _ = matplotlib.image.imread(path).shape
    return width, height


def _plot(*args: str):
    result = runner.invoke(app, ["plot", *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("name", REPORTS)
def test_profile_of_every_bundled_report_is_a_png_of_the_expected_size(tmp_path, name):
    out = tmp_path / "profile.png"
    _plot("profile", str(NORMALIZED / name), "--out", str(out))
    assert _png_size(out) == _decoded_size(out) == _pixels(plots.PROFILE_SIZE)


@pytest.mark.parametrize("name", REPORTS)
def test_profile_as_svg_parses_as_xml(tmp_path, name):
    out = tmp_path / "profile.svg"
    _plot("profile", str(NORMALIZED / name), "--out", str(out))
    root = ET.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    width, height = (float(root.get(a).removesuffix("pt")) for a in ("width", "height"))
    assert (width, height) == tuple(inches * 72 for inches in plots.PROFILE_SIZE)


def test_profile_against_another_report(tmp_path):
    out = tmp_path / "against.png"
    _plot("profile", str(NORMALIZED / "norsjo-2018.json"), "--against",
          str(NORMALIZED / "hallsberg-2008.json"), "--out", str(out))
    assert _png_size(out) == _pixels(plots.PROFILE_SIZE)


def test_profile_against_the_mean_of_a_folder(tmp_path):
    out = tmp_path / "mean.png"
    _plot("profile", str(NORMALIZED / "lindesberg-2021.json"), "--against-mean",
          str(NORMALIZED), "--out", str(out))
    assert _png_size(out) == _pixels(plots.PROFILE_SIZE)


def test_trend_of_norsjo_is_a_png_of_the_expected_size(tmp_path):
    out = tmp_path / "trend.png"
    result = _plot("trend", "Norsjö", "--data", str(NORMALIZED), "--out", str(out))
    assert _png_size(out) == _decoded_size(out) == _pixels(plots.TREND_SIZE)
    assert "trend of Norsjö" in result.stderr


def test_trend_as_svg(tmp_path):
    out = tmp_path / "trend.svg"
    _plot("trend", "2417", "--data", str(NORMALIZED), "--out", str(out))
    assert ET.parse(out).getroot().tag.endswith("svg")


def test_the_mean_leaves_the_profiled_report_out_and_uses_the_crosswalk():
    norsjo = load_report(NORMALIZED / "norsjo-2018.json")
    mean = plots.against_mean(norsjo, [r for _, r in load_folder(NORMALIZED).reports])
    # Area 1: Hallsberg 57 (2008 area 1), Lindesberg 46 (2020 area 1).
    # Area 2: Hallsberg 54.5 (2008 area 2), Lindesberg 51 (2020 area 5, 'Brukarens fokus').
    assert mean.scores[1] == 51.5 and mean.scores[2] == 52.8
    assert mean.label.startswith("mean of 2 other reports")
    assert 2 in mean.loose and 1 not in mean.loose


def test_a_comparison_within_one_version_needs_no_crosswalk_note():
    norsjo = load_report(NORMALIZED / "norsjo-2018.json")
    same = plots.against_report(norsjo, norsjo)
    assert same.note == "" and not same.loose
    assert same.scores == {a.number: a.score for a in norsjo.areas}


@pytest.mark.parametrize("args, message", [
    (["profile", str(NORMALIZED / "norsjo-2018.json"), "--out", "x.pdf"], "name the output .png"),
    (["profile", str(NORMALIZED / "norsjo-2018.json"), "--out", "x.png", "--against",
      str(NORMALIZED / "hallsberg-2008.json"), "--against-mean", str(NORMALIZED)],
     "--against or --against-mean, not both"),
    (["trend", "Atlantis", "--data", str(NORMALIZED), "--out", "x.png"],
     "not a Swedish municipality"),
    (["trend", "Stockholm", "--data", str(NORMALIZED), "--out", "x.png"],
     "no evaluation of Stockholm"),
])
def test_refusals_are_one_line_and_exit_2(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["plot", *args])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("args", [["plot"], ["plot", "profile"], ["plot", "trend"]])
def test_help_has_an_example(args):
    result = runner.invoke(app, [*args, "--help"])
    assert result.exit_code == 0 and "Example:" in result.stdout


def test_readme_picture_is_committed_at_the_expected_size():
    path = ROOT / "docs" / "img" / "profile-norsjo-2018.png"
    assert _png_size(path) == _pixels(plots.PROFILE_SIZE)
