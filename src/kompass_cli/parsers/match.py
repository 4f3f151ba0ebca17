"""One matcher for the words a layout looks for, whatever OCR did to them.

Every era exists as scans, so a cue word ('Område', 'Styrkor', 'uppnår kommunen',
'Uppnått Max Procent') may arrive without its diacritics or with the usual scanner
confusions: 'é', '6' or '0' for 'ö'; '&', '@' or '4' for 'ä' and 'å'; '|', 'I', '1' or
'!' for 'l'; 'rn' for 'm'. Two forms of the same tolerance live here, so that all
parsers share one notion of "the same word":

- ``cue`` turns a phrase into a regular expression that matches it in the printed
  text, so a pattern can match the cue and still capture the printed numbers beside it;
- ``key`` turns text into a canonical form for comparing whole words or headings.

Neither is used on numbers: a digit is a letter only where a word is expected.
"""

from __future__ import annotations

import re
import unicodedata

# For å, ä and ö of a cue, what a scanner may print in their place ('Podng' for Poäng).
_MARKED_CLASSES = {"å": "aåäàáâã&@4d", "ä": "aåäàáâã&@4d", "ö": "oöóòôøé60d"}
# For each base letter of a cue, what a scanner may print in its place.
_LETTER_CLASSES = {
    "a": "aåäàáâã&@4",
    "o": "oöóòôøé60",
    "e": "eéèêë",
    "u": "uüúù",
    "i": "iíìîïl|1!",
    "l": "l|I1!í",
    "c": "cç",
    "n": "nñ",
}
_SEQUENCES = {"m": "(?:m|rn)", "w": "(?:w|vv)"}

# What each confusable character stands for in a key (after folding).
_KEY_TABLE = str.maketrans({
    "é": "o", "6": "o", "0": "o", "ø": "o",
    "@": "a", "&": "a", "4": "a",
    "|": "l", "1": "l", "!": "l", "i": "l",
})


def strip_marks(text: str) -> str:
    """Lower-case and drop diacritics: 'Förbättringsområden' -> 'forbattringsomraden'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("ø", "o").replace("æ", "ae").casefold()


def key(text: str) -> str:
    """Canonical form of words for comparison: marks, case and OCR confusions folded.

    'Förbättringsmöjligheter', 'Forbattringsmojligheter' and 'F6rb&ttringsm6j|igheter'
    share one key. Not for numbers: '1' and '0' become letters here.
    """
    folded = strip_marks(text.replace("é", "\x00")).replace("\x00", "é")
    return re.sub(r"rn", "m", folded.translate(_KEY_TABLE))


def cue(phrase: str) -> str:
    """A regular expression matching ``phrase`` as OCR may print it (use with re.I).

    Spaces match any run of white space; a hyphen may be missing, spaced or a dash.
    """
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


def compile_cue(template: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern whose ``{{phrase}}`` parts are matched with ``cue``.

    '^{{Område}}\\s+([1-8])' matches 'Område 3', 'Omrade 3' and '0mr&de 3'.
    """
    source = re.sub(r"\{\{(.+?)\}\}", lambda m: cue(m.group(1)), template)
    return re.compile(source, flags | re.IGNORECASE)


def contains(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text``, compared by ``key``."""
    return key(phrase) in key(text)
