"""Hostile inputs built on the spot: decompression bombs and hand-made PDFs.

Nothing here is committed as a file: each input is a few kilobytes made in
milliseconds, so tests and benchmarks can build as many as they need. Used by the
robustness tests and by benchmarks/limits.py.
"""

from __future__ import annotations

import zlib

_CHUNK = 1 << 24  # 16 MiB of zeros per repeated deflate block


def zeros_deflated(size: int) -> bytes:
    """A valid zlib stream of ``size`` zero bytes (a multiple of 16 MiB), made without
    compressing them all.

    After a full flush a deflate compressor forgets what came before, so each further
    chunk of zeros compresses to the same bytes; they are repeated, and the checksum of
    n zeros is computed directly (Adler-32: A = 1, B = n mod 65521).
    """
    count = size // _CHUNK
    compressor = zlib.compressobj(9)
    zeros = bytes(_CHUNK)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    final_block = compressor.flush()[:-4]
    checksum = ((count * _CHUNK) % 65521) << 16 | 1
    return first + repeated * (count - 1) + final_block + checksum.to_bytes(4, "big")


def flate_bomb(size: int = 4 * 1024 ** 3) -> bytes:
    """Twice-deflated zeros: a few kilobytes that inflate to ``size`` bytes."""
    return zlib.compress(zeros_deflated(size), 9)


def pdf(content: bytes, filters: str = "", extra: dict[int, bytes] | None = None,
        resources: bytes = b"") -> bytes:
    """A one-page PDF whose page content stream is ``content`` (already encoded as
    ``filters`` says, e.g. '/Filter [/FlateDecode /FlateDecode]'); ``extra`` adds objects
    from number 5 on, ``resources`` the page's resource dictionary entries."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
           b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont "
           b"/Helvetica >> >> " + resources + b" >> >>",
        4: b"<< /Length %d %s >>\nstream\n" % (len(content), filters.encode())
           + content + b"\nendstream",
        **(extra or {}),
    }
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for number in sorted(objects):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def text_pdf(line: str) -> bytes:
    """A PDF with one line of text, uncompressed."""
    escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return pdf(b"BT /F1 12 Tf 72 770 Td (%s) Tj ET" % escaped.encode("latin-1"))


def bomb_pdf(size: int = 4 * 1024 ** 3) -> bytes:
    """A PDF whose page content is a double Flate bomb of ``size`` bytes."""
    return pdf(flate_bomb(size), "/Filter [/FlateDecode /FlateDecode]")


def form_bomb_pdf(size: int = 4 * 1024 ** 3) -> bytes:
    """A PDF whose page draws a form XObject whose content is a double Flate bomb of
    ``size`` bytes, beside a line of text."""
    body = flate_bomb(size)
    form = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length %d "
            b"/Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(body) + body
            + b"\nendstream")
    return pdf(b"q /X0 Do Q BT /F1 12 Tf 72 770 Td (Kommunkompassen) Tj ET",
               extra={5: form}, resources=b"/XObject << /X0 5 0 R >>")
