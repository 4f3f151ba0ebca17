"""The instrument catalogues: areas and questions of each Kommunkompassen version.

The catalogues are data (``data/instruments/<version>.json``); this module loads them
once and matches printed names against them, tolerating the variants reports print.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rapidfuzz import fuzz

from kompass_cli.core.words import fold_ocr

VERSIONS = ("2008", "2010", "2016", "2020")

# How close a printed name must be to a catalogue name (rapidfuzz ratio on folded text).
NAME_MATCH_THRESHOLD = 88.0


@dataclass(frozen=True)
class QuestionSpec:
    id: str
    title: str
    max: int
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class AreaSpec:
    number: int
    key: str
    name: str
    variants: tuple[str, ...] = ()
    questions: tuple[QuestionSpec, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


@dataclass(frozen=True)
class Instrument:
    version: str
    first_year: int
    last_year: int | None
    areas: tuple[AreaSpec, ...] = field(default=())

    def area(self, number: int) -> AreaSpec:
        return self.areas[number - 1]

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def period(self) -> str:
        return f"{self.first_year}-{self.last_year or ''}"


@cache
def instrument(version: str) -> Instrument:
    """Load one version's catalogue from the package data."""
    text = resources.files("kompass_cli").joinpath(f"data/instruments/{version}.json").read_text(
        encoding="utf-8")
    data = json.loads(text)
    areas = tuple(
        AreaSpec(a["number"], a["key"], a["name"], tuple(a["variants"]),
                 tuple(QuestionSpec(q["id"], q["title"], q["max"], tuple(q["variants"]))
                       for q in a.get("questions", [])))
        for a in data["areas"])
    return Instrument(data["version"], data["first_year"], data["last_year"], areas)


def all_instruments() -> list[Instrument]:
    return [instrument(version) for version in VERSIONS]


def name_similarity(printed: str, name: str) -> float:
    """Similarity 0-100 of two area names, ignoring case, diacritics and OCR vowels."""
    return fuzz.ratio(fold_ocr(printed), fold_ocr(name))


def matches_area(printed: str, spec: AreaSpec) -> bool:
    """Does a printed name name this area (its canonical name or a printed variant)?"""
    return max(name_similarity(printed, name) for name in spec.names()) >= NAME_MATCH_THRESHOLD


def extends_area_name(printed: str, spec: AreaSpec) -> bool:
    """Does a printed name begin with this area's name and add a word or two?

    Web pages and press releases join names ('Kommunen som arbetsgivare
    personalpolitik'); the catalogue name must have at least two words, so a one-word
    name ('Effektivitet') never claims a longer name that merely ends or begins with it.
    """
    words = re.sub(r"[,/]", " ", fold_ocr(printed)).split()
    for name in spec.names():
        own = re.sub(r"[,/]", " ", fold_ocr(name)).split()
        if len(own) >= 2 and 1 <= len(words) - len(own) <= 2 and fuzz.ratio(
                " ".join(words[:len(own)]), " ".join(own)) >= NAME_MATCH_THRESHOLD:
            return True
    return False


def older_version_naming(printed: str, version: str, number: int) -> str | None:
    """The older version whose canonical name for this area the printed name is, if any.

    Only older versions count: a 2008 report cannot print a name 'from' 2010.
    """
    current = instrument(version).area(number)
    if name_similarity(printed, current.name) >= NAME_MATCH_THRESHOLD:
        return None
    for older in VERSIONS[: VERSIONS.index(version)][::-1]:
        if name_similarity(printed, instrument(older).area(number).name) >= NAME_MATCH_THRESHOLD:
            return older
    return None
