"""Measure what hostile inputs cost under kompass's limits: memory and wall time.

    python benchmarks/limits.py

Builds the inputs on the spot (tests/hostile.py): a 7 KB PDF whose page is a double
Flate bomb of 4 GiB, a PDF whose page is twelve streams of 96 MiB each (every one under
the per-stream ceiling, together past the memory limit), the same with twelve embedded
fonts, two bombs at once with --jobs 2, standard input that never ends, and a 19 MiB
text of one line. Each runs as `kompass parse` with the default limits (--max-memory
1G, --timeout 60) except that the slow inputs get --timeout 10, and the table gives
the exit code, the wall time against the time limit, the peak resident
memory of the largest single process (VmHWM, sampled every 10 ms: a worker's own peak)
and the peak PSS of the whole process tree. Writes benchmarks/results/limits.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import _env, _tree_pss, proc_field, process_tree  # noqa: E402

from tests import hostile  # noqa: E402

SLOW = 10  # the time limit for inputs that are slow rather than big


def _inputs(folder: Path) -> dict[str, list[str]]:
    """The cases: name -> the arguments of one kompass parse run."""
    bomb = folder / "bomb-4g.pdf"
    bomb.write_bytes(hostile.bomb_pdf(4 * 1024 ** 3))
    second = folder / "bomb-4g-copy.pdf"
    second.write_bytes(bomb.read_bytes())
    streams = folder / "streams-12x96m.pdf"
    streams.write_bytes(_many_streams(12, 96 * 1024 ** 2))
    fonts = folder / "fonts-12x96m.pdf"
    fonts.write_bytes(_many_fonts(12, 96 * 1024 ** 2))
    line = folder / "one-line-19m.txt"
    line.write_bytes(b"Kommunkompassen " * (19 * 1024 ** 2 // 16))
    return {"a genuine report (Hallsberg, text)": [str(ROOT / "data/raw/hallsberg-2008.txt")],
            "double Flate bomb, 4 GiB (7 KB file)": [str(bomb)],
            "12 embedded fonts of 96 MiB": [str(fonts)],
            "two bombs, --jobs 2": [str(bomb), str(second), "--jobs", "2"],
            "12 content streams of 96 MiB": [str(streams), "--timeout", str(SLOW)],
            "standard input that never ends": ["-", "--timeout", str(SLOW)],
            "19 MiB text on one line": [str(line), "--timeout", str(SLOW)]}


def _many_streams(count: int, size: int) -> bytes:
    """A one-page PDF whose content is ``count`` double-deflated streams of zeros."""
    body = hostile.flate_bomb(size)
    streams = {5 + i: b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n"
               % len(body) + body + b"\nendstream" for i in range(count)}
    document = hostile.pdf(b"", extra=streams)
    refs = b" ".join(b"%d 0 R" % number for number in streams)
    return document.replace(b"/Contents 4 0 R", b"/Contents [" + refs + b"]")


def _many_fonts(count: int, size: int) -> bytes:
    """A one-page PDF using ``count`` TrueType fonts whose font files are Flate bombs of
    ``size`` bytes each: each is inflated (and kept) when the page's fonts are loaded."""
    body = hostile.flate_bomb(size)
    extra, fonts = {}, []
    for i in range(count):
        font, cid, descriptor, stream = (5 + 4 * i + k for k in range(4))
        extra[font] = (b"<< /Type /Font /Subtype /Type0 /BaseFont /B%d /Encoding /Identity-H "
                       b"/DescendantFonts [%d 0 R] >>" % (i, cid))
        extra[cid] = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /B%d /CIDSystemInfo "
                      b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                      b"/FontDescriptor %d 0 R >>" % (i, descriptor))
        extra[descriptor] = (b"<< /Type /FontDescriptor /FontName /B%d /Flags 4 /FontBBox "
                             b"[0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 "
                             b"/CapHeight 700 /StemV 80 /FontFile2 %d 0 R >>" % (i, stream))
        extra[stream] = (b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n"
                         % len(body) + body + b"\nendstream")
        fonts.append(b"/G%d %d 0 R" % (i, font))
    document = hostile.pdf(b"BT /G0 12 Tf 72 770 Td <0001> Tj ET", extra=extra)
    return document.replace(b"/Font << /F1", b"/Font << " + b" ".join(fonts) + b" /F1")


def measure(arguments: list[str]) -> dict:
    """Exit code, first message, wall seconds, peak single-process RSS and tree PSS."""
    command = [sys.executable, "-m", "kompass_cli", "parse", *arguments, "--out", "-"]
    timeout = float(arguments[arguments.index("--timeout") + 1]) if "--timeout" in arguments \
        else 60.0
    if "--jobs" in arguments:
        command[command.index("-")] = tempfile.mkdtemp()
    started = time.perf_counter()
    process = subprocess.Popen(command, env=_env(), stdin=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    worker_peak = tree_peak = 0
    while process.poll() is None:
        tree = process_tree(process.pid)
        worker_peak = max([worker_peak] + [proc_field(pid, "VmHWM") for pid in tree])
        tree_peak = max(tree_peak, _tree_pss(process.pid))
        time.sleep(0.01)
    seconds = time.perf_counter() - started
    process.stdin.close()
    message = process.stderr.read().splitlines()
    return {"exit code": process.returncode, "seconds": round(seconds, 2),
            "timeout": timeout, "peak process RSS (MB)": round(worker_peak / 2 ** 20),
            "peak tree PSS (MB)": round(tree_peak / 2 ** 20),
            "message": message[0][:150] if message else ""}


def main() -> None:
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, arguments in _inputs(Path(folder)).items():
            results[name] = measure(arguments)
            row = results[name]
            print(f"{name:40} exit {row['exit code']}  {row['seconds']:6.2f} s of "
                  f"{row['timeout']:g} s  process {row['peak process RSS (MB)']:5} MB  "
                  f"tree {row['peak tree PSS (MB)']:5} MB\n    {row['message']}")
    out = ROOT / "benchmarks" / "results" / "limits.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
