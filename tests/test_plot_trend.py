"""The trend as small multiples: a panel for the total and one per area, shared axes."""

from __future__ import annotations

import pytest

from kompass_cli.analyse import plots
from kompass_cli.model.dataset import load_folder
from kompass_cli.reference.municipalities import lookup
from tests.conftest import NORMALIZED


def _panels(name: str):
    figure = plots.trend(lookup(name), load_folder(NORMALIZED).reports)
    return figure.axes


def _change_lines(axes) -> list[float]:
    return [line.get_xdata()[0] for line in axes.get_lines() if line.get_linestyle() == "--"]


def test_one_panel_for_the_total_and_one_per_area():
    total, *areas = _panels("Norsjö")
    assert total.get_title(loc="left") == "Total (of 800)"
    assert [a.get_title(loc="left").split()[0] for a in areas] == [str(n) for n in range(1, 9)]
    assert "Ständiga förbättringar" in areas[6].get_title(loc="left")


def test_area_panels_share_both_axes():
    total, *areas = _panels("Norsjö")
    assert total.get_ylim() == (0, 800)
    assert {a.get_ylim() for a in areas} == {(0, 100)}
    assert all(a.get_shared_y_axes().joined(areas[0], a) for a in areas)
    assert all(a.get_shared_x_axes().joined(total, a) for a in areas)
    assert [int(t) for t in areas[0].get_xticks()] == [2015, 2017, 2018]


def test_the_version_change_is_marked_in_every_panel():
    panels = _panels("Norsjö")
    assert all(_change_lines(a) == [2017.5] for a in panels)


def test_a_single_version_has_no_change_mark():
    assert all(_change_lines(a) == [] for a in _panels("Lindesberg"))


@pytest.mark.parametrize("area, scores", [(1, [43, 48, 69]), (7, [37, 56, 55])])
def test_each_panel_draws_its_own_scores(area, scores):
    panel = _panels("Norsjö")[area]
    own = [line for line in panel.get_lines() if line.get_marker() == "o"]
    assert [line.get_ydata()[0] for line in own] == scores


def test_readme_trend_picture_is_committed_at_the_expected_size():
    from tests.conftest import ROOT
    from tests.test_plot import _pixels, _png_size

    assert _png_size(ROOT / "docs" / "img" / "trend-norsjo.png") == _pixels(plots.TREND_SIZE)
