"""Grammatical cues for a few minimal pairs, weighed with the counted context.

Stripped 'ar' is both 'år' (year) and 'är' (is); 'har' both 'har' (has) and 'här'
(here); 'forsta' both 'första' (first) and 'förstå' (understand). Each rule looks at
the neighbouring words (already folded to lower case without diacritics) and returns
the reading its cue names, or None where it has no cue. The reading is not final:
``context.choose`` counts it RULE_WEIGHT more than the others, so strong counted
evidence can still overturn it ('det hela är' is no year), and a rule's answer that
is no reading of the lexicon is taken as it is ('fortsätta' of 'fortsatta').
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kompass_cli.repair.context import Around

_NUMBER = re.compile(r"\d[\d,.\-–/]*")
_YEAR = re.compile(r"(19|20)\d\d")


# 'år' after a count or a period word: '2 ar', 'per ar', 'varje ar', 'i ar'. None of
# these can be the subject of 'är'.
_YEAR_BEFORE = {"i", "per", "varje", "nasta", "forra", "fjol", "tva", "tre", "fyra", "fem",
                "sex", "sju", "atta", "nio", "tio", "arton", "senaste", "foregaende",
                "kommande", "innevarande", "lopande", "mars", "vartannat", "varannat",
                "ggr", "gang", "ganger", "fyllda", "fyllt"}
# Determiners and adjectives that go with 'år' ('ett år', 'hela året'); they count
# when the next word does not continue a copula.
_YEAR_OR_SUBJECT = {"samma", "ett", "hela", "vart", "tredje", "senare", "tidigare"}
# Pronouns that are as often the subject of 'är' ('detta är', 'många är'): 'år' only
# inside a time adverbial opened by a preposition ('under många år', 'i detta år').
_SUBJECT_PRONOUNS = {"detta", "manga", "flera", "nagra"}
_TIME_PREPOSITIONS = {"i", "under", "sedan", "for", "efter", "pa", "om", "inom"}
# A copula goes on to an article, a negation or an adverb; a year noun does not:
# 'detta är en förutsättning', 'många är inte'.
_AFTER_COPULA = {"en", "ett", "inte", "det", "ocksa", "aven", "dock", "mycket", "sa", "ju",
                 "nog", "helt", "ganska", "relativt", "bra", "viktigt", "tydligt", "svart",
                 "latt", "darfor", "fortfarande", "redan", "snarare", "alltsa", "oftast",
                 "ofta", "endast", "bara", "val", "lika", "mer", "mindre", "nagot", "ingen",
                 "inget", "klart", "positivt", "angelaget", "nodvandigt"}
_BEFORE_YEAR_NUMBER = {"", "i", "under", "sedan", "fran", "till", "efter", "fore", "infor"}


def ar(around: Around) -> str | None:
    """'år' after a number, a preposition or a period word, before a year; otherwise 'är'."""
    if _NUMBER.fullmatch(around.before) or around.before in _YEAR_BEFORE:
        return "år"
    if around.after in _AFTER_COPULA:
        return "är"
    if around.before in _YEAR_OR_SUBJECT or (around.before in _SUBJECT_PRONOUNS and
                                             around.before2 in _TIME_PREPOSITIONS):
        return "år"
    if _YEAR.fullmatch(around.after) and (around.sentence_start
                                          or around.before in _BEFORE_YEAR_NUMBER):
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
    if around.sentence_start and (around.after == "och" or _present_verb(around.after)):
        return "här"  # 'Här följer', 'Här hjälper man': 'har' takes a supine, not a present
    return None


def _present_verb(word: str) -> bool:
    """A present-tense verb ('foljer', 'efterfragar'), not a plural noun ('chefer')."""
    return len(word) > 4 and word.endswith(("jer", "per", "ker", "ter", "der", "gar", "rar",
                                            "kar", "lar", "nar", "tar")) and \
        word not in _PLURAL_LOOKALIKES


_PLURAL_LOOKALIKES = {"aktiviteter", "enheter", "kommuner", "personer", "chefer", "verksamheter",
                      "rutiner", "resurser", "mojligheter", "riktlinjer", "medarbetare",
                      "insatser", "anvisningar", "grupper", "brister", "kontakter",
                      "traffar", "lankar", "fragor", "kunskaper", "effekter", "uppgifter"}


def _definite_noun(word: str) -> bool:
    return bool(_DEFINITE.fullmatch(word)) and word not in _NOT_NOUNS


# Words after which a verb stands in the bare infinitive: 'att' and the modal verbs.
_MODAL = {"att", "kan", "ska", "vill", "kunna", "latt", "svart", "skulle", "maste", "bor",
          "kunde", "borde", "behover", "ville", "far", "fick", "brukar", "vagar"}


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


def beror(around: Around) -> str | None:
    """'beror på' (depends on: 'beror på', 'beror det på'); the verb 'bero' needs its 'på'.
    Without it the word is 'berör' (concerns): 'som berör', 'policys som exempelvis berör'."""
    return "beror" if "pa" in (around.after, around.after2) else "berör"


# Words that open the object of 'värdera' but never follow the pronoun 'vardera', which
# goes on to a noun ('vardera kommunen') or a possessive ('fick vardera sitt').
_OBJECT_START = {"vad", "hur", "om", "de", "det", "den", "dessa", "detta"}


def vardera(around: Around) -> str | None:
    """The verb 'värdera' after 'att'/a modal or before a pronoun object; else 'vardera'."""
    if around.before in _MODAL or around.after in _OBJECT_START:
        return "värdera"
    return "vardera"


_PLURAL_DETERMINERS = {"dessa", "de", "alla", "olika", "manga", "nya", "sina", "vara", "vissa",
                       "bada", "gemensamma", "grundlaggande", "egna", "andra", "fler", "flera"}


def varden(around: Around) -> str | None:
    """'värden' (values) after a plural determiner or an indefinite adjective ('viktiga
    värden'); else 'vården' (care), also after a definite adjective ('den sociala vården')."""
    if around.before in _PLURAL_DETERMINERS:
        return "värden"
    if around.before.endswith(("iga", "iva", "ska")) and around.before2 not in {"den", "denna"}:
        return "värden"
    return "vården"


def fora(around: Around) -> str | None:
    """'fora', plural of 'forum', after a plural determiner ('flera fora') or before a
    finite verb ('Fora finns för chefer'), where an infinitive cannot stand; else the
    verb 'föra' ('att föra dialog')."""
    if around.before in _PLURAL_DETERMINERS or around.after in _FINITE_AFTER_HAR:
        return "fora"
    return "föra"


# 'i viss mån', 'i hög mån', 'i den mån': a degree word between 'i' and 'mån'.
_MAN_DEGREE = {"viss", "hog", "stor", "ringa", "nagon", "samma", "mindre", "storre", "den",
               "vilken", "full", "hogre", "lika"}


def man(around: Around) -> str | None:
    """'mån' in 'i viss mån', 'i mån av'; 'män' paired with 'kvinnor'; else the pronoun."""
    if around.before == "viss" or (around.before2 == "i" and around.before in _MAN_DEGREE) or \
            (around.before == "i" and around.after == "av"):
        return "mån"
    if (around.after == "och" and around.after2 == "kvinnor") or \
            (around.before == "och" and around.before2 == "kvinnor"):
        return "män"
    return "man"


_NOUN_DETERMINERS = {"ett", "sitt", "mitt", "vart", "detta", "varje", "fria", "fritt", "eget",
                     "nytt", "vilket", "samma", "olika"}


def val(around: Around) -> str | None:
    """The noun 'val' after a determiner or a neuter adjective ('ett medvetet val',
    'strategiskt val') or before 'av'; 'väl' before a participle and elsewhere."""
    if len(around.after) > 4 and around.after.endswith(("ade", "ad", "at", "ande", "ende", "dd")):
        return "väl"  # 'ett väl utvecklat', 'väl förankrade', 'väl fungerande'
    if around.after == "av" or around.before in _NOUN_DETERMINERS or \
            around.before.endswith(("iskt", "igt", "ivt")) or \
            (len(around.before) > 5 and around.before.endswith("et")):
        return "val"
    return "väl"


def nar(around: Around) -> str | None:
    """The verb 'når' before its object ('når sina mål', 'når ut'); else 'när' (when)."""
    if around.after in {"sina", "sitt", "sin", "ut", "upp", "fram"}:
        return "når"
    return "när"


_ANDA_BEFORE = {"en", "den", "denna", "samma", "god", "positiv", "gemensam", "sin"}


def anda(around: Around) -> str | None:
    """The noun 'anda' (spirit) after an article or adjective ('en anda'); else 'ändå'."""
    return "anda" if around.before in _ANDA_BEFORE else "ändå"


_PERFECT = {"har", "hade", "ha"}


def satt(around: Around) -> str | None:
    """'har satt' (past participle); elsewhere the more frequent 'sätt' (way)."""
    if around.before in _PERFECT or (around.before2 in _PERFECT and
                                     around.before in {"inte", "redan", "aldrig", "nu", "ocksa"}):
        return "satt"
    return "sätt"


_DETERMINERS = {"det", "den", "de", "ett", "sitt", "sin", "sina", "vart", "vara", "dess", "deras",
                "ert", "hans", "hennes", "alla", "dessa", "detta", "denna"}


def satta_suffix(around: Around, prefix: str = "") -> str:
    """The infinitive '-sätta' after 'att', a modal or at a sentence start ('Fortsätta
    utveckla'); after a determiner the participle ('det fortsatta arbetet'). Otherwise a
    bare 'sätta' is the verb and a prefixed one the participle ('utsatta grupper')."""
    if around.sentence_start or around.before in _MODAL:
        return "sätta"
    if around.before in _DETERMINERS or prefix:
        return "satta"
    return "sätta"


def satts_suffix(around: Around, prefix: str = "") -> str:
    """'har satts' (supine passive), elsewhere the present passive '-sätts' ('mål som sätts')."""
    return "satts" if around.before in _PERFECT else "sätts"


# Verb particles that make compounds with 'sätta' whose endings keep the rule above.
SATTA_PREFIXES = ("", "fort", "av", "ut", "till", "in", "upp", "an", "om", "er", "fast",
                  "ned", "ner", "under")
SUFFIX_RULES: dict[str, Callable[[Around], str]] = {"satta": satta_suffix, "satts": satts_suffix}

RULES: dict[str, Callable[[Around], str | None]] = {
    "ar": ar,
    "har": har,
    "forsta": forsta,
    "an": an,
    "bor": bor,
    "lag": lag,
    "rad": rad,
    "beror": beror,
    "vardera": vardera,
    "varden": varden,
    "man": man,
    "val": val,
    "satt": satt,
    "nar": nar,
    "anda": anda,
    "fora": fora,
}


def rule_for(word: str) -> Callable[[Around], str | None] | None:
    """The context rule for a stripped word, exact or by a '-satta'/'-satts' ending."""
    rule = RULES.get(word)
    if rule is not None:
        return rule
    for suffix, suffix_rule in SUFFIX_RULES.items():
        prefix = word[:-len(suffix)]
        if word.endswith(suffix) and prefix in SATTA_PREFIXES:
            return lambda around, p=prefix, r=suffix_rule: p + r(around, p)
    return None
