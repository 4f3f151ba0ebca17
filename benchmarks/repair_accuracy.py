"""Benchmark of ``kompass_cli.repair``: accuracy, throughput, lexicon load time and memory.

Run from the repository root: ``python benchmarks/repair_accuracy.py``. Writes
``benchmarks/results/repair.json``.

Accuracy is measured leave-one-out on the clean bundled reports with their diacritics
stripped (å, ä -> a; ö -> o; é -> e): each report is scored with a domain vocabulary
that leaves that report out (the other report, the catalogues and the municipality
names remain). Three figures per fold: the share of all word tokens that come out
right, of tokens that had a diacritic, and of tokens without one that were wrongly
changed. The Norsjö report has no clean original, so its changes are printed for
checking by hand, twice: every changed word of the parsed report's question titles,
strengths and improvements (what ``kompass parse`` repairs, and what the target is
judged on), each distinct change with its count; and a random sample of the steps on
the raw page text.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import time
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kompass_cli.repair import repair  # noqa: E402
from kompass_cli.repair.engine import apply_fixes  # noqa: E402
from kompass_cli.repair.lexicon import load  # noqa: E402

RAW = ROOT / "data" / "raw"
CORPUS = ROOT / "benchmarks" / "corpus"
CLEAN = ("hallsberg-2008", "lindesberg-2021")
WORD = re.compile(r"[^\W\d_]+")
STRIP = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")
SAMPLE_SIZE = 150
SAMPLE_SEED = 2018
# Every distinct change in the parsed Norsjö report, judged by reading it in its
# sentence: "right" or "wrong", a tab, then "before -> after". A change not in the file
# is printed as "unjudged" and kept out of the share until someone has read it.
NORSJO_JUDGED = ROOT / "benchmarks" / "norsjo_parsed_judged.txt"


def strip(text: str) -> str:
    return text.translate(STRIP)


def score_fold(name: str) -> dict:
    """Accuracy on one clean report, stripped, with its own words left out of the vocabulary."""
    original = (RAW / f"{name}.txt").read_text(encoding="utf-8")
    repaired, _ = repair(strip(original), vocabulary_excludes=frozenset({name}))
    return _scored(name, _aligned(WORD.findall(original), WORD.findall(repaired)))


def score_corpus(part: str) -> dict:
    """Accuracy on a part of the held-out corpus (benchmarks/corpus), stripped like a fold.

    The corpus is Swedish text the repair never saw while its rules were written: the
    development part also feeds the context statistics, the test part feeds nothing.
    Lines are paragraphs and the repair keeps lines, so words are aligned line by line.
    """
    original = (CORPUS / f"{part}.txt").read_text(encoding="utf-8")
    repaired, _ = repair(strip(original))
    pairs = [pair for gold, out in zip(original.split("\n"), repaired.split("\n"))
             for pair in _aligned(WORD.findall(gold), WORD.findall(out))]
    return _scored(f"corpus-{part}", pairs)


def _scored(name: str, pairs: list[tuple[str, str]]) -> dict:
    errors = Counter((g, o) for g, o in pairs if g != o)
    with_diacritic = [(g, o) for g, o in pairs if strip(g) != g]
    plain = [(g, o) for g, o in pairs if strip(g) == g]
    return {
        "report": name,
        "tokens": len(pairs),
        "tokens_right": _share(sum(g == o for g, o in pairs), len(pairs)),
        "diacritic_tokens": len(with_diacritic),
        "diacritic_right": _share(sum(g == o for g, o in with_diacritic), len(with_diacritic)),
        "plain_tokens": len(plain),
        "plain_wrongly_changed": _share(sum(g != o for g, o in plain), len(plain)),
        "errors": [f"{g} -> {o} x{n}" for (g, o), n in errors.most_common()],
        "_counts": (sum(g == o for g, o in pairs), len(pairs),
                    sum(g == o for g, o in with_diacritic), len(with_diacritic),
                    sum(g != o for g, o in plain), len(plain)),
    }


def _aligned(gold: list[str], out: list[str]) -> list[tuple[str, str]]:
    """Token pairs; a rejoined hyphenation would shift tokens, so align when counts differ."""
    if len(gold) == len(out):
        return list(zip(gold, out))
    pairs = []
    for tag, a, b, c, d in SequenceMatcher(None, gold, out, autojunk=False).get_opcodes():
        pairs += list(zip(gold[a:b], out[c:d])) if tag in ("equal", "replace") else \
            [(g, "") for g in gold[a:b]]
    return pairs


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 2) if whole else 0.0


def overall(folds: list[dict]) -> dict:
    sums = [sum(f["_counts"][i] for f in folds) for i in range(6)]
    return {"tokens_right": _share(sums[0], sums[1]),
            "diacritic_right": _share(sums[2], sums[3]),
            "plain_wrongly_changed": _share(sums[4], sums[5]),
            "tokens": sums[1]}


def throughput() -> dict:
    """Words per second of the fixes once the lexicon is loaded: cold memo, then warm."""
    texts = [strip((RAW / f"{n}.txt").read_text(encoding="utf-8")) for n in CLEAN]
    texts.append((RAW / "norsjo-2018.txt").read_text(encoding="utf-8"))
    words = sum(len(WORD.findall(t)) for t in texts)
    lex = load(frozenset({"throughput-cold"}))
    lex.context()  # loaded once, like the lexicon; its load time is measured by load_cost
    start = time.perf_counter()
    for text in texts:
        apply_fixes(text, lex)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(3):
        for text in texts:
            apply_fixes(text, lex)
    warm = (time.perf_counter() - start) / 3
    return {"words": words, "cold_words_per_s": round(words / cold),
            "warm_words_per_s": round(words / warm)}


_LOAD = """
import resource, time, tracemalloc, sys
sys.path.insert(0, {src!r})
trace = {trace}
if trace: tracemalloc.start()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
from kompass_cli.repair.lexicon import load
lex = load()
elapsed = time.perf_counter() - start
start = time.perf_counter()
lex.context()
context = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
peak = tracemalloc.get_traced_memory()[1] if trace else 0
print(elapsed, (after - before) / 1024, peak / 2**20, context)
"""


def load_cost() -> dict:
    """Load time and memory in fresh interpreters (tracemalloc slows loading, so run twice)."""
    def run(trace: bool) -> list[float]:
        code = _LOAD.format(src=str(ROOT / "src"), trace=trace)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True)
        return [float(x) for x in result.stdout.split()]

    times = [run(False) for _ in range(3)]
    traced = run(True)
    return {"load_seconds": round(min(t[0] for t in times), 3),
            "context_load_seconds": round(min(t[3] for t in times), 3),
            "rss_increase_mb": round(max(t[1] for t in times), 1),
            "tracemalloc_peak_mb": round(traced[2], 1)}


def norsjo_sample() -> dict:
    """Changed words of the Norsjö report drawn at random (fixed seed), in text order,
    for checking by hand."""
    text = (RAW / "norsjo-2018.txt").read_text(encoding="utf-8")
    _, steps = repair(text)
    words = [s for s in steps if s.after.strip()]
    picked = sorted(random.Random(SAMPLE_SEED).sample(range(len(words)), SAMPLE_SIZE))
    sample = [words[i] for i in picked]
    return {"steps": len(steps), "by_fix": dict(Counter(s.fix for s in steps)),
            "sample": [f"{s.line}: {s.before} -> {s.after} ({s.fix})" for s in sample]}


def norsjo_parsed_changes() -> dict:
    """Every changed word in the parsed Norsjö report's titles and findings.

    The report is parsed without repair, then each question title, strength and
    improvement is repaired as ``kompass parse`` does (``ocr.repair_report_text``) and
    compared with its unrepaired text word by word (words split at white space).
    """
    from kompass_cli.parsers.registry import choose_parser
    from kompass_cli.read.sources import read_source
    from kompass_cli.repair.policy import repair_report_text

    lines = read_source(RAW / "norsjo-2018.txt").lines
    raw = choose_parser(lines).parse(lines)
    before = _items(raw)
    repair_report_text(lines, raw)
    changes: Counter = Counter()
    for old, new in zip(before, _items(raw)):
        old_words, new_words = old.split(), new.split()
        if len(old_words) != len(new_words):
            old_words, new_words = zip(*_aligned(old_words, new_words)) or ((), ())
        changes.update((a, b) for a, b in zip(old_words, new_words) if a != b)
    judged = _judgements()
    verdict = {change: judged.get(change, "unjudged") for change in changes}
    counts = Counter()
    for change, n in changes.items():
        counts[verdict[change]] += n
    total = sum(changes.values())
    read = counts["right"] + counts["wrong"]
    return {"items": len(before), "changed_words": total, "distinct": len(changes),
            "judged_wrong": counts["wrong"], "unjudged": counts["unjudged"],
            "share_right": _share(counts["right"], read),
            "changes": [f"{n} {a} -> {b}" + ("" if verdict[(a, b)] == "right"
                                           else f" ({verdict[(a, b)]})")
                        for (a, b), n in sorted(changes.items(),
                                                key=lambda c: (c[0][0].lower(), c[0]))]}


def _judgements() -> dict[tuple[str, str], str]:
    judged = {}
    if NORSJO_JUDGED.is_file():
        for line in NORSJO_JUDGED.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                verdict, change = line.split("\t", 1)
                before, after = change.split(" -> ", 1)
                judged[(before, after)] = verdict
    return judged


def _items(raw) -> list[str]:
    """Question titles, strengths and improvements of a parsed report, in report order."""
    texts = []
    for area in raw.areas:
        texts += [q.title for q in area.questions]
        texts += [item.text for item in area.strengths + area.improvements]
    return texts


def main() -> None:
    folds = [score_fold(name) for name in CLEAN]
    corpus = [score_corpus(part) for part in ("dev", "test")]
    result = {"folds": [{k: v for k, v in f.items() if k != "_counts"} for f in folds],
              "overall": overall(folds),
              "corpus": [{k: v for k, v in c.items() if k != "_counts"} for c in corpus],
              "throughput": throughput(), "load": load_cost(),
              "norsjo_parsed": norsjo_parsed_changes(), "norsjo": norsjo_sample()}
    for fold_result in result["folds"]:
        print(f"{fold_result['report']}: {fold_result['tokens_right']} % right, "
              f"{fold_result['diacritic_right']} % of diacritic tokens right, "
              f"{fold_result['plain_wrongly_changed']} % of plain tokens wrongly changed "
              f"({fold_result['tokens']} tokens)")
        print("  errors:", "; ".join(fold_result["errors"][:40]))
    o = result["overall"]
    print(f"overall: {o['tokens_right']} % / {o['diacritic_right']} % / "
          f"{o['plain_wrongly_changed']} % ({o['tokens']} tokens)")
    for part in result["corpus"]:
        print(f"{part['report']}: {part['tokens_right']} % / {part['diacritic_right']} % / "
              f"{part['plain_wrongly_changed']} % ({part['tokens']} tokens)")
        print("  most frequent errors:", "; ".join(part["errors"][:10]))
    print("throughput:", result["throughput"])
    print("load:", result["load"])
    parsed = result["norsjo_parsed"]
    print(f"norsjo parsed report: {parsed['changed_words']} changed words "
          f"({parsed['distinct']} distinct) in {parsed['items']} titles and findings; "
          f"{parsed['judged_wrong']} judged wrong, {parsed['unjudged']} not yet judged; "
          f"{parsed['share_right']} % of the judged ones right")
    for line in parsed["changes"]:
        print("  ", line)
    print("norsjo raw text:", result["norsjo"]["steps"], "steps", result["norsjo"]["by_fix"])
    for line in result["norsjo"]["sample"]:
        print("  ", line)
    out = ROOT / "benchmarks" / "results" / "repair.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
