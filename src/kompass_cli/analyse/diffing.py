"""What differs between two normalised reports, matched by meaning, not by position.

Two parses of the same report, or two evaluations of a municipality, list the same
things in different orders and print them on different lines. Comparing the JSON text
would drown the real changes in that noise, so each list is matched by what identifies
an item: areas by number, questions by id, history rows by year, diagnostics by
(code, area, question, year), reported scores by (where, line) and then by where, and
findings by their text, exactly first and then fuzzily, so a reworded item is one
change instead of a removal plus an addition.

Line numbers are provenance, not content: they are ignored unless ``lines=True``, which
reports a value that is equal but printed on another line as kind ``moved``; so are the
tokens numbers were printed as (their values are compared). The fields compared are
the models' own, less provenance, keys and the lists matched item by item. The
``source`` block (file name, checksum, parser) describes where the JSON came from, not
what the report says, and is never compared. Diagnostic messages are not compared
either: they are built from the values (which are compared) and cite line numbers.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from kompass_cli.model.writer import report_document
from kompass_cli.schemas.common import (
    AreaBase,
    Diagnostic,
    Evaluation,
    HistoryRow,
    InstrumentBase,
    Municipality,
    Question,
    ReportBase,
    ReportedScore,
    Total,
)

Kind = Literal["added", "removed", "changed", "moved"]
Item = dict[str, Any]

FUZZY_THRESHOLD = 85
"""Lowest rapidfuzz token_sort_ratio (on case-folded text) for a reworded finding."""

# Where a value was printed, and the token it was printed as, are provenance: the value
# itself is compared.
_PROVENANCE = frozenset({"line", "page", "printed"})


def _compared(model: type, *apart: str) -> tuple[str, ...]:
    """The fields of a model compared value by value: all but provenance and those
    ``apart`` (the key that matches items, and lists matched item by item)."""
    return tuple(name for name in model.model_fields if name not in _PROVENANCE | set(apart))


_INSTRUMENT = _compared(InstrumentBase, "name")
_MUNICIPALITY = _compared(Municipality)
_EVALUATION = _compared(Evaluation)
_TOTAL = _compared(Total, "reported_scores")
_AREA = _compared(AreaBase, "number", "reported_scores", "other_names", "questions",
                  "strengths", "improvements")
_QUESTION = _compared(Question, "id", "other_titles")
_HISTORY = _compared(HistoryRow, "year", "scores")
_DIAGNOSTIC = _compared(Diagnostic, "code", "area", "question", "year", "message")
_REPORTED = _compared(ReportedScore, "where")


@dataclass(frozen=True)
class Difference:
    """One change from report A to report B; ``old`` is None when added, ``new`` when removed."""

    kind: Kind
    path: str
    old: Any = None
    new: Any = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def diff_reports(a: ReportBase, b: ReportBase, *, lines: bool = False) -> list[Difference]:
    """Every difference from A to B, in contract order; an empty list means equal."""
    x, y = report_document(a), report_document(b)
    return (_fields(x["instrument"], y["instrument"], "instrument", _INSTRUMENT, lines)
            + _fields(x["municipality"], y["municipality"], "municipality", _MUNICIPALITY, lines)
            + _fields(x["evaluation"], y["evaluation"], "evaluation", _EVALUATION, lines)
            + _fields(x["total"], y["total"], "total", _TOTAL, lines)
            + _reported_scores(x["total"]["reported_scores"], y["total"]["reported_scores"],
                               "total.reported_scores", lines)
            + _areas(x["areas"], y["areas"], lines)
            + _history(x["history"], y["history"], lines)
            + _diagnostics(x["diagnostics"], y["diagnostics"], lines))


def _fields(a: Item, b: Item, path: str, names: Sequence[str], lines: bool) -> list[Difference]:
    """Changed values of the named fields, then the line if asked for and it moved."""
    found = [Difference("changed", f"{path}.{name}", a[name], b[name])
             for name in names if a[name] != b[name]]
    return found + _moved(a, b, path, lines)


def _moved(a: Item, b: Item, path: str, lines: bool) -> list[Difference]:
    if lines and a.get("line") != b.get("line"):
        return [Difference("moved", f"{path}.line", a.get("line"), b.get("line"))]
    return []


def _pair(a_items: Sequence[Item], b_items: Sequence[Item],
          key: Callable[[Item], Any]) -> tuple[list[tuple[Item, Item]], list[Item], list[Item]]:
    """Pair items with equal keys in list order; returns (pairs, only in A, only in B).

    Keys may repeat (two diagnostics of one kind): the n-th of A pairs with the n-th of B.
    """
    pool: dict[Any, deque[Item]] = defaultdict(deque)
    for item in b_items:
        pool[key(item)].append(item)
    pairs, removed = [], []
    for item in a_items:
        bucket = pool.get(key(item))
        if bucket:
            pairs.append((item, bucket.popleft()))
        else:
            removed.append(item)
    paired = {id(b) for _, b in pairs}
    return pairs, removed, [item for item in b_items if id(item) not in paired]


Compare = Callable[[Item, Item, str], list[Difference]]


def _matched(a_items: Sequence[Item], b_items: Sequence[Item], key: Callable[[Item], Any],
             selector: Callable[[Item], str], compare: Compare,
             order: Callable[[Item], Any] | None = None) -> list[Difference]:
    """Match two keyed lists: whole items added or removed, paired items compared.

    Output follows A's order with B's additions last, or ``order`` when given, so that
    reordering a list alone never changes the result's order.
    """
    pairs, removed, added = _pair(a_items, b_items, key)
    partner = {id(a): b for a, b in pairs}
    entries = [(a, compare(a, partner[id(a)], selector(a)) if id(a) in partner
                else [Difference("removed", selector(a), a, None)]) for a in a_items]
    entries += [(b, [Difference("added", selector(b), None, b)]) for b in added]
    if order is not None:
        entries.sort(key=lambda entry: order(entry[0]))
    return [difference for _, found in entries for difference in found]


def _areas(a: list[Item], b: list[Item], lines: bool) -> list[Difference]:
    def compare(x: Item, y: Item, path: str) -> list[Difference]:
        return (_fields(x, y, path, _AREA, lines)
                + _reported_scores(x["reported_scores"], y["reported_scores"],
                                   f"{path}.reported_scores", lines)
                + _texts(x["other_names"], y["other_names"], f"{path}.other_names", lines)
                + _questions(x["questions"], y["questions"], f"{path}.questions", lines)
                + _texts(x["strengths"], y["strengths"], f"{path}.strengths", lines)
                + _texts(x["improvements"], y["improvements"], f"{path}.improvements", lines))

    return _matched(a, b, key=lambda area: area["number"],
                    selector=lambda area: f"areas[number={area['number']}]",
                    compare=compare, order=lambda area: area["number"])


def _questions(a: list[Item], b: list[Item], path: str, lines: bool) -> list[Difference]:
    def compare(x: Item, y: Item, where: str) -> list[Difference]:
        return (_fields(x, y, where, _QUESTION, lines)
                + _texts(x["other_titles"], y["other_titles"], f"{where}.other_titles", lines))

    return _matched(a, b, key=lambda q: q["id"], selector=lambda q: f"{path}[id={q['id']}]",
                    compare=compare, order=lambda q: tuple(int(n) for n in q["id"].split(".")))


def _history(a: list[Item], b: list[Item], lines: bool) -> list[Difference]:
    def compare(x: Item, y: Item, path: str) -> list[Difference]:
        scores = _scores(x["scores"], y["scores"], f"{path}.scores")
        return _fields(x, y, path, _HISTORY, lines) + scores

    return _matched(a, b, key=lambda row: row["year"],
                    selector=lambda row: f"history[year={row['year']}]",
                    compare=compare, order=lambda row: row["year"])


def _scores(a: dict[str, Any], b: dict[str, Any], path: str) -> list[Difference]:
    """A history row's area scores, keyed by area number as a string."""
    found = []
    for number in sorted(a.keys() | b.keys()):
        if number not in b:
            found.append(Difference("removed", f"{path}.{number}", a[number], None))
        elif number not in a:
            found.append(Difference("added", f"{path}.{number}", None, b[number]))
        elif a[number] != b[number]:
            found.append(Difference("changed", f"{path}.{number}", a[number], b[number]))
    return found


def _diagnostic_key(diagnostic: Item) -> tuple:
    return tuple(diagnostic[name] for name in ("code", "area", "question", "year"))


def _diagnostic_selector(diagnostic: Item) -> str:
    parts = [f"{name}={diagnostic[name]}" for name in ("code", "area", "question", "year")
             if diagnostic[name] is not None]
    return f"diagnostics[{','.join(parts)}]"


def _diagnostics(a: list[Item], b: list[Item], lines: bool) -> list[Difference]:
    """Diagnostics added or removed; of a kept one only its severity and line count."""
    return _matched(a, b, key=_diagnostic_key, selector=_diagnostic_selector,
                    compare=lambda x, y, path: _fields(x, y, path, _DIAGNOSTIC, lines))


def _reported_scores(a: list[Item], b: list[Item], path: str, lines: bool) -> list[Difference]:
    """Match by (where, line) first, so a reprint on another line pairs by where alone."""
    exact, rest_a, rest_b = _pair(a, b, key=lambda s: (s["where"], s["line"]))
    loose, _, added = _pair(rest_a, rest_b, key=lambda s: s["where"])
    shared = {s["where"] for s in a if sum(t["where"] == s["where"] for t in a) > 1}
    shared |= {s["where"] for s in b if sum(t["where"] == s["where"] for t in b) > 1}

    def selector(score: Item) -> str:
        line = f",line={score['line']}" if score["where"] in shared else ""
        return f"{path}[where={score['where']}{line}]"

    partner = {id(x): y for x, y in exact + loose}
    found = []
    for x in a:
        y = partner.get(id(x))
        found += (_fields(x, y, selector(x), _REPORTED, lines) if y is not None
                  else [Difference("removed", selector(x), x, None)])
    return found + [Difference("added", selector(s), None, s) for s in added]


def _texts(a: list[Item], b: list[Item], path: str, lines: bool) -> list[Difference]:
    """Printed texts (findings, other names) matched by text: exactly, then fuzzily.

    A fuzzy pair is one ``changed`` difference with both texts, so a reworded strength
    is not reported as one removed and one added.
    """
    exact, rest_a, rest_b = _pair(a, b, key=lambda item: item["text"])
    fuzzy = _fuzzy_pairs(rest_a, rest_b)
    reworded = {id(x): y for x, y in fuzzy}
    taken = {id(y) for _, y in fuzzy}
    partner = {id(x): y for x, y in exact} | reworded

    def selector(item: Item) -> str:
        return f"{path}[text={json.dumps(item['text'], ensure_ascii=False)}]"

    found = []
    for x in a:
        y = partner.get(id(x))
        if y is None:
            found.append(Difference("removed", selector(x), x["text"], None))
            continue
        if id(x) in reworded:
            found.append(Difference("changed", selector(x), x["text"], y["text"]))
        found += _moved(x, y, selector(x), lines)
    found += [Difference("added", selector(y), None, y["text"])
              for y in rest_b if id(y) not in taken]
    return found


def _fuzzy_pairs(a: list[Item], b: list[Item]) -> list[tuple[Item, Item]]:
    """Greedy best-first pairing of texts at least FUZZY_THRESHOLD alike, ties in list order."""
    from rapidfuzz import fuzz

    candidates = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            score = fuzz.token_sort_ratio(x["text"].casefold(), y["text"].casefold())
            if score >= FUZZY_THRESHOLD:
                candidates.append((-score, i, j))
    pairs, used_a, used_b = [], set(), set()
    for _, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            pairs.append((a[i], b[j]))
            used_a.add(i)
            used_b.add(j)
    return pairs
