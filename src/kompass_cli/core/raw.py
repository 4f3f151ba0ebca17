"""What a layout parser hands over: the values a report states, each with its line.

A parser only reads. It records every value exactly as printed and where it was
printed; it does not reconcile, correct or look anything up. Matching names against the
instrument catalogue, resolving the municipality and checking the report against
itself happen afterwards, in :mod:`kompass_cli.model.build`, the same way for every layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from kompass_cli.core.numbers import Number

# Where a value was stated. ``SUMMARY`` marks the report's summary of results: the
# values its own total is built from, which become ``areas[].score``.
SUMMARY = "summary"
AREA_TEXT = "area-text"
AREA_HEADER = "area-header"
QUESTION_TABLE = "question-table"
OVERVIEW_TABLE = "overview-table"
HISTORY_TABLE = "history-table"
HEADLINE = "headline"


@dataclass
class Stated:
    """One value as the report prints it, and where."""

    value: Number
    where: str
    line: int
    text: str = ""  # the printed token, e.g. "54,5" (keeps its rounding)


@dataclass
class Located:
    """A piece of text with the 1-based line it was read from."""

    text: str
    line: int


@dataclass
class RawQuestion:
    """One sub-question row: id, printed title and the three printed numbers."""

    id: str
    title: str
    line: int
    achieved: Stated | None = None
    max: Stated | None = None
    percent: Stated | None = None
    other_titles: list[Located] = field(default_factory=list)


@dataclass
class RawArea:
    """One of the eight areas as the report presents it."""

    number: int
    name_in_source: str
    line: int
    scores: list[Stated] = field(default_factory=list)
    other_names: list[Located] = field(default_factory=list)
    questions: list[RawQuestion] = field(default_factory=list)
    strengths: list[Located] = field(default_factory=list)
    improvements: list[Located] = field(default_factory=list)


@dataclass
class RawHistoryRow:
    """One column of a table of earlier evaluations (year, area scores, total)."""

    year: int
    line: int
    scores: dict[int, Stated] = field(default_factory=dict)
    total: Stated | None = None
    instrument_version: str | None = None
    kind: str | None = None  # "evaluation" | "self_assessment"
    area_names: dict[int, Located] = field(default_factory=dict)


@dataclass
class Note:
    """Something the parser noticed that the user should know (becomes a diagnostic)."""

    code: str
    line: int | None
    params: dict[str, object] = field(default_factory=dict)
    area: int | None = None
    question: str | None = None
    year: int | None = None


@dataclass
class RawReport:
    """Everything one layout parser read from one report."""

    parser: str
    municipality: Located | None = None
    year: Stated | None = None
    month: Stated | None = None
    report_date: Located | None = None  # ISO "YYYY-MM-DD"
    publisher: Located | None = None  # "SKL" or "SKR"
    evaluators: list[Located] = field(default_factory=list)
    interviewees: Stated | None = None
    totals: list[Stated] = field(default_factory=list)
    areas: list[RawArea] = field(default_factory=list)
    history: list[RawHistoryRow] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


class LayoutParser:
    """A parser for one report layout.

    ``score`` says how strongly a text looks like this layout (0 = not at all); the
    highest-scoring parser reads the text. Detection uses the text alone.
    """

    name: ClassVar[str]
    description: ClassVar[str]
    # Whether the layout prints a paragraph per line, so that a word broken at a line
    # end (as OCR keeps it) is rejoined before parsing; layouts of wrapped text rejoin
    # their own lines.
    paragraph_lines: ClassVar[bool] = False

    def score(self, lines: list[str]) -> float:  # pragma: no cover - interface
        raise NotImplementedError

    def parse(self, lines: list[str]) -> RawReport:  # pragma: no cover - interface
        raise NotImplementedError
