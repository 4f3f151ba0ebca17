"""Parts every version's report shares.

Models are strict and forbid unknown fields, so a parsing bug cannot hide behind type
coercion and a hand-edited file with a misspelt field fails validation.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt

Number = StrictInt | StrictFloat
Line = Annotated[int, Field(ge=1, description="1-based line in the source text")]
# Present only for PDF input, where ``line`` counts the lines of the text read from it.
Page = Annotated[int, Field(ge=1, description="1-based PDF page the line was read from")]
Severity = Literal["error", "warning", "info"]
Where = Literal["summary", "area-text", "area-header", "question-table", "overview-table",
                "history-table", "headline"]
VersionName = Literal["2008", "2010", "2016", "2020"]
# Version 2 keeps every reported number's printed token (``printed``); version 1 files
# are still read (see kompass_cli.upgrade).
SCHEMA_VERSION = "2"


class Strict(BaseModel):
    # Finite numbers only: NaN and ±Infinity are no score, and JSON cannot carry them.
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class Printed(Strict):
    """A text as printed in the report, and where: another name or title, or the token
    a number is printed as ('54,5', '57,0', '45%'), whose decimals set its rounding."""

    text: str
    line: Line
    page: Page | None = None


class ReportedScore(Strict):
    """One place where the report states a score, with the token as printed."""

    value: Number
    printed: str = Field(description="The score as printed, e.g. '54,5'")
    where: Where
    line: Line
    page: Page | None = None


class Municipality(Strict):
    name: str = Field(description="Official name (SCB), or the printed name if unmatched")
    code: Annotated[str, Field(pattern=r"^\d{4}$")] | None = Field(
        description="SCB kommunkod")
    county: str | None
    name_in_source: str
    line: Line | None = None
    page: Page | None = None


class Evaluation(Strict):
    year: Annotated[int, Field(ge=1995, le=2100)]
    month: Annotated[int, Field(ge=1, le=12)] | None
    report_date: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None
    publisher: Literal["SKL", "SKR"] | None
    evaluators: list[str]
    interviewees: Annotated[int, Field(ge=1)] | None


class Total(Strict):
    score: Number | None
    max: Literal[800]
    reported_scores: list[ReportedScore]


class QuestionPrinted(Strict):
    """A question's numbers as printed, each with the line of its row."""

    achieved: Printed | None
    max: Printed | None
    percent: Printed | None


class Question(Strict):
    id: Annotated[str, Field(pattern=r"^[1-8]\.\d{1,2}$")]
    title: str
    achieved: Number | None
    max: Number | None
    percent: Number | None
    printed: QuestionPrinted
    line: Line
    page: Page | None = None
    other_titles: list[Printed] = Field(default_factory=list)


class Finding(Strict):
    text: Annotated[str, Field(min_length=1)]
    line: Line
    page: Page | None = None


AreaNumber = Literal["1", "2", "3", "4", "5", "6", "7", "8"]


class HistoryPrinted(Strict):
    """A history row's numbers as printed, each with its own line (a column of a table
    prints each area on a line of its own)."""

    scores: dict[AreaNumber, Printed]
    total: Printed | None


class HistoryRow(Strict):
    year: int
    instrument_version: VersionName | None
    kind: Literal["evaluation", "self_assessment"] | None
    scores: dict[AreaNumber, Number]
    total: Number | None
    printed: HistoryPrinted
    line: Line
    page: Page | None = None


class Diagnostic(Strict):
    code: Annotated[str, Field(pattern=r"^[a-z]+(-[a-z]+)*$")]
    severity: Severity
    message: str
    line: Line | None
    page: Page | None = None
    area: Annotated[int, Field(ge=1, le=8)] | None
    question: str | None
    year: int | None


class Repairs(Strict):
    """Whether the text was repaired before parsing (OCR damage), and how often each fix ran."""

    applied: bool
    fixes: dict[str, Annotated[int, Field(ge=1)]]


class Source(Strict):
    file: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    format: Literal["text", "pdf"]
    parser: str
    pages: Annotated[int, Field(ge=1, description="Pages of the PDF")] | None = None


class AreaBase(Strict):
    number: Annotated[int, Field(ge=1, le=8)]
    key: str
    name: str
    name_in_source: str
    line: Line
    page: Page | None = None
    score: Number | None
    max: Literal[100]
    reported_scores: list[ReportedScore]
    other_names: list[Printed] = Field(default_factory=list)
    questions: list[Question]
    strengths: list[Finding]
    improvements: list[Finding]


class InstrumentBase(Strict):
    name: Literal["Kommunkompassen"]
    version: VersionName


class ReportBase(Strict):
    """Fields in contract order; each version's model narrows instrument and areas."""

    schema_version: Literal["2"]
    doc_kind: Literal["kommunkompassen_report"]
    instrument: InstrumentBase
    municipality: Municipality
    evaluation: Evaluation
    total: Total
    areas: list[AreaBase]
    history: list[HistoryRow]
    diagnostics: list[Diagnostic]
    repairs: Repairs
    source: Source
