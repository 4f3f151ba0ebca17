"""What a summary page is about: the municipality and the year of its evaluation.

The municipality is the one the page is about (its title, the first 'X kommun', its web
address), never another one the text mentions in passing; the evaluation year is the
one the page dates the evaluation or the list with, not a year that only marks a span
('sedan 2010').
"""

from __future__ import annotations

import re

from kompass_cli.core.raw import Located, Stated
from kompass_cli.core.words import EVALUATION_CUE, find_month_year, fold
from kompass_cli.reference import municipalities

# A year a page may date an evaluation with (not '1990-talet').
YEAR = re.compile(r"\b((?:199[5-9]|20\d\d))\b(?!-tal)")
_YEAR_CUES = ("kommunkompass", "utvarder", "resultat", "genomf", "granskning", "poang")
_NOT_THE_EVALUATION = re.compile(r"\b(sedan|sen|fran|fore|efter|an|sedan ar)\s+(?:ar\s+)?$")
_KOMMUN = re.compile(r"([A-ZÅÄÖ][\w-]+(?:[ -][A-ZÅÄÖ][\w-]+)?)\s+(?:kommun|stad)\b")
_URL = re.compile(r"https?://(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)\.se\b", re.IGNORECASE)


def evaluation_year(lines: list[str], start: int) -> Stated | None:
    """The evaluation year: the sentence dating the evaluation, a heading just above the
    list, else the first year on a line about the evaluation or its results."""
    found = find_month_year(lines, cue=EVALUATION_CUE)
    if found:
        return Stated(found[1], "evaluation", found[2], str(found[1]))
    for index in range(start - 1, max(-1, start - 4), -1):
        year = _year_on(lines[index])
        if year is not None:
            return Stated(year, "evaluation", index + 1, str(year))
    for index, line in enumerate(lines):
        folded = fold(line)
        if any(cue in folded for cue in _YEAR_CUES):
            year = _year_on(line)
            if year is not None:
                return Stated(year, "evaluation", index + 1, str(year))
    return None


def _year_on(line: str) -> int | None:
    """A year on a line, unless it only marks a span ('sedan 2010', 'än 2013')."""
    folded = fold(line)
    if _URL.search(line):
        return None
    for match in YEAR.finditer(folded):
        if not _NOT_THE_EVALUATION.search(folded[:match.start()]):
            return int(match.group(1))
    return None


def municipality_of(lines: list[str]) -> Located | None:
    """The municipality the page is about: its title, the first 'X kommun', its web
    address; never one only mentioned in passing ('Örebros 615 poäng')."""
    for finder in (_from_title, _from_kommun, _from_url):
        found = finder(lines)
        if found is not None:
            return found
    return None


def _from_url(lines: list[str]) -> Located | None:
    for index, line in enumerate(lines[:5]):
        match = _URL.search(line)
        if match:
            label = re.sub(r"(kommun|stad)$", "", match.group(1).split(".")[-1])
            if label and municipalities.match(label.replace("-", " ")):
                return Located(label, index + 1)
    return None


def _from_kommun(lines: list[str]) -> Located | None:
    for index, line in enumerate(lines):
        for match in _KOMMUN.finditer(line):
            words = match.group(1).split()
            for phrase in (match.group(1), words[-1]):
                if municipalities.match(phrase) and _exact(phrase):
                    return Located(f"{phrase} {line[match.end(1):match.end()].strip()}",
                                   index + 1)
    return None


def _from_title(lines: list[str]) -> Located | None:
    """The first line of text, when it is a municipality's name (with or without
    'Kommunkompassen')."""
    for index, line in enumerate(lines):
        if not line.strip() or _URL.search(line):
            continue
        for match in re.finditer(r"([A-ZÅÄÖ][\w-]+)(\s+(?:kommun|stad)\b)?", line):
            if _exact(match.group(1)):
                return Located(match.group(0), index + 1)
        return None
    return None


def _exact(phrase: str) -> bool:
    """A name that is a municipality's without fuzzy matching ('Grästorps' is Grästorp)."""
    found = municipalities.match(phrase)
    return found is not None and fold(found.name) in {
        fold(form) for form in municipalities.candidates(phrase)}

