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
        document = _open_tree(data)
        count = _page_count(document)
        if count > max_pages:
            raise _too_long(path, max_pages, count)
        if engine == "pdfium":
            return _read_with_pdfium(data, document, count, path, (max_pages, limit))
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


def _read_with_pdfium(data: bytes, document, count: int, path: Path,
                      limits: tuple[int, int]) -> PdfText:
    """pdfium trusts the declared page count, so the page tree's leaves are counted
    first: more than the limit is refused. A file pdfium cannot read, or whose page
    count it does not agree with (a false /Count), is read with pdfplumber, which walks
    the tree: so a damaged file meets the same verdict whichever engine is chosen.

    pdfium inflates streams where no ceiling can stop it, so the pages' content
    streams are inflated first under pdfminer's ceiling (``inflate.check_expansion``).
    ``limits`` are the page limit and that ceiling.
    """
    import pypdfium2

    from kompass_cli.read.pdf.pdfium_source import pages

    max_pages, ceiling = limits
    leaves = _leaf_count(document, max_pages, ceiling)
    if leaves > max_pages:
        raise _too_long(path, max_pages)
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return _read_with_pdfplumber(data, count, path, max_pages)
    try:
        if len(pdf) != leaves:
            return _read_with_pdfplumber(data, count, path, max_pages)
        return _read_pages(pages(pdf), count, path, max_pages)
    except pypdfium2.PdfiumError:  # a page pdfium cannot load
        return _read_with_pdfplumber(data, count, path, max_pages)
    finally:
        pdf.close()


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
    page's content streams are checked against the inflation ceiling on the way."""
    from itertools import islice

    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1

    from kompass_cli.read.pdf.inflate import check_expansion

    count = 0
    for page in islice(PDFPage.create_pages(document), max_pages + 1):
        for stream in page.contents:
            check_expansion(resolve1(stream), ceiling)
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
    """Every page read and released in turn; the limit holds even if /Count lied."""
    from kompass_cli.read.pdf.flow import flow
    from kompass_cli.read.pdf.furniture import drop_furniture
    from kompass_cli.read.pdf.page import read_page

    contents = []
    for number, page in enumerate(pages, start=1):
        if number > max_pages:
            raise _too_long(path, max_pages)
        contents.append(read_page(page, number))
    if not contents:
        raise KompassError("is not a readable PDF (damaged or truncated: no pages "
                           "found)", str(path))
    if not any(content.lines or content.tables for content in contents):
        raise KompassError("has no text layer (a scanned image?); run OCR on it first, "
                           "for example with ocrmypdf, and parse the result", str(path))
    drop_furniture(contents)
    text = flow(contents)
    return PdfText(text.lines, text.pages, max(count, len(contents)))


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
