"""How the eight areas of one instrument version correspond to those of another.

The correspondence is our reading of the catalogues, so it is data
(``data/crosswalk.json``, with its reasoning in its ``note``) that can be reviewed and
corrected without touching code. Only consecutive versions are written down; longer
spans are chained, and a span read backwards is the same table inverted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kompass_cli.reference.catalog import VERSIONS

# From closest to loosest; a chain of steps is as loose as its loosest step.
RELATIONS = ("same", "renamed", "restructured", "not_comparable")


@dataclass(frozen=True)
class Link:
    """Where one area goes in another version, and how closely it corresponds."""

    targets: tuple[int, ...]
    relation: str
    why: str = ""


def loosest(*relations: str) -> str:
    """The loosest of several relations: the one a chain of them can claim."""
    return max(relations, key=RELATIONS.index)


@cache
def crosswalk_data() -> dict:
    """The crosswalk file as shipped in the package."""
    text = resources.files("kompass_cli").joinpath("data/crosswalk.json").read_text(
        encoding="utf-8")
    return json.loads(text)


@cache
def step(source: str, target: str) -> dict[int, Link]:
    """The written-down table between two consecutive versions."""
    for entry in crosswalk_data()["steps"]:
        if (entry["from"], entry["to"]) == (source, target):
            return {int(number): Link(tuple(link["to"]), link["relation"], link["why"])
                    for number, link in entry["areas"].items()}
    raise KeyError(f"no crosswalk step {source} -> {target}")


def _compose(first: dict[int, Link], second: dict[int, Link]) -> dict[int, Link]:
    """Follow each area through two tables in turn."""
    composed = {}
    for number, link in first.items():
        nexts = [second[t] for t in link.targets]
        targets = tuple(sorted({t for n in nexts for t in n.targets}))
        composed[number] = Link(targets, loosest(link.relation, *(n.relation for n in nexts)))
    return composed


def _invert(table: dict[int, Link]) -> dict[int, Link]:
    """The same table read from the other side."""
    inverted: dict[int, list[tuple[int, str]]] = {}
    for number, link in table.items():
        for target in link.targets:
            inverted.setdefault(target, []).append((number, link.relation))
    return {target: Link(tuple(sorted(n for n, _ in sources)),
                         loosest(*(r for _, r in sources)))
            for target, sources in inverted.items()}


@cache
def between(source: str, target: str) -> dict[int, Link]:
    """Area correspondence from any version to any other, chaining consecutive steps."""
    if source == target:
        return {n: Link((n,), "same") for n in range(1, 9)}
    i, j = VERSIONS.index(source), VERSIONS.index(target)
    if i > j:
        return _invert(between(target, source))
    table = step(VERSIONS[i], VERSIONS[i + 1])
    for k in range(i + 1, j):
        table = _compose(table, step(VERSIONS[k], VERSIONS[k + 1]))
    return table
