"""Running headers, footers and page numbers in text reports, found and dropped.

Text saved or OCR'd from a paged document keeps what was printed on every page: a
header naming the report, a footer with the publisher and the page number. Left in,
such a line becomes a finding, or is glued onto one, and splits paragraphs. As in a
PDF (:mod:`kompass_cli.read.pdf.furniture`), a line is furniture when it is a page number or
when it repeats, digits aside, where pages break:

- with form feeds, a line among the first or last lines of a page that repeats there on
  at least half of the pages, or is a page number;
- without them, a line that recurs at least three times at about regular intervals,
  spread over the text, and reads like a running title (it names the report or a year,
  or carries a changing page number, or has three words or more) rather than like a
  numbered heading or a table row, which also recur.

Page-number lines ('12', '- 3 -', 'Sida 3 av 20') are furniture when they count up.
"""

from __future__ import annotations

import re
from collections import defaultdict
from statistics import median

from kompass_cli.core.match import key

PAGE_NUMBER = re.compile(r"^(?:sida|page|s\.)?\s*[-–]?\s*\d{1,4}\s*[-–]?"
                         r"(?:\s*(?:av|of|/)\s*\d{1,4}|\s*\(\s*\d{1,4}\s*\))?$", re.IGNORECASE)
# Lines near a page break that may hold a header or footer.
_EDGE_LINES = 2
_MIN_REPEATS = 3
# Page numbers rise by one a page; by at most this much typically, pages lacking theirs,
# and never by more than one past this many pages without a number in a row.
_LARGEST_PAGE_STEP = 2
_PAGES_WITHOUT_NUMBER = 4
_LONGEST_TITLE = 120  # a running title is one short line
_SHORTEST_FRAME = 2  # consonants a running title keeps at least
# A number, also as OCR misprints it ('l0o'), standing apart from any word.
_NUMBER_TOKEN = re.compile(r"(?<![^\W\d_])[OoIl|SB]*\d[\dOoIl|SB]*(?![^\W\d_])")
_FRAME_DROP = re.compile(r"(?:[aeiouyåäöécltrh|!1_]|[^\w#])+")
_FRAME_SAME = re.compile(r"[mnu]+")
_NUMBERED = re.compile(r"^#\.#")  # a numbered heading or question row ('4.1.2 Delpoäng')
_TITLE_WORD = re.compile(r"kommunkompass|\bsida\b|\bpage\b|\bkommuns?\b|\bstad\b|\bregion\b"
                         r"|\blandsting\b|\b(?:19|20)\d\d\b", re.IGNORECASE)


def furniture_key(text: str) -> str:
    """A line with its numbers masked and its words folded as OCR confuses them.

    A running title keeps its key on every page though OCR misreads it differently
    ('Norsjö', 'Norsj6', 'Norsjo'); a digit inside a word is a misread letter.
    """
    masked = _NUMBER_TOKEN.sub("#", " ".join(text.split()))
    return key(masked)


def repeat_key(text: str) -> str:
    """What stays of a line however OCR misreads it on each page: its consonant frame.

    Vowels, the letters OCR swaps them with (c, l, t, h: 'Hallsbcrg', 'Ha||sberg') and
    white space go; m, n and u count as one ('rn', 'ri', 'u' for 'n'); numbers are
    masked. Two lines with one frame are taken for one running title.
    """
    frame = furniture_key(text).replace(" ", "")
    return _FRAME_SAME.sub("n", _FRAME_DROP.sub("", frame))


def furniture_lines(lines: list[str], page_starts: list[int]) -> set[int]:
    """Indexes of the lines that are page furniture (see the module's rules)."""
    found = _counted_page_numbers(lines)
    if len(page_starts) >= 2:
        found |= _at_page_breaks(lines, page_starts)
    found |= _recurring(lines)
    return found | _blanks_inside_sentences(lines, found)


def _blanks_inside_sentences(lines: list[str], furniture: set[int]) -> set[int]:
    """Blank lines around furniture where a sentence or a table runs on across the break.

    'kostnader' / '' / 'Sida 29' / '' / 'och effektivisera': with the footer gone the
    blank lines would split one item in two; the text before does not end a sentence
    and the text after goes on in lower case, so the blanks belong to the break. So
    they do between two rows of a table (tab-separated lines).
    """
    found: set[int] = set()
    index = 0
    while index < len(lines):
        if index not in furniture:
            index += 1
            continue
        start = index
        while index < len(lines) and (index in furniture or not lines[index].strip()):
            index += 1
        before = start - 1
        while before >= 0 and not lines[before].strip():
            before -= 1
        if before >= 0 and index < len(lines) and _runs_on(lines[before], lines[index]):
            found.update(i for i in range(before + 1, index) if not lines[i].strip())
    return found


def _runs_on(before: str, after: str) -> bool:
    """Whether the text after a break continues the sentence or the table before it."""
    if "\t" in before and "\t" in after:
        return True
    return not re.search(r"[.:!?”\"»)]\s*$", before) and bool(re.match(r"\s*[a-zåäö]", after))


def _counted_page_numbers(lines: list[str]) -> set[int]:
    """Lines that are nothing but a page number, when those numbers count up.

    The longest run of such lines whose numbers rise is taken, so that a lone number
    elsewhere (a year on the cover) neither joins it nor hides it. Pages are numbered
    one by one (a page may lack its number), so numbers that rise in larger steps are
    not page numbers: a score printed on a line of its own in a few sections ('38',
    '44', '59') also rises.
    """
    numbered = _numbered(lines, range(len(lines)))
    rising = _longest_rising(numbered)
    if len(rising) >= _MIN_REPEATS and len(rising) * 5 >= len(numbered) * 3 \
            and _one_by_one(rising, numbered):
        return set(rising)
    return set()


def _numbered(lines: list[str], indexes) -> list[tuple[int, int]]:
    """(index, number) of the lines among ``indexes`` that read as a page number."""
    return [(i, int(re.search(r"\d+", lines[i]).group())) for i in indexes
            if "\t" not in lines[i] and PAGE_NUMBER.match(lines[i].strip())]


def _one_by_one(rising: list[int], numbered: list[tuple[int, int]]) -> bool:
    """Whether the numbers of these lines rise as pages do, mostly by one."""
    values = dict(numbered)
    steps = [values[b] - values[a] for a, b in zip(rising, rising[1:])]
    return bool(steps) and median(steps) <= _LARGEST_PAGE_STEP


def _longest_rising(numbered: list[tuple[int, int]]) -> list[int]:
    """Line indexes of the longest subsequence whose numbers rise as pages do: each by
    one, or by a few where pages lack their number."""
    best: list[list[int]] = []
    for position, (index, value) in enumerate(numbered):
        before = [best[k] for k in range(position)
                  if 0 < value - numbered[k][1] <= _PAGES_WITHOUT_NUMBER + 1]
        best.append(max(before, key=len, default=[]) + [index])
    return max(best, key=len, default=[])


def _at_page_breaks(lines: list[str], page_starts: list[int]) -> set[int]:
    """Edge lines of pages that are page numbers or repeat on half of the pages.

    Page numbers count up one by one; a number alone at the edge of a page that does not
    (a score printed on a line of its own) is no page number.
    """
    # A form feed closing the last page marks a start past the last line.
    bounds = sorted({0, len(lines), *(start for start in page_starts if start < len(lines))})
    pages = [(start, stop) for start, stop in zip(bounds, bounds[1:]) if stop > start]
    edges: dict[str, set[int]] = defaultdict(set)
    pages_with: dict[str, set[int]] = defaultdict(set)
    found: set[int] = set()
    at_edges: set[int] = set()
    for page, (start, stop) in enumerate(pages):
        filled = [i for i in range(start, stop) if lines[i].strip()]
        for index in set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]):
            at_edges.add(index)
            if PAGE_NUMBER.match(lines[index].strip()):
                continue  # a number alone is a page number only where they count up
            key = repeat_key(lines[index])
            edges[key].add(index)
            pages_with[key].add(page)
    numbered = _numbered(lines, sorted(at_edges))
    rising = _longest_rising(numbered)
    if _one_by_one(rising, numbered):
        found.update(rising)
    needed = max(2, (len(pages) + 1) // 2)
    for key, indexes in edges.items():
        if len(pages_with[key]) >= needed:
            found |= indexes
    return found


def _recurring(lines: list[str]) -> set[int]:
    """Lines that recur at about regular intervals over the text and read as titles."""
    positions: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if line.strip() and "\t" not in line and len(line) <= _LONGEST_TITLE:
            positions[repeat_key(line)].append(index)
    found: set[int] = set()
    for frame, indexes in positions.items():
        if sum(char.isalpha() for char in frame) >= _SHORTEST_FRAME \
                and len(indexes) >= _MIN_REPEATS \
                and _reads_as_title(furniture_key(lines[indexes[0]]), indexes, lines) \
                and _regular(indexes, len(lines)):
            found.update(indexes)
    return found


def _reads_as_title(key: str, indexes: list[int], lines: list[str]) -> bool:
    """A running title, not a numbered heading, a table row or a one-word heading."""
    if _NUMBERED.match(key) or not re.search(r"[^\W\d_]", key):
        return False
    varying = len({tuple(_NUMBER_TOKEN.findall(lines[i])) for i in indexes}) > 1
    return varying or bool(_TITLE_WORD.search(lines[indexes[0]])) or len(key.split()) >= 3


def _regular(indexes: list[int], total: int) -> bool:
    """Occurrences spread over the text with gaps of about one size (a page).

    A page may be missing its furniture (at most every other), and the first and the
    last page may be short.
    """
    gaps = [b - a for a, b in zip(indexes, indexes[1:])]
    typical = median(gaps)
    inner = gaps[1:-1] if len(gaps) > 2 else gaps
    if typical < 5 or any(gap > typical * 2.5 for gap in gaps) \
            or any(gap < typical / 2.5 for gap in inner):
        return False
    return indexes[0] <= 2.5 * typical and total - indexes[-1] <= 2.5 * typical
