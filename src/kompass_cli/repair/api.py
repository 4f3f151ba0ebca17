"""``repair``: detect damage, then run the registered fixes and return the steps."""

from __future__ import annotations

from kompass_cli.repair.detect import looks_damaged
from kompass_cli.repair.engine import apply_fixes
from kompass_cli.repair.lexicon import load
from kompass_cli.repair.steps import Step


def repair(text: str, *, vocabulary_excludes: frozenset[str] = frozenset(),
           disabled: frozenset[str] = frozenset(), detect: bool = True) -> tuple[str, list[Step]]:
    """Repaired text and the steps that made it; text that does not look damaged is returned as is.

    ``vocabulary_excludes`` leaves domain-vocabulary sources out (names in
    ``lexicon.SOURCES``), ``disabled`` switches fixes off by name, ``detect=False``
    repairs without asking ``looks_damaged`` first (for snippets too short to judge).
    """
    lex = load(frozenset(vocabulary_excludes))
    if detect and not looks_damaged(text, lexicon=lex):
        return text, []
    return apply_fixes(text, lex, frozenset(disabled))
