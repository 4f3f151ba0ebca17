"""Diagnostics: every problem or observation as data, from one catalogue of codes.

Each code has a default severity, a title, a message template and an explanation, so
that the JSON, the terminal and the generated reference all say the same thing.

Severities:
- ``error``: a value cannot be trusted or is missing (the data is incomplete).
- ``warning``: the report contradicts itself in a way rounding does not explain.
- ``info``: worth knowing, nothing wrong (rounding explains a gap, a name from an older
  version of the instrument, a split the parser had to infer).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    """One entry of the diagnostic catalogue."""

    severity: str
    title: str
    template: str
    explanation: str


CATALOGUE: dict[str, Code] = {
    "score-conflict": Code(
        "warning", "Area score printed differently",
        "Area {area}: the score is printed as {values} ({places}).",
        "The report states one area's score with different values in different places. "
        "kompass keeps every value in reported_scores and uses the summary value as the "
        "area's score."),
    "total-conflict": Code(
        "warning", "Total printed differently",
        "The total is printed as {values} ({places}).",
        "The report states its total score with different values in different places."),
    "total-mismatch": Code(
        "warning", "Area scores do not add up to the total",
        "The area scores add up to {sum}, but the total is printed as {total}.",
        "The sum of the eight area scores differs from the printed total by more than "
        "the rounding of the printed area scores can explain."),
    "total-rounding": Code(
        "info", "Total explained by rounding",
        "The area scores add up to {sum} and the total is printed as {total}; rounding of "
        "the printed area scores explains the gap.",
        "Printed area scores are rounded; their unrounded values can add up to the total."),
    "question-sum-mismatch": Code(
        "warning", "Questions do not add up to the area score",
        "Area {area}: the questions add up to {sum}, but the area score is printed as "
        "{score} ({where}, line {score_line}); rounding does not explain the gap{hint}.",
        "The achieved scores of an area's questions differ from the area's printed score "
        "by more than the rounding of the printed values (including what the printed "
        "percents reveal) can explain."),
    "question-sum-rounding": Code(
        "info", "Question sum explained by rounding",
        "Area {area}: the questions add up to {sum} and the area score is printed as "
        "{score}; the printed percents show fractional question scores ({range}) that "
        "explain the gap.",
        "Printed question scores are rounded; the printed percents reveal their "
        "fractional values, whose sum fits the printed area score."),
    "percent-mismatch": Code(
        "warning", "Percent does not match achieved/max",
        "Question {question}: {achieved}/{max} is {exact}%, but {percent}% is printed; "
        "rounding does not explain it.",
        "A question's printed percent is not achieved divided by max, even allowing for "
        "the rounding of the printed achieved score."),
    "percent-rounding": Code(
        "info", "Percent reveals a fractional score",
        "Question {question}: {achieved}/{max} is {exact}%, but {percent}% is printed; the "
        "achieved score is a rounded {implied}.",
        "The printed percent differs from achieved/max because the printed achieved "
        "score is rounded from a fractional value, which the percent reveals."),
    "question-max-sum": Code(
        "warning", "Question maxima do not add up to 100",
        "Area {area}: the question maxima add up to {sum}, not 100.",
        "Within an area the maxima of the questions add up to 100 in every version of "
        "the instrument."),
    "question-max-catalogue": Code(
        "warning", "Question max differs from the instrument",
        "Question {question}: max {max} is printed, the instrument version {version} "
        "has {expected}.",
        "The printed maximum of a question differs from the instrument catalogue."),
    "question-score-missing": Code(
        "warning", "Question without its scores",
        "Question {question}: {missing} not found.",
        "The report lists the question, but no table row gives its achieved score or "
        "maximum, so its scores cannot be checked or used; or its percent could not be "
        "read (a scan that read the % sign as digits), and none is guessed."),
    "question-unknown": Code(
        "warning", "Question not in the instrument",
        "Question {question} is not part of instrument version {version}.",
        "The report prints a question id that the catalogue of its version does not have."),
    "question-missing": Code(
        "warning", "Question missing from the report",
        "Area {area}: question {question} of instrument version {version} is not printed.",
        "The catalogue of the version lists a question that the report does not print."),
    "area-missing": Code(
        "error", "Area missing",
        "Area {area} ({name}) was not found in the report.",
        "Every report covers eight areas; one of them could not be read."),
    "area-score-missing": Code(
        "error", "Area score missing",
        "Area {area}: no score was found.",
        "No place in the report states this area's score."),
    "total-missing": Code(
        "warning", "Total missing",
        "The report's total score was not found.",
        "The report does not print its total, or kompass could not read it."),
    "area-name-unmatched": Code(
        "warning", "Area name not in the instrument",
        "Area {area}: '{printed}' does not match the instrument version {version} "
        "('{expected}').",
        "A printed area name does not match the catalogue of the detected version."),
    "area-name-older-version": Code(
        "info", "Area name from an older version",
        "Area {area}: '{printed}' (line {printed_line}) is the name from instrument version "
        "{older}; version {version} calls it '{expected}'.",
        "Reports sometimes print an older name of an area in a table of a newer version."),
    "history-total-mismatch": Code(
        "warning", "History total does not add up",
        "History {year}: the area scores add up to {sum}, but the total is printed as "
        "{total}.",
        "A row of the report's table of earlier evaluations does not add up to its total."),
    "history-current-mismatch": Code(
        "warning", "History differs from the results",
        "History {year}: area {area} is {history}, the results say {score}.",
        "The history table's column for this evaluation differs from the area scores."),
    "report-date-before-evaluation": Code(
        "warning", "Report dated before the evaluation",
        "The report is dated {date}, before the evaluation in {month_year}.",
        "The report's printed date lies before the evaluation it describes; one of the "
        "two is wrong."),
    "year-outside-version": Code(
        "warning", "Year outside the version's period",
        "The evaluation year {year} lies outside the period of instrument version "
        "{version} ({period}).",
        "Each version of the instrument was in use for a known period."),
    "municipality-unknown": Code(
        "error", "Municipality not recognised",
        "'{printed}' does not match any of Sweden's 290 municipalities.",
        "The municipality could not be matched to the SCB list, so it has no kommunkod."),
    "municipality-ambiguous": Code(
        "error", "Municipality ambiguous",
        "'{printed}' could be {candidates}: the names differ only in diacritics, which this "
        "text has lost; the kommunkod is left empty.",
        "Two official names fold together (Håbo and Habo). Where the printed diacritics "
        "cannot tell them apart, nothing is guessed; the output file cannot be named "
        "either (kompass parse --out - still prints the JSON)."),
    "number-unreadable": Code(
        "warning", "Number unreadable",
        "'{token}' has an invisible character inside a number; the number was not read.",
        "A control or format character (NUL, a byte-order mark, a soft hyphen, a "
        "zero-width space), a combining mark or an unassigned code point inside or beside "
        "a number makes it unreadable: the digits on either "
        "side may not be the printed number. The token is left out, never read as another "
        "number; a value it held shows up as missing."),
    "ocr-repaired": Code(
        "info", "Titles and findings repaired",
        "The text shows OCR damage (lost å/ä/ö, scanner confusions); {changes} changes "
        "were made to question titles and findings (repairs.fixes counts them per fix).",
        "Question titles and findings are repaired word by word after parsing; numbers "
        "and names are never changed (names keep their printed form in name_in_source). "
        "kompass fix-text --explain shows the repair of a whole text."),
    "number-ocr-read": Code(
        "info", "Number read through scanner confusions",
        "'{printed}' stands where a number is printed and was read as {read}.",
        "OCR prints O for 0, l, I or | for 1, S for 5. Where a table column or a "
        "'… poäng' sentence must hold a number and each misread character has a single "
        "digit reading, the number is read and this note says so. So it does where a % "
        "sign was read as digits ('8526' for 85%), achieved and max ran together or a "
        "question id was damaged, and exactly one reading fits the table row."),
    "number-ocr-unreadable": Code(
        "warning", "Number not readable",
        "'{printed}' stands where a number is printed but cannot be read with certainty; "
        "it was not read.",
        "A token in a number's place mixes digits with characters that have no single "
        "digit reading. kompass never guesses a number: the value is left out and the "
        "place is reported."),
    "findings-split-inferred": Code(
        "info", "Findings split inferred",
        "Area {area}: where the strengths end and the improvements begin, or where "
        "items run together, was inferred from the wording, not from the layout.",
        "The report's layout does not mark every item or column; kompass splits them by "
        "wording. Check these lists against the report when precision matters."),
    "findings-columns-lost": Code(
        "warning", "Findings not read: columns lost",
        "Area {area}: the findings table has lost its columns, so its strengths cannot "
        "be told from its improvements; none are read.",
        "The table prints strengths and improvements side by side, but this text gives "
        "the two columns' words one after the other or on one line without their "
        "positions (text extracted in reading order, or OCR). kompass does not guess "
        "which column an item was printed in: the area's findings are left out. Extract "
        "the text with its layout (pdftotext -layout) or parse the PDF itself."),
    "findings-missing": Code(
        "warning", "Findings missing",
        "Area {area}: no strengths or improvements were found.",
        "The area's section has no findings table that could be read (its heading "
        "damaged or left out, or the table empty), so the area has no findings."),
    "area-name-variant": Code(
        "info", "Area name read as a longer variant",
        "Area {area}: '{printed}' is read as '{expected}' of instrument version {version} "
        "(the printed name adds words to it).",
        "Summary pages join or extend area names; the printed name begins with the "
        "catalogue name and adds a word or two, so it is taken as that area."),
    "summary-other-columns": Code(
        "info", "Other columns of the table not read",
        "The table also prints {others}; only the column '{chosen}' is read as this "
        "municipality's evaluation.",
        "A table of a summary page can print earlier evaluations or a national mean "
        "beside the municipality's scores; they are not read as an evaluation."),
    "supplied-by-user": Code(
        "info", "Value given by the user",
        "The {what} {value} was given by the user{printed}.",
        "The source does not state this value (or states another); the user supplied it, "
        "and supplied_by_user says so."),
    "version-from-year": Code(
        "info", "Instrument version taken from the year",
        "The row gives no instrument version; {version} was in use in {year}.",
        "An imported row without instrument_version is taken to use the version in use "
        "in its year (2010-2015: 2010, 2016-2019: 2016, 2020-: 2020)."),
}


@dataclass
class Diagnostic:
    """One problem or observation, located in the source."""

    code: str
    severity: str
    message: str
    line: int | None = None
    area: int | None = None
    question: str | None = None
    year: int | None = None

    def sort_key(self) -> tuple:
        return (self.line or 0, self.area or 0, self.question or "", self.code, self.message)


def make(code: str, *, line: int | None = None, area: int | None = None,
         question: str | None = None, year: int | None = None, **params: object) -> Diagnostic:
    """Build a diagnostic from its catalogue entry and the template's parameters."""
    entry = CATALOGUE[code]
    values = {"area": area, "question": question, "year": year, **params}
    return Diagnostic(code, entry.severity, entry.template.format(**values), line, area,
                      question, year)
