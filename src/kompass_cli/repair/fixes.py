"""Every repair is a small function named for what it changes, registered in ``FIXES``.

Line fixes see the whole text as lines; token fixes see one word at a time and return
the new word or None. A token fix from an OCR confusion family only fires when the
word as printed is not a known word and the changed word is one (the lexicon decides,
see ``lexicon.py``): '6ver' -> 'over', 'kdnnetecknar' -> 'kannetecknar'. The letters
it writes are the stripped ones; ``restore_diacritics`` runs last and puts back å, ä,
ö from frequency, the domain vocabulary and context ('over' -> 'över'). Each change
is one ``Step``; the name of the fix labels it, and the same name switches it off.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kompass_cli.repair.context import Around, choose, contenders
from kompass_cli.repair.rules import rule_for
from kompass_cli.repair.lexicon import DOMAIN_PREFERENCE, Lexicon, has_diacritic, strip_diacritics
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
# A word an OCR fix gets by leaving a stray letter out must be this common (centibels:
# once in 100,000 words), since a letter left out anywhere finds some rare word.
MIN_STRAY_RESULT = -500

# A word, with a bracket glued before it where it may stand for l ("[amnas") and a bar
# or bracket glued before "6" or "I6" ("|6sningar", "[6pande", "|I6nesamtal": lö).
TOKEN = re.compile(r"(?:\[(?=[a-z])|[|\[](?=[1I]?6))?[\w&@]+")
_LINK_LIKE = re.compile(r"\S*(?:://|www\.|\.html?|@\w+\.)\S*|\S*/\S*/\S*")
_MAY_LINK = re.compile(r"[/@]|www\.|\.htm")  # cheap test before _LINK_LIKE
_SENTENCE_END = re.compile(r"(?:^|[.!?:]\s*)$")
_SENTENCE_MARK = re.compile(r"[.!?:](?=\s|$)")
_CONTEXT = object()


@dataclass(slots=True)
class Token:
    """A word and where it starts; ``source`` is the line as tokenised, for ``sentence_start``."""

    line: int
    start: int
    text: str
    source: list[str] = field(repr=False, default_factory=list)

    @property
    def sentence_start(self) -> bool:
        """Does a sentence start here? Asked only by the context rules, so worked out lazily."""
        line = self.source[self.line]
        before = line[:self.start].rstrip(" \t\"'”“(-–=•*")
        if before:
            return _SENTENCE_END.search(before) is not None
        return _line_ends_sentence(self.source, self.line)

    @property
    def sentence_end(self) -> bool:
        """Does a sentence end right after this word ('... här.')?"""
        after = self.source[self.line][self.start + len(self.text):].lstrip("\"'”)")
        return after[:1] in (".", "!", "?", ":") and after[1:2] in ("", " ", "\t")

    @property
    def question(self) -> bool:
        """Does the sentence this word is in end with a question mark on its line?"""
        rest = _SENTENCE_MARK.search(self.source[self.line], self.start + len(self.text))
        return rest is not None and rest.group(0) == "?"

    @property
    def fragment(self) -> bool:
        """Is this a piece of a word broken at a hyphen ('funk-tionerna', 'ter-' / 'tialet')?"""
        line = self.source[self.line]
        end = self.start + len(self.text)
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
        if line[self.start + len(self.text):].rstrip() == "-":
            following = self.source[self.line + 1] if self.line + 1 < len(self.source) else ""
            match = _CONTINUATION.match(following)
            return bool(match) and match.group(2) not in _SUSPENDED
        previous = self.source[self.line - 1].rstrip() if self.line else ""
        return not line[:self.start].strip() and previous.endswith("-")


@dataclass
class Work:
    """What the fixes share: the lexicon, memoised decisions, the steps so far.

    The memos live on the lexicon (``Lexicon.memo``): every decision depends only on
    the word and the lexicon, so later texts reuse them.
    """

    lex: Lexicon
    steps: list[Step] = field(default_factory=list)
    # The enabled token fixes, for the line fixes that ask what they would make of a word.
    token_fixes: tuple = ()
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

    def restoration(self, token: str):
        """The memoised restoration of a printed word (see ``_restoration``)."""
        key = (token.lower(), token[:1].isupper())
        choice = self.restored.get(key)
        if choice is None:
            choice = self.restored[key] = _restoration(key[0], self.lex, key[1])
        return choice


def _rank(lex: Lexicon, folded: str, strict: bool) -> int | None:
    scores = [lex.score(w) for w in (folded, *lex.options(folded)) if lex.known(w)]
    if scores:
        return max(scores)
    parts = lex.split(folded)
    if not parts or not all(_part_score(lex, p) >= MIN_COMPOUND_PART for p in parts):
        return None
    if strict and not _strong_compound(lex, parts):
        return None
    return min(_part_score(lex, p) for p in parts) - 50 * len(parts)


def _strong_compound(lex: Lexicon, parts: tuple[str, ...]) -> bool:
    return len(parts) == 2 and all(len(p) >= 4 and _part_score(lex, p) >= MIN_COMPOUND_PART
                                   for p in parts)


def _part_score(lex: Lexicon, part: str) -> int:
    """Score of a restored compound part, read as a word, with a linking s or a dropped e/a.

    A productive head ('mässiga', see ``lexicon.SUFFIX_HEADS``) always counts as common.
    """
    stems = [part, part[:-1]] if part.endswith("s") else [part]
    forms = [f + end for f in stems for end in ("", "e", "a")]
    scores = [lex.score(f) for f in forms if lex.known(f)]
    if lex.suffix_head(part):
        scores.append(MIN_COMPOUND_PART)
    return max(scores) if scores else -10_000


# ---------------------------------------------------------------- line fixes

_HYPHENATED = re.compile(r"(?<![\w/.-])([A-Za-zåäöÅÄÖé]*[a-zåäöé])-[ \t]*$")
# A word broken at a hyphen inside a line, with more text after it: where that text is
# no conjunction of a suspended compound ('medborgar- och'), the line holds two columns
# (or a title and its scores) and the break ends the left one ('le- underskott ska').
_BROKEN_INSIDE = re.compile(r"(?<![\w/.-])([A-Za-zåäöÅÄÖé]*[a-zåäöé])-[ \t]+(?=([^\s&/+,]\S*))")
_CONTINUATION = re.compile(r"^([ \t]*)([a-zåäöé]+)(\S*)[ \t]*")
_SUSPENDED = {"och", "eller", "samt", "respektive", "som", "till", "resp", "men"}
# A bar or a second bullet after a word: the line holds two columns side by side. A bar
# after a sentence end is a misread capital I ('fall. | Norsjös'), one after a number
# marks a question ('6.2 | Tillvaratas'); neither is a column.
_COLUMN_MARK = re.compile(r"[^\W\d_][,;”\"’)-]?[ \t]+[|=•][ \t]|[^\W\d_][.!?:][ \t]+[=•][ \t]")


def rejoin_hyphenation(lines: list[str], work: Work) -> None:
    """'Kommun-' + 'kompassen ...' -> 'Kommunkompassen' + '...': only when the joined word
    reads as a word (see ``_joinable``).

    The joined word moves onto the first line; the continuation line keeps its
    remainder, so the line count never changes. 'medborgar- och' is left alone.

    On a line of two columns the next line's first word continues the left column, so
    it joins the word broken inside the line ('ledar- | = Eventuellt ...' + 'skap, ...'),
    never the one at the line's end, which belongs to the right column. A line-end break
    next to a line marked as two columns (a bar or a second bullet) is left alone.
    """
    for i in range(len(lines) - 1):
        tail = _CONTINUATION.match(lines[i + 1])
        if not tail or tail.group(2) in _SUSPENDED or tail.group(1):
            continue
        inside = next((m for m in _BROKEN_INSIDE.finditer(lines[i])
                       if m.group(2).lower() not in _SUSPENDED), None)
        if inside:
            head, before = inside, inside.group(1) + "-"
        else:
            head = _HYPHENATED.search(lines[i])
            if not head or _COLUMN_MARK.search(lines[i]) or _COLUMN_MARK.search(lines[i + 1]):
                continue
            before = head.group(0)
        if not _joinable(head.group(1), tail.group(2), work):
            continue
        _record(lines, work, "rejoin_hyphenation", i, head.start(), before,
                head.group(1) + tail.group(2) + tail.group(3))
        _record(lines, work, "rejoin_hyphenation", i + 1, 0, tail.group(0), "")


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
    folded = strip_diacritics(joined.lower())
    if work.rank(folded) is not None or work.whole(folded):
        return True
    plan = _token_plan(joined, work, work.token_fixes, False)
    if not plan:
        return False
    fixed = plan[-1][1]
    if work.rank(strip_diacritics(fixed.lower()), strict=True) is None:
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
    folded = strip_diacritics(lower)
    if work.rank(folded) is not None:
        return False
    return not any(_part_score(work.lex, folded[:cut]) >= MIN_COMPOUND_PART and
                   _part_score(work.lex, folded[cut:]) >= MIN_COMPOUND_PART
                   for cut in range(3, len(folded) - 2))


_PIPE = re.compile(r"(?:^|(?<=[.!?:] ))\|(?= [A-Za-zÅÄÖåäö])")


def pipe_to_capital_i(lines: list[str], work: Work) -> None:
    """'| kommunen finns' -> 'I kommunen finns': a bar alone where a sentence starts."""
    for i, line in enumerate(lines):
        for match in reversed(list(_PIPE.finditer(line))):
            if _word_after(line, match.end()).lower() not in {"max", "procent", "uppnatt"}:
                _record(lines, work, "pipe_to_capital_i", i, match.start(), "|", "I")


def _word_after(line: str, end: int) -> str:
    match = TOKEN.search(line, end)
    return match.group(0) if match else ""


def _record(lines: list[str], work: Work, fix: str, index: int, column: int, before: str,
            after: str) -> None:
    line = lines[index]
    lines[index] = line[:column] + after + line[column + len(before):]
    work.steps.append(Step(fix, index + 1, before, after, column))


# ---------------------------------------------------------------- token fixes

def _resolving(token: str, candidates, work: Work, suspect: bool = False,
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
    folded = strip_diacritics(token.lower())
    printed = work.rank(folded, strict=suspect)
    if stands is None:
        stands = printed is not None and (work.whole(folded) or token[:1].isupper())
    if stands:
        return None
    for group in candidates:
        group = [c for c in dict.fromkeys(group)
                 if "é" not in c[:-1].lower() or work.lex.known(c.lower())]
        if printed is not None:  # a compound reading gives way only to a whole word
            group = [c for c in group if work.whole(strip_diacritics(c.lower()))]
        ranked = [(work.rank(strip_diacritics(c.lower()), strict=True), c) for c in group]
        ranked = [(r, c) for r, c in ranked if r is not None]
        if ranked:
            best = max(ranked)
            if printed is not None and best[0] - printed < RESTORE_MARGIN:
                return None
            return best[1]
    return None


def _substitutions(token: str, pattern: str, choices, flags=0) -> list[list[str]]:
    """Two groups: one match of ``pattern`` replaced by each choice; every match replaced."""
    matches = list(re.finditer(pattern, token, flags))
    single = [token[:m.start()] + c + token[m.end():] for m in matches for c in choices]
    every = [re.sub(pattern, c, token, flags=flags) for c in choices] if len(matches) > 1 else []
    return [single, every]




_PAIRS = r"oé|éo|aé|éa|dé|éd|od|d&|&d|da|id(?=\w)"


def two_letters_for_vowel(token: str, work: Work) -> str | None:
    """'forsoérjning' -> 'forsorjning', 'bemodtande' -> 'bemotande', 'hdamtas' -> 'hamtas',
    'Tydliggdér' -> 'Tydliggor', 'tillgidnglighet' -> 'tillganglighet'."""
    if not re.search(_PAIRS, token, re.IGNORECASE) or len(token) < 4:
        return None
    return _resolving(token, _substitutions(token, _PAIRS, "ao", re.IGNORECASE), work)


def digit_for_vowel(token: str, work: Work) -> str | None:
    """'6ver' -> 'over', '16n' -> 'lon', 'I6nerevision' -> 'lonerevision', 'Mal3' -> 'Mala'.

    A bar or bracket is an l as much as 1 or I is ('[6pande', '|6sningar'), or a stray
    mark before one ('|I6nesamtal'); '6é' is one ö read twice ('6éver').
    """
    if not re.search(r"\d", token) or not re.search(r"[^\W\d]", token):
        return None
    groups = (_substitutions(token, r"[|\[]?[1I]6|[|\[]6", ["lo"]) + _substitutions(token, "6é", "o")
              + _substitutions(token, r"6", "o")
              + _substitutions(token, r"4(?=[a-z])", "a") + _substitutions(token, r"(?<=[a-z])3$", "a"))
    return _resolving(token, [[c for c in g if not re.search(r"\d", c)] for g in groups], work)


def symbol_for_vowel(token: str, work: Work) -> str | None:
    """'&r' -> 'ar', '@r' -> 'ar', 'b&ttre' -> 'battre': & and @ where a vowel belongs."""
    if not re.search(r"[&@]", token):
        return None
    return _resolving(token, _substitutions(token, r"[&@]", "ao"), work)


def acute_e_for_vowel(token: str, work: Work) -> str | None:
    """'férbattring' -> 'forbattring', 'rér' -> 'ror', 'Béttre' -> 'Battre'; 'Café' stays.

    Swedish has é in a few loanwords, nearly always last ('idé', 'armé'); inside an
    unknown word it is a misread vowel even when the word splits into short parts
    ('férbattringsomraden' is not 'fer' + 'batt' + 'rings' + 'områden').
    """
    lower = token.lower()
    if "é" not in lower:
        return None
    # é inside a word: the word stands only as itself ('idéer', 'Alléhallens'), not by
    # its e-reading ('rér' is not the rare 'rer' when 'rör' is common; 'Béttre').
    stands = work.lex.known(lower) if "é" in lower[:-1] else None
    return _resolving(token, _substitutions(token, "é", "oa", re.IGNORECASE), work,
                      suspect=True, stands=stands)


_D_PAIRS = r"dé|éd|od|d&|da"
_SHORT = {"dn": "an", "ir": "ar", "dr": "ar", "Dn": "An", "Ir": "Ar"}


def letter_d_for_vowel(token: str, work: Work) -> str | None:
    """'kdnnetecknar' -> 'kannetecknar', 'Luled' -> 'Lulea', 'dn' -> 'an'."""
    if token in _SHORT and token.startswith(("d", "D")):
        return _SHORT[token]
    if "d" not in token or len(token) < 4:
        return None
    groups = _substitutions(token, "d", "ao")
    # A d beside a vowel may be half of that vowel read as two glyphs; both readings
    # compete, and when the pair reading wins, two_letters_for_vowel makes it: 'daven'
    # is 'även' ('da' for ä), not the rare 'oäven' (d for o).
    pairs = _substitutions(token, _D_PAIRS, "ao", re.IGNORECASE)[0]
    found = _resolving(token, [groups[0] + pairs, groups[1]], work)
    return None if found in pairs else found


def letter_i_for_a(token: str, work: Work) -> str | None:
    """'Tillginglighet' -> 'Tillganglighet', 'anvinds' -> 'anvands', 'ir' -> 'ar'."""
    if token in _SHORT and token.startswith(("i", "I")):
        return _SHORT[token]
    if "i" not in token or len(token) < 4:
        return None
    return _resolving(token, _substitutions(token, r"i(?=\w)", "a"), work)


def stray_letter(token: str, work: Work) -> str | None:
    """'kommundovergripande' -> 'kommunovergripande', 'framijas' -> 'framjas': a d or i
    between two lower-case letters that is a stray mark. The loosest edit, so the word
    without it must be common (MIN_STRAY_RESULT): 'tradi' is no 'trai', 'avdel' no 'avel'.
    """
    lex = work.lex
    folded = strip_diacritics(token.lower())
    if lex.known(folded) or lex.options(folded):
        return None
    candidates = [token[:i] + token[i + 1:] for i in range(1, len(token) - 1)
                  if token[i] in "di" and token[i - 1].islower() and token[i + 1].islower()]
    common = [c for c in candidates if _common_word(lex, strip_diacritics(c.lower()))]
    return _resolving(token, [common], work) if common else None


def _common_word(lex: Lexicon, folded: str) -> bool:
    """Is a stripped word, as it stands or in a reading, a word of MIN_STRAY_RESULT or more?"""
    return any(lex.score(w) >= MIN_STRAY_RESULT for w in (folded, *lex.options(folded))
               if lex.known(w))


def capital_i_for_l(token: str, work: Work) -> str | None:
    """'Ionekriterier' -> 'lonekriterier': a capital I read for a lower-case l."""
    if not re.match(r"I[a-zé]", token):
        return None
    # The capital is the suspect letter, so a compound reading does not make the word a
    # name ('Ione' + 'kriterier'); only a whole known word stands.
    folded = strip_diacritics(token.lower())
    stands = work.rank(folded) is not None and work.whole(folded)
    return _resolving(token, [["l" + token[1:]]], work, stands=stands)


def bracket_for_l(token: str, work: Work) -> str | None:
    """'[amnas' -> 'lamnas': a bracket read for an l at the start of a word."""
    if not token.startswith("["):
        return None
    return _resolving(token, [["l" + token[1:]]], work)


def restore_diacritics(token: str, work: Work, around: Callable[[], Around]) -> str | None:
    """'forbattringsomraden' -> 'förbättringsområden', from frequency, vocabulary, context.

    ``around`` gives the neighbouring words; it is called only for a minimal pair.
    """
    choice = work.restoration(token)
    if choice is _CONTEXT:
        found = around()
        key = (token.lower(), token[:1].isupper(), found)
        choice = work.in_context.get(key)
        if choice is None:
            choice = work.in_context[key] = _in_context(*key, work.lex)
    return _restored(token, choice)


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


# Function words that begin with å, ä or ö. Printed with a capital A or O in mid-sentence
# ('Se Over rekryteringspolicyns') the capital is a misread lower-case letter: a
# preposition, adverb or copula is never a name, so the restored word is lower-cased.
LOWER_FUNCTION_WORDS = frozenset({"över", "även", "ännu", "ändå", "åt", "är", "än", "åter"})
_MID_SENTENCE = object()


def capital_for_lower_vowel(token: Token) -> str | None:
    """'Över' -> 'över' in mid-sentence (see LOWER_FUNCTION_WORDS): right after a word or
    a comma on the same line. A word first on its line may follow a heading that has no
    full stop, and one after a bar or a quote may open a table cell or a title, so
    they keep their capital."""
    before = token.source[token.line][:token.start].rstrip()
    if token.text.lower() not in LOWER_FUNCTION_WORDS or not before or \
            not (before[-1].isalpha() or before[-1] == ","):
        return None
    return token.text.lower()


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
    if parts and all(_part_score(lex, p) >= MIN_COMPOUND_PART for p in parts):
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


LineFix = Callable[[list[str], Work], None]
TokenFix = Callable[[str, Work], str | None]

LINE_FIXES: dict[str, LineFix] = {
    "rejoin_hyphenation": rejoin_hyphenation,
    "pipe_to_capital_i": pipe_to_capital_i,
}
TOKEN_FIXES: dict[str, TokenFix] = {
    "digit_for_vowel": digit_for_vowel,
    "symbol_for_vowel": symbol_for_vowel,
    "acute_e_for_vowel": acute_e_for_vowel,
    "letter_d_for_vowel": letter_d_for_vowel,
    "letter_i_for_a": letter_i_for_a,
    "two_letters_for_vowel": two_letters_for_vowel,
    "stray_letter": stray_letter,
    "capital_i_for_l": capital_i_for_l,
    "bracket_for_l": bracket_for_l,
}
FIXES: dict[str, Callable] = {**LINE_FIXES, **TOKEN_FIXES,
                              "restore_diacritics": restore_diacritics,
                              "capital_for_lower_vowel": capital_for_lower_vowel}

_SUSPECT = re.compile(r"[\d&@é\[]|d|i|^I", re.IGNORECASE)


def apply_fixes(text: str, lex: Lexicon, disabled: frozenset[str] = frozenset()) -> tuple[str, list[Step]]:
    """Run every enabled fix in registry order; the line count never changes."""
    token_fixes = tuple((n, f) for n, f in TOKEN_FIXES.items() if n not in disabled)
    work = Work(lex, token_fixes=token_fixes)
    lines = text.split("\n")
    for name, fix in LINE_FIXES.items():
        if name not in disabled:
            fix(lines, work)
    tokens = _tokens(lines)
    restore = "restore_diacritics" not in disabled
    lower = restore and "capital_for_lower_vowel" not in disabled
    plans = work.plans.setdefault((tuple(n for n, _ in token_fixes), restore, lower), {})
    shift: dict[int, int] = {}
    for index, token in enumerate(tokens):
        plan = plans.get(token.text)
        if plan is None:
            plan = plans[token.text] = _plan(token.text, work, token_fixes, restore, lower)
        if plan and any(name in LETTER_FIXES for name, _ in plan):
            left_out = LETTER_FIXES if token.broken else \
                STRAY if token.fragment and any(n == "stray_letter" for n, _ in plan) else None
            if left_out:
                plan = _fragment_plan(token.text, work, token_fixes, restore, lower, left_out)
        if plan:
            _fix_token(lines, work, tokens, index, plan, shift)
    return "\n".join(lines), work.steps


# Fixes that read an ordinary letter as another (d or i for a vowel, a stray d or i, I
# for l, a letter pair for one vowel): their only evidence is that the word as printed is
# no word, which a piece of a word broken at a line's end never is. A digit, symbol,
# bracket or é inside is evidence of its own, so those fixes still run on such a piece,
# and so does a letter pair with an é in it ('forsoér-').
LETTER_FIXES = frozenset({"letter_d_for_vowel", "letter_i_for_a", "two_letters_for_vowel",
                          "stray_letter", "capital_i_for_l"})
STRAY = frozenset({"stray_letter"})


def _fragment_plan(text: str, work: Work, token_fixes, restore: bool, lower: bool,
                   left_out: frozenset[str]):
    """The plan of a piece of a word without the fixes ``left_out``: no stray letter is
    left out of any piece of a hyphenated word ('tialet' of 'ter-tialet', 'funk-tionerna'),
    and no letter fix reads a piece broken at a line's end ('imple-' of 'implementera'
    is no 'ample'; see LETTER_FIXES)."""
    plans = work.lex.memo.setdefault("fragment_plans", {})
    key = (text, tuple(n for n, _ in token_fixes), restore, lower, left_out)
    if key not in plans:
        keep = tuple(f for f in token_fixes if f[0] not in left_out or
                     (f[0] == "two_letters_for_vowel" and "é" in text.lower()))
        plans[key] = _plan(text, work, keep, restore, lower)
    return plans[key]


def _plan(text: str, work: Work, token_fixes, restore: bool,
          lower: bool = False) -> tuple[tuple[str, object], ...]:
    """What happens to a printed word whatever its neighbours, memoised per word: the
    fixes that change it, in order, each with its result; a minimal pair's restoration
    is _CONTEXT, for the context rules to decide at each occurrence, and a capital A or
    O that may be a misread lower-case letter is _MID_SENTENCE (see
    ``capital_for_lower_vowel``)."""
    plan = _token_plan(text, work, token_fixes, restore)
    if lower and plan and plan[-1][0] == "restore_diacritics" and text[:1] in "AO" and \
            text[1:].islower() and (plan[-1][1] is _CONTEXT or
                                    plan[-1][1].lower() in LOWER_FUNCTION_WORDS):
        plan += (("capital_for_lower_vowel", _MID_SENTENCE),)
    return plan


def _token_plan(text: str, work: Work, token_fixes, restore: bool):
    changes: list[tuple[str, object]] = []
    if _SUSPECT.search(text) and not text.isupper():
        for name, fix in token_fixes:
            new = fix(text, work)
            if new is not None and new != text:
                changes.append((name, new))
                text = new
    if restore and text.isalpha() and not (text.isupper() and len(text) < 5):
        choice = work.restoration(text)
        new = _CONTEXT if choice is _CONTEXT else _restored(text, choice)
        if new is not None:
            changes.append(("restore_diacritics", new))
    return tuple(changes)


def _fix_token(lines, work, tokens, index, plan, shift) -> None:
    """Make the planned changes to one word and record each; context decides a minimal pair."""
    token = tokens[index]
    text, column = token.text, token.start + shift.get(token.line, 0)
    for name, new in plan:
        if new is _CONTEXT:
            new = restore_diacritics(text, work, lambda: _around(tokens, index, token))
            if new is None:
                continue
        elif new is _MID_SENTENCE:
            new = capital_for_lower_vowel(Token(token.line, token.start, text, token.source))
            if new is None:
                continue
        _change(lines, work, name, token.line, column, text, new, shift)
        text = new
    token.text = text


def _change(lines, work, fix, line, column, before, after, shift) -> None:
    _record(lines, work, fix, line, column, before, after)
    shift[line] = shift.get(line, 0) + len(after) - len(before)


def _around(tokens: list[Token], index: int, token: Token) -> Around:
    """Neighbouring words, folded and lower-cased, for the context rules."""
    def word(i: int) -> str:
        return strip_diacritics(tokens[i].text.lower()) if 0 <= i < len(tokens) else ""

    return Around(word(index - 1), word(index + 1), word(index - 2), word(index + 2),
                  token.sentence_start, token.sentence_end, token.question)


def _tokens(lines: list[str]) -> list[Token]:
    """Words of the text with their positions; words inside links and addresses are left out."""
    tokens: list[Token] = []
    source = list(lines)  # token fixes change ``lines``; sentence starts read the text as it was
    for number, line in enumerate(lines):
        links = [m.span() for m in _LINK_LIKE.finditer(line)] if _MAY_LINK.search(line) else ()
        for match in TOKEN.finditer(line):
            if links and any(a <= match.start() < b for a, b in links):
                continue
            tokens.append(Token(number, match.start(), match.group(0), source))
    return tokens


def _line_ends_sentence(lines: list[str], number: int) -> bool:
    previous = lines[number - 1].rstrip() if number else ""
    return not previous or previous[-1] in ".!?:"


