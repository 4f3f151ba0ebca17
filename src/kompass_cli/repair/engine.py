"""The engine: the registry of fixes, and how they run over a text.

Every fix is a function ``fix(token, work) -> str | None`` named for what it changes,
registered here under that name; the same name switches it off (``disabled``), labels
its steps and counts it in a report. A line fix is shown the tokens its finder finds
(a broken word with the next line's first word, a bar where a sentence starts), one
pass each, before the words are read. The word fixes are then shown every word in
turn, each as the fix before left it, when the fix takes such a word.

A text repeats its words, so what the word fixes make of a word is planned once and
memoised on the lexicon; only a fix that asked about the word's place (a minimal pair's
neighbours, the text before a capital) is asked again at each occurrence. Every change
is one ``Step``, so the steps replay to the same output.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from kompass_cli.repair.confusions import (
    LETTER_FIXES,
    STRAY,
    acute_e_for_vowel,
    bars,
    bracket_for_l,
    capital_i_for_l,
    confusable,
    digit_for_vowel,
    letter_d_for_vowel,
    letter_i_for_a,
    pipe_to_capital_i,
    stray_letter,
    symbol_for_vowel,
    two_letters_for_vowel,
)
from kompass_cli.repair.diacritics import (
    capital_for_lower_vowel,
    restorable,
    restore_diacritics,
)
from kompass_cli.repair.evidence import Work
from kompass_cli.repair.hyphenation import breaks, rejoin_hyphenation
from kompass_cli.repair.lexicon import Lexicon
from kompass_cli.repair.steps import Step
from kompass_cli.repair.tokens import Token, words

Fix = Callable[[Token, Work], "str | None"]
# Where a line fix looks: the tokens of the text it is shown, read as the text stands.
Finder = Callable[[list[str]], Iterator[Token]]
# Which words a word fix reads, as the fixes before it left them.
Takes = Callable[[str], bool]

LINE_FIXES: dict[str, tuple[Fix, Finder]] = {
    "rejoin_hyphenation": (rejoin_hyphenation, breaks),
    "pipe_to_capital_i": (pipe_to_capital_i, bars),
}
CONFUSION_FIXES: dict[str, tuple[Fix, Takes]] = {
    "digit_for_vowel": (digit_for_vowel, confusable),
    "symbol_for_vowel": (symbol_for_vowel, confusable),
    "acute_e_for_vowel": (acute_e_for_vowel, confusable),
    "letter_d_for_vowel": (letter_d_for_vowel, confusable),
    "letter_i_for_a": (letter_i_for_a, confusable),
    "two_letters_for_vowel": (two_letters_for_vowel, confusable),
    "stray_letter": (stray_letter, confusable),
    "capital_i_for_l": (capital_i_for_l, confusable),
    "bracket_for_l": (bracket_for_l, confusable),
}
WORD_FIXES: dict[str, tuple[Fix, Takes]] = {
    **CONFUSION_FIXES,
    "restore_diacritics": (restore_diacritics, restorable),
    "capital_for_lower_vowel": (capital_for_lower_vowel, restorable),
}
# Every fix by name, in the order they run.
FIXES: dict[str, Fix] = {name: entry[0] for name, entry in {**LINE_FIXES, **WORD_FIXES}.items()}

# In a plan: this fix asked about the word's place, so it is asked at each occurrence.
_PLACE = object()


def apply_fixes(text: str, lex: Lexicon, disabled: frozenset[str] = frozenset()) -> tuple[str, list[Step]]:
    """Run every enabled fix in registry order; the line count never changes."""
    confusions = tuple((n, f, t) for n, (f, t) in CONFUSION_FIXES.items() if n not in disabled)
    work = Work(lex, confusions=confusions)
    lines = text.split("\n")
    for name, (fix, finds) in LINE_FIXES.items():
        if name not in disabled:
            for token in finds(lines):
                new = fix(token, work)
                if new is not None:
                    _replace(lines, work, name, token, new)
    enabled = tuple((n, f, t) for n, (f, t) in WORD_FIXES.items() if n not in disabled)
    _fix_words(lines, work, enabled)
    return "\n".join(lines), work.steps


def _replace(lines: list[str], work: Work, fix: str, token: Token, new: str) -> None:
    """Record a line fix's change, one step per line a token reaches over."""
    for offset, (before, after) in enumerate(zip(token.text.split("\n"), new.split("\n"))):
        _record(lines, work, fix, token.line + offset, token.start if offset == 0 else 0,
                before, after)


def _fix_words(lines: list[str], work: Work, fixes: tuple) -> None:
    """Show every word to the enabled word fixes, by its plan (see ``_plan``)."""
    plans = work.plans.setdefault(tuple(n for n, _, _ in fixes), {})
    shift: dict[int, int] = {}
    for token in words(lines):
        plan = plans.get(token.text)
        if plan is None:
            plan = plans[token.text] = _plan(token, work, fixes)
        if plan and any(name in LETTER_FIXES for name, _ in plan):
            left_out = LETTER_FIXES if token.broken else \
                STRAY if token.fragment and any(n == "stray_letter" for n, _ in plan) else None
            if left_out:
                plan = _fragment_plan(token, work, fixes, left_out)
        if plan:
            _fix_token(lines, work, token, plan, shift)


def _fragment_plan(token: Token, work: Work, fixes: tuple, left_out: frozenset[str]):
    """The plan of a piece of a word without the fixes ``left_out``: no stray letter is
    left out of any piece of a hyphenated word ('tialet' of 'ter-tialet', 'funk-tionerna'),
    and no letter fix reads a piece broken at a line's end ('imple-' of 'implementera'
    is no 'ample'; see ``confusions.LETTER_FIXES``)."""
    plans = work.lex.memo.setdefault("fragment_plans", {})
    key = (token.text, tuple(n for n, _, _ in fixes), left_out)
    if key not in plans:
        keep = tuple(f for f in fixes if f[0] not in left_out or
                     (f[0] == "two_letters_for_vowel" and "é" in token.text.lower()))
        plans[key] = _plan(token, work, keep)
    return plans[key]


def _plan(token: Token, work: Work, fixes: tuple) -> tuple[tuple[str, object], ...]:
    """What the word fixes make of a word, tried on a copy of its first occurrence: the
    fixes that change it, in order, each with its result. From the first fix that asked
    about the word's place on, every fix is _PLACE, to be asked at each occurrence."""
    trial = token.copy()
    plan: list[tuple[str, object]] = []
    for name, fix, takes in fixes:
        if plan and plan[-1][1] is _PLACE:
            plan.append((name, _PLACE))
            continue
        if not takes(trial.text):
            continue
        trial.asked = False
        new = fix(trial, work)
        if trial.asked:
            plan.append((name, _PLACE))
        elif new is not None and new != trial.text:
            plan.append((name, new))
            trial.text = new
    return tuple(plan)


def _fix_token(lines: list[str], work: Work, token: Token, plan, shift: dict[int, int]) -> None:
    """Make the planned changes to one word and record each; a fix that depends on the
    word's place is asked here."""
    text, column = token.text, token.start + shift.get(token.line, 0)
    for name, new in plan:
        if new is _PLACE:
            fix, takes = WORD_FIXES[name]
            token.text = text
            new = fix(token, work) if takes(text) else None
            if new is None or new == text:
                continue
        _record(lines, work, name, token.line, column, text, new)
        shift[token.line] = shift.get(token.line, 0) + len(new) - len(text)
        text = new
    token.text = text


def _record(lines: list[str], work: Work, fix: str, index: int, column: int, before: str,
            after: str) -> None:
    line = lines[index]
    lines[index] = line[:column] + after + line[column + len(before):]
    work.steps.append(Step(fix, index + 1, before, after, column))
