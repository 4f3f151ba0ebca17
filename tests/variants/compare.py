"""What must survive a variant: every number, the findings (fuzzily), the diagnostics."""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from kompass_cli.core.match import key
from kompass_cli.core.words import compact

# Diagnostics that describe the input's condition, not the report's content.
CONDITION_CODES = frozenset({"ocr-repaired", "number-ocr-read"})
# Findings at least this similar (0-100, after folding OCR confusions) are the same.
SAME_FINDING = 85


def numbers(report: dict) -> Counter:
    """Every number of a report with where it belongs (lines aside)."""
    found: Counter = Counter()
    found[("total",)] = report["total"]["score"]
    found.update(("total-reported", s["where"], s["value"])
                 for s in report["total"]["reported_scores"])
    for area in report["areas"]:
        n = area["number"]
        found.update({("area", n, area["score"], area["max"])})
        found.update(("area-reported", n, s["where"], s["value"])
                     for s in area["reported_scores"])
        for q in area["questions"]:
            found.update({("question", q["id"], q.get("achieved"), q.get("max"),
                           q.get("percent"))})
    for row in report["history"]:
        found.update({("history", row["year"], row.get("total"),
                       tuple(sorted(row["scores"].items())))})
    return found


def recovered(clean: dict, variant: dict) -> tuple[int, int]:
    """(numbers of the clean report found alike in the variant, numbers in the clean)."""
    expected, got = numbers(clean), numbers(variant)
    return sum((expected & got).values()), sum(expected.values())


def findings(report: dict) -> list[tuple[int, str, str]]:
    """(area, kind, text) of every strength and improvement."""
    return [(area["number"], kind, finding["text"]) for area in report["areas"]
            for kind in ("strengths", "improvements") for finding in area[kind]]


def findings_f1(clean: dict, variant: dict, rename: tuple[str, str] | None = None) -> float:
    """F1 of the variant's findings against the clean ones, matched one to one, fuzzily."""
    expected = [(a, k, _comparable(t, rename)) for a, k, t in findings(clean)]
    got = [(a, k, _comparable(t, None)) for a, k, t in findings(variant)]
    unmatched = list(got)
    hits = 0
    for area, kind, text in expected:
        best = max((item for item in unmatched if item[:2] == (area, kind)),
                   key=lambda item: fuzz.ratio(text, item[2]), default=None)
        if best is not None and fuzz.ratio(text, best[2]) >= SAME_FINDING:
            hits += 1
            unmatched.remove(best)
    if not expected and not got:
        return 1.0
    precision = hits / len(got) if got else 0.0
    recall = hits / len(expected) if expected else 0.0
    return 0.0 if hits == 0 else 2 * precision * recall / (precision + recall)


def _comparable(text: str, rename: tuple[str, str] | None) -> str:
    if rename:
        text = text.replace(*rename)
    return compact(key(text))


def diagnostic_codes(report: dict) -> Counter:
    """(code, area, question, year) of each diagnostic about the report's content."""
    return Counter((d["code"], d.get("area"), d.get("question"), d.get("year"))
                   for d in report["diagnostics"] if d["code"] not in CONDITION_CODES)
