"""The clean reports come out byte-identical; the OCR report repairs, replays, keeps its lines."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import kompass_cli.cli.fixtext  # noqa: F401  (registers the command)
from kompass_cli.cli.app import app
from kompass_cli.repair import looks_damaged, repair, replay
from kompass_cli.repair.engine import FIXES
from tests.conftest import RAW


@pytest.mark.parametrize("name", ["hallsberg-2008.txt", "lindesberg-2021.txt"])
def test_clean_reports_are_left_alone(name):
    text = (RAW / name).read_text(encoding="utf-8")
    assert not looks_damaged(text)
    assert repair(text) == (text, [])


def test_ocr_report_is_damaged_and_replays():
    text = (RAW / "norsjo-2018.txt").read_text(encoding="utf-8")
    assert looks_damaged(text)
    out, steps = repair(text)
    assert steps and replay(text, steps) == out
    assert out.count("\n") == text.count("\n")
    assert {s.fix for s in steps} <= set(FIXES)


def test_every_fix_has_one_signature_token_and_work():
    import inspect

    for name, fix in FIXES.items():
        assert list(inspect.signature(fix).parameters) == ["token", "work"], name


def test_a_hyphenated_word_is_joined_by_one_token_over_the_line_break():
    text = "Kommunen har en tydlig kommun-\nkompass for arbetet.\n"
    out, steps = repair(text, detect=False)
    assert out.split("\n")[:2] == ["Kommunen har en tydlig kommunkompass", "för arbetet."]
    assert [(s.fix, s.line, s.before, s.after) for s in steps[:2]] == [
        ("rejoin_hyphenation", 1, "kommun-", "kommunkompass"),
        ("rejoin_hyphenation", 2, "kompass ", "")]
    assert replay(text, steps) == out


def test_a_fix_switched_off_by_name_makes_no_steps():
    _, steps = repair("Kommunkompassen ar ett verktyg for utvardering.", detect=False,
                      disabled=frozenset({"restore_diacritics"}))
    assert steps == []


def test_cli_prints_repaired_text():
    result = CliRunner().invoke(app, ["fix-text", "-"], input="Norsjo kommun ar liten.\n")
    assert result.exit_code == 0
    assert result.stdout == "Norsjö kommun är liten.\n"


def test_cli_json_has_text_and_steps():
    result = CliRunner().invoke(app, ["fix-text", "-", "--format", "json"],
                                input="Norsjo kommun ar liten.\n")
    data = json.loads(result.stdout)
    assert data["text"] == "Norsjö kommun är liten.\n"
    assert data["steps"][0] == {"fix": "restore_diacritics", "line": 1, "before": "Norsjo",
                                "after": "Norsjö", "column": 0}


def test_cli_explain_goes_to_stderr():
    result = CliRunner().invoke(app, ["fix-text", "-", "--explain"],
                                                input="Norsjo kommun ar liten.\n")
    assert result.stdout == "Norsjö kommun är liten.\n"
    assert "1: 'ar' -> 'är' (restore_diacritics)" in result.stderr


def test_cli_unreadable_file_exits_2(tmp_path):
    result = CliRunner().invoke(app, ["fix-text", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert result.output.startswith("error: ")
