"""Which version of the instrument a report was evaluated with, from its own text.

The area names a report prints in its area sections identify the version (each revision
renamed areas). Where two versions share names (2010 and 2016 differ in one area only),
the version in use in the evaluation year decides.
"""

from __future__ import annotations

from kompass_cli.core.errors import NotAReport
from kompass_cli.core.raw import RawReport
from kompass_cli.reference.catalog import all_instruments, matches_area

# A version must match at least this many of the eight printed area names.
MIN_MATCHING_AREAS = 5


def detect_version(raw: RawReport) -> str:
    """The instrument version whose area names the report prints."""
    hits = {inst.version: _matching_areas(raw, inst) for inst in all_instruments()}
    best = max(hits.values())
    if best < MIN_MATCHING_AREAS:
        raise NotAReport(f"the area names match no version of the instrument "
                         f"(best: {best} of 8); is this a Kommunkompassen report?")
    leaders = [version for version, count in hits.items() if count == best]
    if len(leaders) > 1 and raw.year is not None:
        in_use = [v for v in leaders
                  if next(i for i in all_instruments() if i.version == v).covers(raw.year.value)]
        leaders = in_use or leaders
    return leaders[-1]


def _matching_areas(raw: RawReport, inst) -> int:
    return sum(1 for area in raw.areas
               if 1 <= area.number <= 8 and matches_area(area.name_in_source, inst.area(area.number)))
