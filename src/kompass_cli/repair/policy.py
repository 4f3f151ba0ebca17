"""When and how the text read from a report is repaired.

Clean Swedish prints å, ä or ö in about one word in four; a text where at least one
word in ten has them is taken as clean at once, without loading the lexicon. Anything
else goes to the repair package's detector, and only a text it finds damaged is
repaired.

Repair runs on what the parser read (question titles and findings), not on the page:
the parser has already rejoined words hyphenated across lines and kept the columns of
two-column tables apart, so the repair sees whole words of one item. Repairing the
page first would rejoin hyphenated words across table columns. Names keep their
printed form (``name_in_source``); matching them tolerates the damage.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kompass_cli.core.raw import RawReport

# A text with at least this share of words carrying å/ä/ö is clean Swedish.
CLEAN_DIACRITIC_SHARE = 0.10

_WORD = re.compile(r"[^\W\d_]+")
# A word's first å, ä or ö and the rest of the word: found once per such word.
_WORD_WITH_DIACRITIC = re.compile(r"[åäöÅÄÖ][^\W\d_]*")


@dataclass
class RepairTally:
    """Whether a report's text was repaired while parsing, and how many changes each fix
    made; the output's ``schemas.common.Repairs`` is written from it."""

    applied: bool = False
    fixes: Counter = field(default_factory=Counter)

    @property
    def changes(self) -> int:
        return sum(self.fixes.values())


def plainly_clean(lines: list[str]) -> bool:
    """Cheap first look: enough words with diacritics means nothing was lost."""
    text = "\n".join(lines)
    words = len(_WORD.findall(text))
    with_diacritics = len(_WORD_WITH_DIACRITIC.findall(text))
    return words > 0 and with_diacritics >= CLEAN_DIACRITIC_SHARE * words


def repair_report_text(lines: list[str], raw: RawReport) -> RepairTally:
    """Repair the titles and findings of a damaged report in place; clean ones untouched."""
    if plainly_clean(lines):
        return RepairTally()
    from kompass_cli.repair import looks_damaged

    if not looks_damaged("\n".join(lines)):
        return RepairTally()
    repairs = RepairTally(applied=True)
    for area in raw.areas:
        for question in area.questions:
            question.title = _repaired(question.title, repairs)
        for item in area.strengths + area.improvements:
            item.text = _repaired(item.text, repairs)
    return repairs


def _repaired(text: str, repairs: RepairTally) -> str:
    from kompass_cli.repair import repair

    fixed, steps = repair(text, detect=False)
    repairs.fixes.update(step.fix for step in steps)
    return fixed

