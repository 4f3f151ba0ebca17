"""Is this text damaged? Decide before repairing, so clean text is never touched.

Swedish running text has å, ä or ö in roughly one word in four. A scan read without
them shows the opposite: few such words, and many words that are not words as printed
but are once their diacritics are restored ('forbattring', 'utvardering'), or that
carry an OCR confusion ('6ver', '&r'). The text is damaged when such evidence is at
least a fifth of all evidence either way; a clean report with one stray
undotted word stays clean.
"""

from __future__ import annotations

import re

from kompass_cli.repair.lexicon import Lexicon, load, strip_diacritics

# Share of damaged-looking words among damaged-looking and diacritic words.
DAMAGE_SHARE = 0.2

_WORD = re.compile(r"[\w&@|\[]+")
_CONFUSION = re.compile(r"^(?:[&@4]r|dn|6\w+|\w+[6&@]\w*|\w*é\w*|[Il16]6n\w*|\w+3)$")
_DIACRITIC = re.compile("[åäöÅÄÖ]")


def looks_damaged(text: str, *, lexicon: Lexicon | None = None) -> bool:
    """True when the text reads like Swedish that lost its diacritics or was misread by OCR."""
    lex = lexicon or load()
    with_diacritics = damaged = 0
    judged: dict[str, bool] = {}  # a report repeats its words: each is judged once
    for word in _WORD.findall(text):
        if _DIACRITIC.search(word):
            with_diacritics += 1
            continue
        verdict = judged.get(word)
        if verdict is None:
            verdict = judged[word] = _is_damaged(word, lex)
        damaged += verdict
    return damaged > 0 and damaged >= DAMAGE_SHARE * (damaged + with_diacritics)


def _is_damaged(word: str, lex: Lexicon) -> bool:
    """A confusion pattern, or a stripped form whose real word is not what is printed."""
    lower = word.lower()
    if _CONFUSION.match(lower) and not lex.known(lower) and not lower.isdigit():
        return True
    if not lower.isalpha() or len(lower) < 3 or word.isupper():
        return False
    best = lex.best(strip_diacritics(lower))
    return best is not None and lower != best and not lex.known(lower)
