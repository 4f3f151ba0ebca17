"""Evidence: how good a reading of a word is, and which candidate a fix may write.

A fix never changes a word on the strength of a pattern alone. The lexicon decides
(see ``lexicon.py``): a word as printed stands when it reads as a word, and a candidate
is taken only when it reads as one more surely ('6ver' -> 'over', 'kdnnetecknar' ->
'kannetecknar', never 'inlandskommuner' -> 'anlandskommuner'). The shared state of one
repair, ``Work``, keeps these decisions memoised on the lexicon, since they depend only
on the word and the lexicon and later texts reuse them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kompass_cli.repair.lexicon import Lexicon, fold
from kompass_cli.repair.steps import Step

# A restored word must be this much more frequent (centibels: 30 = twice) than the
# printed word when the printed word is itself a real word ('satt' vs 'sätt').
RESTORE_MARGIN = 30
# A compound reading counts as evidence only if its parts are this common.
MIN_COMPOUND_PART = -740
# Endings of Swedish nouns, longest first, split off an unknown word to find a known
# stem ('bemanning' + 'ar'), only when the stem is this long ('ars' is not 'år' + s).
NOUN_ENDINGS = ("arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "ars", "ers",
                "ors", "nas", "ar", "er", "or", "en", "et", "na", "s", "n")
MIN_STEM = 4


@dataclass
class Work:
    """What the fixes of one repair share: the lexicon, memoised decisions, the steps.

    The memos live on the lexicon (``Lexicon.memo``): every decision depends only on
    the word and the lexicon (or, for a minimal pair, its neighbours too), so later
    texts reuse them.
    """

    lex: Lexicon
    steps: list[Step] = field(default_factory=list)
    # The enabled OCR confusion fixes as (name, fix, takes), for the line fixes that ask
    # what they would make of a word (a hyphenated word's two halves joined).
    confusions: tuple = ()
    ranks: dict[tuple[str, bool], int | None] = field(init=False)
    restored: dict[tuple[str, bool], object] = field(init=False)
    plans: dict[tuple, dict[str, tuple]] = field(init=False)
    # A minimal pair's reading per word and neighbours ('det ar en' recurs).
    in_context: dict[tuple, str] = field(init=False)

    def __post_init__(self) -> None:
        memo = self.lex.memo
        self.ranks = memo.setdefault("ranks", {})
        self.restored = memo.setdefault("restored", {})
        self.plans = memo.setdefault("plans", {})
        self.in_context = memo.setdefault("in_context", {})

    def rank(self, folded: str, strict: bool = False) -> int | None:
        """How good a reading a stripped word is: its best score, None if not a word.

        Strict ranking is for words an OCR fix would write: a whole known word or a
        compound of two common parts. Lenient ranking is for words as printed, which
        are left alone whenever any split explains them.
        """
        key = (folded, strict)
        if key not in self.ranks:
            self.ranks[key] = _rank(self.lex, folded, strict)
        return self.ranks[key]

    def whole(self, folded: str) -> bool:
        """Is a stripped word a known word as it stands, or one with a noun ending
        ('lonekriterier' + 'na'), not only a compound of parts?"""
        if self.lex.known(folded) or self.lex.options(folded):
            return True
        return any(folded.endswith(e) and len(folded) - len(e) >= MIN_STEM
                   and (self.lex.known(folded[:-len(e)]) or self.lex.options(folded[:-len(e)]))
                   for e in NOUN_ENDINGS)


def _rank(lex: Lexicon, folded: str, strict: bool) -> int | None:
    scores = [lex.score(w) for w in (folded, *lex.options(folded)) if lex.known(w)]
    if scores:
        return max(scores)
    parts = lex.split(folded)
    if not parts or not all(part_score(lex, p) >= MIN_COMPOUND_PART for p in parts):
        return None
    if strict and not _strong_compound(lex, parts):
        return None
    return min(part_score(lex, p) for p in parts) - 50 * len(parts)


def _strong_compound(lex: Lexicon, parts: tuple[str, ...]) -> bool:
    return len(parts) == 2 and all(len(p) >= 4 and part_score(lex, p) >= MIN_COMPOUND_PART
                                   for p in parts)


def part_score(lex: Lexicon, part: str) -> int:
    """Score of a restored compound part, read as a word, with a linking s or a dropped e/a.

    A productive head ('mässiga', see ``lexicon.SUFFIX_HEADS``) always counts as common.
    """
    stems = [part, part[:-1]] if part.endswith("s") else [part]
    forms = [f + end for f in stems for end in ("", "e", "a")]
    scores = [lex.score(f) for f in forms if lex.known(f)]
    if lex.suffix_head(part):
        scores.append(MIN_COMPOUND_PART)
    return max(scores) if scores else -10_000


def resolving(token: str, candidates, work: Work, suspect: bool = False,
              stands: bool | None = None) -> str | None:
    """The best-ranked candidate that reads as a known word, if the token itself does not.

    Candidates come in groups, fewest edits first; a later group is tried only when no
    candidate of an earlier one reads as a word. A ``suspect`` token (one with a letter
    Swedish rarely has there) must read as a word strictly, not as any split. A token
    that is a known word stands (``stands`` may say so instead), and so does a
    capitalised one that reads as a compound (a name: 'Lindsbergs'); a word in lower case
    that only reads as a compound of its parts stands unless a candidate is a whole known
    word at least RESTORE_MARGIN more frequent ('enkdater' is not 'enk' + 'dater' when
    'enkäter' is a word; 'inlandskommuner' stays).
    """
    folded = fold(token.lower())
    printed = work.rank(folded, strict=suspect)
    if stands is None:
        stands = printed is not None and (work.whole(folded) or token[:1].isupper())
    if stands:
        return None
    for group in candidates:
        group = [c for c in dict.fromkeys(group)
                 if "é" not in c[:-1].lower() or work.lex.known(c.lower())]
        if printed is not None:  # a compound reading gives way only to a whole word
            group = [c for c in group if work.whole(fold(c.lower()))]
        ranked = [(work.rank(fold(c.lower()), strict=True), c) for c in group]
        ranked = [(r, c) for r, c in ranked if r is not None]
        if ranked:
            best = max(ranked)
            if printed is not None and best[0] - printed < RESTORE_MARGIN:
                return None
            return best[1]
    return None
