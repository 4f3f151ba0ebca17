"""Every problem kompass reports, from one catalogue of codes (:mod:`.codes`).

A problem is data: a code, a location (line and page of the source, JSON path, area,
question, year, file) and the values its message is rendered from. Each code has one
severity, a title, a message template and an explanation, so that the JSON, the
terminal, ``kompass validate`` and the README all say the same thing. Parsing raises
the diagnostics a report carries; ``kompass validate`` raises findings about a file.

Severities: ``error``, a value cannot be trusted or is missing, or a file breaks the
contract; ``warning``, the report contradicts itself beyond rounding; ``info``, worth
knowing, nothing wrong (rounding explains a gap, an older area name, an inferred split).

A check that ``kompass parse`` records and ``kompass validate`` runs again
(``rechecked``) has one severity in the report; validate makes it an error of the
*file* only when the file's data and its recorded diagnostics disagree (the data was
changed after parsing), whatever its severity in the report."""

from __future__ import annotations

from dataclasses import dataclass, field

from kompass_cli.model.codes import CATALOGUE


@dataclass(frozen=True)
class At:
    """A line of the source, with its PDF page where there is one: how a message cites
    a line ('line 463', 'line 463 on page 19')."""

    line: int
    page: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}" + (f" on page {self.page}" if self.page else "")


def cite(located) -> At:
    """How a message cites a located value (anything with ``line`` and ``page``)."""
    return At(located.line, getattr(located, "page", None))


@dataclass
class Problem:
    """One problem or observation: a catalogue code, its location and the values its
    message is rendered from. ``severity`` is the catalogue's unless validate makes a
    re-found check an error of the file; ``note`` is what validate adds to say why."""

    code: str
    params: dict[str, object] = field(default_factory=dict)
    line: int | None = None
    page: int | None = None
    area: int | None = None
    question: str | None = None
    year: int | None = None
    path: str = ""
    file: str = ""
    severity: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        self.severity = self.severity or CATALOGUE[self.code].severity

    @property
    def message(self) -> str:
        """The message, rendered from the code's template."""
        values = {"area": self.area, "question": self.question, "year": self.year,
                  "path": self.path, "file": self.file, **self.params}
        text = CATALOGUE[self.code].template.format(**values)
        return f"{text} ({self.note})" if self.note else text

    def sort_key(self) -> tuple:
        return (self.line or 0, self.area or 0, self.question or "", self.code, self.message)

    def finding(self) -> dict:
        """A finding of kompass validate, as its JSON gives it (CSV: the first six)."""
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "file": self.file, "path": self.path, "line": self.line, "page": self.page,
                "area": self.area, "question": self.question, "year": self.year}


def make(code: str, at=None, *, area: int | None = None, question: str | None = None,
         year: int | None = None, **params: object) -> Problem:
    """A problem of the catalogue at ``at`` (anything with a line and page: a located
    value of the report, an :class:`At`, or None)."""
    return Problem(code, params, line=getattr(at, "line", None),
                   page=getattr(at, "page", None), area=area, question=question, year=year)


def rechecked() -> frozenset[str]:
    """The codes validate runs again on a file's data."""
    return frozenset(code for code, entry in CATALOGUE.items() if entry.rechecked)
