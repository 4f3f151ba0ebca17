"""Docs that cannot drift: README lists every diagnostic code; CI runs the README's tests."""

from __future__ import annotations

import re

from kompass_cli.diagnostics import CATALOGUE
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_diagnostic_code_is_documented_with_its_severity():
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|", README, re.MULTILINE))
    assert rows == {code: entry.severity for code, entry in CATALOGUE.items()}


def test_ci_runs_the_readme_test_command():
    commands = re.findall(r"```sh\n(python3 -m venv[^\n]+)\n```", README)
    assert len(commands) == 2, "the README keeps exactly two set-up commands"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


def test_every_diagnostic_has_a_title_and_an_explanation():
    for code, entry in CATALOGUE.items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code)
        assert entry.title and entry.explanation and entry.template
