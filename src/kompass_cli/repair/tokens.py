"""Tokens: a piece of the text a fix is shown, and what a fix may ask about its place.

Every fix has one signature, ``fix(token, work) -> str | None``: the token is a word
(or, for a line fix, the mark or the broken word it looks at), and the fix returns what
the token becomes, or None. Most fixes read only ``token.text``, so the engine decides
once per distinct word. A fix that needs the token's place (its neighbours, the text
before it) asks through ``around()`` or ``before()``; the token notes that it was asked,
and the engine then decides that fix at each occurrence instead of once per word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kompass_cli.repair.context import Around
from kompass_cli.repair.lexicon import fold

# A word, with a bracket glued before it where it may stand for l ("[amnas") and a bar
# or bracket glued before "6" or "I6" ("|6sningar", "[6pande", "|I6nesamtal": lö).
TOKEN = re.compile(r"(?:\[(?=[a-z])|[|\[](?=[1I]?6))?[\w&@]+")
# The first word of a line that continues a word broken at a hyphen on the line before.
CONTINUATION = re.compile(r"^([ \t]*)([a-zåäöé]+)(\S*)[ \t]*")
# Conjunctions after a suspended compound ('medborgar- och'): no continuation.
SUSPENDED = {"och", "eller", "samt", "respektive", "som", "till", "resp", "men"}
_LINK_LIKE = re.compile(r"\S*(?:://|www\.|\.html?|@\w+\.)\S*|\S*/\S*/\S*")
_MAY_LINK = re.compile(r"[/@]|www\.|\.htm")  # cheap test before _LINK_LIKE
_SENTENCE_END = re.compile(r"(?:^|[.!?:]\s*)$")
_SENTENCE_MARK = re.compile(r"[.!?:](?=\s|$)")


@dataclass(slots=True, eq=False)
class Token:
    """``text`` as it stands now, at ``start`` of ``line`` (0-based) of ``source``.

    ``source`` is the text's lines as they were tokenised; ``neighbours`` the words of
    the text, this one at ``index``; ``printed`` the word before any fix changed it (set
    for the words of ``words``, the only tokens whose place is asked about). A
    token of a line fix may reach over a line break: its text then holds the break,
    and every piece after the first opens its line.
    """

    text: str
    line: int = 0
    start: int = 0
    source: list[str] = field(repr=False, default_factory=list)
    neighbours: list[Token] = field(repr=False, default_factory=list)
    index: int = 0
    printed: str = ""
    asked: bool = field(repr=False, default=False)

    def around(self) -> Around:
        """The neighbouring words, folded and lower-cased, as they stand now (the words
        before already repaired), with where the sentence starts and ends."""
        self.asked = True

        def word(i: int) -> str:
            words = self.neighbours
            return fold(words[i].text.lower()) if 0 <= i < len(words) else ""

        i = self.index
        return Around(word(i - 1), word(i + 1), word(i - 2), word(i + 2),
                      self.sentence_start, self.sentence_end, self.question)

    def before(self) -> str:
        """The text before the token on its line, as printed."""
        self.asked = True
        return self.source[self.line][:self.start]

    def copy(self) -> Token:
        """The same token at the same place, to try fixes on."""
        return Token(self.text, self.line, self.start, self.source, self.neighbours,
                     self.index, self.printed)

    @property
    def sentence_start(self) -> bool:
        """Does a sentence start here? Asked only for a minimal pair, so worked out lazily."""
        line = self.source[self.line]
        before = line[:self.start].rstrip(" \t\"'”“(-–=•*")
        if before:
            return _SENTENCE_END.search(before) is not None
        previous = self.source[self.line - 1].rstrip() if self.line else ""
        return not previous or previous[-1] in ".!?:"

    @property
    def sentence_end(self) -> bool:
        """Does a sentence end right after this word ('... här.')?"""
        after = self.source[self.line][self.start + len(self.printed):].lstrip("\"'”)")
        return after[:1] in (".", "!", "?", ":") and after[1:2] in ("", " ", "\t")

    @property
    def question(self) -> bool:
        """Does the sentence this word is in end with a question mark on its line?"""
        rest = _SENTENCE_MARK.search(self.source[self.line], self.start + len(self.printed))
        return rest is not None and rest.group(0) == "?"

    @property
    def fragment(self) -> bool:
        """Is this a piece of a word broken at a hyphen ('funk-tionerna', 'ter-' / 'tialet')?"""
        line = self.source[self.line]
        end = self.start + len(self.printed)
        if line[end:end + 1] == "-" or line[self.start - 1:self.start] == "-":
            return True
        previous = self.source[self.line - 1].rstrip() if self.line else ""
        return not line[:self.start].strip() and previous.endswith("-")

    @property
    def broken(self) -> bool:
        """Is this a piece of a word broken at a line's end ('imple-' / 'mentera'), not
        the modifier of a suspended compound ('över- eller', 'medborgar-' / 'och') nor a
        part of a hyphenated compound ('webb-sändningar')?"""
        line = self.source[self.line]
        if line[self.start + len(self.printed):].rstrip() == "-":
            following = self.source[self.line + 1] if self.line + 1 < len(self.source) else ""
            match = CONTINUATION.match(following)
            return bool(match) and match.group(2) not in SUSPENDED
        previous = self.source[self.line - 1].rstrip() if self.line else ""
        return not line[:self.start].strip() and previous.endswith("-")


def words(lines: list[str]) -> list[Token]:
    """Words of the text with their positions; words inside links and addresses are left out."""
    tokens: list[Token] = []
    source = list(lines)  # fixes change ``lines``; sentence starts read the text as it was
    for number, line in enumerate(lines):
        links = [m.span() for m in _LINK_LIKE.finditer(line)] if _MAY_LINK.search(line) else ()
        for match in TOKEN.finditer(line):
            if links and any(a <= match.start() < b for a, b in links):
                continue
            word = match.group(0)
            tokens.append(Token(word, number, match.start(), source, tokens, len(tokens), word))
    return tokens
