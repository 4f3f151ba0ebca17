"""Small readers shared by the layout parsers: folding, months, numbers in lines.

Kept deliberately tolerant of OCR damage (lost diacritics, 'é'/'6' for 'ö') because the
same facts are printed in every era, only more or less damaged.
"""

from __future__ import annotations

import re

from kompass_cli.core.match import closest, compile_cue, cue, key, strip_marks
from kompass_cli.core.raw import Located, RawReport, Stated

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6,
    "juli": 7, "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}

def fold(text: str) -> str:
    """Lower-case and strip diacritics: 'Förbättringsområden' -> 'forbattringsomraden'."""
    return strip_marks(text)


def fold_ocr(text: str) -> str:
    """``fold`` plus the usual OCR confusions (see ``match.key``), for words only."""
    return key(text)


_KOMMUNKOMPASSEN = compile_cue("{{kommunkompass}}")


def names_kommunkompassen(lines: list[str]) -> bool:
    """Whether any line names Kommunkompassen, however damaged ('Komrnunkompassen')."""
    return any(_KOMMUNKOMPASSEN.search(line) for line in lines)


def compact(text: str) -> str:
    """Collapse runs of white space to one space and trim."""
    return re.sub(r"\s+", " ", text).strip()


_MONTH_YEAR = compile_cue(r"(?<!\w)(" + "|".join(cue(month) for month in MONTHS)
                          + r")\s+(?:{{år}}\s+)?((?:19|20)\d\d)\b")


def find_month_year(lines: list[str], start: int = 0, stop: int | None = None,
                    cue: str | None = None) -> tuple[int, int, int] | None:
    """First '<month> <year>' (optionally on a line containing ``cue``, folded).

    Returns (month, year, 1-based line) or None.
    """
    for index in range(start, len(lines) if stop is None else min(stop, len(lines))):
        if cue and cue not in fold(lines[index]):
            continue
        match = _MONTH_YEAR.search(lines[index])
        if match:
            return MONTHS[closest(match.group(1), MONTHS)], int(match.group(2)), index + 1
    return None


# Every era words it 'Utvärderingen … genomfördes i <month> [år] <year>'.
EVALUATION_CUE = "genomf"


def read_evaluation_date(lines: list[str], report: RawReport) -> None:
    """Set the report's evaluation year and month from the sentence that dates it.

    Prefers the line that says the evaluation was carried out ('genomfördes', also
    OCR'd as 'genomférdes'); falls back to the first month and year in the text.
    """
    found = find_month_year(lines, cue=EVALUATION_CUE) or find_month_year(lines)
    if found:
        month, year, line = found
        report.year = Stated(year, "evaluation", line, str(year))
        report.month = Stated(month, "evaluation", line, str(month))


_ABOUT_COUNT = re.compile(r"\bett\s+(\d{1,3})-tal\s+personer")


def find_interviewees(lines: list[str]) -> Stated | None:
    """'intervjuer med ett 30-tal personer' -> 30 (the report's own round figure)."""
    for index, line in enumerate(lines):
        folded = fold(line)
        match = _ABOUT_COUNT.search(folded)
        if match:
            return Stated(int(match.group(1)), "interviewees", index + 1, match.group(0))
    return None


_PUBLISHERS = (
    (compile_cue("{{sveriges kommuner och regioner}}"), "SKR"),
    (compile_cue("{{sveriges kommuner och landsting}}"), "SKL"),
)


def find_first(lines: list[str], pattern: re.Pattern[str]) -> Located | None:
    """Group 1 of the first line ``pattern`` finds, with its 1-based line."""
    for index, line in enumerate(lines):
        match = pattern.search(line)
        if match:
            return Located(match.group(1), index + 1)
    return None


def find_publisher(lines: list[str]) -> Located | None:
    """The publisher as its abbreviation, from the first line that names it in full."""
    for index, line in enumerate(lines):
        for name, abbreviation in _PUBLISHERS:
            if name.search(line):
                return Located(abbreviation, index + 1)
    return None


_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")


def find_iso_date(line: str) -> str | None:
    """The first YYYY-MM-DD date on a line, or None."""
    match = _ISO_DATE.search(line)
    return match.group(0) if match else None
