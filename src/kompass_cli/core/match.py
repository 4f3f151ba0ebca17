"""One matcher for the words a layout looks for, whatever OCR did to them.

Every era exists as scans, so a cue word ('Område', 'Styrkor', 'uppnår kommunen',
'Uppnått Max Procent') may arrive without its diacritics or with the usual scanner
confusions: 'é', '6' or '0' for 'ö'; '&', '@' or '4' for 'ä' and 'å'; '|', 'I', '1' or
'!' for 'l'; 'rn' for 'm', 'ri' for 'n', 'c' for 'e'; and beyond those, a letter or two
misread, dropped or added. One notion of "the same word" lives here, for all parsers:

- ``cue``/``compile_cue`` turn a phrase into a pattern (``regex`` module, matching with
  errors) that finds it in the printed text, so a pattern can match the cue and still
  capture the printed numbers beside it;
- ``key`` turns text into a canonical form, and ``same`` compares whole headings by the
  edit distance of their keys.

Neither is used on numbers: a digit is a letter only where a word is expected.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import regex
from rapidfuzz.distance import Levenshtein

# For å, ä and ö of a cue, what a scanner may print in their place ('Podng' for Poäng).
_MARKED_CLASSES = {"å": "aåäàáâã&@4d", "ä": "aåäàáâã&@4d", "ö": "oöóòôøé60d"}
# For each base letter of a cue, what a scanner may print in its place.
_LETTER_CLASSES = {
    "a": "aåäàáâã&@4",
    "o": "oöóòôøé60",
    "e": "eéèêëc",
    "u": "uüúù",
    "i": "iíìîïl|1!",
    "l": "l|I1!í",
    "c": "cçe",
    "n": "nñ",
}
# What a misread, dropped or added character may be: never white space or a table
# bar, so that a cue does not reach into the words or columns beside it.
_MISREAD = r"[^\s|\[\]]"
# Letters a scanner prints as two ('rn' for m, 'ri' for n, 'li' for h, 'cl' for d).
_SEQUENCES = {"m": "(?:m|rn|nn)", "w": "(?:w|vv)", "n": "(?:[nñ]|ri)", "h": "(?:h|li)",
              "d": "(?:d|cl)"}

# What each confusable character stands for in a key (after folding).
_KEY_TABLE = str.maketrans({
    "é": "o", "6": "o", "0": "o", "ø": "o",
    "@": "a", "&": "a", "4": "a",
    "|": "l", "1": "l", "!": "l", "i": "l",
})


def _without_marks(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Latin letters with diacritics and their plain forms, for the common case at speed.
_MARKS_TABLE = str.maketrans({chr(code): _without_marks(chr(code))
                              for code in range(0xC0, 0x250)
                              if _without_marks(chr(code)) != chr(code)})


def strip_marks(text: str) -> str:
    """Lower-case and drop diacritics: 'Förbättringsområden' -> 'forbattringsomraden'."""
    plain = text.translate(_MARKS_TABLE)
    if plain.isascii():
        return plain.replace("ø", "o").replace("æ", "ae").casefold()
    decomposed = unicodedata.normalize("NFKD", plain)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("ø", "o").replace("æ", "ae").casefold()


def key(text: str) -> str:
    """Canonical form of words for comparison: marks, case and OCR confusions folded.

    'Förbättringsmöjligheter', 'Forbattringsmojligheter' and 'F6rb&ttringsm6j|igheter'
    share one key. Not for numbers: '1' and '0' become letters here.
    """
    folded = strip_marks(text.replace("é", "\x00")).replace("\x00", "é")
    return folded.translate(_KEY_TABLE).replace("rn", "m")


def allowed_errors(phrase: str) -> int:
    """Misread letters beyond the known confusions a phrase of this length may carry.

    Short words must match (through confusions) exactly: 'Max' is not 'Man'.
    """
    letters = sum(char.isalpha() for char in phrase)
    return 0 if letters <= 3 else 1 if letters <= 6 else 2 if letters <= 12 else \
        3 if letters <= 18 else 4


def cue(phrase: str, fuzzy: bool = True) -> str:
    """A pattern (for ``compile_cue``) matching ``phrase`` as OCR may print it.

    Each letter matches its usual confusions; beyond them, a few letters of each word
    may be misread, dropped or added (``allowed_errors``), as OCR does
    ('Kommurikompasseri'). Words are apart by any run of white space; a hyphen may be
    missing, spaced or a dash. Several phrases separated by '|' match any of them.
    """
    options = []
    for one in phrase.split("|"):
        words = []
        # In a long phrase (an area name) even a short word may carry a misread letter.
        least = 1 if allowed_errors(one) >= 3 else 0
        for word in _words(one):
            errors = max(allowed_errors(word), least) if fuzzy else 0
            exact = _confusable(word)
            words.append(f"(?:{exact}){{e<={errors}:{_MISREAD}}}" if errors else exact)
        options.append(_GAP.join(words))
    return "(?:" + "|".join(options) + ")"


_GAP = r"\s*[-–]?\s*"


def _words(phrase: str) -> list[str]:
    """The words of a phrase, split at spaces and hyphens ('max-poäng': max, poäng)."""
    return [word for word in re.split(r"[\s\-–]+", phrase) if word]


def _chunks(phrase: str) -> list[str]:
    """Pieces of one word of a phrase of which OCR leaves one intact.

    k errors touch at most k of a word's k + 1 pieces, so a line without any of them
    (through confusions) cannot hold the word, nor the phrase: a quick test before
    matching with errors. The word whose shortest piece is longest is used.
    """
    best: list[str] = []
    for word in _words(phrase):
        pieces = allowed_errors(word) + 1
        text = word.casefold()
        cut = [round(len(text) * n / pieces) for n in range(pieces + 1)]
        found = [text[a:b] for a, b in zip(cut, cut[1:])]
        if not best or min(map(len, found)) > min(map(len, best)):
            best = found
    return [_confusable(piece) for piece in best]


def _confusable(phrase: str) -> str:
    parts = []
    for char in re.sub(r"\s*-\s*", "-", phrase.casefold()):
        if char in _MARKED_CLASSES:
            parts.append("[" + re.escape(_MARKED_CLASSES[char] + char.upper()) + "]")
            continue
        char = strip_marks(char) or char
        if char in _SEQUENCES:
            parts.append(_SEQUENCES[char])
        elif char in _LETTER_CLASSES:
            parts.append("[" + re.escape(_LETTER_CLASSES[char] + char.upper()) + "]")
        elif char.isspace():
            parts.append(r"\s+")
        elif char == "-":
            parts.append(r"\s*[-–]?\s*")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


_CUE = re.compile(r"\{\{(.+?)\}\}")
# Lines up to this long may be headings, titles or table rows.
SHORT_LINE = 240


def compile_cue(template: str, prose: bool = False) -> CuePattern:
    """Compile a pattern whose ``{{phrase}}`` parts are matched with ``cue``.

    '^{{Område}}\\s+([1-8])' matches 'Område 3', 'Omrade 3' and '0mr&de 3'. The
    pattern is compiled with the ``regex`` module, which matches with errors. Headings,
    titles and table rows are short lines: a pattern for them (``prose`` False) takes
    errors beyond the confusions only in lines of up to ``SHORT_LINE`` characters.
    """
    fuzzy = _CUE.sub(lambda m: cue(m.group(1)), template)
    exact = _CUE.sub(lambda m: cue(m.group(1), fuzzy=False), template)
    chunks = [chunk for found in _CUE.findall(template) for one in found.split("|")
              for chunk in _chunks(one)]
    flags = regex.IGNORECASE | regex.V0
    quick = re.compile("|".join(chunks), re.IGNORECASE) if chunks else None
    return CuePattern(regex.compile(fuzzy, flags | regex.ENHANCEMATCH),
                      regex.compile(exact, flags), quick, None if prose else SHORT_LINE)


# Lines whose matches each pattern remembers: the layouts try a pattern on the same
# lines when they score the text and again when they read it.
_REMEMBERED = 4096
_UNSEEN = object()
# Raised by ``forget``: a pattern remembers only what it found since.
_since = 0


def forget() -> None:
    """Let every pattern forget what it found: called before each text is read, so
    nothing is kept from one text to the next."""
    global _since
    _since += 1


class CuePattern:
    """A cue pattern: tried through confusions first, with errors only where it may match.

    Matching with errors is slow on long lines; a line that holds none of the
    phrases' pieces (see ``_chunks``) cannot match and is ruled out at once. What
    ``match``, ``search`` and ``finditer`` found on a line is remembered (for the last
    ``_REMEMBERED`` lines and calls).
    """

    def __init__(self, fuzzy: regex.Pattern, exact: regex.Pattern,
                 quick: re.Pattern | None, longest: int | None) -> None:
        self.fuzzy, self.exact, self.quick, self.longest = fuzzy, exact, quick, longest
        # What match, search and finditer found, by line
        self._found: tuple[dict, dict, dict] = ({}, {}, {})
        self._since = _since

    def _may(self, text: str) -> bool:
        return self._short(text) and (self.quick is None or bool(self.quick.search(text)))

    def _short(self, text: str) -> bool:
        return self.longest is None or len(text) <= self.longest

    def _remembered(self, kind: int, text: str, find):
        """``find(text)``, or what it gave when last asked (``kind``: 0 for match, 1
        for search, 2 for finditer) on ``text``."""
        if self._since != _since:
            self._found = ({}, {}, {})
            self._since = _since
        found = self._found[kind]
        answer = found.get(text, _UNSEEN)
        if answer is _UNSEEN:
            if len(found) >= _REMEMBERED:
                found.clear()
            answer = found[text] = find(text)
        return answer

    def match(self, text: str):
        """Anchored at the start, so tried with errors at once (only one place to try)."""
        if self._since == _since:  # the common case, without a call
            answer = self._found[0].get(text, _UNSEEN)
            if answer is not _UNSEEN:
                return answer
        return self._remembered(0, text, self._match)

    def _match(self, text: str):
        return self.exact.match(text) or (self.fuzzy.match(text) if self._short(text) else None)

    def fullmatch(self, text: str):
        return self.exact.fullmatch(text) or (
            self.fuzzy.fullmatch(text) if self._short(text) else None)

    def search(self, text: str):
        return self._remembered(1, text, self._search)

    def _search(self, text: str):
        return self.exact.search(text) or (self.fuzzy.search(text) if self._may(text) else None)

    def in_any(self, lines: list[str]) -> bool:
        """Whether any line holds the pattern: through confusions first, then with errors."""
        return any(self.exact.search(line) for line in lines) or any(
            self.fuzzy.search(line) for line in lines if self._may(line))

    def finditer(self, text: str):
        return iter(self._remembered(2, text, self._finditer))

    def _finditer(self, text: str) -> list:
        return list(self.fuzzy.finditer(text)) if self._may(text) else []


def closest(text: str, phrases) -> str:
    """The phrase ``text`` is nearest to, compared by ``key`` (for a matched cue)."""
    printed = key(text.strip())
    return min(phrases, key=lambda phrase: Levenshtein.distance(printed, key(phrase)))


def same(text: str, phrase: str) -> bool:
    """Whether ``text`` is ``phrase`` as OCR may print it, compared by ``key``."""
    text = text.strip()
    if not len(phrase) / 2 <= len(text) <= longest_same(phrase):
        return False
    wanted, errors = _phrase_key(phrase)
    return Levenshtein.distance(key(text), wanted, score_cutoff=errors + 1) <= errors


def longest_same(phrase: str) -> int:
    """The most characters a text ``same`` as ``phrase`` can have (OCR adds specks)."""
    return int(1.5 * len(phrase) + 3)


@cache
def _phrase_key(phrase: str) -> tuple[str, int]:
    return key(phrase), allowed_errors(phrase)


# How many words of a text's opening are compared with an opening phrase.
_OPENING_WORDS = 4


def opens_with(text: str, phrases) -> bool:
    """Whether ``text`` opens with one of ``phrases`` as whole words, as OCR may print it.

    For the first words of an item ('Béttre rutiner …' opens with 'bättre'), compared by
    ``key`` with a, o and e merged besides: in short words OCR confuses them beyond
    the usual marks ('é' for 'ä'), and an opening is too short to match with errors.
    """
    words = re.findall(r"[a-z]+", _vowel_blind(text[:60]))[:_OPENING_WORDS]
    opening = " ".join(words)
    return any(opening == wanted or opening.startswith(wanted + " ")
               for wanted in _blind_phrases(tuple(phrases)))


def _vowel_blind(text: str) -> str:
    return re.sub(r"[aoe]", "a", key(text))


@cache
def _blind_phrases(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_vowel_blind(phrase) for phrase in phrases)
