"""Held-out evaluation: the bundled reports as real tools damage and typeset them.

The variants are made with tools outside the project, so their damage is not designed
by the project's own generators:

* ``lo.pdf``: the report as an HTML page (tab tables as real tables, list lines as
  lists, a serif font) converted to PDF by LibreOffice Writer;
* ``lo-layout.txt`` / ``lo-raw.txt``: that PDF's text by ``pdftotext -layout`` / ``-raw``;
* ``ocr-swe.txt``: that PDF rendered at 150 dpi by ``pdftoppm`` and read by Tesseract
  with the Swedish model;
* ``ocr-eng-degraded.txt``: rendered at 150 dpi, blurred, noised and turned by 0.6
  degrees with Pillow, read by Tesseract with the English model (which has no å, ä, ö,
  as in old scans);
* other settings of the same tools (``OCR_VARIANTS``, ``TYPESETTINGS``): Tesseract's
  page segmentation modes 4 and 6 at 200 and 300 dpi, and a sans-serif typesetting
  (``lo-sans``: DejaVu Sans 10 pt) with its own text and OCR variants.

Needs the Debian packages ``libreoffice-writer-nogui`` (or ``libreoffice-writer``),
``poppler-utils``, ``tesseract-ocr`` and ``tesseract-ocr-swe``, plus Pillow and
rapidfuzz (both installed with the test extra).

    python benchmarks/heldout.py generate   # variants into benchmarks/.heldout-cache
    python benchmarks/heldout.py measure    # parse each and compare with data/normalized
    python benchmarks/heldout.py measure tests/fixtures/heldout   # the committed texts

Measured against the clean report's normalised JSON: the share of numbers recovered
exactly (area scores, total, every question's achieved/max/percent, history rows), the
F1 of strengths and improvements (same area and kind, rapidfuzz ratio >= 90 after the
repair ``parse`` applies), and whether the variant was refused.
"""

from __future__ import annotations

import html
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.heldout_measure import findings, findings_f1, numbers  # noqa: E402

RAW = ROOT / "data" / "raw"
GOLDEN = ROOT / "data" / "normalized"
CACHE = ROOT / "benchmarks" / ".heldout-cache"
TOOLS = ("soffice", "pdftoppm", "pdftotext", "tesseract")

_LIST_ITEM = re.compile(r"^\s*[-*•·▪]\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_HTML_TAG = re.compile(r"<\s*/?\s*[a-z][a-z0-9]*\b[^<>]*>", re.IGNORECASE)


def missing_tools() -> list[str]:
    """The external programs this benchmark needs that are not installed."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


# --- HTML typesetting --------------------------------------------------------------

TYPESETTINGS = {  # name: (body font, body size in pt); cells are 1.5 pt smaller
    "lo": ("Liberation Serif", 11.0),
    "lo-sans": ("DejaVu Sans", 10.0),
}


def to_html(text: str, title: str, font: str = "Liberation Serif", size: float = 11.0) -> str:
    """A report text as an HTML page LibreOffice typesets like a word processor.

    Runs of tab-separated lines become tables (a cell that holds HTML blocks keeps
    them), list lines become lists, other lines paragraphs; markdown bold is bold.
    """
    out = [f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
           f"<style>body{{font-family:'{font}';font-size:{size:g}pt}}"
           f"td{{font-size:{size - 1.5:g}pt;vertical-align:top}} table{{border-collapse:collapse}}"
           "</style></head><body>"]
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" in line:
            rows = []
            while index < len(lines) and "\t" in lines[index]:
                rows.append(lines[index].split("\t"))
                index += 1
            out.append(_table(rows))
            continue
        if _LIST_ITEM.match(line):
            items = []
            while index < len(lines) and _LIST_ITEM.match(lines[index]):
                items.append(_LIST_ITEM.sub("", lines[index], count=1))
                index += 1
            out.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            continue
        if line.strip():
            out.append(f"<p>{_inline(line)}</p>")
        index += 1
    out.append("</body></html>")
    return "\n".join(out)


def _inline(text: str) -> str:
    return _BOLD.sub(r"<b>\1</b>", html.escape(text.strip()))


def _table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    body = []
    for row in rows:
        cells = row + [""] * (width - len(row))
        body.append("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in cells) + "</tr>")
    return "<table border='1' cellpadding='3' width='100%'>" + "".join(body) + "</table>"


def _cell(text: str) -> str:
    """A cell's text; one holding HTML (findings lists, a heading) keeps its markup."""
    if _HTML_TAG.search(text):
        return text.replace("•", "<br>•") if "<li" not in text.lower() else text
    return _inline(text)


# --- generation --------------------------------------------------------------------

def _run(*args: str, cwd: Path | None = None) -> None:
    subprocess.run(args, check=True, cwd=cwd, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=1800)


def typeset(raw: Path, folder: Path, name: str = "lo") -> Path:
    """``raw`` as LibreOffice Writer typesets its HTML version: ``folder/<name>.pdf``."""
    page = folder / f"{name}.html"
    font, size = TYPESETTINGS[name]
    page.write_text(to_html(raw.read_text(encoding="utf-8"), raw.stem, font, size),
                    encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        _run("soffice", f"-env:UserInstallation=file://{profile}", "--headless",
             "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
             "--outdir", str(folder), str(page))
    page.unlink()
    return folder / f"{name}.pdf"


def ocr(pdf: Path, out: Path, language: str, dpi: int, degrade: bool, psm: int = 3) -> None:
    """Tesseract's reading of ``pdf`` rendered at ``dpi``, pages joined by form feeds."""
    from PIL import Image, ImageFilter

    with tempfile.TemporaryDirectory() as tmp:
        _run("pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/page")
        pages = []
        for number, image_path in enumerate(sorted(Path(tmp).glob("page*.png"))):
            if degrade:
                _degrade(image_path, random.Random(number), Image, ImageFilter)
            result = subprocess.run(["tesseract", str(image_path), "-", "-l", language,
                                     "--psm", str(psm)], capture_output=True, text=True,
                                    check=True, timeout=600)
            pages.append(result.stdout.rstrip("\f\n"))
    out.write_text("\n\f".join(pages) + "\n", encoding="utf-8")


def _degrade(path: Path, rng: random.Random, Image, ImageFilter) -> None:
    """Blur, speckle and turn a page slightly, as a photocopy that was scanned."""
    image = Image.open(path).convert("L").filter(ImageFilter.GaussianBlur(0.9))
    pixels = image.load()
    width, height = image.size
    for _ in range(width * height // 400):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 255))
    angle = rng.uniform(-0.6, 0.6)
    image.rotate(angle, resample=Image.BICUBIC, fillcolor=255).save(path)


OCR_VARIANTS = {  # name: (typesetting, Tesseract language, dpi, degraded, page segmentation)
    "ocr-swe": ("lo", "swe", 150, False, 3),
    "ocr-eng-degraded": ("lo", "eng", 150, True, 3),
    "ocr-swe-psm4-200": ("lo", "swe", 200, False, 4),
    "ocr-swe-psm6-300": ("lo", "swe", 300, False, 6),
    "sans-ocr-swe": ("lo-sans", "swe", 150, False, 3),
    "sans-ocr-eng-psm4-200": ("lo-sans", "eng", 200, False, 4),
}


def generate(cache: Path = CACHE, only: set[str] | None = None, jobs: int = 2) -> None:
    """Every variant of every bundled report into ``cache/<report>/``."""
    from concurrent.futures import ThreadPoolExecutor

    lacking = missing_tools()
    if lacking:
        sys.exit(f"error: missing tools: {', '.join(lacking)} (see the docstring)")
    tasks = []
    for raw in sorted(RAW.glob("*.txt")):
        folder = cache / raw.stem
        folder.mkdir(parents=True, exist_ok=True)
        pdfs = {}
        for typesetting in TYPESETTINGS:
            pdfs[typesetting] = pdf = typeset(raw, folder, typesetting)
            for mode in ("layout", "raw"):
                _run("pdftotext", f"-{mode}", "-enc", "UTF-8", str(pdf),
                     str(folder / f"{typesetting}-{mode}.txt"))
        tasks += [(pdfs[typesetting], folder / f"{name}.txt", *settings)
                  for name, (typesetting, *settings) in OCR_VARIANTS.items()
                  if not only or name in only]
    with ThreadPoolExecutor(jobs) as pool:
        for done in pool.map(lambda task: ocr(*task) or task[1], tasks):
            print(f"generated {done}", file=sys.stderr, flush=True)


# --- measurement -------------------------------------------------------------------

def parse(path: Path) -> tuple[dict | None, str]:
    """The JSON ``kompass parse`` prints for ``path``, or None and its error line."""
    result = subprocess.run([sys.executable, "-m", "kompass_cli", "parse", str(path),
                             "--out", "-", "--quiet"],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not result.stdout.strip():
        return None, result.stderr.strip().splitlines()[-1] if result.stderr else "failed"
    return json.loads(result.stdout), ""


def measure_one(path: Path, golden: dict) -> dict:
    """Numbers recovered, findings F1 and refusal of one variant."""
    report, error = parse(path)
    expected = numbers(golden)
    if report is None:
        return {"numbers": 0, "of": len(expected), "f1": 0.0, "refused": error,
                "errors": None}
    got = numbers(report)
    same = sum(1 for key, value in expected.items() if got.get(key) == value)
    errors = sum(1 for d in report["diagnostics"] if d["severity"] == "error")
    return {"numbers": same, "of": len(expected),
            "f1": findings_f1(findings(golden), findings(report)), "refused": "",
            "errors": errors}


def variants(folder: Path) -> list[tuple[str, Path]]:
    """(report, variant file) pairs: ``folder/<report>/<variant>`` or
    ``folder/<report>--<variant>``."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".txt", ".pdf") or not path.is_file():
            continue
        report = path.parent.name if path.parent != folder else path.name.split("--")[0]
        found.append((report, path))
    return found


def measure(folder: Path) -> list[dict]:
    """Measure every variant under ``folder`` and print a table."""
    rows = []
    for report, path in variants(folder):
        golden = json.loads((GOLDEN / f"{report}.json").read_text(encoding="utf-8"))
        row = {"report": report, "variant": path.name, **measure_one(path, golden)}
        rows.append(row)
        print(f"{report:16} {path.name:36} numbers {row['numbers']:4}/{row['of']:<4} "
              f"({row['numbers'] / row['of']:6.1%})  findings F1 {row['f1']:.3f}  "
              f"errors {row['errors']}  {row['refused'][:90]}", flush=True)
    return rows


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in ("generate", "measure"):
        sys.exit("usage: heldout.py generate [VARIANT...] | measure [FOLDER] [--json FILE]")
    if argv[0] == "generate":
        generate(only=set(argv[1:]) or None)
        return
    args = argv[1:]
    out = None
    if "--json" in args:
        out = Path(args[args.index("--json") + 1])
        args = args[:args.index("--json")]
    rows = measure(Path(args[0]) if args else CACHE)
    if out:
        out.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
