"""Results summaries: the eight area scores and the total, without the report around them.

Most published results are not full reports but web pages, press releases and
spreadsheets that list the area scores. Their record says only what such a source can
say: no questions, no findings, no history. Each score keeps the token it was printed as
and the change printed beside it (``"+16"``), which is never read as an earlier
evaluation. ``supplied_by_user`` names the values the user gave because the source left
them out.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from kompass_cli.schemas.common import (
    Diagnostic,
    InstrumentBase,
    Line,
    Municipality,
    Number,
    Page,
    Strict,
)

SummaryFormat = Literal["text", "pdf", "csv"]
Supplied = Literal["year", "municipality"]


class PrintedScore(Strict):
    """One place the source states a score, with the token as printed."""

    value: Number
    printed: str
    line: Line
    page: Page | None = None


class SummaryArea(Strict):
    number: Annotated[int, Field(ge=1, le=8)]
    key: str
    name: str
    name_in_source: str | None = Field(
        description="The area name as printed; null when the source gives only a number")
    line: Line
    page: Page | None = None
    score: Number
    max: Literal[100]
    printed: str = Field(description="The score as printed, e.g. '54,5'")
    change: str | None = Field(
        description="A change printed beside the score, as printed ('+16'); not a score")


class SummaryTotal(Strict):
    score: Number | None
    max: Literal[800]
    reported_scores: list[PrintedScore]


class SummaryEvaluation(Strict):
    year: Annotated[int, Field(ge=1995, le=2100)]
    line: Line | None = Field(description="Where the year is stated; null when supplied")
    page: Page | None = None


class SummarySource(Strict):
    file: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    format: SummaryFormat
    parser: str
    row: Annotated[int, Field(ge=1)] | None = Field(
        None, description="For an import: the data row (1 = the first row after the header)")
    note: str | None = Field(
        None, description="For an import: where the row says its numbers come from")
    pages: Annotated[int, Field(ge=1)] | None = None


class SummaryBase(Strict):
    """Fields in contract order; each version's model narrows instrument and areas."""

    schema_version: Literal["2"]
    doc_kind: Literal["results_summary"]
    instrument: InstrumentBase
    municipality: Municipality
    evaluation: SummaryEvaluation
    total: SummaryTotal
    areas: list[SummaryArea]
    supplied_by_user: list[Supplied]
    diagnostics: list[Diagnostic]
    source: SummarySource
