"""OCR confusions: one fix per family of glyph misreadings, and the bar read for I.

A scanner reads ö as '6', ä as '&' or 'd', an l as '[' or a capital I. Each family is
one fix named for what it changes; it writes the stripped letter ('6ver' -> 'over') and
the restoration of ``diacritics.py`` then decides å/ä/ö, so every change is explained
by its own step. A confusion fix only fires when the word as printed is no known word
and the changed word is one (``evidence.resolving``): the pattern alone is no evidence,
since Swedish words hold d, i and I everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kompass_cli.repair.evidence import Work, resolving
from kompass_cli.repair.lexicon import Lexicon, fold
from kompass_cli.repair.tokens import TOKEN, Token

# A word an OCR fix gets by leaving a stray letter out must be this common (centibels:
# once in 100,000 words), since a letter left out anywhere finds some rare word.
MIN_STRAY_RESULT = -500
# The characters some confusion fix reads: a word without one is left to restoration.
_SUSPECT = re.compile(r"[\d&@é\[]|d|i|^I", re.IGNORECASE)
# Fixes that read an ordinary letter as another (d or i for a vowel, a stray d or i, I
# for l, a letter pair for one vowel): their only evidence is that the word as printed is
# no word, which a piece of a word broken at a line's end never is. A digit, symbol,
# bracket or é inside is evidence of its own, so those fixes still run on such a piece,
# and so does a letter pair with an é in it ('forsoér-').
LETTER_FIXES = frozenset({"letter_d_for_vowel", "letter_i_for_a", "two_letters_for_vowel",
                          "stray_letter", "capital_i_for_l"})
# No stray letter is left out of any piece of a hyphenated word ('ter-' / 'tialet').
STRAY = frozenset({"stray_letter"})


def confusable(word: str) -> bool:
    """Does a word hold a character some confusion fix reads? Words in capitals are
    acronyms and codes, never read as confusions."""
    return _SUSPECT.search(word) is not None and not word.isupper()


def confused(word: str, work: Work) -> str | None:
    """What the enabled confusion fixes, in order, make of a word (None: nothing), for a
    line fix that asks whether a damaged word is behind what it sees."""
    token = Token(word)
    for _, fix, takes in work.confusions:
        if takes(token.text):
            new = fix(token, work)
            if new is not None and new != token.text:
                token.text = new
    return None if token.text == word else token.text


def _substitutions(token: str, pattern: str, choices, flags=0) -> list[list[str]]:
    """Two groups: one match of ``pattern`` replaced by each choice; every match replaced."""
    matches = list(re.finditer(pattern, token, flags))
    single = [token[:m.start()] + c + token[m.end():] for m in matches for c in choices]
    every = [re.sub(pattern, c, token, flags=flags) for c in choices] if len(matches) > 1 else []
    return [single, every]


_PAIRS = r"oé|éo|aé|éa|dé|éd|od|d&|&d|da|id(?=\w)"


def two_letters_for_vowel(token: Token, work: Work) -> str | None:
    """'forsoérjning' -> 'forsorjning', 'bemodtande' -> 'bemotande', 'hdamtas' -> 'hamtas',
    'Tydliggdér' -> 'Tydliggor', 'tillgidnglighet' -> 'tillganglighet'."""
    word = token.text
    if not re.search(_PAIRS, word, re.IGNORECASE) or len(word) < 4:
        return None
    return resolving(word, _substitutions(word, _PAIRS, "ao", re.IGNORECASE), work)


def digit_for_vowel(token: Token, work: Work) -> str | None:
    """'6ver' -> 'over', '16n' -> 'lon', 'I6nerevision' -> 'lonerevision', 'Mal3' -> 'Mala'.

    A bar or bracket is an l as much as 1 or I is ('[6pande', '|6sningar'), or a stray
    mark before one ('|I6nesamtal'); '6é' is one ö read twice ('6éver').
    """
    word = token.text
    if not re.search(r"\d", word) or not re.search(r"[^\W\d]", word):
        return None
    groups = (_substitutions(word, r"[|\[]?[1I]6|[|\[]6", ["lo"]) + _substitutions(word, "6é", "o")
              + _substitutions(word, r"6", "o")
              + _substitutions(word, r"4(?=[a-z])", "a") + _substitutions(word, r"(?<=[a-z])3$", "a"))
    return resolving(word, [[c for c in g if not re.search(r"\d", c)] for g in groups], work)


def symbol_for_vowel(token: Token, work: Work) -> str | None:
    """'&r' -> 'ar', '@r' -> 'ar', 'b&ttre' -> 'battre': & and @ where a vowel belongs."""
    word = token.text
    if not re.search(r"[&@]", word):
        return None
    return resolving(word, _substitutions(word, r"[&@]", "ao"), work)


def acute_e_for_vowel(token: Token, work: Work) -> str | None:
    """'férbattring' -> 'forbattring', 'rér' -> 'ror', 'Béttre' -> 'Battre'; 'Café' stays.

    Swedish has é in a few loanwords, nearly always last ('idé', 'armé'); inside an
    unknown word it is a misread vowel even when the word splits into short parts
    ('férbattringsomraden' is not 'fer' + 'batt' + 'rings' + 'områden').
    """
    word = token.text
    lower = word.lower()
    if "é" not in lower:
        return None
    # é inside a word: the word stands only as itself ('idéer', 'Alléhallens'), not by
    # its e-reading ('rér' is not the rare 'rer' when 'rör' is common; 'Béttre').
    stands = work.lex.known(lower) if "é" in lower[:-1] else None
    return resolving(word, _substitutions(word, "é", "oa", re.IGNORECASE), work,
                      suspect=True, stands=stands)


_D_PAIRS = r"dé|éd|od|d&|da"
_SHORT = {"dn": "an", "ir": "ar", "dr": "ar", "Dn": "An", "Ir": "Ar"}


def letter_d_for_vowel(token: Token, work: Work) -> str | None:
    """'kdnnetecknar' -> 'kannetecknar', 'Luled' -> 'Lulea', 'dn' -> 'an'."""
    word = token.text
    if word in _SHORT and word.startswith(("d", "D")):
        return _SHORT[word]
    if "d" not in word or len(word) < 4:
        return None
    groups = _substitutions(word, "d", "ao")
    # A d beside a vowel may be half of that vowel read as two glyphs; both readings
    # compete, and when the pair reading wins, two_letters_for_vowel makes it: 'daven'
    # is 'även' ('da' for ä), not the rare 'oäven' (d for o).
    pairs = _substitutions(word, _D_PAIRS, "ao", re.IGNORECASE)[0]
    found = resolving(word, [groups[0] + pairs, groups[1]], work)
    return None if found in pairs else found


def letter_i_for_a(token: Token, work: Work) -> str | None:
    """'Tillginglighet' -> 'Tillganglighet', 'anvinds' -> 'anvands', 'ir' -> 'ar'."""
    word = token.text
    if word in _SHORT and word.startswith(("i", "I")):
        return _SHORT[word]
    if "i" not in word or len(word) < 4:
        return None
    return resolving(word, _substitutions(word, r"i(?=\w)", "a"), work)


def stray_letter(token: Token, work: Work) -> str | None:
    """'kommundovergripande' -> 'kommunovergripande', 'framijas' -> 'framjas': a d or i
    between two lower-case letters that is a stray mark. The loosest edit, so the word
    without it must be common (MIN_STRAY_RESULT): 'tradi' is no 'trai', 'avdel' no 'avel'.
    """
    word = token.text
    lex = work.lex
    folded = fold(word.lower())
    if lex.known(folded) or lex.options(folded):
        return None
    candidates = [word[:i] + word[i + 1:] for i in range(1, len(word) - 1)
                  if word[i] in "di" and word[i - 1].islower() and word[i + 1].islower()]
    common = [c for c in candidates if _common_word(lex, fold(c.lower()))]
    return resolving(word, [common], work) if common else None


def _common_word(lex: Lexicon, folded: str) -> bool:
    """Is a stripped word, as it stands or in a reading, a word of MIN_STRAY_RESULT or more?"""
    return any(lex.score(w) >= MIN_STRAY_RESULT for w in (folded, *lex.options(folded))
               if lex.known(w))


def capital_i_for_l(token: Token, work: Work) -> str | None:
    """'Ionekriterier' -> 'lonekriterier': a capital I read for a lower-case l."""
    word = token.text
    if not re.match(r"I[a-zé]", word):
        return None
    # The capital is the suspect letter, so a compound reading does not make the word a
    # name ('Ione' + 'kriterier'); only a whole known word stands.
    folded = fold(word.lower())
    stands = work.rank(folded) is not None and work.whole(folded)
    return resolving(word, [["l" + word[1:]]], work, stands=stands)


def bracket_for_l(token: Token, work: Work) -> str | None:
    """'[amnas' -> 'lamnas': a bracket read for an l at the start of a word."""
    word = token.text
    if not word.startswith("["):
        return None
    return resolving(word, [["l" + word[1:]]], work)


_PIPE = re.compile(r"(?:^|(?<=[.!?:] ))\|(?= [A-Za-zÅÄÖåäö])")
# Words after a bar that is a table's rule, not an I ('| max 20 poäng').
_AFTER_RULE = {"max", "procent", "uppnatt"}


def bars(lines: list[str]) -> Iterator[Token]:
    """Each bar alone where a sentence starts, last on its line first."""
    for i, line in enumerate(lines):
        for match in reversed(list(_PIPE.finditer(line))):
            yield Token("|", i, match.start(), lines)


def pipe_to_capital_i(token: Token, work: Work) -> str | None:
    """'| kommunen finns' -> 'I kommunen finns': a bar alone where a sentence starts."""
    after = TOKEN.search(token.source[token.line], token.start + 1)
    return None if after and after.group(0).lower() in _AFTER_RULE else "I"
