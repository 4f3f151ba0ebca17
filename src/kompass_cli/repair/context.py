"""Context rules for real minimal pairs, where frequency alone picks the wrong word.

Stripped 'ar' is both 'år' (year) and 'är' (is); 'har' both 'har' (has) and 'här'
(here); 'forsta' both 'första' (first) and 'förstå' (understand). Each rule looks at
the neighbouring words (already folded to lower case without diacritics) and returns
the word to write, or None to let frequency decide. Rules only fire on the evidence
they name; anything else keeps the general reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_NUMBER = re.compile(r"\d[\d,.\-–/]*")
_YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class Around:
    """The words either side of a token (folded, lower case), '' where there is none."""

    before: str
    after: str
    before2: str = ""
    after2: str = ""
    sentence_start: bool = False


# 'år' after a count or a period word: '2 ar', 'per ar', 'varje ar', 'i ar'.
_YEAR_BEFORE = {"per", "varje", "samma", "nasta", "forra", "fjol", "tva", "tre", "fyra", "fem",
                "sex", "sju", "atta", "nio", "tio", "flera", "manga", "nagra", "ett", "hela",
                "senaste", "detta", "foregaende", "kommande", "innevarande", "arton", "ar",
                "lopande", "mars", "vartannat", "varannat", "vart", "tredje"}


def ar(around: Around) -> str | None:
    """'år' after a number or a period word, before a year; otherwise 'är'."""
    if _NUMBER.fullmatch(around.before) or around.before in _YEAR_BEFORE:
        return "år"
    if _YEAR.fullmatch(around.after) and (around.sentence_start or around.before in {"", "i", "under", "sedan", "fran", "till", "efter", "fore", "infor"}):
        return "år"
    if around.before == "i" and around.after in {"", "och", "samt"}:
        return "år"
    return "är"


_DEFINITE = re.compile(r"[a-z]{2,}(et|en|na|an|arna|erna|orna)")
_NOT_NOUNS = {"sedan", "aven", "annan", "varken", "inneburit", "gett", "alltid", "igen",
              "redan", "fatt", "tagit", "kommit", "funnits", "blivit", "haft", "varit",
              "hunnit", "fortfarande", "egen", "ingen", "ofta", "en", "den", "denna",
              "mellan", "kanske", "utan", "hand", "sina", "bara", "ena", "vilken", "gjorda",
              "lyckats", "skapat", "tidigare", "inte", "dessutom", "samtidigt", "sin"}
_FINITE_AFTER_HAR = {"finns", "fanns", "ar", "kan", "ska", "skulle", "maste", "ges", "gors",
                     "sker", "blir", "galler", "har", "var", "visas", "behovs", "bor"}


def har(around: Around) -> str | None:
    """'här' in 'det här arbetet', 'de här fallen' and sentence-initial 'Här finns'."""
    if around.before in {"det", "den", "de", "dessa"} and _definite_noun(around.after):
        return "här"
    if around.sentence_start and (around.after in _FINITE_AFTER_HAR or around.after.endswith("as")):
        return "här"
    if around.before in {"sa", "och", "att"} and around.after in {"finns", "kan", "ska"}:
        return "här"
    return None


def _definite_noun(word: str) -> bool:
    return bool(_DEFINITE.fullmatch(word)) and word not in _NOT_NOUNS


_MODAL = {"att", "kan", "ska", "vill", "kunna", "latt", "svart", "skulle", "maste", "bor"}


def forsta(around: Around) -> str | None:
    """'förstå' after 'att' or a modal verb; otherwise 'första'."""
    return "förstå" if around.before in _MODAL else "första"


_COMPARATIVE = {"mer", "mindre", "annat", "annan", "andra", "hellre", "snarare", "fler",
                "farre", "tidigare", "senare", "mera", "langre", "storre", "battre", "samre",
                "hogre", "lagre", "ingen", "inget", "inga"}


def an(around: Around) -> str | None:
    """'än' after a comparative; the particle 'an' in 'knyter an till' stays."""
    if around.before in _COMPARATIVE or around.before.endswith("are"):
        return "än"
    if around.after == "till" or around.before in {"knyter", "knyta", "knot", "slar", "tar"}:
        return "an"
    return "än"


def bor(around: Around) -> str | None:
    """'bor i' (lives in) stays; 'bör' before an infinitive ('bör vara', 'bör ses')."""
    if around.after in {"i", "pa", "kvar", "har", "nara", "utanfor", "inom"}:
        return "bor"
    if around.after.endswith("a") or around.after in {"ses", "ske", "ga", "fa", "bli", "ge",
                                                        "ta", "ha", "ocksa", "inte", "man",
                                                        "det", "kommunen", "aven"}:
        return "bör"
    return None


def lag(around: Around) -> str | None:
    """'låg' after a degree word or a copula ('relativt låg', 'är låg'); else 'lag'."""
    if around.before in {"relativt", "mycket", "ganska", "for", "ar", "var", "lite", "en",
                         "alltfor", "forhallandevis", "jamforelsevis", "fortsatt"} and \
            around.after not in {"om", "och"}:
        return "låg"
    return None


def rad(around: Around) -> str | None:
    """'en rad' (a number of) stays; elsewhere 'råd' (council, advice)."""
    return "rad" if around.before in {"en", "lang", "hel"} else "råd"


RULES: dict[str, Callable[[Around], str | None]] = {
    "ar": ar,
    "har": har,
    "forsta": forsta,
    "an": an,
    "bor": bor,
    "lag": lag,
    "rad": rad,
}
