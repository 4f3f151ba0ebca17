"""Running headers, footers and page numbers: printed on the page, not part of the text.

A line counts as furniture when it sits in the top or bottom band of its page and
either is a page number ('12', 'Sida 3', 'Sida 3 av 20', '- 3 -') or repeats, digits
aside, in that band on at least half of the pages. Body text never repeats that way,
and a header left in would split paragraphs and sections wherever a page breaks.

What repeats is decided from each page's signature (``band_keys``: the keys of the
few lines in its bands), so a long document need not keep its pages to decide it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kompass_cli.read.pdf.lines import TextLine
from kompass_cli.read.pdf.page import PageContent
from kompass_cli.read.text.furniture import PAGE_NUMBER, furniture_key

# Share of the page height, from the top and from the bottom, where furniture is printed.
BAND = 0.09


def drop_furniture(pages: list[PageContent]) -> None:
    """Remove headers, footers and page numbers from every page's free lines."""
    repeated = repeated_keys(band_keys(page) for page in pages)
    for page in pages:
        drop_page_furniture(page, repeated)


def band_keys(page: PageContent) -> frozenset[str]:
    """A page's signature: the keys of its lines in the top and bottom bands."""
    return frozenset(_key(line) for line in page.lines if _in_band(line, page))


def repeated_keys(signatures: Iterable[frozenset[str]]) -> set[str]:
    """Band lines that recur on at least half of the pages (and on two at least), from
    every page's ``band_keys`` in turn."""
    seen: Counter[str] = Counter()
    pages = 0
    for keys in signatures:
        seen.update(keys)
        pages += 1
    needed = max(2, (pages + 1) // 2)
    return {key for key, count in seen.items() if count >= needed}


def drop_page_furniture(page: PageContent, repeated: set[str]) -> None:
    """Remove from one page's free lines its page numbers and the ``repeated`` lines
    of its bands."""
    page.lines = [line for line in page.lines
                  if not (_in_band(line, page) and
                          (PAGE_NUMBER.match(line.text.strip()) or
                           _key(line) in repeated))]


def _key(line: TextLine) -> str:
    return furniture_key(line.text)


def _in_band(line: TextLine, page: PageContent) -> bool:
    return line.top < BAND * page.height or line.top > (1 - BAND) * page.height
