"""Turn the paths a user gives into the list of files to read."""

from __future__ import annotations

from pathlib import Path

from kompass_cli.errors import KompassError

# File kinds a folder is searched for.
REPORT_SUFFIXES = (".txt", ".pdf")

# The name that means standard input, as in most command-line tools.
STDIN = "-"


def expand_inputs(paths: list[Path], suffixes: tuple[str, ...] = REPORT_SUFFIXES,
                  ) -> tuple[list[Path], list[KompassError]]:
    """Files as given, folders as their entries with one of ``suffixes`` (sorted).

    Returns the files and, separately, one error per path that yields nothing (a missing
    path, a folder without reports), so that one bad path does not stop the others.
    '-' (standard input) is passed on as it is, once. An entry of a folder that is not a
    regular file (a FIFO or a folder named like a report) is passed on too, so that it
    is refused by name rather than skipped in silence.
    """
    files: list[Path] = []
    problems: list[KompassError] = []
    for path in paths:
        if str(path) == STDIN:
            if path in files:
                problems.append(KompassError("standard input can be read only once", STDIN))
            else:
                files.append(path)
        elif path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in suffixes)
            if not found:
                problems.append(KompassError(
                    f"no {' or '.join(suffixes)} files in this folder", str(path)))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(KompassError("no such file or folder; check the path", str(path)))
    return files, problems
