"""Table cells of text extracted from a PDF that still carry HTML fragments.

A cell may hold '<p>…</p>' or '<li>…</li>' blocks (one item each), a heading, entities
and comments. These helpers turn such a cell into its text; text without markup comes
back unchanged (as one block), so a PDF reader that yields plain text goes through the
same rules.
"""

from __future__ import annotations

import html
import re

from kompass_cli.core.words import compact

# Block-level tags end one item and begin the next; all other tags are dropped.
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|li|ul|ol|h[1-6]|br|div|tr|td|th|table|tbody|thead)\b[^<>]*>", re.I)
_ANY_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)


def html_blocks(text: str) -> list[str]:
    """The text of each block (<p>, <li>, <br> …) of an HTML fragment, tags and entities gone.

    Text without markup comes back as one block, so plain PDF text takes the same path.
    """
    blocks = _BLOCK_TAG.split(_COMMENT.sub(" ", text))
    cleaned = (compact(html.unescape(_ANY_TAG.sub(" ", block))) for block in blocks)
    return [block for block in cleaned if block]


def strip_html(text: str) -> str:
    """All text of an HTML fragment on one line, tags removed and entities decoded."""
    return " ".join(html_blocks(text))


def has_markup(text: str) -> bool:
    """Whether a cell marks its items with block tags (then each block is one item)."""
    return bool(_BLOCK_TAG.search(text))
