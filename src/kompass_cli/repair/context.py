"""Context for minimal pairs: which reading of a stripped word its neighbours favour.

Stripped 'har' is both 'har' (has) and 'här' (here), 'ar' both 'år' (year) and 'är'
(is), 'vara' both 'vara' (be) and 'våra' (our). Frequency alone always picks the same
one; the neighbouring words tell them apart ('det här arbetet', 'två år', 'våra
verksamheter'). The evidence is counted, not written by hand: for every stripped form
with two or more readings, how often each reading was seen with each word one and two
places before and after it, in Swedish text with its diacritics
(``data/repair_context.json.gz``, see data/REPAIR_CONTEXT.md). Neighbours are counted
as they are read in a damaged text, folded and in lower case, so a neighbour that lost
its own diacritics is still evidence.

A reading is chosen by naive Bayes: its prior (the lexicon's frequency, mixed with its
share in written text) times, for each neighbour, how much more often that neighbour
goes with this reading than with any word. The few grammatical cues of ``rules.py``
('två år', 'bör vara') are one more piece of evidence, worth RULE_WEIGHT. A close
reading that was never counted has no evidence of its own, but the counted ones still
speak: 'att påstå' is the verb although the counted text never had the food 'pasta'.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Neighbour classes: a year and any other number are read as their class.
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")
SENTENCE = "<s>"
# The start of a question: its first word is most often a verb ('Har kommunen ...?').
QUESTION = "<q>"
# Positions counted around a word: two before, two after.
# Weight of each position's evidence (log10 per log10): the nearer neighbour tells
# more; the positions are not independent and the counted text is small and of other
# genres than reports, so no position counts in full.
WEIGHTS = {"-2": 0.35, "-1": 0.7, "+1": 0.7, "+2": 0.35}
# Pseudo-count added to a neighbour's observed and expected count with a reading.
PSEUDO = 1.0
# Context counts in full only when every contender was seen this often; below, its
# evidence is scaled down in proportion to the rarest contender's count.
FULL_COUNT = 5
# Frequency counts alone (log10) as the prior, or mixed with the readings' shares in the
# counted text, which is written Swedish where the general list mixes in the spoken
# and the web ('bör' is rarer than 'bor' there, not in reports).
COUNTED_SHARE = 0.3
# Context decides only among readings within this much (log10) of the most frequent
# one, and only when each was counted, or at least one in written text (not only in a
# source of NOT_PRIOR: help texts alone would make 'Fortsätt' of every 'Fortsatt' that
# starts a sentence).
CONTENDERS = 2.0
# What a grammatical cue of ``rules.py`` is worth (log10: a hundred times): the counts
# overturn it only where their evidence is strong ('det hela är' is no year).
RULE_WEIGHT = 2.0
# Help texts are another genre than reports (imperatives: 'Mata in', 'Klicka här'):
# their neighbours are evidence, but how often each reading occurs in them is not.
NOT_PRIOR = frozenset({"help"})
# Sources of the counts; a source may be left out like a vocabulary source.
_DATA = "data/repair_context.json.gz"


def neighbour(word: str) -> str:
    """A neighbour as counted: folded lower case, a year or a number as its class."""
    if _DIGIT.search(word):
        return "<year>" if _YEAR.fullmatch(word) else "<num>"
    return word


@dataclass(frozen=True)
class Around:
    """The words either side of a token (folded, lower case), '' where there is none."""

    before: str
    after: str
    before2: str = ""
    after2: str = ""
    sentence_start: bool = False
    sentence_end: bool = False
    question: bool = False

    def features(self) -> tuple[tuple[str, str], ...]:
        """(position, neighbour) pairs; a sentence start is a neighbour of its own (a
        question's start another), and a word that ends a sentence has no neighbours after
        it: the next word opens another sentence."""
        if self.sentence_start:
            left = (("-1", QUESTION if self.question else SENTENCE),)
        else:
            left = tuple((p, neighbour(w)) for p, w in (("-2", self.before2), ("-1", self.before)) if w)
        if self.sentence_end:
            right = ()
        else:
            right = tuple((p, neighbour(w)) for p, w in (("+1", self.after), ("+2", self.after2)) if w)
        return left + right


@dataclass
class Statistics:
    """Per stripped form, per reading: its count and its neighbours' counts by position.

    ``readings[form][reading] = (count, {"-1 word": n, ...})``; ``unigrams`` counts the
    neighbours themselves, ``total`` all words counted.
    """

    readings: dict[str, dict[str, tuple[int, dict[str, int]]]]
    unigrams: dict[str, int]
    total: int
    # Per form, how often each reading occurs in the sources of the genre (NOT_PRIOR).
    prior: dict[str, dict[str, int]]

    def covers(self, form: str) -> bool:
        return form in self.readings

    def evidence(self, form: str, reading: str, around: Around) -> float:
        """log10 of how much more often each neighbour was seen with this reading than
        expected from its general frequency, with a pseudo-count of PSEUDO on both sides:
        a neighbour seen often stands for a reading, a common neighbour never seen with it
        stands against it, and a rare neighbour never seen says nothing."""
        count, pairs = self.readings.get(form, {}).get(reading, (0, {}))
        if not count:
            return 0.0
        log = 0.0
        for position, word in around.features():
            expected = count * self.unigrams.get(word, 0) / self.total
            seen = pairs.get(f"{position} {word}", 0)
            log += WEIGHTS[position] * math.log10((seen + PSEUDO) / (expected + PSEUDO))
        return log


def contenders(form: str, readings: dict[str, float], stats: Statistics) -> dict[str, float]:
    """The readings context may choose between (see CONTENDERS), or {} when frequency
    decides alone: one reading is far ahead, or the close ones were not counted enough."""
    seen, written = stats.readings.get(form, {}), stats.prior.get(form, {})
    top = max(readings.values(), default=0.0)
    close = {r: p for r, p in readings.items() if p > top - CONTENDERS}
    counted = all(r in seen for r in close) or any(r in written for r in close)
    return close if len(close) > 1 and counted else {}


def choose(form: str, readings: dict[str, float], around: Around, stats: Statistics,
           cue: str | None = None) -> str:
    """The reading with the best prior (log10 frequency, see COUNTED_SHARE) times the
    evidence of its neighbours, among ``contenders``; the reading a grammatical cue
    names (``rules.py``) counts RULE_WEIGHT more.

    A reading never counted has no evidence, neither for nor against it; the evidence
    of the others is scaled by the rarest counted one (FULL_COUNT), and the prior is the
    lexicon's frequency alone, since a share in the counted text would hold the reading
    it never saw against it.
    """
    seen = stats.prior.get(form, {})
    total = sum(seen.values()) + 0.5 * len(readings)
    counts = stats.readings.get(form, {})
    counted = [counts[r][0] for r in readings if r in counts]
    weight = min(1.0, min(counted) / FULL_COUNT) if counted else 0.0
    share = COUNTED_SHARE if len(counted) == len(readings) else 0.0

    def score(reading: str) -> float:
        prior = math.log10((seen.get(reading, 0) + 0.5) / total)
        return ((1 - share) * readings[reading] + share * prior
                + weight * stats.evidence(form, reading, around) + (RULE_WEIGHT if reading == cue else 0))

    return max(readings, key=score)


def load(excludes: frozenset[str] = frozenset()) -> Statistics:
    """The context statistics, read on first use; ``excludes`` leaves sources out."""
    return _load(frozenset(excludes))


@cache
def _load(excludes: frozenset[str]) -> Statistics:
    readings: dict[str, dict[str, tuple[int, dict[str, int]]]] = {}
    unigrams: dict[str, int] = {}
    prior: dict[str, dict[str, int]] = {}
    total = 0
    for name, source in _raw()["sources"].items():
        if name in excludes:
            continue
        total += source["total"]
        _merge(unigrams, source["unigrams"])
        for form, by_reading in source["readings"].items():
            target = readings.setdefault(form, {})
            for reading, (count, pairs) in by_reading.items():
                old_count, old_pairs = target.get(reading, (0, {}))
                target[reading] = (old_count + count, _merge(dict(old_pairs), pairs))
                if name not in NOT_PRIOR:
                    shares = prior.setdefault(form, {})
                    shares[reading] = shares.get(reading, 0) + count
    return Statistics(readings, unigrams, max(total, 1), prior)


def _merge(into: dict[str, int], counts: dict[str, int]) -> dict[str, int]:
    for key, n in counts.items():
        into[key] = into.get(key, 0) + n
    return into


@cache
def _raw() -> dict:
    path = resources.files("kompass_cli").joinpath(_DATA)
    return json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))


_TOKEN = re.compile(r"[\w&@]+|[.!?:](?=\s|$)")


def count(texts: list[str], ambiguous: set[str], fold) -> dict:
    """Counts of one source, in the shape ``data/repair_context.json.gz`` keeps per source.

    Each text is one paragraph per line, with its diacritics; a line starts a sentence,
    and so does a word after '.', '!', '?' or ':'; a question starts with QUESTION
    instead of SENTENCE. ``ambiguous`` holds the stripped forms
    to count, ``fold`` strips a word of its diacritics.
    """
    readings: dict[str, dict[str, list]] = {}
    unigrams: dict[str, int] = {}
    total = 0
    for text in texts:
        for line in text.splitlines():
            for sentence, question in _sentences(line):
                folded = [neighbour(fold(w.lower())) for w in sentence]
                total += len(sentence)
                for word in folded:
                    unigrams[word] = unigrams.get(word, 0) + 1
                start = QUESTION if question else SENTENCE
                unigrams[start] = unigrams.get(start, 0) + 1
                padded = [start, *folded, SENTENCE]
                for i, word in enumerate(sentence):
                    form = folded[i]
                    if form not in ambiguous:
                        continue
                    entry = readings.setdefault(form, {}).setdefault(word.lower(), [0, {}])
                    entry[0] += 1
                    j = i + 1
                    for position, k in (("-1", j - 1), ("+1", j + 1)):
                        _add(entry[1], f"{position} {padded[k]}")
                    if j - 2 >= 1:
                        _add(entry[1], f"-2 {padded[j - 2]}")
                    if j + 2 <= len(sentence):
                        _add(entry[1], f"+2 {padded[j + 2]}")
    for by_reading in readings.values():
        for entry in by_reading.values():
            entry[1] = dict(sorted(entry[1].items()))
    used = {k.split(" ", 1)[1] for r in readings.values() for e in r.values() for k in e[1]}
    return {"total": total, "unigrams": {w: n for w, n in sorted(unigrams.items()) if w in used},
            "readings": {f: {r: e for r, e in sorted(v.items())} for f, v in sorted(readings.items())}}


def _add(counts: dict[str, int], key: str) -> None:
    counts[key] = counts.get(key, 0) + 1


def _sentences(line: str) -> list[tuple[list[str], bool]]:
    """The words of a line, cut into sentences at '.', '!', '?' and ':', each with
    whether it is a question."""
    sentences: list[tuple[list[str], bool]] = []
    words: list[str] = []
    for token in _TOKEN.findall(line):
        if token in ".!?:":
            if words:
                sentences.append((words, token == "?"))
            words = []
        else:
            words.append(token)
    if words:
        sentences.append((words, False))
    return sentences
