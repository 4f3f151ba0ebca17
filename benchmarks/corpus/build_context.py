"""Build ``src/kompass_cli/data/repair_context.json.gz``, the counts behind the context
of minimal pairs (see ``kompass_cli.repair.context`` and data/REPAIR_CONTEXT.md).

Run from the repository root with the Debian packages named in data/REPAIR_CONTEXT.md
unpacked (``apt-get download NAME && dpkg-deb -x NAME_*.deb DIR``), one folder each:

    python benchmarks/corpus/build_context.py DIR...

Sources: the Swedish help texts found in the folders (HTML, Mallard pages, man pages;
paragraphs mostly in English are left out), the development part of the held-out corpus
(``benchmarks/corpus/dev.txt``, never ``test.txt``) and each clean bundled report as a
source of its own, so that leave-one-out leaves it out.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import _Paragraphs  # noqa: E402
from kompass_cli.repair.context import count  # noqa: E402
from kompass_cli.repair.lexicon import load, strip_diacritics  # noqa: E402

OUT = ROOT / "src" / "kompass_cli" / "data" / "repair_context.json.gz"
REPORTS = ("hallsberg-2008", "lindesberg-2021")
_SWEDISH = set("och att det som en på är av för med till den har de inte om ett men var jag "
               "så han hon vi kan ska eller när här från alla vid också efter där under mot "
               "sin sina du finns kommer får dessa detta denna vilket vilka än då".split())
_ENGLISH = set("the and of to is in that for with this you are be on as it by or from can "
               "not".split())
_WORDS = re.compile(r"[^\W\d_]+")
_PAGE_BLOCK = re.compile(r"<(p|title|item|td)[^>]*>(.*?)</\1>", re.S)
_ROFF_BREAK = (".PP", ".SH", ".TP", ".IP", ".LP", ".SS", ".P")
_ROFF_FONT = re.compile(r"\.(?:B|I|BR|IR|RB|RI|BI|IB)\s+(.*)")
_ROFF_ESCAPE = re.compile(r"\\f[BIRP]|\\\(..|\\-|\\&|\\e")


def ambiguous_forms() -> set[str]:
    """Stripped forms with two or more readings: the printed word and a diacritic word, or
    two diacritic words."""
    lex = load()
    return {form for form, options in lex.variants.items()
            if len(options) + lex.known(form) >= 2}


def _text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _html(path: Path) -> list[str]:
    parser = _Paragraphs()
    parser.feed(_text(path))
    parser._flush()
    return parser.found


def _page(path: Path) -> list[str]:
    """Paragraphs of a Mallard help page."""
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(2))).split())
            for m in _PAGE_BLOCK.finditer(_text(path))]


def _man(path: Path) -> list[str]:
    """Paragraphs of a gzipped man page: text lines between paragraph macros."""
    found, current = [], []
    for line in gzip.decompress(path.read_bytes()).decode("utf-8", "replace").splitlines():
        if line.startswith((".", "'")):
            if line.startswith(_ROFF_BREAK) and current:
                found.append(" ".join(current))
                current = []
            font = _ROFF_FONT.match(line)
            if font:
                current.append(font.group(1).replace('"', ""))
            continue
        current.append(_ROFF_ESCAPE.sub("", line))
    return found + ([" ".join(current)] if current else [])


def help_paragraphs(folder: Path) -> list[str]:
    """Swedish paragraphs of the help texts under a folder, each once, in path order."""
    found: list[str] = []
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".html":
            found += _html(path)
        elif path.suffix == ".page" and "/sv/" in str(path):
            found += _page(path)
        elif path.name.endswith(".gz") and "/man/sv/" in str(path):
            found += _man(path)
    kept: dict[str, None] = {}
    for paragraph in (" ".join(p.split()) for p in found):
        words = _WORDS.findall(paragraph.lower())
        swedish = sum(w in _SWEDISH for w in words)
        if len(words) >= 4 and "\ufffd" not in paragraph and swedish >= 0.12 * len(words) \
                and swedish > 2 * sum(w in _ENGLISH for w in words):
            kept[paragraph] = None
    return list(kept)


def main(folders: list[str]) -> None:
    forms = ambiguous_forms()
    texts = {"help": ["\n".join(help_paragraphs(Path(f))) for f in folders],
             "corpus-dev": [(ROOT / "benchmarks" / "corpus" / "dev.txt").read_text(encoding="utf-8")]}
    for name in REPORTS:
        texts[name] = [(ROOT / "data" / "raw" / f"{name}.txt").read_text(encoding="utf-8")]
    sources = {name: count(parts, forms, strip_diacritics) for name, parts in texts.items()}
    data = json.dumps({"sources": sources}, ensure_ascii=False, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))
    print(OUT, OUT.stat().st_size, "bytes;", {n: s["total"] for n, s in sources.items()})


if __name__ == "__main__":
    main(sys.argv[1:])
