"""Running headers, footers and page numbers put into a text, as a paged original has them."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Furniture:
    """Where pages break and what is printed at each break."""

    name: str
    seed: int
    page_lines: int  # lines per page, about
    header: str | None  # '{municipality}', '{year}', '{page}', '{pages}' filled in
    footer: str | None
    form_feeds: bool = False
    jitter: int = 3  # pages are this many lines longer or shorter, at random
    padded: bool = False  # a blank line around each header and footer


STYLES = (
    Furniture("footer-every-page", 5, 24, None, "Kommunkompassen {municipality} {year}"),
    Furniture("header-and-page-number", 7, 31, "Analys av {municipality} kommun",
              "Sida {page} av {pages}", padded=True),
    Furniture("form-feeds", 9, 40, "Kommunkompassen {year}", "{page} ({pages})",
              form_feeds=True, jitter=8),
)


def furnish(text: str, style: Furniture, municipality: str, year: int) -> str:
    """The text cut into pages, each opened by the header and closed by the footer."""
    rng = random.Random(style.seed)
    lines = text.split("\n")
    cuts = []
    position = 0
    while position < len(lines):
        position += style.page_lines + rng.randint(-style.jitter, style.jitter)
        cuts.append(min(position, len(lines)))
    pages = [lines[start:stop] for start, stop in zip([0, *cuts], cuts)]
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        fill = {"municipality": municipality, "year": year, "page": number,
                "pages": len(pages)}
        if style.header and number > 1:
            out += _printed(style.header.format(**fill), style.padded, header=True)
        out += page
        if style.footer:
            out += _printed(style.footer.format(**fill), style.padded, header=False)
        if style.form_feeds and number < len(pages):
            out[-1] += "\f"
    return "\n".join(out)


def _printed(text: str, padded: bool, header: bool) -> list[str]:
    if not padded:
        return [text]
    return [text, ""] if header else ["", text]
