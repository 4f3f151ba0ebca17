"""The total a summary page prints beside its list of area scores.

A 'Totalt'/'Summa' row of the table, or the first score after such a word in a
sentence (skipping years, percents and 'av 800'), or a score printed out of 800.
"""

from __future__ import annotations

import re

from kompass_cli.core.numbers import parse_number
from kompass_cli.core.raw import SUMMARY, Stated
from kompass_cli.core.words import fold
from kompass_cli.parsers.summarylines import read_line, read_pair
from kompass_cli.parsers.summarysubject import YEAR

# The words a page introduces its total with (folded).
TOTAL_CUE = re.compile(r"\b(totalt?|totalpoang\w*|totalresultat\w*|summa|sammanlagt|"
                       r"sammantaget)\b")
_NUMBER = re.compile(r"(?<![\d,.])(\d{1,3}(?:[.,]\d{1,2})?)(?![\d,.]?\d)(\s*%)?")
_OUT_OF_800 = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{1,2})?)\s*(?:poang\s+)?(?:av|/)\s*"
                         r"(?:totalt\s+|max\s+|maximalt\s+|mojliga\s+)?800\b")
_DENOMINATOR = re.compile(r"(?:\bav\s+(?:totalt\s+|max\s+|maximalt\s+|mojliga\s+)?|/\s*|"
                          r"\bmax\s+)$")


def printed_totals(lines: list[str], start: int, stop: int, column: int = 0) -> list[Stated]:
    """Totals printed between ``start`` and ``stop``: a 'Totalt' row or sentence."""
    found = []
    for index in range(start, stop):
        item = read_line(index, lines[index])
        pair = None if item is not None else read_pair(index, lines)
        if pair is not None and TOTAL_CUE.fullmatch(fold(pair.name)):
            token, index = pair.cells[0].token, pair.end
        elif item is not None and item.table and TOTAL_CUE.search(fold(item.name)):
            cell = item.cells[column] if column < len(item.cells) else None
            token = cell.token if cell else None
        else:
            token = _total_in_text(lines[index])
        if token is not None and token[0].isdigit() and parse_number(token) <= 800:
            found.append(Stated(parse_number(token), SUMMARY, index + 1, token))
    return found


def _total_in_text(line: str) -> str | None:
    """The first score after a total cue, skipping years, percents and 'av 800'; without
    a cue, a score printed out of 800 ('506 av 800 poäng', '506/800')."""
    folded = fold(line)
    cue = TOTAL_CUE.search(folded)
    if cue is None:
        out_of = _OUT_OF_800.search(folded)
        return out_of.group(1) if out_of else None
    for match in _NUMBER.finditer(folded, cue.end()):
        token, percent = match.group(1), match.group(2)
        if percent or YEAR.fullmatch(token) or _DENOMINATOR.search(folded[:match.start()]):
            continue
        return token
    return None
