"""Numbers as Swedish reports print them.

Reports write decimals with a comma ("54,5") and percents with a sign ("45%"). A value
is kept an ``int`` when it is whole so that the JSON says ``57`` and not ``57.0``.
"""

from __future__ import annotations

import re

Number = int | float

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def parse_number(text: str) -> Number:
    """Parse '57', '54,5' or '4.5' into 57, 54.5, 4.5; raise ValueError otherwise."""
    cleaned = text.strip().replace("\u2212", "-")
    if not _NUMBER.match(cleaned):
        raise ValueError(f"not a number: {text!r}")
    value = float(cleaned.replace(",", "."))
    return normalise(value)


def parse_percent(text: str) -> Number:
    """Parse '45%' or '45 %' into 45."""
    return parse_number(text.strip().rstrip("%").strip())


def normalise(value: float) -> Number:
    """Return an int for whole values so JSON prints 57 rather than 57.0."""
    if float(value).is_integer():
        return int(value)
    return round(float(value), 6)


def decimals(text: str) -> int:
    """How many decimals a printed number carries ('54,5' -> 1); sets its rounding."""
    cleaned = text.strip().rstrip("%").strip()
    for sep in (",", "."):
        if sep in cleaned:
            return len(cleaned.split(sep, 1)[1])
    return 0
