"""Shared fixtures: the bundled reports in data/raw and the repository root."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
NORMALIZED = ROOT / "data" / "normalized"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite data/normalized from data/raw and print each diff")


def read_lines(name: str) -> list[str]:
    """The lines of a bundled report, as the parsers receive them."""
    return (RAW / name).read_text(encoding="utf-8").splitlines()


@pytest.fixture
def raw_lines():
    return read_lines
