"""How close a parse of a damaged or retypeset report comes to the clean report's.

Shared by ``benchmarks/heldout.py`` and ``tests/test_heldout.py``: the share of numbers
recovered exactly and the F1 of the findings, matched within area and kind.
"""

from __future__ import annotations

# Two findings are the same item when their texts are this similar (rapidfuzz ratio):
# OCR damage that the repair did not undo costs a few points, another item many.
FINDING_MATCH = 90


def numbers(report: dict) -> dict[tuple, float]:
    """Every number the measurement counts, keyed by what it is."""
    found: dict[tuple, float] = {("total",): report["total"]["score"]}
    for area in report["areas"]:
        found[("area", area["number"])] = area["score"]
        for question in area["questions"]:
            for field in ("achieved", "max", "percent"):
                found[("question", question["id"], field)] = question[field]
    for row in report.get("history", []):
        found[("history", row["year"], "total")] = row.get("total")
        for area, score in row.get("scores", {}).items():
            found[("history", row["year"], area)] = score
    return found


def findings(report: dict) -> list[tuple[int, str, str]]:
    """(area, kind, text) of every strength and improvement."""
    return [(area["number"], kind, " ".join(item["text"].split()))
            for area in report["areas"] for kind in ("strengths", "improvements")
            for item in area[kind]]


def findings_f1(expected: list[tuple], got: list[tuple]) -> float:
    """F1 of findings matched one to one within area and kind by fuzzy ratio."""
    from rapidfuzz import fuzz

    if not expected and not got:
        return 1.0
    unused = list(got)
    hits = 0
    for area, kind, text in expected:
        best, best_score = None, FINDING_MATCH
        for candidate in unused:
            if candidate[:2] == (area, kind):
                score = fuzz.ratio(text, candidate[2])
                if score >= best_score:
                    best, best_score = candidate, score
        if best is not None:
            unused.remove(best)
            hits += 1
    if not hits:
        return 0.0
    precision, recall = hits / len(got), hits / len(expected)
    return 2 * precision * recall / (precision + recall)
