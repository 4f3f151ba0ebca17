"""Pages read once and kept compact, so memory stays flat with the page count.

Running headers and footers are found by repetition over all pages, and the flow
needs the text column and line pitch of all pages before it reads the first; so every
page must be seen before any is written out. Each page's lines and tables are kept
pickled (a few bytes a line besides its text) once its characters are gone, with its
signature for the furniture (``furniture.band_keys``), and read back one at a time.
The pickles are compressed (quickly: text shrinks to about a third), so a long
document's pages cost less than its text.
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterator

from kompass_cli.read.pdf.furniture import band_keys, drop_page_furniture, repeated_keys
from kompass_cli.read.pdf.page import PageContent


class PageStore:
    """The pages of one document, added in order and replayed without their furniture."""

    def __init__(self) -> None:
        self._pickled: list[bytes] = []
        self._signatures: list[frozenset[str]] = []
        self.has_text = False
        self._repeated: set[str] | None = None

    def __len__(self) -> int:
        return len(self._pickled)

    def add(self, page: PageContent) -> None:
        self.has_text = self.has_text or bool(page.lines or page.tables)
        self._signatures.append(band_keys(page))
        self._pickled.append(zlib.compress(pickle.dumps(page, pickle.HIGHEST_PROTOCOL), 1))

    def pages(self) -> Iterator[PageContent]:
        """Each page in order, its headers, footers and page numbers dropped."""
        if self._repeated is None:
            self._repeated = repeated_keys(self._signatures)
        for pickled in self._pickled:
            page = pickle.loads(zlib.decompress(pickled))
            drop_page_furniture(page, self._repeated)
            yield page
