"""A control character inside a number makes the number unreadable, never another one.

'4\\x006' used to be read as 6. Every line of the bundled reports on which a score is
printed is damaged here, one at a time, with a control character inside each of its
numbers; the parse must then locate no score on that line and report each damaged token.
"""

from __future__ import annotations

import json
import re

import pytest

from kompass_cli.analyse.validate import validate_file
from kompass_cli.core.errors import NotAReport
from kompass_cli.core.numbers import UNREADABLE, blank_unreadable_numbers
from kompass_cli.model.writer import to_json
from kompass_cli.run.pipeline import parse_file
from tests.conftest import NORMALIZED, RAW

CONTROLS = ["\x00", "\ufeff", "\x0b", "\u00ad", "\u200b", "\x1f", "\x7f", "\u0301", "\u0378"]
REPORTS = ["hallsberg-2008", "lindesberg-2021", "norsjo-2018"]


@pytest.mark.parametrize("line, expected, tokens", [
    ("4\x006 poäng", "\ufffd\ufffd\ufffd poäng", ["4<U+0000>6"]),
    ("54,\ufeff5", "\ufffd" * 5, ["54,<U+FEFF>5"]),
    ("\x0046 och 12", "\ufffd\ufffd\ufffd och 12", ["<U+0000>46"]),
    ("12\t34\t56 %", "12\t34\t56 %", []),                  # tabs separate columns
    ("1\u00a0234 poäng", "1\u00a0234 poäng", []),         # a non-breaking space is a space
    ("\ufeffOmråde 1", "\ufeffOmråde 1", []),             # nothing numeric next to it
    ("Total 509", "Total 509", []),
    ("4\u03016", "\ufffd\ufffd\ufffd", ["4<U+0301>6"]),      # a combining mark
    ("Norsjo\u0308 46", "Norsjo\u0308 46", []),          # a mark on a letter is a letter's
])
def test_only_number_tokens_with_a_control_character_are_blanked(line, expected, tokens):
    [cleaned], found = blank_unreadable_numbers([line])
    assert cleaned == expected and len(cleaned) == len(line)
    assert set(cleaned) - set(line) <= {UNREADABLE}
    assert [u.shown() for u in found] == tokens and all(u.line == 1 for u in found)


def _scored_lines(name: str) -> list[int]:
    document = json.loads((NORMALIZED / f"{name}.json").read_text(encoding="utf-8"))
    lines = {s["line"] for s in document["total"]["reported_scores"]}
    for area in document["areas"]:
        lines |= {s["line"] for s in area["reported_scores"]}
    lines |= {row["line"] for row in document["history"]}
    return sorted(lines)


CASES = [(name, line) for name in REPORTS for line in _scored_lines(name)]


def _damage(line: str, control: str) -> str:
    """A control character after the first digit of every number on the line."""
    return re.sub(r"(\d)(\d*)", lambda m: m.group(1) + control + m.group(2), line)


@pytest.mark.parametrize("name, number", CASES, ids=[f"{n}:{line}" for n, line in CASES])
def test_a_damaged_score_line_yields_no_number(tmp_path, name, number):
    lines = (RAW / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    control = CONTROLS[number % len(CONTROLS)]
    lines[number - 1] = _damage(lines[number - 1], control)
    path = tmp_path / f"{name}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        report = parse_file(path)
    except NotAReport as refusal:  # a score it needed is unreadable: refused, not guessed
        assert "no score found" in refusal.reason or "not found" in refusal.reason
        return
    document = json.loads(to_json(report))
    stated = [s for s in document["total"]["reported_scores"] if s["line"] == number]
    for area in document["areas"]:
        stated += [s for s in area["reported_scores"] if s["line"] == number]
    stated += [row for row in document["history"] if row["line"] == number]
    assert stated == []
    flagged = [d for d in document["diagnostics"] if d["code"] == "number-unreadable"]
    assert flagged and {d["line"] for d in flagged} == {number}
    assert all(f"<U+{ord(control):04X}>" in d["message"] for d in flagged)
    # What parse writes, validate accepts: its checks agree with parse's on every variant.
    written = tmp_path / f"{name}.json"
    written.write_text(to_json(report), encoding="utf-8")
    assert validate_file(written, None).findings == []


def test_legitimate_layout_characters_parse_as_before(tmp_path):
    """A BOM at the start, form feeds at page breaks, CRLF: the same report."""
    for name in REPORTS:
        text = (RAW / f"{name}.txt").read_text(encoding="utf-8")
        lines = text.split("\n")
        paged = "\n".join(line + ("\f" if i % 40 == 39 else "") for i, line in enumerate(lines))
        path = tmp_path / f"{name}.txt"
        path.write_bytes(b"\xef\xbb\xbf" + paged.replace("\n", "\r\n").encode("utf-8"))
        golden = json.loads((NORMALIZED / f"{name}.json").read_text(encoding="utf-8"))
        parsed = json.loads(to_json(parse_file(path)))
        del golden["source"]["sha256"], parsed["source"]["sha256"]
        assert parsed == golden
