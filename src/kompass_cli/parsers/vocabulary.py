"""Words and phrases the layouts look for, read from data/cues.csv.

Phrases live in data, each with a note of the report it was seen in, so that what one
report happens to print is visible and reviewable and code holds only the rules that
any report of an era shares (where a cue sits, not its wording).
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

from kompass_cli.parsers.match import cue, key


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
    """A regular expression (for ``match.compile_cue``) matching any phrase of a role."""
    return "(?:" + "|".join(cue(phrase) for phrase in phrases(role)) + ")"


def keys(role: str) -> frozenset[str]:
    """The ``match.key`` of every phrase of a role, for comparing whole headings."""
    return frozenset(key(phrase) for phrase in phrases(role))

