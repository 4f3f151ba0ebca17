"""Hyphenation: a word broken at a hyphen over two lines is joined again.

A scan keeps the typesetter's breaks ('Kommun-' / 'kompassen'), and a broken half is
no word, so left alone it would be read as damage. The halves are joined only when the
joined word reads as a word, since a hyphen also ends the modifier of a suspended
compound ('medborgar- och') and a left column of two. The joined word moves onto the
first line and the next line keeps its remainder, so the line count never changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kompass_cli.repair.confusions import confused
from kompass_cli.repair.evidence import MIN_COMPOUND_PART, Work, part_score
from kompass_cli.repair.lexicon import fold
from kompass_cli.repair.tokens import CONTINUATION, SUSPENDED, Token

_HYPHENATED = re.compile(r"(?<![\w/.-])([A-Za-zåäöÅÄÖé]*[a-zåäöé])-[ \t]*$")
# A word broken at a hyphen inside a line, with more text after it: where that text is
# no conjunction of a suspended compound ('medborgar- och'), the line holds two columns
# (or a title and its scores) and the break ends the left one ('le- underskott ska').
_BROKEN_INSIDE = re.compile(r"(?<![\w/.-])([A-Za-zåäöÅÄÖé]*[a-zåäöé])-[ \t]+(?=([^\s&/+,]\S*))")
# A bar or a second bullet after a word: the line holds two columns side by side. A bar
# after a sentence end is a misread capital I ('fall. | Norsjös'), one after a number
# marks a question ('6.2 | Tillvaratas'); neither is a column.
_COLUMN_MARK = re.compile(r"[^\W\d_][,;”\"’)-]?[ \t]+[|=•][ \t]|[^\W\d_][.!?:][ \t]+[=•][ \t]")


def breaks(lines: list[str]) -> Iterator[Token]:
    """Each word broken at a hyphen with the next line's first word, as one token over the
    line break: 'Kommun-\\nkompassen '. Lines are read as the joins before left them.

    On a line of two columns the next line's first word continues the left column, so
    it goes with the word broken inside the line ('ledar- | = Eventuellt ...' + 'skap,
    ...'), never with the one at the line's end, which belongs to the right column. A
    line-end break next to a line marked as two columns (a bar or a second bullet) is
    left alone, and so is a next line that is indented or opens with a conjunction.
    """
    for i in range(len(lines) - 1):
        tail = CONTINUATION.match(lines[i + 1])
        if not tail or tail.group(2) in SUSPENDED or tail.group(1):
            continue
        inside = next((m for m in _BROKEN_INSIDE.finditer(lines[i])
                       if m.group(2).lower() not in SUSPENDED), None)
        if inside:
            head, before = inside, inside.group(1) + "-"
        else:
            head = _HYPHENATED.search(lines[i])
            if not head or _COLUMN_MARK.search(lines[i]) or _COLUMN_MARK.search(lines[i + 1]):
                continue
            before = head.group(0)
        yield Token(before + "\n" + tail.group(0), i, head.start(), lines)


def rejoin_hyphenation(token: Token, work: Work) -> str | None:
    """'Kommun-' + 'kompassen ...' -> 'Kommunkompassen' + '...': only when the joined word
    reads as a word (see ``_joinable``)."""
    first, rest = token.text.split("\n")
    word = first.rstrip(" \t")[:-1]
    tail = CONTINUATION.match(rest)
    if not _joinable(word, tail.group(2), work):
        return None
    return word + tail.group(2) + tail.group(3) + "\n"


def _joinable(first: str, second: str, work: Work) -> bool:
    """Do two pieces of a word broken at a hyphen read as one word?

    As printed, a known word or one with a noun ending ('mät-' + 'ningars'); else the
    OCR fixes that run on every word must make a known word of it ('kdans-' + 'liga' ->
    'kansliga', 'be-' + 'maérkelse' -> 'bemarkelse'), changing only a piece that is no
    word alone (``_damaged``): a piece that reads as words ('in-' + 'synstid': 'syns' +
    'tid') is not taken for damaged just because the joined word is unknown, which
    would make 'insynstad' of 'insynstid'.
    The token fixes then repair the joined word, each by its own step.
    """
    joined = first + second
    folded = fold(joined.lower())
    if work.rank(folded) is not None or work.whole(folded):
        return True
    fixed = confused(joined, work)
    if fixed is None or work.rank(fold(fixed.lower()), strict=True) is None:
        return False
    start = 0
    while start < min(len(joined), len(fixed)) and joined[start] == fixed[start]:
        start += 1
    end = 0
    while end < min(len(joined), len(fixed)) - start and joined[-1 - end] == fixed[-1 - end]:
        end += 1
    touched = [piece for piece, lo, hi in ((first, 0, len(first)),
                                           (second, len(first), len(joined)))
               if start < hi and len(joined) - end > lo]
    return all(_damaged(piece, work) for piece in touched)


def _damaged(piece: str, work: Work) -> bool:
    """Is a piece of a broken word damaged: an é inside that no word has, or no reading at
    all, not even as two common words of three letters or more? A piece is often the
    end of a word, so a short head counts here ('synstid' reads 'syns' + 'tid')."""
    lower = piece.lower()
    if "é" in lower:
        return not work.lex.known(lower)
    folded = fold(lower)
    if work.rank(folded) is not None:
        return False
    return not any(part_score(work.lex, folded[:cut]) >= MIN_COMPOUND_PART and
                   part_score(work.lex, folded[cut:]) >= MIN_COMPOUND_PART
                   for cut in range(3, len(folded) - 2))
