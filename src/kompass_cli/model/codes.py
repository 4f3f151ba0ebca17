"""The catalogue of every problem code kompass reports: one entry per code.

Each code has one severity, a title, a message template and an explanation, and says
who raises it (``kompass parse`` in a report's diagnostics, or ``kompass validate`` about
a file) and whether validate runs the check again on a file's data (``rechecked``).
The README's tables of codes are tested against this catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

PARSE = "parse"
VALIDATE = "validate"


@dataclass(frozen=True)
class Code:
    """One entry of the catalogue: a problem ``kompass parse`` records in a report
    (``raised_by`` parse) or one ``kompass validate`` finds in a file (validate)."""

    severity: str
    title: str
    template: str
    explanation: str
    raised_by: str = PARSE
    rechecked: bool = False  # validate runs the check again on a file's data

CATALOGUE: dict[str, Code] = {
    "score-conflict": Code(
        "warning", "Area score printed differently",
        "Area {area}: the score is printed as {values} ({places}).",
        "The report states one area's score with different values in different places. "
        "kompass keeps every value in reported_scores and uses the summary value as the "
        "area's score.",
        rechecked=True),
    "total-conflict": Code(
        "warning", "Total printed differently",
        "The total is printed as {values} ({places}).",
        "The report states its total score with different values in different places.",
        rechecked=True),
    "total-mismatch": Code(
        "warning", "Area scores do not add up to the total",
        "The area scores add up to {sum}, but the total is printed as {total}.",
        "The sum of the eight area scores differs from the printed total by more than "
        "the rounding of the printed area scores can explain.",
        rechecked=True),
    "total-rounding": Code(
        "info", "Total explained by rounding",
        "The area scores add up to {sum} and the total is printed as {total}; rounding of "
        "the printed area scores explains the gap.",
        "Printed area scores are rounded; their unrounded values can add up to the total.",
        rechecked=True),
    "question-sum-mismatch": Code(
        "warning", "Questions do not add up to the area score",
        "Area {area}: the questions add up to {sum}, but the area score is printed as "
        "{score} ({where}, {score_at}); rounding does not explain the gap{hint}.",
        "The achieved scores of an area's questions differ from the area's printed score "
        "by more than the rounding of the printed values (including what the printed "
        "percents reveal) can explain.",
        rechecked=True),
    "question-sum-rounding": Code(
        "info", "Question sum explained by rounding",
        "Area {area}: the questions add up to {sum} and the area score is printed as "
        "{score}; the printed percents show fractional question scores ({range}) that "
        "explain the gap.",
        "Printed question scores are rounded; the printed percents reveal their "
        "fractional values, whose sum fits the printed area score.",
        rechecked=True),
    "percent-mismatch": Code(
        "warning", "Percent does not match achieved/max",
        "Question {question}: {achieved}/{max} is {exact}%, but {percent}% is printed; "
        "rounding does not explain it.",
        "A question's printed percent is not achieved divided by max, even allowing for "
        "the rounding of the printed achieved score.",
        rechecked=True),
    "percent-rounding": Code(
        "info", "Percent reveals a fractional score",
        "Question {question}: {achieved}/{max} is {exact}%, but {percent}% is printed; the "
        "achieved score is a rounded {implied}.",
        "The printed percent differs from achieved/max because the printed achieved "
        "score is rounded from a fractional value, which the percent reveals.",
        rechecked=True),
    "question-max-sum": Code(
        "warning", "Question maxima do not add up to 100",
        "Area {area}: the question maxima add up to {sum}, not 100.",
        "Within an area the maxima of the questions add up to 100 in every version of "
        "the instrument.",
        rechecked=True),
    "question-max-catalogue": Code(
        "warning", "Question max differs from the instrument",
        "Question {question}: max {max} is printed, the instrument version {version} "
        "has {expected}.",
        "The printed maximum of a question differs from the instrument catalogue.",
        rechecked=True),
    "question-score-missing": Code(
        "warning", "Question without its scores",
        "Question {question}: {missing} not found.",
        "The report lists the question, but no table row gives its achieved score or "
        "maximum, so its scores cannot be checked or used; or its percent could not be "
        "read (a scan that read the % sign as digits), and none is guessed.",
        rechecked=True),
    "question-unknown": Code(
        "warning", "Question not in the instrument",
        "Question {question} is not part of instrument version {version}.",
        "The report prints a question id that the catalogue of its version does not have.",
        rechecked=True),
    "question-missing": Code(
        "warning", "Question missing from the report",
        "Area {area}: question {question} of instrument version {version} is not printed.",
        "The catalogue of the version lists a question that the report does not print.",
        rechecked=True),
    "area-questions-missing": Code(
        "error", "Area without its questions",
        "Area {area}: none of the {count} questions of instrument version {version} "
        "was found.",
        "The catalogue of the version lists the area's questions, but none was read: "
        "the report's question table (or the area's list of questions) is missing or "
        "could not be read, so the area score cannot be checked against its questions."),
    "area-number-from-questions": Code(
        "warning", "Area heading's number misread",
        "Area {area}: the section's heading prints {printed}, but every question it "
        "lists is numbered {area}.N; read as area {area}.",
        "A scanned heading's digit disagrees with the ids of all the questions the "
        "section lists; the section is taken as the area those ids name."),
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
        "Area {area}: '{printed}' ({printed_at}) is the name from instrument version "
        "{older}; version {version} calls it '{expected}'.",
        "Reports sometimes print an older name of an area in a table of a newer version."),
    "history-total-mismatch": Code(
        "warning", "History total does not add up",
        "History {year}: the area scores add up to {sum}, but the total is printed as "
        "{total}.",
        "A row of the report's table of earlier evaluations does not add up to its total.",
        rechecked=True),
    "history-current-mismatch": Code(
        "warning", "History differs from the results",
        "History {year}: area {area} is {history}, the results say {score}.",
        "The history table's column for this evaluation differs from the area scores.",
        rechecked=True),
    "report-date-before-evaluation": Code(
        "warning", "Report dated before the evaluation",
        "The report is dated {date}, before the evaluation in {month_year}.",
        "The report's printed date lies before the evaluation it describes; one of the "
        "two is wrong."),
    "year-outside-version": Code(
        "warning", "Year outside the version's period",
        "The evaluation year {year} lies outside the period of instrument version "
        "{version} ({period}).",
        "Each version of the instrument was in use for a known period.",
        rechecked=True),
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
    # Findings of kompass validate about a file (its JSON, its contract, its data).
    "json-duplicate-key": Code(
        "error", "Key given twice",
        "{path}: the key is given more than once (a reader keeps one of the values, which "
        "one depends on the reader)",
        "A key is given twice in one object; JSON readers disagree about which value "
        "counts.", VALIDATE),
    "json-non-finite-number": Code(
        "error", "Number not finite",
        "{path}: {value} is not a finite number; JSON numbers must be finite",
        "A number is NaN or ±Infinity (1e309 reads as Infinity): no score, and not JSON.",
        VALIDATE),
    "schema-missing-field": Code(
        "error", "Field missing", "{path}: {problem}",
        "A field the JSON contract requires is missing.", VALIDATE),
    "schema-unknown-field": Code(
        "error", "Unknown field", "{path}: {problem}",
        "A field the JSON contract does not have (a misspelt or hand-added field).",
        VALIDATE),
    "schema-invalid-value": Code(
        "error", "Invalid value", "{path}: {problem}",
        "A value of the wrong type or outside its allowed values.", VALIDATE),
    "schema-version-old": Code(
        "warning", "Schema version 1",
        "schema_version is 1: read as version 2, {rebuilt} printed tokens rebuilt from "
        "the values ('57,0' as '57'); kompass upgrade {file} writes the file as version 2",
        "Version 1 files are still read. Their numbers' printed tokens are rebuilt from "
        "the values, which loses trailing zeros; kompass upgrade writes the file as "
        "version 2 (re-parse the raw report for the printed tokens).", VALIDATE),
    "score-not-reported": Code(
        "error", "Score not its reported value",
        "{path} is {shown}, but {given}; a score is the summary value, else the first "
        "value printed",
        "total.score or an area's score is not the value its reported_scores give (the "
        "summary value, else the first), the rule kompass parse uses.", VALIDATE),
    "score-out-of-range": Code(
        "error", "Score out of range", "{path} is {value}, outside 0–{high}",
        "A score below 0 or above its maximum, or a negative question value.", VALIDATE),
    "printed-value-mismatch": Code(
        "error", "Value not its printed token", "{path} is {value}, printed as '{printed}'",
        "A reported number and the token it was printed as say different numbers: one of "
        "them was changed after parsing.", VALIDATE),
    "areas-incomplete": Code(
        "error", "Areas incomplete", "areas are {numbers}, expected each of 1-8 once",
        "A report or results summary has each of the eight areas once.", VALIDATE),
    "area-catalogue-mismatch": Code(
        "error", "Area not the version's",
        "area {area} is '{key}' ({name}) in version {version}, the file says "
        "'{file_key}' ({file_name})",
        "An area's key or name is not the one the declared instrument version gives it.",
        VALIDATE),
    "question-wrong-area": Code(
        "error", "Question under another area",
        "question {question} is listed under area {area}",
        "A question's id names another area than the one it is listed under.", VALIDATE),
    "achieved-over-max": Code(
        "error", "Achieved over max",
        "question {question}: achieved {achieved} exceeds max {max}",
        "A question's achieved score exceeds its maximum.", VALIDATE),
    "municipality-code-unknown": Code(
        "error", "Kommunkod unknown", "kommunkod {code} is not in the SCB list",
        "The file's kommunkod is none of the 290 municipalities'.", VALIDATE),
    "municipality-code-mismatch": Code(
        "error", "Kommunkod, name and county disagree",
        "kommunkod {code} is {official} ({official_county}), the file says {name} "
        "({county})",
        "The kommunkod, name and county of the file describe different municipalities.",
        VALIDATE),
    "recorded-contradiction-gone": Code(
        "error", "Recorded contradiction gone",
        "the file records {recorded} ({message}), but its data no longer shows it: the "
        "data was changed after parsing",
        "A diagnostic the file records about its numbers is not found again in its data.",
        VALIDATE),
    "source-checksum-mismatch": Code(
        "error", "Checksum differs",
        "{raw} has sha256 {digest}…, the file records {recorded}…; re-run kompass parse",
        "The raw report's sha256 is not source.sha256: the file was parsed from another "
        "text.", VALIDATE),
    "source-not-checked": Code(
        "info", "Checksum not checked",
        "{raw} is not there or cannot be read, so source.sha256 was not checked; give "
        "--raw-dir the folder of the raw reports",
        "The raw report is not in --raw-dir, so source.sha256 was not compared.",
        VALIDATE),
    "source-missing": Code(
        "error", "Raw report missing",
        "{raw} is not there or cannot be read, so source.sha256 was not checked; "
        "--require-raw asks for it",
        "With --require-raw, a raw report missing from --raw-dir is an error: a checksum "
        "never compared proves nothing.", VALIDATE),
    "source-file-not-a-name": Code(
        "error", "Source file not a name",
        "source.file is {name!r}, not the bare file name parsing writes; the raw report "
        "cannot be looked up",
        "source.file is a path, not the bare file name kompass parse writes.", VALIDATE),
}
