"""Open a PDF under limits and read its pages, refusing what cannot be read.

The page count is read from the document catalogue before any page is parsed, so an
over-long file costs nothing. Pages are read one at a time and their cached layout
objects dropped at once, so memory stays flat however long the document is.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from kompass_cli.core.errors import KompassError

# Documents with more pages than this are refused before parsing (raise with --max-pages).
DEFAULT_MAX_PAGES = 1000
# The library that reads the characters of a PDF's pages (see read_pdf).
ENGINES = ("pdfium", "pdfplumber")
DEFAULT_ENGINE = "pdfium"


@dataclass(frozen=True)
class PdfText:
    """The text read from a PDF: lines, the page of each line, and the page count."""

    lines: list[str]
    pages: list[int]
    page_count: int


def read_pdf(data: bytes, path: Path, max_pages: int = DEFAULT_MAX_PAGES,
             engine: str = DEFAULT_ENGINE) -> PdfText:
    """Lines of text in reading order from the PDF bytes ``data`` of ``path``.

    ``engine`` is the library that reads the characters: pdfium (fast) or pdfplumber;
    both feed the same layout logic and give the same text. The page tree is read with
    pdfminer either way, before any page: its declared count and its real one.
    pdfminer and pdfium meet a damaged or hostile file with many kinds of exception, so
    any exception becomes the one refusal 'not a readable PDF', with its reason;
    running out of memory is left to the caller, which knows the limit.
    """
    from kompass_cli.read.pdf.inflate import guard_pdfminer

    limit = guard_pdfminer()
    try:
        count, leaves = _page_counts(data, max_pages, limit if engine == "pdfium" else None)
        if count > max_pages:
            raise _too_long(path, max_pages, count)
        if leaves is not None:
            return _read_with_pdfium(data, (count, leaves), path, max_pages)
        return _read_with_pdfplumber(data, count, path, max_pages)
    except KompassError:
        raise
    except Exception as error:  # noqa: BLE001 - the libraries fail on hostile files in many ways
        raise _refusal(error, path) from None


def _read_with_pdfplumber(data: bytes, count: int, path: Path, max_pages: int) -> PdfText:
    import pdfplumber

    from kompass_cli.read.pdf.plumber_source import pages

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return _read_pages(pages(pdf), count, path, max_pages)


def _read_with_pdfium(data: bytes, counts: tuple[int, int], path: Path,
                      max_pages: int) -> PdfText:
    """pdfium trusts the declared page count, so the page tree's leaves were counted
    first (``counts``: the declared count and the leaves). A file pdfium cannot read,
    or whose page count it does not agree with (a false /Count), is read with
    pdfplumber, which walks the tree: so a damaged file meets the same verdict whichever
    engine is chosen.
    """
    import pypdfium2

    from kompass_cli.read.pdf.pdfium_source import pages

    count, leaves = counts
    if leaves > max_pages:
        raise _too_long(path, max_pages)
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return _read_with_pdfplumber(data, count, path, max_pages)
    try:
        if len(pdf) != leaves:
            return _read_with_pdfplumber(data, count, path, max_pages)
        return _read_pages(pages(pdf, data), count, path, max_pages)
    except pypdfium2.PdfiumError:  # a page pdfium cannot load
        return _read_with_pdfplumber(data, count, path, max_pages)
    finally:
        pdf.close()


def _page_counts(data: bytes, max_pages: int, ceiling: int | None) -> tuple[int, int | None]:
    """The page tree's declared count and, given the inflation ``ceiling`` (for pdfium),
    the pages it really holds (see ``_leaf_count``). pdfminer keeps every object it has
    read, so its document is let go here, before any page is read.
    """
    document = _open_tree(data)
    count = _page_count(document)
    if ceiling is None or count > max_pages:
        return count, None
    return count, _leaf_count(document, max_pages, ceiling)


def _open_tree(data: bytes):
    """The document's structure (cross-references, catalogue), no page content."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    return PDFDocument(PDFParser(io.BytesIO(data)))


def _page_count(document) -> int:
    """The /Count of the page tree, without parsing any page (0 when it has none)."""
    from pdfminer.pdftypes import resolve1

    tree = resolve1(document.catalog.get("Pages"))
    count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    return count if isinstance(count, int) else 0


def _leaf_count(document, max_pages: int, ceiling: int) -> int:
    """The pages the page tree really holds, counted up to one over the limit; each
    page's content streams and forms are checked against the inflation ceiling on
    the way.

    pdfium inflates streams where no ceiling can stop it, so they are inflated here
    first under pdfminer's ceiling (``inflate.check_page``): a Flate bomb meets the
    same refusal with either engine."""
    from itertools import islice

    from pdfminer.pdfpage import PDFPage

    from kompass_cli.read.pdf.inflate import check_page

    count = 0
    checked: set[int] = set()
    for page in islice(PDFPage.create_pages(document), max_pages + 1):
        check_page(page, ceiling, checked)
        count += 1
    return count


def _refusal(error: Exception, path: Path) -> Exception:
    """What a pdfminer exception means for the user; running out of memory stays one."""
    from pdfminer.pdfdocument import PDFEncryptionError

    from kompass_cli.read.pdf.inflate import StreamTooLarge

    if _wrapped(error, MemoryError):
        return MemoryError()
    if bomb := _wrapped(error, StreamTooLarge):
        from kompass_cli.read.limits import human_size

        return KompassError(f"is not a readable PDF (a compressed stream expands past "
                            f"{human_size(bomb.ceiling)}: a decompression bomb?); raise "
                            f"--max-memory if the file is genuine", str(path))
    if _wrapped(error, PDFEncryptionError):  # a wrong or missing password included
        return _encrypted(path)
    return KompassError(f"is not a readable PDF (damaged or truncated: {_short(error)})",
                        str(path))


def _read_pages(pages, count: int, path: Path, max_pages: int) -> PdfText:
    """Every page read and released in turn; the limit holds even if /Count lied.

    Only each page's lines and tables are kept, compactly (``pagestore``), so memory
    stays flat with the page count: the text aside, a long document costs what a short
    one does.
    """
    from kompass_cli.read.pdf.flow import Measures, flow_pages
    from kompass_cli.read.pdf.page import read_page
    from kompass_cli.read.pdf.pagestore import PageStore

    store = PageStore()
    for number, page in enumerate(pages, start=1):
        if number > max_pages:
            raise _too_long(path, max_pages)
        store.add(read_page(page, number))
        del page  # the characters go before the next page is read
    if not len(store):
        raise KompassError("is not a readable PDF (damaged or truncated: no pages "
                           "found)", str(path))
    if not store.has_text:
        raise KompassError("has no text layer (a scanned image?); run OCR on it first, "
                           "for example with ocrmypdf, and parse the result", str(path))
    measures = Measures()
    for content in store.pages():
        measures.add(content)
    text = flow_pages(store.pages(), measures)
    return PdfText(text.lines, text.pages, max(count, len(store)))


def _too_long(path: Path, max_pages: int, count: int | None = None) -> KompassError:
    """Over the page limit: by the declared count, or found while reading (a false count)."""
    pages = f"{count:,} pages" if count is not None else "more pages than it declares"
    return KompassError(f"has {pages}, over the limit of {max_pages:,}; raise it with "
                        f"--max-pages if the file is genuine", str(path))


def _encrypted(path: Path) -> KompassError:
    return KompassError("is an encrypted PDF that needs a password; save an unprotected "
                        "copy and parse that", str(path))


def _wrapped(error: Exception, kind: type) -> Exception | None:
    """``error`` if it is a ``kind``, or the ``kind`` pdfplumber wrapped in it (it wraps
    pdfminer's errors, an encryption error or running out of memory included)."""
    if isinstance(error, kind):
        return error
    return next((arg for arg in error.args if isinstance(arg, kind)), None)


def _short(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 80 else text[:77] + "..."
