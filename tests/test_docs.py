"""Docs that cannot drift: README lists every diagnostic code; CI runs the README's tests."""

from __future__ import annotations

import re

from kompass_cli.model.diagnostics import CATALOGUE
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    """The README's text from a heading to the next heading of its level or higher."""
    level = title.split(" ")[0]
    start = README.index(f"\n{title}\n")
    rest = README[start + len(title) + 2:]
    ends = [m.start() for m in re.finditer(r"^#{1,%d} " % len(level), rest, re.MULTILINE)]
    return rest[:ends[0]] if ends else rest


def test_every_diagnostic_code_is_documented_with_its_severity():
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|",
                           _section("## Diagnostics"), re.MULTILINE))
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


def test_every_command_has_an_example_and_a_readme_section():
    from kompass_cli.cli.main import app

    names = []
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        names.append(name)
        assert "Example:" in (command.callback.__doc__ or ""), f"{name} has no example"
        assert f"kompass {name}" in README, f"{name} is not documented in the README"
    assert {"parse", "validate", "schema"} <= set(names)


def test_every_validate_finding_code_is_documented_with_its_severity():
    from kompass_cli.analyse import validate

    source = (ROOT / "src" / "kompass_cli" / "analyse" / "validate.py").read_text(encoding="utf-8")
    used = set(re.findall(r'Finding\("([a-z-]+)"', source))
    assert used <= set(validate.CODES), used - set(validate.CODES)
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|",
                           _section("### kompass validate"), re.MULTILINE))
    assert rows == {code: severity for code, (severity, _) in validate.CODES.items()}
