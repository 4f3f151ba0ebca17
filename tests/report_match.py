"""How much of a report a variant of it recovers: numbers, findings and diagnostics.

A variant (the same report typeset as a PDF, say) must give the same report as the
clean text. Comparing whole documents says only yes or no; these measures say how much
was recovered, which is what a failing test should print: the numbers (every score,
maximum, percent, total and history cell, keyed by what it is, not by its line), the
findings as sets (precision, recall and F1 of the exact texts) and the diagnostic codes.
"""

from __future__ import annotations

from collections import Counter


def numbers(document: dict) -> Counter:
    """Every number the report states, keyed by its meaning."""
    found: Counter = Counter()
    found[("total", document["total"]["score"])] += 1
    for stated in document["total"]["reported_scores"]:
        found[("total", stated["where"], stated["value"])] += 1
    for area in document["areas"]:
        number = area["number"]
        found[("area", number, area["score"])] += 1
        for stated in area["reported_scores"]:
            found[("area", number, stated["where"], stated["value"])] += 1
        for question in area["questions"]:
            for field in ("achieved", "max", "percent"):
                found[("question", question["id"], field, question[field])] += 1
    for row in document["history"]:
        for key, value in sorted(row["scores"].items()):
            found[("history", row["year"], key, value)] += 1
        found[("history", row["year"], "total", row["total"])] += 1
    return found


def numbers_recovered(variant: dict, clean: dict) -> tuple[int, int]:
    """(numbers of the clean report the variant gives the same, numbers of the clean)."""
    want, got = numbers(clean), numbers(variant)
    return sum((want & got).values()), sum(want.values())


def findings(document: dict) -> set[tuple[int, str, str]]:
    return {(area["number"], kind, item["text"]) for area in document["areas"]
            for kind in ("strengths", "improvements") for item in area[kind]}


def findings_f1(variant: dict, clean: dict) -> float:
    want, got = findings(clean), findings(variant)
    if not want and not got:
        return 1.0
    hits = len(want & got)
    return 2 * hits / (len(want) + len(got))


def diagnostic_codes(document: dict) -> Counter:
    return Counter((d["code"], d["area"], d["question"], d["year"])
                   for d in document["diagnostics"])
