"""Running headers, footers and page numbers: printed on the page, not part of the text.

A line counts as furniture when it sits in the top or bottom band of its page and
either is a page number ('12', 'Sida 3', 'Sida 3 av 20', '- 3 -') or repeats, digits
aside, in that band on at least half of the pages. Body text never repeats that way,
and a header left in would split paragraphs and sections wherever a page breaks.
"""

from __future__ import annotations

from collections import Counter

from kompass_cli.read.pdf.lines import TextLine
from kompass_cli.read.pdf.page import PageContent
from kompass_cli.read.text.furniture import PAGE_NUMBER, furniture_key

# Share of the page height, from the top and from the bottom, where furniture is printed.
BAND = 0.09


def drop_furniture(pages: list[PageContent]) -> None:
    """Remove headers, footers and page numbers from every page's free lines."""
    repeated = _repeated_keys(pages)
    for page in pages:
        page.lines = [line for line in page.lines
                      if not (_in_band(line, page) and
                              (PAGE_NUMBER.match(line.text.strip()) or
                               _key(line) in repeated))]


def _key(line: TextLine) -> str:
    return furniture_key(line.text)


def _in_band(line: TextLine, page: PageContent) -> bool:
    return line.top < BAND * page.height or line.top > (1 - BAND) * page.height


def _repeated_keys(pages: list[PageContent]) -> set[str]:
    """Band lines that recur on at least half of the pages (and on two at least)."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(line) for line in page.lines if _in_band(line, page)})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in seen.items() if count >= needed}
