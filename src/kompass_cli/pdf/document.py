"""Open a PDF under limits and read its pages, refusing what cannot be read.

The page count is read from the document catalogue before any page is parsed, so an
over-long file costs nothing. Pages are read one at a time and their cached layout
objects dropped at once, so memory stays flat however long the document is.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from kompass_cli.errors import KompassError

# Documents with more pages than this are refused before parsing (raise with --max-pages).
DEFAULT_MAX_PAGES = 1000


@dataclass(frozen=True)
class PdfText:
    """The text read from a PDF: lines, the page of each line, and the page count."""

    lines: list[str]
    pages: list[int]
    page_count: int


def read_pdf(data: bytes, path: Path, max_pages: int = DEFAULT_MAX_PAGES) -> PdfText:
    """Lines of text in reading order from the PDF bytes ``data`` of ``path``.

    pdfminer meets a damaged or hostile file with many kinds of exception, so any
    exception from it becomes the one refusal 'not a readable PDF', with its reason;
    running out of memory is left to the caller, which knows the limit.
    """
    import pdfplumber

    from kompass_cli.pdf.inflate import guard_pdfminer

    guard_pdfminer()
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = _page_count(pdf)
            if count > max_pages:
                raise _too_long(path, max_pages, count)
            return _read_pages(pdf, count, path, max_pages)
    except KompassError:
        raise
    except Exception as error:  # noqa: BLE001 - pdfminer fails on hostile files in many ways
        raise _refusal(error, path) from None


def _refusal(error: Exception, path: Path) -> Exception:
    """What a pdfminer exception means for the user; running out of memory stays one."""
    from pdfminer.pdfdocument import PDFEncryptionError

    from kompass_cli.pdf.inflate import StreamTooLarge

    if _wrapped(error, MemoryError):
        return MemoryError()
    if bomb := _wrapped(error, StreamTooLarge):
        from kompass_cli.limits import human_size

        return KompassError(f"is not a readable PDF (a compressed stream expands past "
                            f"{human_size(bomb.ceiling)}: a decompression bomb?); raise "
                            f"--max-memory if the file is genuine", str(path))
    if _wrapped(error, PDFEncryptionError):  # a wrong or missing password included
        return _encrypted(path)
    return KompassError(f"is not a readable PDF (damaged or truncated: {_short(error)})",
                        str(path))


def _read_pages(pdf, count: int, path: Path, max_pages: int) -> PdfText:
    """Every page read and released in turn; the limit holds even if /Count lied."""
    from kompass_cli.pdf.flow import flow
    from kompass_cli.pdf.furniture import drop_furniture
    from kompass_cli.pdf.page import read_page

    contents = []
    for number, page in enumerate(pdf.pages, start=1):
        if number > max_pages:
            raise _too_long(path, max_pages)
        contents.append(read_page(page, number))
        page.close()
    if not any(content.lines or content.tables for content in contents):
        raise KompassError("has no text layer (a scanned image?); run OCR on it first, "
                           "for example with ocrmypdf, and parse the result", str(path))
    drop_furniture(contents)
    text = flow(contents)
    return PdfText(text.lines, text.pages, max(count, len(contents)))


def _page_count(pdf) -> int:
    """The /Count of the page tree, without parsing any page."""
    from pdfminer.pdftypes import resolve1

    tree = resolve1(pdf.doc.catalog.get("Pages"))
    count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    return count if isinstance(count, int) else len(pdf.pages)


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
