"""A ceiling on how far one compressed PDF stream may expand (Flate bombs).

A few kilobytes of twice-deflated zeros expand to gigabytes, and pdfminer inflates a
stream in one call. The ceiling stops such a stream as it expands, long before the
memory limit would; it is an eighth of the address space left under the process's
ceiling (about an eighth of the worker's --max-memory: inflating briefly holds the
output twice), or 128 MiB where there is none, far above any genuine page or font.
pdfminer reaches zlib through its ``pdftypes`` module only, so that reference is
replaced by one that inflates with a bounded output size and otherwise behaves alike.
"""

from __future__ import annotations

import zlib

# The ceiling where the process has no memory limit of its own.
DEFAULT_CEILING = 128 * 1024 ** 2


class StreamTooLarge(Exception):
    """A compressed stream expands past the ceiling."""

    def __init__(self, ceiling: int) -> None:
        super().__init__(ceiling)
        self.ceiling = ceiling


def guard_pdfminer() -> int:
    """Make pdfminer inflate streams through the bounded zlib below; the ceiling set."""
    from pdfminer import pdftypes

    pdftypes.zlib = _BoundedZlib(ceiling())
    return pdftypes.zlib.limit


def ceiling() -> int:
    """An eighth of the address space left under this process's limit, else
    DEFAULT_CEILING."""
    from kompass_cli.read.limits import address_space

    try:
        import resource
    except ImportError:
        return DEFAULT_CEILING
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return DEFAULT_CEILING
    return max(0, soft - address_space()) // 8


class _BoundedZlib:
    """The part of the zlib module pdfminer uses, with bounded output."""

    error = zlib.error

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def decompress(self, data: bytes) -> bytes:
        """Like zlib.decompress: the whole stream, zlib.error if it is incomplete."""
        inflater = self.decompressobj()
        out = inflater.decompress(data)
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    def decompressobj(self) -> _BoundedInflater:
        return _BoundedInflater(self.limit)


class _BoundedInflater:
    """zlib.decompressobj that raises StreamTooLarge once its output passes the limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.total = 0
        self.inflater = zlib.decompressobj()

    @property
    def eof(self) -> bool:
        return self.inflater.eof

    def decompress(self, data: bytes) -> bytes:
        out = self.inflater.decompress(data, self.limit - self.total + 1)
        self.total += len(out)
        if self.total > self.limit:
            raise StreamTooLarge(self.limit)
        return out

    def flush(self) -> bytes:
        return self.inflater.flush()


def check_expansion(stream, limit: int) -> None:
    """Raise StreamTooLarge if a pdfminer stream's Flate layers expand past ``limit``.

    For a reader that inflates outside pdfminer (pdfium), where a bomb cannot be stopped
    as it expands: the stream is inflated here first, under the same ceiling, each
    layer's output dropped once the next is made. A stream pdfminer has decoded already
    was decoded under the guard; other filters are left to the reader.
    """
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream

    if not isinstance(stream, PDFStream) or stream.rawdata is None:
        return
    data = stream.rawdata
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for name, _ in stream.get_filters():
        if name not in LITERALS_FLATE_DECODE:
            return
        try:
            data = _BoundedInflater(limit).decompress(data)
        except zlib.error:
            return


def check_page(page, limit: int, checked: set[int]) -> None:
    """``check_expansion`` on a pdfminer page's content streams and on the form
    XObjects it draws (forms within forms too): pdfium inflates all of them to read
    the page's text. ``checked`` holds the forms already checked, so a form shared by
    many pages is inflated once."""
    from pdfminer.pdftypes import resolve1

    for stream in page.contents:
        check_expansion(resolve1(stream), limit)
    for form in _forms(page.resources, checked):
        check_expansion(form, limit)


def _forms(resources, checked: set[int]):
    """The form XObjects of a resource dictionary and of their own resources, each
    object once."""
    from pdfminer.pdftypes import PDFStream, dict_value, resolve1
    from pdfminer.psparser import LIT

    pending = [resources]
    while pending:
        xobjects = dict_value(resolve1(dict_value(pending.pop()).get("XObject")))
        for reference in xobjects.values():
            form = resolve1(reference)
            if not isinstance(form, PDFStream) or form.get("Subtype") is not LIT("Form") \
                    or id(form) in checked:
                continue
            checked.add(id(form))
            yield form
            pending.append(form.get("Resources"))
