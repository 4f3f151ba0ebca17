"""What a printed, rounded number can stand for.

A report prints '13' for any score in [12.5, 13.5) and '85%' for any share in
[84.5%, 85.5%). Intersecting what the achieved score and the percent allow tells
whether a gap between printed numbers is rounding (the ranges overlap) or a real
contradiction (they do not). Ranges are half-open, as rounding half up makes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kompass_cli.core.numbers import Number, decimals


@dataclass(frozen=True)
class Range:
    """A half-open range [low, high) of values a printed number may stand for."""

    low: float
    high: float

    @property
    def empty(self) -> bool:
        return self.low >= self.high - 1e-9

    def __and__(self, other: Range) -> Range:
        return Range(max(self.low, other.low), min(self.high, other.high))

    def __add__(self, other: Range) -> Range:
        return Range(self.low + other.low, self.high + other.high)

    def overlaps(self, other: Range) -> bool:
        return not (self & other).empty

    def describe(self) -> str:
        return f"{_fmt(self.low)}–{_fmt(self.high)}"


def printed_range(value: Number, token: str = "") -> Range:
    """The values that print as ``value`` with the decimals the token shows."""
    half = 0.5 * 10 ** -decimals(token) if token else 0.5
    return Range(value - half, value + half)


def percent_range(percent: Number, maximum: Number, token: str = "") -> Range:
    """The achieved scores whose share of ``maximum`` prints as ``percent``."""
    share = printed_range(percent, token)
    return Range(share.low * maximum / 100, share.high * maximum / 100)


def exact(value: Number) -> bool:
    """True when a value needs no rounding to print as itself."""
    return float(value).is_integer()


def _fmt(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def fmt(value: float) -> str:
    """A number for a message: at most three decimals, no trailing zeros."""
    return _fmt(value)
