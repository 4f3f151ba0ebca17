"""Docs that cannot drift: README lists every diagnostic code; CI runs the README's tests."""

from __future__ import annotations

import re

from kompass_cli.model.codes import CATALOGUE, PARSE, VALIDATE
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    """The README's text from a heading to the next heading of its level or higher."""
    level = title.split(" ")[0]
    start = README.index(f"\n{title}\n")
    rest = README[start + len(title) + 2:]
    ends = [m.start() for m in re.finditer(r"^#{1,%d} " % len(level), rest, re.MULTILINE)]
    return rest[:ends[0]] if ends else rest


def _table(title: str) -> dict[str, str]:
    """The codes and severities of the code table in a README section."""
    return dict(re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|", _section(title),
                           re.MULTILINE))


def _catalogue(raised_by: str) -> dict[str, str]:
    return {code: entry.severity for code, entry in CATALOGUE.items()
            if entry.raised_by == raised_by}


def test_every_diagnostic_code_is_documented_with_its_severity():
    assert _table("## Diagnostics") == _catalogue(PARSE)


def test_every_validate_finding_code_is_documented_with_its_severity():
    assert _table("### kompass validate") == _catalogue(VALIDATE)


def test_every_code_the_readme_names_is_in_the_catalogue_and_back():
    documented = set(_table("## Diagnostics")) | set(_table("### kompass validate"))
    assert documented == set(CATALOGUE)


def test_the_readme_marks_the_codes_validate_checks_again():
    from kompass_cli.model.diagnostics import rechecked

    marked = set(re.findall(r"^\| `([a-z-]+)` \| \w+ \| .*\*\(rechecked\)\* \|$",
                            _section("## Diagnostics"), re.MULTILINE))
    assert marked == rechecked()


def test_every_code_the_package_raises_is_in_the_catalogue():
    source = "\n".join(path.read_text(encoding="utf-8")
                       for path in (ROOT / "src" / "kompass_cli").rglob("*.py"))
    raised = set(re.findall(r'(?:make|Problem|Note)\(\s*"([a-z]+(?:-[a-z]+)+)"', source))
    raised |= set(re.findall(r'code = "([a-z]+(?:-[a-z]+)+)" if', source))
    assert len(raised) > 40 and raised <= set(CATALOGUE), raised - set(CATALOGUE)


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
