"""Sweden's 290 municipalities (SCB codes) and matching printed names against them.

Reports print the municipality in running text: genitive ('Hallsbergs kommun'), with or
without 'kommun', and in OCR'd reports without diacritics ('Norsjo'). A name printed
exactly (case aside) is that municipality. Otherwise names are matched after folding
case and diacritics, and rapidfuzz picks the closest official name when there is no
exact match.

Folding is only trusted where it is unambiguous: two official names can fold together
(Håbo, 0305, and Habo, 0643). Then the printed diacritics decide (the candidate whose
spelling is closest to the print), and where they cannot, because the text has lost
its diacritics (OCR) or the print is as close to both, nothing is guessed: the result
names every candidate.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

from kompass_cli.core.errors import KompassError
from kompass_cli.core.match import compile_cue, key
from kompass_cli.core.words import fold

# Below this rapidfuzz score a printed name is not taken as a municipality.
MATCH_THRESHOLD = 90.0

_SUFFIX = compile_cue(r"\s+{{kommun|stad}}\s*$")


@dataclass(frozen=True)
class OfficialMunicipality:
    code: str
    name: str
    county_code: str
    county: str


@cache
def municipalities() -> tuple[OfficialMunicipality, ...]:
    """The SCB list shipped in the package (see data/SOURCE.md)."""
    text = resources.files("kompass_cli").joinpath("data/kommuner.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return tuple(OfficialMunicipality(r["kommunkod"], r["kommun"], r["lanskod"], r["lan"])
                 for r in rows)


@dataclass(frozen=True)
class Ambiguous:
    """A printed name that fits several municipalities equally well."""

    printed: str
    candidates: tuple[OfficialMunicipality, ...]

    def names(self) -> str:
        """'Håbo (0305) or Habo (0643)'."""
        return " or ".join(f"{m.name} ({m.code})" for m in self.candidates)


@cache
def _by_name() -> dict[str, OfficialMunicipality]:
    """Official names, case folded but with their diacritics (unique in the SCB list)."""
    return {m.name.casefold(): m for m in municipalities()}


@cache
def _by_folded_name() -> dict[str, tuple[OfficialMunicipality, ...]]:
    """Official names folded (case and diacritics): several where names fold together."""
    return _grouped(fold)


def _grouped(folding) -> dict[str, tuple[OfficialMunicipality, ...]]:
    """Official names by a folded form; names that fold alike share an entry."""
    table: dict[str, tuple[OfficialMunicipality, ...]] = {}
    for m in municipalities():
        table[folding(m.name)] = (*table.get(folding(m.name), ()), m)
    return table


def folding_together() -> list[tuple[OfficialMunicipality, ...]]:
    """Every group of official names that differ only in case and diacritics."""
    return [group for group in _by_folded_name().values() if len(group) > 1]


def by_code(code: str) -> OfficialMunicipality | None:
    """The municipality with this four-digit kommunkod."""
    return next((m for m in municipalities() if m.code == code), None)


def candidates(printed: str) -> list[str]:
    """Forms a printed name may take, case folded with diacritics kept: as is, without
    'kommun', without genitive s."""
    printed = printed.strip()
    suffix = _SUFFIX.search(printed)
    base = (printed[:suffix.start()] if suffix else printed).casefold()
    forms = [base]
    if base.endswith("s"):
        forms.append(base[:-1])
    return forms


def resolve(printed: str,
            diacritics_reliable: bool = True) -> OfficialMunicipality | Ambiguous | None:
    """The official municipality a printed name refers to, the candidates when the print
    cannot tell them apart, or None when it names none.

    ``diacritics_reliable`` is False for a text that has lost its diacritics (OCR): a
    plain 'Habo' there is no evidence against Håbo.
    """
    forms = candidates(printed)
    for form in forms:
        if form in _by_name() and (diacritics_reliable or not form.isascii()):
            return _by_name()[form]
    table = _by_folded_name()
    for form in forms:
        if fold(form) in table:
            return _decide(printed, form, table[fold(form)], diacritics_reliable)
    best = _closest(forms, table, fold)
    if best is None:
        return _through_ocr(printed, forms)
    return _decide(printed, best[0], table[best[1]], diacritics_reliable)


def _closest(forms: list[str], table: dict, folding) -> tuple[str, str] | None:
    """(form, table key) of the nearest name above the threshold, or None."""
    best = None
    for form in forms:
        found = process.extractOne(folding(form), table.keys(), scorer=fuzz.ratio,
                                   score_cutoff=MATCH_THRESHOLD)
        if found and (best is None or found[1] > best[2]):
            best = (form, found[0], found[1])
    return best[:2] if best else None


def _through_ocr(printed: str, forms: list[str]) -> OfficialMunicipality | Ambiguous | None:
    """The municipality a name damaged by OCR ('Ha||sbergs', 'Norsj6') refers to.

    Names are compared by their ``match.key``, which folds the scanner's confusions;
    diacritics cannot decide here.
    """
    table = _by_key()
    best = _closest(forms, table, key)
    if best is None:
        return None
    return _decide(printed, best[0], table[best[1]], diacritics_reliable=False)


@cache
def _by_key() -> dict[str, tuple[OfficialMunicipality, ...]]:
    """Official names by their OCR-folded key (see ``match.key``)."""
    return _grouped(key)


def _decide(printed: str, form: str, group: tuple[OfficialMunicipality, ...],
            diacritics_reliable: bool) -> OfficialMunicipality | Ambiguous:
    """One of the names that fold like the print: the one spelt closest to it, if the
    print's diacritics can be trusted and one is strictly closest."""
    if len(group) == 1:
        return group[0]
    if diacritics_reliable or not form.isascii():
        scores = sorted(((fuzz.ratio(form, m.name.casefold()), m) for m in group),
                        key=lambda pair: -pair[0])
        if scores[0][0] > scores[1][0]:
            return scores[0][1]
    return Ambiguous(printed, group)


def match(printed: str) -> OfficialMunicipality | None:
    """The official municipality a printed name refers to, or None when unsure."""
    found = resolve(printed)
    return found if isinstance(found, OfficialMunicipality) else None


def lookup(query: str) -> OfficialMunicipality | None:
    """A municipality by kommunkod or by name in any case, with or without diacritics.

    A name that fits several municipalities is refused with every candidate named.
    """
    query = query.strip()
    if re.fullmatch(r"\d{4}", query):
        return by_code(query)
    found = resolve(query)
    if isinstance(found, Ambiguous):
        raise KompassError(f"could be {found.names()}; give the kommunkod to choose", query)
    return found


def slugs() -> dict[str, str]:
    """File-name stem of every municipality, by kommunkod: the slug of its official name,
    with the kommunkod added where another municipality's name gives the same slug."""
    return dict(_slugs())


@cache
def _slugs() -> tuple[tuple[str, str], ...]:
    plain = {m.code: slug(m.name) for m in municipalities()}
    shared = {s for s, count in Counter(plain.values()).items() if count > 1}
    return tuple((code, f"{s}-{code}" if s in shared else s) for code, s in plain.items())


def slug(name: str) -> str:
    """'Upplands Väsby' -> 'upplands-vasby': ASCII letters, digits and dashes only."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


# A name this close to an official one is offered as a suggestion, never taken as it.
SUGGESTION_THRESHOLD = 70.0


def suggestions(query: str, limit: int = 3) -> list[str]:
    """Official names closest to a query that matched none, best first."""
    table = _by_folded_name()
    found = process.extract(fold(query.strip()), table.keys(), scorer=fuzz.ratio,
                            limit=limit, score_cutoff=SUGGESTION_THRESHOLD)
    return [m.name for name, _, _ in found for m in table[name]][:limit]


def identify(query: str) -> OfficialMunicipality:
    """The municipality a user typed, or one error line with a "did you mean"."""
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
