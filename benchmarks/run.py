"""Measure what kompass costs on this machine, in one run, against its budgets.

    python benchmarks/run.py [--quick] [--pdf]

Prints a table (measure, value, budget, status) and writes benchmarks/results/run.json.
Ratios measured in the same run are what count: these machines are noisy, so every
comparison (kompass against a bare typer app, --jobs 2 against --jobs 1, a PDF parse
against pdfplumber's word extraction of the same file) is measured side by side, the
two timings of a pair taken in turn. Peak memory is the largest sum over a command's
whole process tree of each process's proportional set size (PSS, /proc/PID/smaps_rollup,
sampled every 20 ms): forked workers share the parent's pages, and PSS counts a shared
page once across them where summing RSS would count it in every worker.

The PDFs are typeset from data/raw by tests/pdf_render.py (reportlab, installed with
the test extra): the three reports, and a document of about 1,000 pages made of 46
copies of Hallsberg.
"""

from __future__ import annotations

import argparse
import json
import os
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


def process_tree(pid: int) -> list[int]:
    """A process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, stack = [], [pid]
    while stack:
        current = stack.pop()
        tree.append(current)
        stack.extend(children.get(current, []))
    return tree


def proc_field(pid: int, name: str, file: str = "status") -> int:
    """A size field ('Pss', 'VmHWM') of /proc/PID/FILE in bytes; 0 once the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree_pss(pid: int) -> int:
    """Proportional resident bytes of a process and all its descendants, from /proc."""
    return sum(proc_field(current, "Pss", "smaps_rollup") for current in process_tree(pid))


def _peak_run(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak MB of the whole process tree, and the exit code of a command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=_env(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_pss(process.pid))
        time.sleep(0.02)
    return time.perf_counter() - started, peak / 2**20, process.returncode


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
    from kompass_cli.repair.lexicon import load
    from kompass_cli.run.pipeline import parse_file

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


def _distinct_copies(folder: Path, count: int) -> None:
    """``count`` copies of the bundled reports, each under the name of another
    municipality (a plain ASCII name no other name folds to), so that every copy has an output of its
    own: copies of one report would all be refused for sharing one output name."""
    import csv
    import unicodedata

    with (ROOT / "src/kompass_cli/data/kommuner.csv").open(encoding="utf-8") as table:
        every = [row["kommun"] for row in csv.DictReader(table)]
    folded = [unicodedata.normalize("NFKD", name).encode("ascii", "ignore") for name in every]
    names = [name for name, fold in zip(every, folded)  # not one that folds like another
             if name.isascii() and name.isalpha() and folded.count(fold) == 1]
    reports = {path: json.loads((ROOT / "data/normalized" / f"{path.stem}.json")
                                .read_text(encoding="utf-8"))["municipality"]
               for path in sorted(RAW.glob("*.txt"))}
    for index in range(count):
        path, municipality = list(reports.items())[index % len(reports)]
        printed = municipality["name_in_source"].split()[0].removesuffix("s")
        text = path.read_text(encoding="utf-8").replace(printed, names[index // len(reports)])
        (folder / f"{index:04d}-{path.name}").write_text(text, encoding="utf-8")


def batch(count: int, runs: int) -> dict[str, float]:
    """Wall time and peak memory (PSS) of parsing ``count`` report copies with --jobs 1 and 2."""
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in"
        source.mkdir()
        _distinct_copies(source, count)
        commands = {jobs: [sys.executable, "-m", "kompass_cli", "parse", str(source), "--out",
                           str(Path(folder) / f"out{jobs}"), "--jobs", str(jobs), "--quiet"]
                    for jobs in (1, 2)}
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(runs):  # in turn, so that a busy spell hits both alike
            for jobs, command in commands.items():
                times[jobs].append(_wall(command, 1))
        for jobs, command in commands.items():
            results[f"jobs {jobs} (s)"] = statistics.median(times[jobs])
            # Memory in a run of its own: the sampler takes CPU a timed run must not lose.
            results[f"jobs {jobs} peak PSS (MB)"] = _peak_run(command)[1]
        same = all((Path(folder) / "out1" / p.name).read_bytes() == p.read_bytes()
                   for p in (Path(folder) / "out2").iterdir())
        results["identical outputs"] = float(same)
    return results


def _render_pdfs(folder: Path) -> dict[str, Path]:
    sys.path.insert(0, str(ROOT))
    from tests.pdf_render import STYLES, render

    return {stem: render(RAW / f"{stem}.txt", folder / f"{stem}.pdf", style)
            for stem, style in STYLES.items()}


def _words_only(path: Path) -> None:
    """The floor of a pdfplumber-based reader: pdfplumber extracting the words of every
    page, nothing else."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.close()


def _cpu(call) -> float:
    started = time.process_time()
    call()
    return time.process_time() - started


ENGINES = ("pdfium", "pdfplumber")


def pdf_times(repeats: int) -> dict[str, float]:
    """Median CPU time of the in-process parse of each rendered report with each PDF
    engine, and of pdfplumber's word extraction of the same file, taken in turn."""
    sys.path.insert(0, str(ROOT / "src"))
    import pdfplumber

    from kompass_cli.run.pipeline import parse_file

    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for stem, path in _render_pdfs(Path(folder)).items():
            with pdfplumber.open(path) as pdf:
                results[f"{stem} pages"] = len(pdf.pages)
            for engine in ENGINES:  # warm: imports, and the lexicon for the OCR'd report
                parse_file(path, engine=engine)
            times: dict[str, list[float]] = {"pdfplumber words": [],
                                             **{engine: [] for engine in ENGINES}}
            for _ in range(repeats):
                times["pdfplumber words"].append(_cpu(lambda: _words_only(path)))
                for engine in ENGINES:
                    times[engine].append(_cpu(lambda: parse_file(path, engine=engine)))
            for name, values in times.items():
                results[f"{stem} {name} (s)"] = statistics.median(values)
    return results


def _command(name: str, path: Path, folder: Path, engine: str) -> list[str]:
    """`kompass parse` (in-process, no page limit to speak of) or `kompass text`."""
    if name == "text":
        return [sys.executable, "-m", "kompass_cli", "text", str(path), "--max-pages", "5000",
                "--pdf-engine", engine]
    return [sys.executable, "-m", "kompass_cli", "parse", str(path), "--out",
            str(folder / "out"), "--quiet", "--timeout", "86400", "--max-pages", "5000",
            "--pdf-engine", engine]


def pdf_memory() -> dict[str, float]:
    """Peak memory of `kompass text` (reading alone) and `kompass parse` on a report PDF
    of 20 pages (both engines) and on a PDF of about 1,000 pages (46 Hallsberg copies,
    pdfium): reading stays flat with the page count, the text aside."""
    sys.path.insert(0, str(ROOT))
    from tests.pdf_render import render

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        short = render(RAW / "lindesberg-2021.txt", folder / "short.pdf")
        for engine in ENGINES:
            for command in ("text", "parse"):
                _, peak, _ = _peak_run(_command(command, short, folder, engine))
                results[f"20 pages {engine} {command} peak PSS (MB)"] = peak
        text = (RAW / "hallsberg-2008.txt").read_text(encoding="utf-8")
        (folder / "long.txt").write_text(text * 46, encoding="utf-8")
        path = render(folder / "long.txt", folder / "long.pdf")
        import pypdfium2

        document = pypdfium2.PdfDocument(path)
        results["long pages"] = len(document)
        document.close()
        for command in ("text", "parse"):
            seconds, peak, code = _peak_run(_command(command, path, folder, "pdfium"))
            results[f"long pdfium {command} peak PSS (MB)"] = peak
            results[f"long pdfium {command} exit code"] = code
    # A report printed 46 times repeats its areas, so parse refuses it once read (exit 2).
    return results


def pages_memory(copies: tuple[int, ...] = (1, 12, 23, 46)) -> dict[str, float]:
    """Peak memory (PSS) of `kompass text` and `kompass parse` with pdfium against the
    page count: PDFs of 1, 12, 23 and 46 copies of Hallsberg (about 21 to 980 pages).
    Reading stays flat with the page count, its text aside."""
    sys.path.insert(0, str(ROOT))
    import pypdfium2

    from tests.pdf_render import render

    text = (RAW / "hallsberg-2008.txt").read_text(encoding="utf-8")
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for count in copies:
            (folder / "copies.txt").write_text(text * count, encoding="utf-8")
            path = render(folder / "copies.txt", folder / f"copies-{count}.pdf")
            document = pypdfium2.PdfDocument(path)
            pages = len(document)
            document.close()
            for command in ("text", "parse"):
                _, peak, _ = _peak_run(_command(command, path, folder, "pdfium"))
                results[f"{pages} pages pdfium {command} peak PSS (MB)"] = peak
            path.unlink()
    return results


def _pdf_only(repeats: int) -> None:
    """--pdf: the PDF rows alone (speed per engine, memory against the page count),
    written to benchmarks/results/pdf.json."""
    pdf, big, pages = pdf_times(repeats), pdf_memory(), pages_memory()
    rows = _pdf_rows(pdf) + [(key, f"{value:.0f} MB", "<= 400 MB", value <= 400)
                             for key, value in {**big, **pages}.items()
                             if key.endswith("(MB)")]
    _print(rows)
    target = RESULTS.with_name("pdf.json")
    target.write_text(json.dumps({"pdf_s": pdf, "big_pdf": big, "pages_memory": pages,
                                  "budgets": [dict(zip(("measure", "value", "budget", "met"), r))
                                              for r in rows]},
                                 ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written: {target.relative_to(ROOT)}")


def _print(rows: list[tuple[str, str, str, bool | None]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>12}  {'budget':>12}  status")
    for measure, value, budget, met in rows:
        status = "n/a" if met is None else "met" if met else "MISSED"
        print(f"{measure:<{width}}  {value:>12}  {budget:>12}  {status}")


def budgets(start: dict, parse: dict, many: dict, count: int, pdf: dict,
            big: dict) -> list[tuple[str, str, str, bool | None]]:
    """(measure, value, budget, met) rows."""
    ratio = start["kompass --help"] / start["minimal typer app --help"]
    ocr = parse.get("norsjo-2018.txt", 0.0)
    clean = max(v for k, v in parse.items() if k.endswith(".txt") and k != "norsjo-2018.txt")
    speedup = many["jobs 1 (s)"] / many["jobs 2 (s)"]
    return [
        ("kompass --help", f"{start['kompass --help']:.3f} s", "<= 0.25 s",
         start["kompass --help"] <= 0.25),
        ("kompass --help / minimal typer --help", f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5),
        ("kompass parse --help (reported)", f"{start['kompass parse --help']:.3f} s", "-", None),
        ("clean text report, median parse", f"{clean * 1000:.1f} ms", "<= 30 ms", clean <= 0.030),
        ("OCR'd report incl. repair, median", f"{ocr * 1000:.1f} ms", "<= 150 ms", ocr <= 0.150),
        ("lexicon load (reported apart)", f"{parse['lexicon load (s)']:.2f} s", "<= 1 s",
         parse["lexicon load (s)"] <= 1.0),
        (f"batch of {count}, --jobs 2", f"{many['jobs 2 (s)']:.1f} s",
         "<= 15 s" if count == 300 else "(300 files: <= 15 s)",
         many["jobs 2 (s)"] <= 15 if count == 300 else None),
        ("--jobs 2 speed-up over --jobs 1", f"{speedup:.2f}x", ">= 1.7x", speedup >= 1.7),
        ("batch peak memory (PSS, --jobs 2)", f"{many['jobs 2 peak PSS (MB)']:.0f} MB", "<= 300 MB",
         many["jobs 2 peak PSS (MB)"] <= 300),
        ("--jobs 2 output identical to --jobs 1", "yes" if many["identical outputs"] else "no",
         "identical", bool(many["identical outputs"])),
        *_pdf_rows(pdf),
        *[(f"peak memory (PSS), {pages} PDF, {engine}, kompass {command}",
           f"{big[f'{key} {engine} {command} peak PSS (MB)']:.0f} MB", "<= 400 MB",
           big[f"{key} {engine} {command} peak PSS (MB)"] <= 400)
          for key, pages in (("20 pages", "20-page"), ("long", f"{big['long pages']}-page"))
          for engine in ENGINES for command in ("text", "parse")
          if f"{key} {engine} {command} peak PSS (MB)" in big],
    ]


def _pdf_rows(pdf: dict) -> list[tuple[str, str, str, bool | None]]:
    """Per report: pages/s of each engine, and each engine's CPU time over pdfplumber's
    word extraction of the same file (pdfium: <= 0.2x, aiming at 0.12x)."""
    rows: list[tuple[str, str, str, bool | None]] = []
    for key in sorted(k for k in pdf if k.endswith(" pages")):
        stem = key.removesuffix(" pages")
        floor = pdf[f"{stem} pdfplumber words (s)"]
        for engine, budget in (("pdfium", 0.2), ("pdfplumber", 1.3)):
            seconds = pdf[f"{stem} {engine} (s)"]
            ratio = seconds / floor
            rows.append((f"PDF {stem}, {engine}: parse / pdfplumber words",
                         f"{ratio:.3f}x", f"<= {budget}x", ratio <= budget))
            rows.append((f"PDF {stem}, {engine}: pages/s", f"{pdf[key] / seconds:.1f}",
                         "-", None))
        rows.append((f"PDF {stem}: pdfplumber words pages/s", f"{pdf[key] / floor:.1f}",
                     "-", None))
    return rows


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="fewer runs and a batch of 60")
    options.add_argument("--pdf", action="store_true",
                         help="only the PDF measures, with memory against the page count")
    args = options.parse_args()
    runs, repeats, count, pdf_repeats, batch_runs = ((3, 5, 60, 2, 1) if args.quick
                                                     else (9, 21, 300, 5, 3))
    if args.pdf:
        _pdf_only(pdf_repeats)
        return
    start, parse, many = cli_start(runs), parse_times(repeats), batch(count, batch_runs)
    pdf, big = pdf_times(pdf_repeats), pdf_memory()
    rows = budgets(start, parse, many, count, pdf, big)
    _print(rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"cli_start_s": start, "parse_s": parse, "batch": many,
                                   "pdf_s": pdf, "big_pdf": big,
                                   "budgets": [dict(zip(("measure", "value", "budget", "met"), r))
                                               for r in rows]},
                                  ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
