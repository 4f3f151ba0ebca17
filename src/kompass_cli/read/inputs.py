"""Turn the paths a user gives into the list of files to read."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from kompass_cli.core.errors import KompassError

# File kinds a folder is searched for.
REPORT_SUFFIXES = (".txt", ".pdf")

# The name that means standard input, as in most command-line tools.
STDIN = "-"


def expand_inputs(paths: list[Path], suffixes: tuple[str, ...] = REPORT_SUFFIXES,
                  ) -> tuple[list[Path], list[KompassError]]:
    """Files as given, folders as their files with one of ``suffixes`` (sorted).

    Returns the files and, separately, one error per path that yields nothing (a missing
    path, a folder without reports, a link that leads nowhere), so that one bad path
    does not stop the others. '-' (standard input) is passed on as it is, once.
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
            found, broken = list_folder(path, suffixes)
            if not found and not broken:
                problems.append(KompassError(
                    f"no {' or '.join(suffixes)} files in this folder", str(path)))
            files.extend(found)
            problems.extend(broken)
        elif path.exists():
            files.append(path)
        else:
            problems.append(missing(path))
    return files, problems


def list_folder(folder: Path, suffixes: tuple[str, ...]) -> tuple[list[Path], list[KompassError]]:
    """The files of a folder with one of ``suffixes``, sorted, and one error per entry
    with such a name that is a symbolic link going nowhere (a loop, a missing target)
    or not a regular file (a FIFO, a device).

    ``Path.is_file`` answers False for a link loop or a FIFO, which would pass it over
    in silence.
    """
    files: list[Path] = []
    broken: list[KompassError] = []
    for entry in sorted(folder.iterdir()):
        if entry.suffix.lower() not in suffixes:
            continue
        if entry.is_file():
            files.append(entry)
        elif not entry.exists():
            broken.append(missing(entry))
        elif not entry.is_dir():
            broken.append(KompassError("is not a regular file (a device, FIFO or socket); "
                                       "it is not read", str(entry)))
    return files, broken


def missing(path: Path) -> KompassError:
    """Why a path that is not there cannot be read: a link loop, a dangling link, or absent."""
    if path.is_symlink():
        try:
            os.stat(path)
        except OSError as error:
            if error.errno == errno.ELOOP:
                return KompassError("is a symbolic link loop (it leads back to itself); "
                                    "remove or fix the link", str(path))
        return KompassError(f"is a symbolic link to {os.readlink(path)}, which does not "
                            f"exist; remove or fix the link", str(path))
    return KompassError("no such file or folder; check the path", str(path))
