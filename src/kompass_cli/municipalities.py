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

from kompass_cli.parsers.common import fold

# Below this rapidfuzz score a printed name is not taken as a municipality.
MATCH_THRESHOLD = 90.0

_SUFFIX = re.compile(r"\s+(kommun|stad)\s*$", re.IGNORECASE)


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
    return {fold(m.name): m for m in municipalities()}


def by_code(code: str) -> Municipality | None:
    """The municipality with this four-digit kommunkod."""
    return next((m for m in municipalities() if m.code == code), None)


def candidates(printed: str) -> list[str]:
    """Folded forms a printed name may take: as is, without 'kommun', without genitive s."""
    base = fold(_SUFFIX.sub("", printed.strip()))
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


# A name this close to an official one is offered as a suggestion, never taken as it.
SUGGESTION_THRESHOLD = 70.0


def suggestions(query: str, limit: int = 3) -> list[str]:
    """Official names closest to a query that matched none, best first."""
    table = _by_folded_name()
    found = process.extract(fold(query.strip()), table.keys(), scorer=fuzz.ratio,
                            limit=limit, score_cutoff=SUGGESTION_THRESHOLD)
    return [table[name].name for name, _, _ in found]


def resolve(query: str) -> Municipality:
    """The municipality a user typed, or one error line with a "did you mean"."""
    from kompass_cli.errors import KompassError

    found = lookup(query)
    if found is not None:
        return found
    if re.fullmatch(r"\s*\d{4}\s*", query):
        raise KompassError("no municipality has this kommunkod; see the SCB list of "
                           "kommunkoder (Norsjö is 2417)", query)
    close = suggestions(query)
    if close:
        raise KompassError(f"not a Swedish municipality; did you mean "
                           f"{' or '.join(close)}?", query)
    raise KompassError("not a Swedish municipality; give a name such as Norsjö or a "
                       "four-digit kommunkod such as 2417", query)
