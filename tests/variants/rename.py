"""The same report about another municipality: every form of its name substituted."""

from __future__ import annotations

import re

# Real SCB names with diacritics, and their genitive as the reports print it.
OTHER_MUNICIPALITIES = {
    "hallsberg-2008": ("Hallsberg", "Härjedalen"),
    "norsjo-2018": ("Norsjö", "Älvdalen"),
    "lindesberg-2021": ("Lindesberg", "Östhammar"),
}


def rename(text: str, old: str, new: str) -> str:
    """Replace the name in any OCR spelling of its diacritics (genitive and compounds follow)."""
    pattern = "".join("." if char in "åäöÅÄÖ" else re.escape(char) for char in old)
    return re.sub(pattern, new, text)
