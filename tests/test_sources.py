"""Text as it really arrives: encodings, line endings, page breaks, and bad bytes.

Each variant is built at test time from a bundled report; the parsed result must be
the golden one except for the checksum of the (different) bytes.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompass_cli.core.errors import KompassError
from kompass_cli.model.writer import to_json
from kompass_cli.run.pipeline import parse_file
from tests.conftest import NORMALIZED, RAW

REPORTS = {"hallsberg-2008.txt": "hallsberg-2008.json", "norsjo-2018.txt": "norsjo-2018.json",
           "lindesberg-2021.txt": "lindesberg-2021.json"}


def _without_checksum(text: str) -> dict:
    document = json.loads(text)
    del document["source"]["sha256"]
    return document


def _encode(text: str, variant: str) -> bytes:
    if variant == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if variant == "utf-16":
        return text.encode("utf-16")
    if variant == "utf-16-le-no-bom":
        return text.encode("utf-16-le")
    if variant == "cp1252":
        return text.encode("cp1252", errors="strict")
    if variant == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if variant == "cr":
        return text.replace("\n", "\r").encode("utf-8")
    if variant == "form-feeds":
        # A page break before every heading-like line, as PDF text extractors write them.
        lines = text.split("\n")
        return "\n".join(("\f" + line if line.startswith(("Område", "4.", "Sveriges")) else line)
                         for line in lines).encode("utf-8")
    raise AssertionError(variant)


VARIANTS = ["utf-8-bom", "utf-16", "utf-16-le-no-bom", "cp1252", "crlf", "cr", "form-feeds"]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("raw", sorted(REPORTS))
def test_result_does_not_depend_on_encoding(tmp_path, raw, variant):
    text = (RAW / raw).read_text(encoding="utf-8")
    if variant == "cp1252":
        try:
            text.encode("cp1252")
        except UnicodeEncodeError:
            pytest.skip("the report has characters cp1252 cannot hold")
    path = tmp_path / raw
    path.write_bytes(_encode(text, variant))
    golden = (NORMALIZED / REPORTS[raw]).read_text(encoding="utf-8")
    assert _without_checksum(to_json(parse_file(path))) == _without_checksum(golden)


@pytest.mark.parametrize("content,message", [
    (b"", "the file is empty"),
    (b"  \n\n\t\n", "the file is empty"),
    (bytes(range(256)) * 40, "is not text (binary data); is this the right file?"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
     "is not a readable PDF (damaged or truncated: No /Root object! - Is this really a PDF?)"),
])
def test_bad_bytes_get_one_clear_reason(tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(KompassError) as caught:
        parse_file(path)
    assert str(caught.value) == f"{path}: {message}"


def test_random_bytes_are_not_text(tmp_path):
    path = tmp_path / "random.txt"
    path.write_bytes(os.urandom(5000))
    with pytest.raises(KompassError, match="is not text"):
        parse_file(path)


def test_pdf_name_without_pdf_content(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_text("Kommunkompassen", encoding="utf-8")
    with pytest.raises(KompassError, match=r"is named \.pdf but is not a PDF"):
        parse_file(path)


def test_size_limit_is_checked_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(KompassError, match="over the limit of 1,024"):
        parse_file(path, max_bytes=1024)


REPORT_LINES = (RAW / "norsjo-2018.txt").read_text(encoding="utf-8").splitlines()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=3000))
def test_arbitrary_text_never_crashes(tmp_path, text):
    path = tmp_path / "any.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass") if text else None
    if not text:
        return
    try:
        parse_file(path)
    except KompassError:
        pass


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["drop", "dup", "mangle"]),
                          st.integers(0, len(REPORT_LINES) - 1), st.text(max_size=20)),
                max_size=25))
def test_mutated_reports_parse_or_are_refused(tmp_path, edits):
    lines = list(REPORT_LINES)
    for action, index, noise in edits:
        index %= max(len(lines), 1)
        if not lines:
            break
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        else:
            lines[index] = lines[index][: len(lines[index]) // 2] + noise
    path = tmp_path / "mutated.txt"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        report = parse_file(path)
    except KompassError:
        return
    assert len(report.areas) == 8
