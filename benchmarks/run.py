"""Measure what kompass costs on this machine, in one run, against its budgets.

    python benchmarks/run.py [--quick]

Prints a table (measure, value, budget, status) and writes benchmarks/results/run.json.
Ratios measured in the same run are what count: these machines are noisy, so every
comparison (kompass against a bare typer app, --jobs 2 against --jobs 1) is measured
side by side. PDF input is not implemented yet, so its budgets are reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
RESULTS = ROOT / "benchmarks" / "results" / "run.json"

MINIMAL_TYPER_APP = '''
import typer
app = typer.Typer()
@app.command()
def one(): pass
@app.command()
def two(): pass
app()
'''


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _wall(command: list[str], runs: int) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cli_start(runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        minimal = Path(folder) / "minimal.py"
        minimal.write_text(MINIMAL_TYPER_APP, encoding="utf-8")
        python = sys.executable
        return {
            "python -c pass": _wall([python, "-c", "pass"], runs),
            "minimal typer app --help": _wall([python, str(minimal), "--help"], runs),
            "kompass --help": _wall([python, "-m", "kompass_cli", "--help"], runs),
            "kompass parse --help": _wall([python, "-m", "kompass_cli", "parse", "--help"], runs),
        }


def parse_times(repeats: int) -> dict[str, float]:
    """Median in-process parse time per bundled report, lexicon loading measured apart."""
    sys.path.insert(0, str(ROOT / "src"))
    from kompass_cli.pipeline import parse_file
    from kompass_cli.repair.lexicon import load

    started = time.perf_counter()
    load()
    results = {"lexicon load (s)": time.perf_counter() - started}
    for path in sorted(RAW.glob("*.txt")):
        parse_file(path)
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            parse_file(path)
            times.append(time.perf_counter() - started)
        results[path.name] = statistics.median(times)
    return results


def batch(count: int) -> dict[str, float]:
    """Wall time and peak RSS of parsing ``count`` report copies with --jobs 1 and 2."""
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in"
        source.mkdir()
        reports = sorted(RAW.glob("*.txt"))
        for index in range(count):
            shutil.copy(reports[index % len(reports)], source / f"{index:04d}-{reports[index % len(reports)].name}")
        for jobs in (1, 2):
            out = Path(folder) / f"out{jobs}"
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kompass_cli", "parse", str(source), "--out",
                            str(out), "--jobs", str(jobs), "--quiet"], env=_env(), check=True)
            results[f"jobs {jobs} (s)"] = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            results[f"jobs {jobs} peak RSS (MB)"] = max(peak, before) / 1024
        same = all((Path(folder) / "out1" / p.name).read_bytes() == p.read_bytes()
                   for p in (Path(folder) / "out2").iterdir())
        results["identical outputs"] = float(same)
    return results


def budgets(start: dict, parse: dict, many: dict, count: int) -> list[tuple[str, str, str, bool | None]]:
    """(measure, value, budget, met) rows; None where a budget cannot be measured yet."""
    ratio = start["kompass --help"] / start["minimal typer app --help"]
    ocr = parse.get("norsjo-2018.txt", 0.0)
    clean = max(v for k, v in parse.items() if k.endswith(".txt") and k != "norsjo-2018.txt")
    speedup = many["jobs 1 (s)"] / many["jobs 2 (s)"]
    return [
        ("kompass --help", f"{start['kompass --help']:.3f} s", "<= 0.25 s",
         start["kompass --help"] <= 0.25),
        ("kompass --help / minimal typer --help", f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5),
        ("clean text report, median parse", f"{clean * 1000:.1f} ms", "<= 30 ms", clean <= 0.030),
        ("OCR'd report incl. repair, median", f"{ocr * 1000:.1f} ms", "<= 150 ms", ocr <= 0.150),
        ("lexicon load (reported apart)", f"{parse['lexicon load (s)']:.2f} s", "<= 1 s",
         parse["lexicon load (s)"] <= 1.0),
        (f"batch of {count}, --jobs 2", f"{many['jobs 2 (s)']:.1f} s",
         "<= 15 s" if count == 300 else "(300 files: <= 15 s)",
         many["jobs 2 (s)"] <= 15 if count == 300 else None),
        ("--jobs 2 speed-up over --jobs 1", f"{speedup:.2f}x", ">= 1.7x", speedup >= 1.7),
        ("batch peak RSS (--jobs 2)", f"{many['jobs 2 peak RSS (MB)']:.0f} MB", "<= 300 MB",
         many["jobs 2 peak RSS (MB)"] <= 300),
        ("--jobs 2 output identical to --jobs 1", "yes" if many["identical outputs"] else "no",
         "identical", bool(many["identical outputs"])),
        ("PDF parse / pdfplumber word extraction", "not measured", "<= 1.3x", None),
        ("peak RSS, 500-page PDF", "not measured", "<= 400 MB", None),
    ]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="fewer runs and a batch of 60")
    args = options.parse_args()
    runs, repeats, count = (3, 5, 60) if args.quick else (9, 21, 300)
    start, parse, many = cli_start(runs), parse_times(repeats), batch(count)
    rows = budgets(start, parse, many, count)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>12}  {'budget':>12}  status")
    for measure, value, budget, met in rows:
        status = "n/a (PDF input not implemented)" if met is None and "PDF" in measure else (
            "n/a" if met is None else "met" if met else "MISSED")
        print(f"{measure:<{width}}  {value:>12}  {budget:>12}  {status}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"cli_start_s": start, "parse_s": parse, "batch": many,
                                   "budgets": [dict(zip(("measure", "value", "budget", "met"), r))
                                               for r in rows]},
                                  ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
