"""Seeded OCR damage of a clean text, in parameterised profiles.

A profile says how much of each kind of damage a scan leaves: diacritics lost,
letters confused with look-alikes, words broken at line ends, ligatures. Digits are
never touched (number confusions are a separate, opt-in kind), nor is markup inside
'<…>', nor tabs, so that a variant differs from its clean report only in what OCR does
to letters and lines.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace

_PLAIN = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")


@dataclass(frozen=True)
class Profile:
    """How a simulated scan damages text."""

    name: str
    seed: int
    diacritics_lost: float = 0.5  # share of å/ä/ö/é printed without their marks
    confusion_rate: float = 0.2  # share of confusable letters swapped for a look-alike
    confusions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    hyphenate: float = 0.2  # share of long lines broken inside a word
    ligatures: float = 0.5  # share of 'fi'/'fl' printed as one glyph
    break_width: int = 70  # where a broken line is cut, about
    digit_rate: float = 0.0  # share of 0/1/5 in table numbers printed as a look-alike
    wrap: int = 0  # wrap prose at this width, as a scan of a printed page reads (0: no)
    tabs_lost: bool = False  # table cells apart by spaces, as OCR prints them


CONFUSIONS_A = {"ö": ("6", "é"), "ä": ("&",), "å": ("@", "&"), "l": ("|",), "m": ("rn",)}
CONFUSIONS_B = {"ö": ("é", "0"), "ä": ("4", "@"), "å": ("4",), "l": ("I", "1"),
                "Ö": ("0",), "Ä": ("A",)}

PROFILES = (
    Profile("ocr-light", 11, diacritics_lost=0.3, confusion_rate=0.1,
            confusions=CONFUSIONS_A, hyphenate=0.1, ligatures=0.3),
    Profile("ocr-heavy", 23, diacritics_lost=0.8, confusion_rate=0.35,
            confusions=CONFUSIONS_A, hyphenate=0.4, ligatures=0.8),
    Profile("ocr-other-glyphs", 37, diacritics_lost=0.6, confusion_rate=0.25,
            confusions=CONFUSIONS_B, hyphenate=0.25, ligatures=0.5, break_width=55),
    Profile("ocr-digits", 41, diacritics_lost=0.5, confusion_rate=0.2,
            confusions=CONFUSIONS_A, hyphenate=0.2, ligatures=0.4, digit_rate=0.4),
    Profile("ocr-wrapped", 53, diacritics_lost=0.7, confusion_rate=0.2,
            confusions=CONFUSIONS_B, hyphenate=0.5, ligatures=0.3, wrap=78),
)
# A scan of a printed word-processor report: no tabs, the table cells spaced apart.
SCANNED_PRINT = Profile("ocr-tabs-lost", 61, diacritics_lost=0.6, confusion_rate=0.2,
                        confusions=CONFUSIONS_A, hyphenate=0.3, ligatures=0.3,
                        digit_rate=0.2, wrap=84, tabs_lost=True)
_DIGIT_LOOKALIKES = {"0": ("O", "o"), "1": ("l", "I", "|"), "5": ("S",)}
_NUMBER = re.compile(r"^\d+(?:,\d+)?%?$")

_TAG = re.compile(r"<[^<>]*>")


def damage(text: str, profile: Profile) -> str:
    """The text as the profile's scanner would have read it (same seed, same result)."""
    rng = random.Random(profile.seed)
    if profile.wrap and max(map(len, text.split("\n"))) < 2 * profile.wrap:
        profile = replace(profile, wrap=0)  # a scan of a page: wrapped already
    lines = []
    for line in text.split("\n"):
        line = _damage_digits(line, profile, rng) if profile.digit_rate else line
        line = _damage_letters(line, profile, rng)
        if profile.tabs_lost and "\t" in line:  # a table row: its cells spaced apart
            lines.append(re.sub(r"\t+", lambda _: " " * rng.randint(1, 3), line))
            continue
        lines.extend(_break_line(line, profile, rng))
    return "\n".join(lines)


def _damage_digits(line: str, profile: Profile, rng: random.Random) -> str:
    """Digits of table numbers (a cell, or the columns ending a row) and of the question
    number opening a line or a list item misread as letters."""
    line = re.sub(r"^((?:- )?)(\d\.\d{1,2})(?=\s)",
                  lambda m: m.group(1) + _misread(m.group(2), profile, rng), line)
    if "\t" in line:
        return "\t".join(_misread(cell, profile, rng) if _NUMBER.match(cell.strip()) else cell
                         for cell in line.split("\t"))
    words = line.split(" ")
    run = []
    for position in range(len(words) - 1, -1, -1):
        if not _NUMBER.match(words[position]):
            break
        run.append(position)
    if len(run) >= 2:
        for position in run:
            words[position] = _misread(words[position], profile, rng)
    return " ".join(words)


def _misread(token: str, profile: Profile, rng: random.Random) -> str:
    """Some of 0/1/5 as look-alikes; one digit of the number is always read right."""
    misread = "".join(rng.choice(_DIGIT_LOOKALIKES[char])
                      if char in _DIGIT_LOOKALIKES and rng.random() < profile.digit_rate
                      else char for char in token)
    return misread if re.search(r"\d", misread) else token


def _damage_letters(line: str, profile: Profile, rng: random.Random) -> str:
    """Marks lost, letters confused, ligatures printed; markup left as it is."""
    pieces = []
    position = 0
    for tag in _TAG.finditer(line):
        pieces.append(_damage_run(line[position:tag.start()], profile, rng))
        pieces.append(tag.group())
        position = tag.end()
    pieces.append(_damage_run(line[position:], profile, rng))
    return "".join(pieces)


def _damage_run(text: str, profile: Profile, rng: random.Random) -> str:
    out = []
    for index, char in enumerate(text):
        if char in profile.confusions and _inside_word(text, index) \
                and rng.random() < profile.confusion_rate:
            out.append(rng.choice(profile.confusions[char]))
        elif char in "åäöéÅÄÖÉ" and rng.random() < profile.diacritics_lost:
            out.append(char.translate(_PLAIN))
        else:
            out.append(char)
    damaged = "".join(out)
    if profile.ligatures:
        damaged = re.sub(r"f[il]", lambda m: _ligature(m.group(), profile, rng), damaged)
    return damaged


def _inside_word(text: str, index: int) -> bool:
    """A letter with letters on both sides (a confusion at a word edge reads as a digit)."""
    return 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()


def _ligature(pair: str, profile: Profile, rng: random.Random) -> str:
    if rng.random() >= profile.ligatures:
        return pair
    return {"fi": "\ufb01", "fl": "\ufb02"}[pair]


def _break_line(line: str, profile: Profile, rng: random.Random) -> list[str]:
    """A long line (no tabs) cut once inside a word, with a hyphen, as OCR keeps it;
    or, with a wrap width, wrapped as on the printed page."""
    if profile.wrap and "\t" not in line:
        return _wrapped(line, profile, rng)
    if "\t" in line or len(line) < profile.break_width + 20 or rng.random() >= profile.hyphenate:
        return [line]
    for match in re.finditer(r"[a-zåäö]{4,}[a-zåäö]{4,}", line[profile.break_width:]):
        word = match.group()
        cut = profile.break_width + match.start() + rng.randint(3, len(word) - 3)
        return [line[:cut] + "-", line[cut:]]
    return [line]


def _wrapped(line: str, profile: Profile, rng: random.Random) -> list[str]:
    """Words filled up to the width; a word that does not fit is sometimes hyphenated."""
    out: list[str] = []
    current = ""
    for word in line.split(" "):
        if not current or len(current) + 1 + len(word) <= profile.wrap:
            current = f"{current} {word}" if current else word
            continue
        room = profile.wrap - len(current) - 2
        if room >= 3 and len(word) - room >= 3 and word[:room + 1].isalpha() \
                and word[room].islower() and rng.random() < profile.hyphenate:
            out.append(f"{current} {word[:room]}-")
            current = word[room:]
        else:
            out.append(current)
            current = word
    out.append(current)
    return out
