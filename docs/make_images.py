"""Render the example pictures the README shows, from the bundled normalised reports.

Run from the repository root after a change to the plots or the data:
``PYTHONPATH=src python docs/make_images.py``.
"""

from __future__ import annotations

from pathlib import Path

from kompass_cli import plots
from kompass_cli.dataset import load_folder, load_report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "normalized"
IMAGES = ROOT / "docs" / "img"


def main() -> None:
    """Norsjö 2018 against the mean of the other bundled reports."""
    report = load_report(DATA / "norsjo-2018.json")
    others = [other for _, other in load_folder(DATA)]
    figure = plots.profile(report, plots.against_mean(report, others))
    plots.save(figure, IMAGES / "profile-norsjo-2018.png")


if __name__ == "__main__":
    main()
