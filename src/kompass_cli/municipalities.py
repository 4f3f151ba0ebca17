"""Sweden's 290 municipalities (SCB codes) and matching printed names against them.

Reports print the municipality in running text: genitive ('Hallsbergs kommun'), with or
without 'kommun', and in OCR'd reports without diacritics ('Norsjo'). Names are matched
after folding case and diacritics; rapidfuzz picks the closest official name when
there is no exact match.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

from kompass_cli.parsers.match import compile_cue, key

# Below this rapidfuzz score a printed name is not taken as a municipality.
MATCH_THRESHOLD = 90.0

_SUFFIX = compile_cue(r"\s+(?:{{kommun}}|{{stad}})\s*$")


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    county_code: str
    county: str


@cache
def municipalities() -> tuple[Municipality, ...]:
    """The SCB list shipped in the package (see data/SOURCE.md)."""
    text = resources.files("kompass_cli").joinpath("data/kommuner.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return tuple(Municipality(r["kommunkod"], r["kommun"], r["lanskod"], r["lan"]) for r in rows)


@cache
def _by_folded_name() -> dict[str, Municipality]:
    return {key(m.name): m for m in municipalities()}


def by_code(code: str) -> Municipality | None:
    """The municipality with this four-digit kommunkod."""
    return next((m for m in municipalities() if m.code == code), None)


def candidates(printed: str) -> list[str]:
    """Keys a printed name may take: as is, without 'kommun', without genitive s.

    Keys fold diacritics and OCR confusions ('Norsj6', 'Ha||sbergs kornmun').
    """
    printed = printed.strip()
    suffix = _SUFFIX.search(printed)
    base = key(printed[:suffix.start()] if suffix else printed)
    forms = [base]
    if base.endswith("s"):
        forms.append(base[:-1])
    return forms


def match(printed: str) -> Municipality | None:
    """The official municipality a printed name refers to, or None when unsure."""
    table = _by_folded_name()
    forms = candidates(printed)
    for form in forms:
        if form in table:
            return table[form]
    best = None
    for form in forms:
        found = process.extractOne(form, table.keys(), scorer=fuzz.ratio,
                                   score_cutoff=MATCH_THRESHOLD)
        if found and (best is None or found[1] > best[1]):
            best = found
    return table[best[0]] if best else None


def lookup(query: str) -> Municipality | None:
    """A municipality by kommunkod or by name in any case, with or without diacritics."""
    query = query.strip()
    if re.fullmatch(r"\d{4}", query):
        return by_code(query)
    return match(query)
