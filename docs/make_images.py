"""Render the example pictures the README shows, from the bundled normalised reports.

Run from the repository root after a change to the plots, the HTML page or the data:
``PYTHONPATH=src python docs/make_images.py``. The screenshot of the HTML page needs a
``chromium`` binary (Debian's ``chromium`` package) and is skipped without one.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from kompass_cli.analyse import plots
from kompass_cli.model.dataset import load_folder, load_report
from kompass_cli.reference.municipalities import lookup

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "normalized"
IMAGES = ROOT / "docs" / "img"


def profile() -> None:
    """Norsjö 2018 against the mean of the other bundled reports."""
    report = load_report(DATA / "norsjo-2018.json")
    others = [other for _, other in load_folder(DATA).reports]
    figure = plots.profile(report, plots.against_mean(report, others))
    plots.save(figure, IMAGES / "profile-norsjo-2018.png")


def trend() -> None:
    """Norsjö's evaluations 2015-2018 as small multiples."""
    plots.save(plots.trend(lookup("Norsjö"), load_folder(DATA).reports), IMAGES / "trend-norsjo.png")


def page() -> None:
    """The top of Norsjö's HTML page (kompass report) as Chromium shows it."""
    from kompass_cli.analyse.webpage import page as build

    sys.path.insert(0, str(ROOT))
    from tests.browser import chromium, screenshot

    if chromium() is None:
        print("no chromium: docs/img/report-norsjo.png left as it is", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / "norsjo.html"
        html.write_text(build(lookup("Norsjö"), load_folder(DATA).reports), encoding="utf-8")
        screenshot(html, IMAGES / "report-norsjo.png", width=1100, height=1500)


def main() -> None:
    profile()
    trend()
    page()


if __name__ == "__main__":
    main()
