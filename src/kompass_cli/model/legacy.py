"""Files of schema version 1, read as version 2 and written as version 2.

Version 2 keeps the token each number was printed as ('54,5', '57,0', '45%') and the
line it was printed on, so that the checks of ``kompass parse`` run on the file
itself. A version-1 file has only the values: its tokens are rebuilt from them, a whole
value without decimals ('57,0' comes back as '57', which allows more rounding), a
percent with its sign, and a question's or history row's numbers on the line of the
question or row. Everything else of version 1 is version 2 unchanged.

The rebuilding reads untrusted JSON: it only adds tokens where a value is a number and
its place has a valid line, and leaves everything else for the schema to judge.
"""

from __future__ import annotations

VERSION_1 = "1"
VERSION_2 = "2"
_QUESTION_NUMBERS = ("achieved", "max", "percent")


def is_version_1(data: object) -> bool:
    """Whether a parsed JSON document says it is of schema version 1."""
    return isinstance(data, dict) and data.get("schema_version") == VERSION_1


def to_version_2(data: dict) -> tuple[dict, int]:
    """The version-2 form of a version-1 document, and how many tokens were rebuilt.

    The document is changed in place (a copy would recurse as deep as the JSON nests,
    which a hostile file makes deeper than the interpreter's stack).
    """
    upgraded = data
    upgraded["schema_version"] = VERSION_2
    if upgraded.get("doc_kind") != "kommunkompassen_report":
        return upgraded, 0  # a results summary of version 1 already keeps its tokens
    rebuilt = 0
    total = upgraded.get("total")
    if isinstance(total, dict):
        rebuilt += _reported(total.get("reported_scores"))
    for area in _dicts(upgraded.get("areas")):
        rebuilt += _reported(area.get("reported_scores"))
        for question in _dicts(area.get("questions")):
            rebuilt += _question(question)
    for row in _dicts(upgraded.get("history")):
        rebuilt += _history(row)
    return upgraded, rebuilt


def token(value: object, percent: bool = False) -> str | None:
    """The token a value of version 1 is taken to be printed as: '54,5', '57', '45%'."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return str(value).replace(".", ",") + ("%" if percent else "")


def _dicts(items: object) -> list[dict]:
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _reported(scores: object) -> int:
    count = 0
    for score in _dicts(scores):
        text = token(score.get("value"))
        if text is not None and "printed" not in score:
            score["printed"] = text
            count += 1
    return count


def _printed(text: str | None, place: dict) -> dict | None:
    """A rebuilt token at the line (and page) of its question or row."""
    if text is None or not isinstance(place.get("line"), int):
        return None
    found = {"text": text, "line": place["line"]}
    if place.get("page") is not None:
        found["page"] = place["page"]
    return found


def _question(question: dict) -> int:
    if "printed" in question:
        return 0
    printed = {name: _printed(token(question.get(name), name == "percent"), question)
               for name in _QUESTION_NUMBERS}
    question["printed"] = printed
    return sum(value is not None for value in printed.values())


def _history(row: dict) -> int:
    if "printed" in row:
        return 0
    scores = row.get("scores") if isinstance(row.get("scores"), dict) else {}
    printed_scores = {key: _printed(token(value), row) for key, value in scores.items()}
    printed = {"scores": {k: v for k, v in printed_scores.items() if v is not None},
               "total": _printed(token(row.get("total")), row)}
    row["printed"] = printed
    return len(printed["scores"]) + (printed["total"] is not None)
