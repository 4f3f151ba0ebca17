"""Diacritic restoration: a word stripped of å, ä, ö gets them back.

A scan read without diacritics prints 'forbattring' for 'förbättring'. A stripped word
takes its most frequent reading in the lexicon (wordfreq's Swedish list plus the domain
vocabulary) when the printed form is no word, or when the reading is far more frequent
('for' -> 'för'). Where two or more real words are close ('har': har, här), frequency
alone would always pick the same one, so the neighbours decide (``context.py``, with
the cues of ``rules.py``): that choice is made at each occurrence, the rest once per
word. Unknown words are read as a known word with a noun ending, then as compounds.
"""

from __future__ import annotations

from kompass_cli.repair.context import Around, choose, contenders
from kompass_cli.repair.evidence import (
    MIN_COMPOUND_PART,
    MIN_STEM,
    NOUN_ENDINGS,
    RESTORE_MARGIN,
    Work,
    part_score,
)
from kompass_cli.repair.lexicon import DOMAIN_PREFERENCE, Lexicon, has_diacritic
from kompass_cli.repair.rules import rule_for
from kompass_cli.repair.tokens import Token

# The restoration of a minimal pair: its neighbours decide, at each occurrence.
_CONTEXT = object()
# Function words that begin with å, ä or ö. Printed with a capital A or O in mid-sentence
# ('Se Over rekryteringspolicyns') the capital is a misread lower-case letter: a
# preposition, adverb or copula is never a name, so the restored word is lower-cased.
LOWER_FUNCTION_WORDS = frozenset({"över", "även", "ännu", "ändå", "åt", "är", "än", "åter"})


def restorable(word: str) -> bool:
    """Is a word one restoration reads: letters only, and not an acronym in capitals
    under five letters ('ATA', 'SAPO' are never restored)?"""
    return word.isalpha() and not (word.isupper() and len(word) < 5)


def restore_diacritics(token: Token, work: Work) -> str | None:
    """'forbattringsomraden' -> 'förbättringsområden', from frequency, vocabulary, context.

    The neighbours are asked only for a minimal pair.
    """
    word = token.text
    choice = restoration(word, work)
    if choice is _CONTEXT:
        key = (word.lower(), word[:1].isupper(), token.around())
        choice = work.in_context.get(key)
        if choice is None:
            choice = work.in_context[key] = _in_context(*key, work.lex)
    return _restored(word, choice)


def restoration(word: str, work: Work):
    """The memoised restoration of a printed word (see ``_restoration``)."""
    key = (word.lower(), word[:1].isupper())
    choice = work.restored.get(key)
    if choice is None:
        choice = work.restored[key] = _restoration(key[0], work.lex, key[1])
    return choice


def capital_for_lower_vowel(token: Token, work: Work) -> str | None:
    """'Över' -> 'över' in mid-sentence (see LOWER_FUNCTION_WORDS), when the word was
    printed with a capital A or O and restored: right after a word or a comma on the
    same line. A word first on its line may follow a heading that has no full stop, and
    one after a bar or a quote may open a table cell or a title, so they keep their
    capital."""
    lower = token.text.lower()
    printed = token.printed
    if lower not in LOWER_FUNCTION_WORDS or printed[:1] not in ("A", "O") or \
            not printed[1:].islower():
        return None
    before = token.before().rstrip()
    if not before or not (before[-1].isalpha() or before[-1] == ","):
        return None
    return lower


def _in_context(lower: str, proper: bool, found: Around, lex: Lexicon) -> str:
    """The reading of a minimal pair among its neighbours: a rule's cue weighed with the
    counted context, or the cue itself when it is no reading of the lexicon."""
    readings = contenders(lower, _readings(lower, lex, proper), lex.context())
    rule = rule_for(lower)
    cue = rule(found) if rule else None
    if cue is not None and cue not in readings:
        return cue
    return choose(lower, readings, found, lex.context(), cue) if readings else ""


def _readings(lower: str, lex: Lexicon, proper: bool) -> dict[str, float]:
    """The readings of a stripped word with their frequency (log10); the printed word, when
    it is a word, RESTORE_MARGIN ahead, as in ``_whole_word``, and a word the domain
    vocabulary attests DOMAIN_PREFERENCE ahead, as in the lexicon's ranking. A word in
    lower case is no municipality name."""
    options = lex.options(lower) if proper else lex.common_options(lower)
    readings = {word: (lex.score(word) + DOMAIN_PREFERENCE * (word in lex.domain)) / 100
                for word in options}
    if lex.known(lower):
        readings[lower] = (lex.score(lower) + RESTORE_MARGIN) / 100
    return readings


def _restored(token: str, choice) -> str | None:
    """The printed word with a chosen reading, in its case; None when nothing changes."""
    if not choice or choice == token.lower():
        return None
    return _with_case(token, choice)


def _restoration(lower: str, lex: Lexicon, proper: bool):
    """The restored word for a stripped one, _CONTEXT for a minimal pair, '' to leave it.

    A capitalised word may be a municipality name ('Ange' -> 'Ånge'); a word in lower
    case is not ('ange' stays).
    """
    if has_diacritic(lower) or not lower.isalpha() or not lower.isascii():
        return ""
    if rule_for(lower) is not None or \
            contenders(lower, _readings(lower, lex, proper), lex.context()):
        return _CONTEXT
    whole = _whole_word(lower, lex, proper)
    if whole is None:
        whole = _inflected(lower, lex, proper)
    if whole is None:
        whole = _compound(lower, lex) or _compound_genitive(lower, lex)
    return whole


def _whole_word(folded: str, lex: Lexicon, proper: bool) -> str | None:
    """The best reading of a known word; '' keeps the printed one; None if not a word.

    The printed word, when it is a word itself, keeps its place unless a reading is at
    least RESTORE_MARGIN more frequent ('satt' vs 'sätt' is left to context).
    """
    options = lex.options(folded) if proper else lex.common_options(folded)
    printed = lex.score(folded)
    if options:
        best = options[0]
        return best if printed is None or lex.score(best) - printed >= RESTORE_MARGIN else ""
    return "" if printed is not None else None


def _inflected(folded: str, lex: Lexicon, proper: bool) -> str | None:
    """A known word with a noun ending the list lacks: genitive or linking s
    ('valfrihets', 'förtroendevaldas'), plural, definite ('bemanningar', 'äskanden').
    The stem's reading + the ending, sooner than a split ('väl' + 'frihets')."""
    for ending in NOUN_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM:
            stem = _whole_word(folded[:-len(ending)], lex, proper)
            if stem is not None:
                return stem and stem + ending
    return None


def _compound(folded: str, lex: Lexicon) -> str:
    """The restored parts of a compound whose parts are all common enough, or ''."""
    parts = lex.split(folded)
    if parts and all(part_score(lex, p) >= MIN_COMPOUND_PART for p in parts):
        return "".join(parts)
    return ""


def _compound_genitive(folded: str, lex: Lexicon) -> str:
    """A compound in the genitive ('hallbarhetsperspektivens'), when only its stem splits."""
    if not folded.endswith("s") or len(folded) <= MIN_STEM:
        return ""
    stem = _compound(folded[:-1], lex)
    return stem and stem + "s"


def _with_case(token: str, word: str) -> str:
    """Give the restored word the printed word's case: 'Forbattring' -> 'Förbättring'."""
    if token.isupper() and len(token) > 1:
        return word.upper()
    if token[:1].isupper():
        return word[:1].upper() + word[1:]
    return word

