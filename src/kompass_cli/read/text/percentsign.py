"""A percent sign that OCR read as digits, read back only where one reading is left.

A table row ends 'achieved max percent' ('13 15 85%'). Tesseract often reads the '%'
glyph (a ring, a slash, a ring) as one to four digits glued to the number: '8526',
'71960', '812460', '4190', '854'. The glyph's digits open with 2, 4 or 9 and go on with
0, 2, 4, 6 or 9; the percent is 0 to 100, the max of a row at most 100 and the achieved
at most the max. A token too large to be a percent itself is cut into a percent and
such a tail wherever it can be, and a cut whose percent lies far from what the row's
own achieved and max make (``PLAUSIBLE``) is ruled out: a wrong cut lands tens of
points away ('294' as 2% for 6 of 20). Only where exactly one cut is left is the token
read, with a note (``number-ocr-read``); otherwise it stays as printed and the layout
reports the percent as missing. A printed percent that contradicts its row by that much
is therefore reported missing, not read: a reading is never a guess. The printed digits
are never changed, only cut.
"""

from __future__ import annotations

import re

from kompass_cli.core.raw import Note
from kompass_cli.read.text.lines import Prepared

_ROW_END = re.compile(r"(?<![\d,.])(\d{1,3})([ \t]+)(\d{1,3})([ \t]+)(\d{3,7})[ \t]*$")
_SIGN = re.compile(r"[249][02469]{0,3}")
# Points between a percent and achieved/max: printed percents come from unrounded
# sub-scores and differ from the quotient by a few points, a wrong cut by tens.
PLAUSIBLE = 20


def read_percent_signs(prepared: Prepared) -> tuple[Prepared, list[Note]]:
    """The lines with a percent sign read as digits put back where one reading is left."""
    return prepared.read_each(_read_line)


def _read_line(line: str, number: int, notes: list[Note]) -> str:
    match = _ROW_END.search(line) if line.rstrip()[-1:].isdigit() else None
    if not match:
        return line
    achieved, maximum, token = int(match.group(1)), int(match.group(3)), match.group(5)
    if int(token) <= 100 or not 0 < maximum <= 100 or achieved > maximum:
        return line
    readings = percent_readings(token, 100 * achieved / maximum)
    if len(readings) != 1:
        return line
    percent = readings[0]
    notes.append(Note("number-ocr-read", number, {"printed": token, "read": f"{percent}%"}))
    return line[:match.start(5)] + f"{percent}%" + line[match.end(5):]


def percent_readings(token: str, expected: float) -> list[str]:
    """Every percent the digits may print before a misread '%' ('8526' -> ['85']),
    within ``PLAUSIBLE`` points of ``expected`` (the row's achieved / max in percent)."""
    found = []
    for cut in range(1, min(3, len(token) - 1) + 1):
        head, tail = token[:cut], token[cut:]
        if ((head[0] != "0" or cut == 1) and int(head) <= 100 and _SIGN.fullmatch(tail)
                and abs(int(head) - expected) <= PLAUSIBLE):
            found.append(head)
    return found
