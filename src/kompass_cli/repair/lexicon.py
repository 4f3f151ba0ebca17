"""The evidence diacritic restoration decides from: word frequencies and the domain vocabulary.

Stripped Swedish loses å, ä, ö and é; each stripped form ('forbattring') is looked up
in an index of the real words that fold to it ('förbättring'). Frequencies come from
wordfreq's Swedish 'large' list, which ships its data (no downloads). The reports'
own vocabulary adds what a general list lacks or ranks wrongly: the instrument
catalogues, the municipality names and the clean bundled reports
(``data/repair_vocabulary.csv``). Swedish compounds are mostly missing from any list,
so an unknown stripped word is split into known parts ('kommunfullmaktiges' ->
'kommun' + 'fullmäktiges').

Loading reads wordfreq's bucket list directly (about 0.1 s) rather than its frequency
dictionary (over 1 s); the folded index is derived in memory on first use and cached
per vocabulary exclusion set. Scores are log10 frequencies times 100 ("centibels",
wordfreq's own bucket unit): higher is more frequent, so sums compare products.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from kompass_cli.repair import context

# Each occurrence in the domain vocabulary is worth this much frequency: a word seen a
# few times in a clean report outranks a general-language word of similar form.
DOMAIN_FREQUENCY = 2e-5
# A domain word never scores below this (centibels), even seen once.
DOMAIN_FLOOR = -560
# Parts of a split compound: shortest modifier and head, and the cost of each split.
MIN_PART = 3
# A short head ('år', 'går') makes too many false compounds: 'utvärderingars'.
MIN_HEAD = 4
SPLIT_PENALTY = 60
# Adverbs and function words are never the head of a compound: 'serviceanda' is
# 'service' + 'anda' (spirit), not + 'ändå' (still).
NOT_HEADS = frozenset({"ändå", "också", "även", "där", "här", "när", "så", "på", "för", "än",
                       "ännu", "något", "många", "bättre", "måste", "sånt"})
# Pronouns, determiners and conjunctions never make the first part of a compound:
# 'natutbildningar' is 'nät' + 'utbildningar', not the more frequent 'nåt' (something).
NOT_MODIFIERS = frozenset({"nåt", "nån", "nånting", "något", "någon", "några", "våra",
                           "vårt", "vad", "vem", "vilken", "vilket", "vilka", "vars", "dess",
                           "deras", "hans", "hennes", "och", "eller", "samt", "att", "som",
                           "ändå", "också", "även", "det", "den", "denna", "detta", "dessa",
                           "mitt", "mina", "sitt", "sina", "ditt", "dina", "ingen", "inget",
                           "inga", "hon", "han", "jag", "dig", "mig", "sig", "oss"})
# Heads that are short or rare as words but make compounds freely in administrative
# Swedish, as stripped forms: 'förvaltningsvis', 'samverkansråd', 'inriktningsmål',
# 'funktionsmässiga'. They may be shorter than MIN_HEAD and rarer than MIN_WORD_SCORE.
SUFFIX_HEADS = frozenset({"vis", "rad", "mal", "massig", "massiga", "massigt"})
# Below this a word from the general list is too rare to count as evidence.
MIN_WORD_SCORE = -750
# Between readings of one stripped form, a word the domain vocabulary attests counts as
# this much more frequent (centibels; 30 = twice): 'arlig' in a report is 'årlig'
# (annual) sooner than the slightly more frequent 'ärlig' (honest).
DOMAIN_PREFERENCE = 30

_FOLD = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")
_DIACRITIC = re.compile("[åäöé]")
_WORD = re.compile(r"[a-zåäöéü]+")
SOURCES = ("catalogues", "kommuner", "hallsberg-2008", "lindesberg-2021")


def fold(word: str) -> str:
    """Strip the diacritics a damaged report loses: å, ä -> a; ö -> o; é -> e."""
    return word.translate(_FOLD)


def has_diacritic(word: str) -> bool:
    return _DIACRITIC.search(word.lower()) is not None


@dataclass
class Lexicon:
    """Scores of real words, and the real words each stripped form may stand for."""

    scores: dict[str, int]
    variants: dict[str, tuple[str, ...]]
    # One-word municipality names with a diacritic ('ånge', 'malå'): proper nouns, so a
    # word in lower case is never read as one ('ange' is the verb 'ange').
    names: frozenset[str] = frozenset()
    segments: dict[str, tuple] = field(default_factory=dict)
    # Per-word decisions of the fixes (see evidence.Work), kept across texts.
    memo: dict[str, dict] = field(default_factory=dict)
    # Domain sources left out; the context statistics leave out the same.
    excludes: frozenset[str] = frozenset()
    # Words the domain vocabulary attests (see DOMAIN_PREFERENCE).
    domain: frozenset[str] = frozenset()
    _context: context.Statistics | None = None

    def context(self) -> context.Statistics:
        """Context statistics of minimal pairs, read on first use (see ``context.py``)."""
        if self._context is None:
            self._context = context.load(self.excludes)
        return self._context

    def score(self, word: str) -> int | None:
        """Centibel score of a lower-case word, None when it is not a known word."""
        return self.scores.get(word)

    def known(self, word: str) -> bool:
        return word in self.scores

    def best(self, folded: str) -> str | None:
        """The most frequent real word with diacritics that folds to ``folded``."""
        options = self.variants.get(folded)
        return options[0] if options else None

    def options(self, folded: str) -> tuple[str, ...]:
        return self.variants.get(folded, ())

    def common_options(self, folded: str) -> tuple[str, ...]:
        """The readings of a stripped word in lower case: municipality names left out."""
        return tuple(w for w in self.options(folded) if w not in self.names)

    def resolves(self, folded: str) -> bool:
        """True when a stripped form reads as a known word, whole or as a compound."""
        return folded in self.scores or folded in self.variants or self.split(folded) is not None

    def suffix_head(self, part: str) -> bool:
        """Is this restored part one of the SUFFIX_HEADS ('råd', 'mässiga')?"""
        return fold(part) in SUFFIX_HEADS

    def split(self, folded: str) -> tuple[str, ...] | None:
        """Known parts of a stripped compound, restored, or None ('malomraden' -> mål, områden)."""
        return _split(self, folded)


def _best_part(lex: Lexicon, folded: str) -> tuple[str, int] | None:
    """The best real word for one stripped part of a compound's modifier, with its score
    (never a pronoun or function word, NOT_MODIFIERS)."""
    return _best_reading(lex, folded, NOT_MODIFIERS)


def _best_reading(lex: Lexicon, folded: str, excluded: frozenset[str],
                  ) -> tuple[str, int] | None:
    """The most frequent known reading of a stripped part that is not ``excluded``."""
    candidates = [w for w in (folded, *lex.options(folded)) if w in lex.scores
                  and w not in excluded]
    if not candidates:
        return None
    word = max(candidates, key=lex.scores.__getitem__)
    return word, lex.scores[word]


def _modifier(lex: Lexicon, folded: str) -> tuple[str, int] | None:
    """A compound's non-final part: a word, a word + linking s, or a word minus final e/a.

    The best-scoring reading wins, so a rare stray form ('förbattrings') loses to the
    real word with a linking s ('förbättring' + s).
    """
    found = [_best_part(lex, folded), _stem_part(lex, folded)]
    if folded.endswith("s") and len(folded) > MIN_PART:
        inner = [_best_part(lex, folded[:-1]), _stem_part(lex, folded[:-1])]
        found += [(word + "s", score) for word, score in filter(None, inner)]
    found = [f for f in found if f]
    return max(found, key=lambda f: f[1]) if found else None


def _stem_part(lex: Lexicon, folded: str) -> tuple[str, int] | None:
    """'arbet' of 'arbetsmiljo', 'skol' of 'skolverksamhet': the word minus its final vowel."""
    for vowel in "ea":
        found = _best_part(lex, folded + vowel)
        if found:
            return found[0][:-1], found[1]
    return None


def _head(lex: Lexicon, folded: str) -> tuple[str, int] | None:
    """The best reading of a compound's final part that can be a head at all."""
    return _best_reading(lex, folded, NOT_HEADS)


def _split(lex: Lexicon, folded: str) -> tuple[str, ...] | None:
    return _segment(lex, folded)[0] if len(folded) >= 2 * MIN_PART else None


def _segment(lex: Lexicon, folded: str):
    """Memoised: OCR'd reports repeat their compounds."""
    found = lex.segments.get(folded)
    if found is None:
        found = lex.segments[folded] = _segment_uncached(lex, folded)
    return found


def _segment_uncached(lex: Lexicon, folded: str):
    """Best split into modifiers and a head: fewest parts first, then the highest score."""
    best: tuple[tuple[str, ...] | None, tuple[int, float]] = (None, (-99, float("-inf")))
    for cut in range(MIN_PART, len(folded) - MIN_PART + 1):
        tail = folded[cut:]
        head = _head(lex, tail)
        if head is None or (tail not in SUFFIX_HEADS and
                            (len(tail) < MIN_HEAD or head[1] < MIN_WORD_SCORE)):
            continue
        rest = folded[:cut]
        modifier = _modifier(lex, rest)
        if modifier and modifier[1] >= MIN_WORD_SCORE:
            parts, score = (modifier[0], head[0]), modifier[1] + head[1] - SPLIT_PENALTY
        else:
            inner, (_, inner_score) = _segment(lex, rest) if len(rest) >= 2 * MIN_PART else (None, (0, 0))
            if inner is None:
                continue
            parts, score = (*inner, head[0]), inner_score + head[1] - SPLIT_PENALTY
        if (-len(parts), score) > best[1]:
            best = (parts, (-len(parts), score))
    return best


def load(excludes: frozenset[str] = frozenset()) -> Lexicon:
    """The lexicon, built on first use; ``excludes`` leaves domain sources out (leave-one-out).

    ``load()`` and ``load(frozenset())`` must share one cached lexicon (a forked worker
    relies on the one its parent loaded), so the cache is keyed on the argument alone.
    """
    return _load(frozenset(excludes))


@cache
def _load(excludes: frozenset[str]) -> Lexicon:
    scores = _general_scores()
    domain = domain_counts(excludes)
    merged = dict(scores)
    for word, count in domain.items():
        boost = max(DOMAIN_FLOOR, _centibels(count * DOMAIN_FREQUENCY))
        merged[word] = _log_add(merged.get(word), boost)
    names = frozenset() if "kommuner" in excludes else _municipality_names()
    return Lexicon(merged, _index(merged, domain), names, excludes=excludes,
                   domain=frozenset(domain))


def _centibels(frequency: float) -> int:
    import math

    return round(100 * math.log10(frequency))


def _log_add(a: int | None, b: int) -> int:
    """Centibel score of the summed frequencies."""
    if a is None:
        return b
    return _centibels(10 ** (a / 100) + 10 ** (b / 100))


@cache
def _general_scores() -> dict[str, int]:
    """wordfreq's Swedish words (letters only) with their bucket as a centibel score.

    One int object per bucket is shared by all its words: a forked worker that looks
    words up then touches a few hundred objects, not a page per word, so the pages
    stay shared with its parent.
    """
    scores: dict[str, int] = {}
    match = _WORD.fullmatch
    for bucket, words in enumerate(_swedish_buckets()):
        score = -bucket
        for word in words:
            if match(word) and word not in scores:
                scores[word] = score
    return scores


def _swedish_buckets() -> list[list[str]]:
    """wordfreq's 'large' Swedish list, one list of words per centibel bucket.

    Read straight from the package's data file in its documented cBpack format
    (gzipped msgpack: a header, then the buckets), because importing wordfreq itself
    compiles its tokenizer's regexes, a sixth of a second that parsing does not need.
    Falls back to wordfreq's own reader if the file is not where wordfreq 3 keeps it.
    """
    import gzip
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("wordfreq")
    folders = (spec.submodule_search_locations or []) if spec else []
    path = Path(folders[0], "data", "large_sv.msgpack.gz") if folders else None
    if path is not None and path.is_file():
        import msgpack

        with gzip.open(path, "rb") as stream:
            data = msgpack.load(stream, raw=False)
        if isinstance(data[0], dict) and data[0].get("format") == "cB" and \
                data[0].get("version") == 1:
            return data[1:]
    from wordfreq import get_frequency_list

    return get_frequency_list("sv", "large")


def _index(scores: dict[str, int], domain: dict[str, int]) -> dict[str, tuple[str, ...]]:
    """Stripped form -> real words with diacritics that fold to it, best first: most
    frequent, a word attested in the domain vocabulary counting DOMAIN_PREFERENCE more."""
    index: dict[str, list[str]] = {}
    search = _DIACRITIC.search
    for word in scores:
        if search(word):
            index.setdefault(word.translate(_FOLD), []).append(word)

    def rank(word: str) -> int:
        return scores[word] + (DOMAIN_PREFERENCE if word in domain else 0)

    return {k: tuple(sorted(v, key=rank, reverse=True)) if len(v) > 1 else tuple(v)
            for k, v in index.items()}


@cache
def domain_counts(excludes: frozenset[str] = frozenset()) -> dict[str, int]:
    """Lower-case word counts from the domain sources not in ``excludes``."""
    counts: dict[str, int] = {}
    for source, words in _domain_sources().items():
        if source in excludes:
            continue
        for word, count in words.items():
            counts[word] = counts.get(word, 0) + count
    return counts


@cache
def _domain_sources() -> dict[str, dict[str, int]]:
    return {"catalogues": _catalogue_words(), "kommuner": _municipality_words(),
            **_report_words()}


def _count(text: str, counts: dict[str, int] | None = None) -> dict[str, int]:
    counts = {} if counts is None else counts
    for word in _WORD.findall(text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return counts


def _catalogue_words() -> dict[str, int]:
    """Area names, question titles and their variants from every instrument catalogue."""
    counts: dict[str, int] = {}
    folder = resources.files("kompass_cli").joinpath("data/instruments")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            _count(" ".join(_strings(json.loads(entry.read_text(encoding="utf-8")))), counts)
    return counts


def _strings(node) -> list[str]:
    """Every string value of a JSON document (keys and numbers left out)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def _municipality_words() -> dict[str, int]:
    return _count(" ".join(f"{r['kommun']} {r['lan']}" for r in _municipality_rows()))


@cache
def _municipality_rows() -> tuple[dict[str, str], ...]:
    text = resources.files("kompass_cli").joinpath("data/kommuner.csv").read_text(encoding="utf-8")
    return tuple(csv.DictReader(io.StringIO(text)))


@cache
def _municipality_names() -> frozenset[str]:
    """Municipality names of one word that carry a diacritic, in lower case."""
    names = (row["kommun"].lower() for row in _municipality_rows())
    return frozenset(n for n in names if _WORD.fullmatch(n) and has_diacritic(n))


def _report_words() -> dict[str, dict[str, int]]:
    """Per clean report, its word counts (see data/REPAIR_VOCABULARY.md)."""
    path = resources.files("kompass_cli").joinpath("data/repair_vocabulary.csv")
    rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8")))
    header = next(rows)
    sources = {name: {} for name in header[1:]}
    for word, *counts in rows:
        for name, count in zip(header[1:], counts):
            if count != "0":
                sources[name][word] = int(count)
    return sources


def build_report_vocabulary(reports: dict[str, str]) -> str:
    """CSV of word counts per clean report: how data/repair_vocabulary.csv is made."""
    counts = {name: _count(text) for name, text in reports.items()}
    words = sorted({w for c in counts.values() for w in c})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["word", *counts])
    for word in words:
        writer.writerow([word, *(c.get(word, 0) for c in counts.values())])
    return out.getvalue()
