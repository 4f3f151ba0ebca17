"""Build ``src/kompass_cli/data/repair_context.json.gz``, the counts behind the context
of minimal pairs (see ``kompass_cli.repair.context`` and data/REPAIR_CONTEXT.md).

Run from the repository root with the Debian packages named in data/REPAIR_CONTEXT.md
unpacked (``apt-get download NAME && dpkg-deb -x NAME_*.deb DIR``), one folder each,
each named with the source it feeds:

    python benchmarks/corpus/build_context.py help:DIR... translations:DIR...

Sources: ``help``, the Swedish help texts found in its folders (HTML, Mallard pages, man
pages); ``translations``, the Swedish messages of program translations (``.mo`` files
under a ``sv`` locale folder, the machine's own ``/usr/share/locale/sv`` among them) and
Swedish manuals (HTML under a ``sv`` folder), of which only the development part is
counted (``split_once``); paragraphs mostly in English are left out of both. Then the
development part of the held-out corpus (``benchmarks/corpus/dev.txt``, never
``test.txt``) and each clean bundled report as a source of its own, so that
leave-one-out leaves it out. A source whose folders are not named keeps its counts from
the shipped file, so one source can be rebuilt without the other's packages.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import _Paragraphs, split  # noqa: E402

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


_MO_STRING = re.compile(r'^msgstr(?:\[\d+\])? "(.*)"$')
_PO_ESCAPE = re.compile(r'\\([nt"\\])')


def _messages(path: Path) -> list[str]:
    """The Swedish strings of a compiled translation (``msgunfmt`` of GNU gettext), each
    line of a string a paragraph, markup left out."""
    po = subprocess.run(["msgunfmt", str(path)], capture_output=True, text=True,
                        check=True).stdout
    strings: list[list[str]] = []
    current: list[str] | None = None
    for line in po.splitlines():
        start = _MO_STRING.match(line)
        if start:
            current = [start.group(1)]
            strings.append(current)
        elif line.startswith('"') and current is not None:
            current.append(line[1:-1])
        else:
            current = None
    found = []
    for parts in strings:
        text = _PO_ESCAPE.sub(lambda m: {"n": "\n", "t": " "}.get(m.group(1), m.group(1)),
                              "".join(parts))
        found += [p for p in re.sub(r"<[^>]+>", " ", text).split("\n") if p.strip()]
    return found


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
    return _swedish(found)


def translation_paragraphs(folder: Path) -> list[str]:
    """Swedish paragraphs of the translations and manuals under a folder, each once."""
    found: list[str] = []
    for path in sorted(folder.rglob("*")):
        if "/sv/" not in str(path):
            continue
        if path.suffix == ".mo":
            found += _messages(path)
        elif path.suffix in (".html", ".htm"):
            found += _html(path)
    return _swedish(found)


def _swedish(found: list[str]) -> list[str]:
    """Paragraphs of four words or more that read as Swedish, each once, in order."""
    kept: dict[str, None] = {}
    for paragraph in (" ".join(p.split()) for p in found):
        words = _WORDS.findall(paragraph.lower())
        swedish = sum(w in _SWEDISH for w in words)
        if len(words) >= 4 and "\ufffd" not in paragraph and swedish >= 0.12 * len(words) \
                and swedish > 2 * sum(w in _ENGLISH for w in words):
            kept[paragraph] = None
    return list(kept)


def split_once(paragraphs: list[str]) -> list[str]:
    """The development part of a source's paragraphs: the same alternating blocks of ten
    as the held-out corpus (``build.split``); the test part is never counted."""
    return split(paragraphs)[0]


READERS = {"help": lambda folder: help_paragraphs(folder),
           "translations": lambda folder: split_once(translation_paragraphs(folder))}


def main(arguments: list[str]) -> None:
    forms = ambiguous_forms()
    named: dict[str, list[Path]] = {}
    for argument in arguments:
        name, _, folder = argument.partition(":")
        if name not in READERS or not folder:
            raise SystemExit(f"usage: build_context.py SOURCE:DIR..., SOURCE one of {sorted(READERS)}")
        named.setdefault(name, []).append(Path(folder))
    texts = {name: ["\n".join(READERS[name](f)) for f in folders]
             for name, folders in named.items()}
    texts["corpus-dev"] = [(ROOT / "benchmarks" / "corpus" / "dev.txt").read_text(encoding="utf-8")]
    for name in REPORTS:
        texts[name] = [(ROOT / "data" / "raw" / f"{name}.txt").read_text(encoding="utf-8")]
    shipped = json.loads(gzip.decompress(OUT.read_bytes()))["sources"] if OUT.is_file() else {}
    sources = {name: shipped[name] for name in READERS if name in shipped and name not in texts}
    sources |= {name: count(parts, forms, strip_diacritics) for name, parts in texts.items()}
    order = [*READERS, "corpus-dev", *REPORTS]
    sources = {name: sources[name] for name in order if name in sources}
    data = json.dumps({"sources": sources}, ensure_ascii=False, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))
    print(OUT, OUT.stat().st_size, "bytes;", {n: s["total"] for n, s in sources.items()})


if __name__ == "__main__":
    main(sys.argv[1:])
