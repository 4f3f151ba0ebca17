"""Build the held-out Swedish corpus of the repair benchmark: ``dev.txt`` and ``test.txt``.

Run once from the repository root, with the two packages unpacked (see README.md here):

    python benchmarks/corpus/build.py CFI_HTML FAQ_JSONL

The texts are split into paragraphs (one per line); paragraphs go to the development or
the test part in alternating blocks of ten, so that neither part holds a whole chapter
or topic and a repeated phrase rarely spans both. The split is made once and committed:
rules and statistics may be built from ``dev.txt``, never from ``test.txt``.
"""

from __future__ import annotations

import json
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
BLOCK = 10
MIN_WORDS = 4
_BLOCK_TAGS = {"p", "li", "td", "h1", "h2", "h3", "dd", "dt"}


class _Paragraphs(HTMLParser):
    """Text of each block element, white space collapsed."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
            self._current = []

    def handle_endtag(self, tag) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data) -> None:
        if self._current is not None:
            self._current.append(data)

    def _flush(self) -> None:
        if self._current:
            text = " ".join("".join(self._current).split())
            if text:
                self.found.append(text)
        self._current = None


def book_paragraphs(path: Path) -> list[str]:
    """Paragraphs of 'Copyright finns inte' (HTML in Latin-1)."""
    parser = _Paragraphs()
    parser.feed(path.read_text(encoding="latin-1"))
    parser._flush()
    return parser.found


def faq_paragraphs(path: Path) -> list[str]:
    """Question and answer of each entry of the construction FAQ, one entry a paragraph."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [f"{row['q']} {row['a']}" for row in rows]


def split(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Alternating blocks of BLOCK paragraphs: even blocks to dev, odd blocks to test."""
    kept = [p for p in paragraphs if len(p.split()) >= MIN_WORDS]
    dev = [p for i, p in enumerate(kept) if (i // BLOCK) % 2 == 0]
    test = [p for i, p in enumerate(kept) if (i // BLOCK) % 2 == 1]
    return dev, test


def main(book: str, faq: str) -> None:
    parts = [split(book_paragraphs(Path(book))), split(faq_paragraphs(Path(faq)))]
    for index, name in enumerate(("dev", "test")):
        text = "\n".join(p for part in parts for p in part[index]) + "\n"
        (HERE / f"{name}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
