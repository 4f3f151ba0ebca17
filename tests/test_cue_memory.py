"""Cue patterns remember what they found on recent lines, and nothing from one text to
the next: a remembered answer is the answer a fresh pattern gives."""

from __future__ import annotations

from kompass_cli.core import match
from kompass_cli.core.match import compile_cue

_TEMPLATE = r"(?<![\d,])(\d+(?:,\d+)?)\s+{{poäng}}(?!\w)"
_LINES = ["Inom området uppnår kommunen 57 poäng av 100",
          "Inom området uppnår kommunen 57 podng och 12 poang",
          "Ingen siffra här", "Område 3 Demokrati"]


def _answers(pattern, line):
    found = pattern.search(line)
    return (pattern.match(line) and pattern.match(line).span(),
            found and (found.span(), found.groups()),
            [(m.span(), m.groups()) for m in pattern.finditer(line)])


def test_a_remembered_answer_is_a_fresh_patterns_answer():
    pattern = compile_cue(_TEMPLATE, prose=True)
    first = [_answers(pattern, line) for line in _LINES]
    again = [_answers(pattern, line) for line in _LINES]
    fresh = [_answers(compile_cue(_TEMPLATE, prose=True), line) for line in _LINES]
    assert first == again == fresh
    assert first[1][2] == [((29, 37), ("57",)), ((42, 50), ("12",))]


def test_forgetting_clears_every_pattern_and_memory_is_bounded():
    pattern = compile_cue(r"^{{Område}}\s+([1-8])")
    assert pattern.match(_LINES[3]).group(1) == "3"
    assert pattern._found[0]
    match.forget()
    pattern.match(_LINES[2])
    assert list(pattern._found[0]) == [_LINES[2]]
    for number in range(match._REMEMBERED + 10):
        pattern.match(f"rad {number}")
    assert len(pattern._found[0]) <= match._REMEMBERED
