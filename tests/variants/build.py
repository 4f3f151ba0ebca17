"""Every variant of every bundled report, built into a folder, deterministically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.variants.damage import PROFILES, SCANNED_PRINT, damage
from tests.variants.furniture import STYLES, furnish
from tests.variants.rename import OTHER_MUNICIPALITIES, rename

REPORTS = {  # stem: (municipality as the header prints it, year)
    "hallsberg-2008": ("Hallsberg", 2008),
    "norsjo-2018": ("Norsjö", 2018),
    "lindesberg-2021": ("Lindesberg", 2021),
}


@dataclass(frozen=True)
class Variant:
    """One derived text and what it was derived from."""

    report: str
    kind: str
    text: str
    renamed: tuple[str, str] | None = None


def variants(raw: Path) -> list[Variant]:
    """OCR damage (each profile, with and without running footers), page furniture,
    and another municipality's name, for each bundled report; a scan without tabs for
    reports whose tables are not HTML cells."""
    found = []
    for stem, (name, year) in REPORTS.items():
        clean = (raw / f"{stem}.txt").read_text(encoding="utf-8")
        for profile in PROFILES:
            found.append(Variant(stem, profile.name, damage(clean, profile)))
        for style in STYLES:
            found.append(Variant(stem, style.name, furnish(clean, style, name, year)))
        scanned = damage(furnish(clean, STYLES[0], name, year), PROFILES[1])
        found.append(Variant(stem, "ocr-heavy+footers", scanned))
        if "<p>" not in clean:  # HTML cells come from a PDF extraction, never a scan
            found.append(Variant(stem, SCANNED_PRINT.name, damage(clean, SCANNED_PRINT)))
        old, new = OTHER_MUNICIPALITIES[stem]
        found.append(Variant(stem, "renamed", rename(clean, old, new), (old, new)))
    return found
