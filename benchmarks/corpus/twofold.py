"""Two-fold measure of the counted context on the development part of the held-out corpus.

The shipped statistics count all of ``dev.txt``, so measuring on it flatters them. Here
the development part is cut in two (alternating blocks of ten paragraphs, as
``build.split``): the counts of one half stand in for ``corpus-dev`` and the other half is
repaired and scored, then the other way round. Changes to the context (a source, a
weight) are chosen on this figure, never on the test part.

    python benchmarks/corpus/twofold.py [--add CONTEXT.json.gz] [--near W] [--far W]

``--add`` adds the sources of another statistics file (made by ``build_context.py``)
beside the shipped ones, as evidence of neighbours only (``context.NOT_PRIOR``); ``--near`` and ``--far`` set the weights of the neighbours one
and two places away (``context.WEIGHTS``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import repair_accuracy as bench  # noqa: E402
from build import split  # noqa: E402
from build_context import OUT, ambiguous_forms  # noqa: E402

from kompass_cli.repair import context  # noqa: E402
from kompass_cli.repair.engine import apply_fixes  # noqa: E402
from kompass_cli.repair.lexicon import load, strip_diacritics  # noqa: E402


def _sources(path: Path) -> dict:
    return json.loads(gzip.decompress(path.read_bytes()))["sources"]


def measure(sources: dict) -> dict:
    """Scores of the two halves of dev.txt, each repaired with the other half counted."""
    dev = (HERE / "dev.txt").read_text(encoding="utf-8").splitlines()
    halves = split(dev)
    forms = ambiguous_forms()
    pairs = []
    for index, half in enumerate(halves):
        counted = dict(sources, **{"corpus-dev": context.count(["\n".join(halves[1 - index])],
                                                                forms, strip_diacritics)})
        context._raw = lambda counted=counted: {"sources": counted}
        context._load.cache_clear()
        lex = load(frozenset({f"twofold-{index}"}))  # a lexicon of its own: an empty memo
        text = "\n".join(half)
        repaired, _ = apply_fixes(bench.strip(text), lex)
        for gold, out in zip(text.split("\n"), repaired.split("\n")):
            pairs += bench._aligned(bench.WORD.findall(gold), bench.WORD.findall(out))
    return bench._scored("corpus-dev two-fold", pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--add", type=Path, help="statistics file whose sources are added")
    parser.add_argument("--near", type=float, default=context.WEIGHTS["-1"])
    parser.add_argument("--far", type=float, default=context.WEIGHTS["-2"])
    args = parser.parse_args()
    sources = {name: s for name, s in _sources(OUT).items() if name != "corpus-dev"}
    if args.add:
        added = {name: s for name, s in _sources(args.add).items() if name not in sources
                 and name != "corpus-dev"}
        sources |= added
        context.NOT_PRIOR = context.NOT_PRIOR | set(added)
    context.WEIGHTS = {"-2": args.far, "-1": args.near, "+1": args.near, "+2": args.far}
    result = measure(sources)
    errors = sum(int(e.rsplit("x", 1)[1]) for e in result["errors"])
    print(f"{result['tokens_right']} % / {result['diacritic_right']} % / "
          f"{result['plain_wrongly_changed']} % ({result['tokens']} tokens, {errors} errors; "
          f"sources {sorted(sources)} + half of corpus-dev)")
    print("  most frequent errors:", "; ".join(result["errors"][:10]))


if __name__ == "__main__":
    main()
