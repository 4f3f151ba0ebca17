"""Repair scanned Swedish report text: lost diacritics, OCR confusions, hyphenation.

``repair(text)`` returns the repaired text and the steps that made it; ``replay`` applies
the steps to the original again; ``looks_damaged`` tells whether a text needs repair at
all. Every fix is a named function in ``engine.FIXES``; the method, its measured
accuracy and its known errors are in docs/repair.md.
"""

from kompass_cli.repair.api import repair
from kompass_cli.repair.detect import looks_damaged
from kompass_cli.repair.steps import Step, replay

__all__ = ["Step", "looks_damaged", "repair", "replay"]
