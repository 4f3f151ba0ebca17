"""One convention for every command: help, --format, files and folders, exit codes,
stdout for data and stderr for messages, --quiet, completion."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from kompass_cli.cli.app import EXIT_CODES
from kompass_cli.cli.main import app
from tests.conftest import NORMALIZED, ROOT

runner = CliRunner()
README = (ROOT / "README.md").read_text(encoding="utf-8")
NORSJO = str(NORMALIZED / "norsjo-2018.json")

# Commands known to print a table, and so to take --format table|json|csv (any other
# command whose --format offers table is held to the same).
TABLE_COMMANDS = {"validate", "diff", "compare", "summarise", "export"}


def _commands(command=None, path=()):
    """(path, click command) of every command and group, depth first."""
    command = command or typer.main.get_command(app)
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


COMMANDS = [(path, command) for path, command in _commands() if path]
LEAVES = [(path, command) for path, command in COMMANDS if not hasattr(command, "commands")]
IDS = [" ".join(path) for path, _ in COMMANDS]


def _flat(text: str) -> str:
    return " ".join(text.split())


# Rich markup written into a help text instead of being rendered: '[bold]', '[/red]'.
_RICH_TAG = re.compile(r"\[/?(?:bold|italic|dim|red|green|blue|yellow|cyan|magenta|b|i|u)\b")


def _help(path) -> str:
    """The command's help as a terminal shows it, wide enough that no cell wraps."""
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _rows(shown: str) -> list[str]:
    """The rows of the argument and option panels, each row's lines joined.

    A row's first line names the parameter near the panel's left border; the lines it
    wraps onto are indented past the name column.
    """
    rows: list[list[str]] = []
    for line in shown.splitlines():
        if not line.startswith("│"):
            continue
        body = line.strip("│ \n")
        if line[1:10].strip():
            rows.append([body])
        elif rows:
            rows[-1].append(body)
    return [_flat(" ".join(row)) for row in rows]


def _row_of(param, rows: list[str]) -> str:
    names = set(param.opts)
    if param.param_type_name == "argument":
        names.add(param.metavar or "")
    found = [row for row in rows if re.split(r"[ ,]", row.lstrip("* "))[0] in names]
    assert len(found) == 1, (param.name, rows)
    return found[0]


def _as_written(text: str) -> str:
    """Help text as it should read on screen: code spans without their backticks."""
    return _flat(text.replace("`", ""))


@pytest.mark.parametrize("path, command", COMMANDS, ids=IDS)
def test_help_renders_cleanly(path, command):
    """No markup shown as written, none eaten, the exit codes and an example."""
    shown = _flat(_help(path))
    for stray in ("`", "<bool>", "**"):
        assert stray not in shown, f"{stray!r} in the help of {' '.join(path)}"
    assert not _RICH_TAG.search(shown), f"rich markup in the help of {' '.join(path)}"
    assert _flat(EXIT_CODES) in shown
    assert "Example: kompass" in shown
    # Every paragraph of the description reads as written: markdown eats '<name>' and
    # turns '*x*' into emphasis, which would lose words or characters here.
    for paragraph in (command.help or "").split("\n\n"):
        assert _as_written(paragraph) in shown, f"{paragraph!r} of {' '.join(path)}"


@pytest.mark.parametrize("path, command", LEAVES, ids=[" ".join(p) for p, _ in LEAVES])
def test_every_parameter_shows_its_help_and_one_default(path, command):
    """Each argument and option: its help as written, a default at most once, and a
    boolean option shown and parsed as a flag (--quiet, never --quiet <bool>)."""
    rows = _rows(_help(path))
    for param in command.params:
        row = _row_of(param, rows)
        assert _as_written(param.help or "") in row, (param.name, row)
        assert row.count("[default:") <= 1, (param.name, row)
        if getattr(param, "type_descriptor", None) and param.type_descriptor.annotation is bool:
            assert param.is_flag and "<" not in row, (param.name, row)
        if param.param_type_name == "argument":
            # Named for the reader (PATH, FILE), not typed for Python ('<list[Path]>').
            assert (param.metavar or "")[:1].isupper(), (param.name, row)
            assert "<" not in row or param.type_descriptor.is_choice, (param.name, row)


def test_a_flag_takes_no_value():
    """'parse --quiet true x' reads 'true' as an input, as any flag would leave it."""
    result = runner.invoke(app, ["parse", "--quiet", "true", "--out", "-"])
    assert result.exit_code == 2
    assert result.stderr == "error: true: no such file or folder; check the path\n"


def _format_choices(command) -> list[str] | None:
    for param in command.params:
        if "--format" in getattr(param, "opts", ()):
            return [getattr(c, "value", c) for c in param.type_descriptor.choices]
    return None


def test_every_table_command_takes_table_json_and_csv():
    printing = set()
    for path, command in LEAVES:
        choices = _format_choices(command)
        if choices and "table" in choices:
            printing.add(" ".join(path))
            assert choices[:3] == ["table", "json", "csv"], (path, choices)
    assert TABLE_COMMANDS <= printing


@pytest.mark.parametrize("args", [
    ["validate", "--format", "json"], ["summarise", "--format", "json"],
    ["export", "--format", "json"], ["compare", "Norsjö", "--format", "json"],
    ["diff", NORSJO, NORSJO, "--format", "json"],
])
def test_json_on_stdout_is_one_document(args, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)


@pytest.mark.parametrize("args", [
    ["validate"], ["summarise"], ["export", "--format", "csv"],
    ["compare", "Norsjö", "--format", "csv"], ["plot", "trend", "Norsjö", "--out", "{tmp}/t.png"],
    ["report", "Norsjö", "--out", "{tmp}/p.html"],
    ["plot", "profile", NORSJO, "--out", "{tmp}/p.png", "--against-mean"],
])
@pytest.mark.parametrize("source", ["file", "folder"])
def test_normalised_data_is_read_from_files_and_folders(args, source, tmp_path):
    path = NORSJO if source == "file" else str(NORMALIZED)
    if source == "file" and args[-1] == "--against-mean":
        path = str(NORMALIZED / "hallsberg-2008.json")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if args[0] in ("validate", "summarise", "export") or args[-1] == "--against-mean":
        args = [*args, path]
    else:
        args = [*args, "--data", path]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("args", [
    ["compare", "Umeå"], ["plot", "trend", "Umeå", "--out", "x.png"],
    ["report", "Umeå", "--out", "x.html"],
])
def test_nothing_found_is_exit_2_everywhere(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*args, "--data", str(NORMALIZED)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "no evaluation of Umeå (2480)" in result.stderr
    assert result.stdout == "" and not list(tmp_path.iterdir())


@pytest.mark.parametrize("args", [
    ["compare", "Norjso"], ["plot", "trend", "Norjso", "--out", "x.png"],
    ["report", "Norjso", "--out", "x.html"],
])
def test_did_you_mean(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr == "error: Norjso: not a Swedish municipality; did you mean Norsjö?\n"


@pytest.mark.parametrize("args", [
    ["export", "--out", "{tmp}/a.csv"], ["plot", "trend", "Norsjö", "--out", "{tmp}/t.png"],
    ["report", "Norsjö", "--out", "{tmp}/p.html"], ["schema", "--out", "{tmp}"],
    ["compare", "Norsjö", "--format", "csv"], ["parse", str(ROOT / "data" / "raw" /
                                                           "hallsberg-2008.txt"),
                                               "--out", "{tmp}"],
])
def test_quiet_silences_messages_but_not_data(args, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    loud = runner.invoke(app, args)
    quiet = runner.invoke(app, ["--quiet", *args])
    assert loud.exit_code == quiet.exit_code == 0
    assert loud.stderr and quiet.stderr == ""
    assert quiet.stdout == loud.stdout


@pytest.mark.parametrize("where", ["global", "command"])
def test_parse_quiet_is_the_global_quiet(where):
    """`kompass parse --quiet` silences what `kompass --quiet parse` does, notes included."""
    args = ["parse", str(ROOT / "data" / "raw" / "hallsberg-2008.txt"), "--out",
            str(NORMALIZED), "--check"]
    loud = runner.invoke(app, args)
    quiet = runner.invoke(app, ["--quiet", *args] if where == "global" else [*args, "-q"])
    assert loud.exit_code == quiet.exit_code == 0
    assert loud.stderr == "1 outputs up to date\n" and quiet.stderr == ""


def test_errors_still_show_with_quiet():
    result = runner.invoke(app, ["--quiet", "validate", "nope.json"])
    assert result.exit_code == 2 and result.stderr.startswith("error: nope.json: ")


def test_readme_documents_the_exit_codes_once():
    assert README.count("**Exit codes**") == 1
    rows = re.findall(r"^\| `([012])` \| ([^|]+) \|", README, re.MULTILINE)
    assert [(code, meaning.strip()) for code, meaning in rows] == [
        ("0", "done"), ("1", "checked and found differences or problems"),
        ("2", "could not do it: bad input, nothing found, usage")]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(shell):
    result = runner.invoke(app, ["completion", shell])
    assert result.exit_code == 0 and "_KOMPASS_COMPLETE" in result.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_bash_completes_commands_and_choices():
    """The script, loaded in bash, asks kompass for completions and gets them."""
    script = Path(sys.executable).parent / "kompass"
    if not script.exists():
        pytest.skip("kompass is not installed beside this Python")
    env = {**os.environ, "PATH": f"{script.parent}{os.pathsep}{os.environ['PATH']}"}
    probe = ('eval "$(kompass completion bash)"; '
             'COMP_WORDS=(kompass com); COMP_CWORD=1; _kompass_completion kompass; '
             'echo "${COMPREPLY[@]}"; '
             'COMP_WORDS=(kompass export --format ""); COMP_CWORD=3; '
             '_kompass_completion kompass; echo "${COMPREPLY[@]}"')
    result = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, env=env,
                            timeout=60, check=True)
    commands, formats = result.stdout.splitlines()
    assert commands.split() == ["compare", "completion"]
    assert formats.split() == ["table", "json", "csv", "xlsx", "parquet", "jsonl"]
