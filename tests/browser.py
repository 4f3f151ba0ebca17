"""Headless Chromium for the tests and docs/make_images.py: a page as a screenshot."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def chromium() -> str | None:
    """The Chromium binary (Debian's ``chromium`` package), if installed."""
    return shutil.which("chromium")


def screenshot(html_path: Path, png_path: Path, width: int = 1200, height: int = 1800) -> None:
    """A screenshot of the top of a local page, without network or sandbox (as in CI)."""
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", f"--window-size={width},{height}",
                    f"--screenshot={png_path}", html_path.resolve().as_uri()],
                   check=True, capture_output=True, timeout=120)
