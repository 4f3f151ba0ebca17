"""Does a finding read as a strength or as an improvement? Told from its first words.

Where a scan lost the layout of a two-column findings table (both columns read one
after the other without headings between them, or one column running on alone), only
the wording is left to tell the columns apart. Recommendations open with imperatives
and comparatives ('Utveckla …', 'Tydligare …'); strengths describe what exists and
rarely do. The openings are data (role ``improvement-opening`` in data/cues.csv, each
with the report it was seen in), not code, compared by the shared matcher
(``match.opens_with``).
"""

from __future__ import annotations

from kompass_cli.parsers.vocabulary import opens_as

# An item that does not open like a recommendation is weaker evidence of a strength
# (many recommendations open with a noun), so it counts for less when a cut is chosen.
_PLAIN_WEIGHT = 0.5


def split_by_wording(texts: list[str]) -> int:
    """Index of the first improvement: the cut that best separates the two kinds of wording.

    Maximises strength-like items before the cut plus improvement-like items after it;
    ties go to the earliest cut.
    """
    looks_improving = [reads_as_improvement(text) for text in texts]
    best, best_score = len(texts), -1.0
    for cut in range(len(texts) + 1):
        score = (_PLAIN_WEIGHT * looks_improving[:cut].count(False)
                 + looks_improving[cut:].count(True))
        if score > best_score:
            best, best_score = cut, score
    return best


def reads_as_improvement(text: str) -> bool:
    """Does the item open like a recommendation ('Utveckla…', 'Bättre…', 'Mer…')?"""
    return opens_as(text, "improvement-opening")
