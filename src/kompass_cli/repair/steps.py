"""A repair step: one change on one line, recorded so that it can be shown and replayed."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Step:
    """``before`` became ``after`` at ``column`` (0-based) of ``line`` (1-based), by ``fix``.

    The column is where the change was made, in the line as it was at that moment, so
    steps replayed in order reproduce the repaired text exactly.
    """

    fix: str
    line: int
    before: str
    after: str
    column: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def replay(text: str, steps: list[Step]) -> str:
    """Apply recorded steps to the original text, in order; the line count never changes."""
    lines = text.split("\n")
    for step in steps:
        line = lines[step.line - 1]
        end = step.column + len(step.before)
        if line[step.column:end] != step.before:
            raise ValueError(f"step {step} does not match line {step.line}: {line!r}")
        lines[step.line - 1] = line[:step.column] + step.after + line[end:]
    return "\n".join(lines)
