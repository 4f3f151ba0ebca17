"""Words and phrases the layouts look for, read from data/cues.csv.

Phrases live in data, each with a note of the report it was seen in, so that what one
report happens to print is visible and reviewable and code holds only the rules that
any report of an era shares (where a cue sits, not its wording).
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib import resources

from kompass_cli.core.match import longest_same, opens_with, same, strip_marks


@cache
def phrases(role: str) -> tuple[str, ...]:
    """Every phrase of one role ('score-verb', 'improvement-opening' …), in file order."""
    text = resources.files("kompass_cli").joinpath("data/cues.csv").read_text(encoding="utf-8")
    found = tuple(row["phrase"] for row in csv.DictReader(io.StringIO(text))
                  if row["role"] == role)
    if not found:
        raise KeyError(f"no cues of role {role!r} in data/cues.csv")
    return found


def alternatives(role: str) -> str:
    """A cue (for ``match.compile_cue``) matching any phrase of a role: '{{a|b}}'."""
    return "{{" + "|".join(phrases(role)) + "}}"


def is_one_of(text: str, role: str) -> bool:
    """Whether ``text`` is, as a whole, one of a role's phrases (``match.same``)."""
    return any(same(text, phrase) for phrase in phrases(role))


def longest_match(role: str) -> int:
    """The most characters a text ``is_one_of`` the role can have (``match.longest_same``)."""
    return max(longest_same(phrase) for phrase in phrases(role))



def folded_alternatives(role: str) -> str:
    """A regular expression matching any phrase of a role in folded text (``fold``):
    for sentences read from the folded text of a whole section."""
    return "(?:" + "|".join(re.escape(strip_marks(phrase)) for phrase in phrases(role)) + ")"


def opens_as(text: str, role: str) -> bool:
    """Whether ``text`` opens with one of a role's phrases (``match.opens_with``)."""
    return opens_with(text, phrases(role))
