"""PDF input: the bundled reports typeset as PDFs must parse to the same report.

The PDFs are made at test time from data/raw (tests/pdf_render.py, reportlab), with ruled
tables whose cells wrap, two-column findings tables, bullet lists, running headers and
page footers, so the reader's column splitting, paragraph rejoining and furniture
removal are all exercised. Line numbers differ between a text and its PDF (they count
the lines of the text read from the PDF), so they are left out of the comparison.
"""

from __future__ import annotations

import json
import re
import shutil

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kompass_cli.cli.main import app
from kompass_cli.core.errors import KompassError
from kompass_cli.model.writer import report_document
from kompass_cli.read.sources import read_source
from kompass_cli.run.pipeline import parse_file
from tests import pdf_render
from tests.conftest import FIXTURES, NORMALIZED, RAW

runner = CliRunner()
_LINE_REFERENCE = re.compile(r"\bline \d+(?: on page \d+)?")


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory):
    """Each bundled report rendered once per test session, by stem."""
    folder = tmp_path_factory.mktemp("pdf")
    return {stem: pdf_render.render(RAW / f"{stem}.txt", folder / f"{stem}.pdf", style)
            for stem, style in pdf_render.STYLES.items()}


def _content(document: dict):
    """The report without provenance: no lines, pages or source, messages without lines."""
    if isinstance(document, dict):
        return {key: _content(value) for key, value in document.items()
                if key not in ("line", "page", "pages", "source")}
    if isinstance(document, list):
        return [_content(value) for value in document]
    if isinstance(document, str):
        return _LINE_REFERENCE.sub("line N", document)
    return document


@pytest.fixture(scope="session")
def parsed(pdfs):
    """Each rendered report parsed once per test session, as its JSON document."""
    return {stem: report_document(parse_file(path)) for stem, path in pdfs.items()}


@pytest.mark.parametrize("stem", sorted(pdf_render.STYLES))
def test_pdf_gives_the_same_report_as_the_text(parsed, stem):
    from_pdf = parsed[stem]
    golden = json.loads((NORMALIZED / f"{stem}.json").read_text(encoding="utf-8"))
    assert _content(from_pdf) == _content(golden)
    assert from_pdf["source"]["format"] == "pdf"
    assert from_pdf["source"]["file"] == f"{stem}.pdf"


@pytest.mark.parametrize("stem", sorted(pdf_render.STYLES))
def test_every_located_value_names_its_page(pdfs, parsed, stem):
    document = parsed[stem]
    with pdfplumber.open(pdfs[stem]) as pdf:
        assert document["source"]["pages"] == len(pdf.pages)
    located = list(_located(document))
    assert located and all("page" in node for node in located)
    cited = [d["message"] for d in document["diagnostics"] if re.search(r"\bline \d", d["message"])]
    assert cited and all(re.search(r"\bline \d+ on page \d+", message) for message in cited)


def _located(node):
    if isinstance(node, dict):
        if isinstance(node.get("line"), int):
            yield node
        for value in node.values():
            yield from _located(value)
    elif isinstance(node, list):
        for value in node:
            yield from _located(value)


@pytest.mark.parametrize("stem", ["hallsberg-2008", "lindesberg-2021"])
def test_findings_are_printed_on_the_page_they_cite(pdfs, parsed, stem):
    """Traceability: each finding's first words are on the page the JSON gives."""
    document = parsed[stem]
    with pdfplumber.open(pdfs[stem]) as pdf:
        words = [{word["text"].lstrip("-") for word in page.extract_words()}
                 for page in pdf.pages]  # the parser drops a list dash glued to an item
    findings = [finding for area in document["areas"]
                for finding in area["strengths"] + area["improvements"]]
    assert len(findings) > 40
    for finding in findings:
        opening = [word for word in finding["text"].split() if word.strip("-–")][:3]
        assert set(opening) <= words[finding["page"] - 1], finding


@pytest.mark.parametrize("stem", ["hallsberg-2008", "lindesberg-2021"])
def test_tables_without_borders_give_the_same_report(tmp_path, stem):
    """No ruling to go by: columns come from the gutters, rows from where all pause."""
    path = pdf_render.render(RAW / f"{stem}.txt", tmp_path / f"{stem}.pdf", ruled=False)
    assert pdf_render.drawn_paths(path) == 0
    golden = json.loads((NORMALIZED / f"{stem}.json").read_text(encoding="utf-8"))
    assert _content(report_document(parse_file(path))) == _content(golden)


def test_body_text_next_to_an_unruled_table_stays_text(tmp_path):
    path = pdf_render.columns(tmp_path / "mixed.pdf", [
        ["Kommunkompassen analyserar en kommun utifrån fyra roller och åtta områden."],
        ["1.1", "Hur informeras medborgarna?", "40"],
        ["1.2", "Hur främjas engagemang?", "40"],
        ["Resultatet sammanställs i en rapport med en kvalitativ beskrivning av kommunen."],
    ], [56, 90, 400])
    assert read_source(path).lines == [
        "Kommunkompassen analyserar en kommun utifrån fyra roller och åtta områden.",
        "",
        "1.1\tHur informeras medborgarna?\t40",
        "1.2\tHur främjas engagemang?\t40",
        "",
        "Resultatet sammanställs i en rapport med en kvalitativ beskrivning av kommunen.",
    ]


def test_pdf_output_validates_and_diffs_equal_to_the_text_output(pdfs, tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["parse", str(pdfs["lindesberg-2021"]), "--out", str(out),
                               "-q"]).exit_code == 0
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.output
    compared = runner.invoke(app, ["diff", str(NORMALIZED / "lindesberg-2021.json"),
                                   str(out / "lindesberg-2021.json")])
    assert (compared.exit_code, compared.stdout) == (0, "0 differences\n")


def test_two_column_findings_are_not_interleaved(pdfs):
    """pdfplumber's plain text runs both columns together; the reader keeps them apart."""
    with pdfplumber.open(pdfs["lindesberg-2021"]) as pdf:
        plain = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Öppna KS Strategi för demokratiutveckling" in " ".join(plain.split())
    source = read_source(pdfs["lindesberg-2021"])
    header = source.lines.index("Styrkor\tFörbättringsmöjligheter")
    strengths, improvements = source.lines[header + 1].split("\t")
    assert strengths.startswith("<p>Öppna KS</p> <p>websända KF")
    assert improvements.startswith("<p>Strategi för demokratiutveckling med ett")


def test_running_headers_and_page_numbers_are_dropped(pdfs):
    for path in pdfs.values():
        lines = read_source(path).lines
        assert not [line for line in lines if line.startswith(("Kommunkompassen |", "Sida "))]


def test_wrapped_paragraphs_are_rejoined(pdfs):
    """A paragraph that wraps over lines (and pages) reads as one line again.

    Markdown emphasis in the text is a font in the PDF, and a list dash a bullet.
    """
    text = (RAW / "hallsberg-2008.txt").read_text(encoding="utf-8").replace("*", "")
    text = re.sub(r"(?m)^- ", "• ", text)
    lines = read_source(pdfs["hallsberg-2008"]).lines
    long_paragraphs = [line.strip() for line in text.splitlines()
                       if len(line) > 300 and "\t" not in line]
    assert len(long_paragraphs) > 30
    assert [line for line in long_paragraphs if line not in lines] == []


def test_ocr_lines_keep_their_breaks(pdfs):
    """A line-for-line text layer (OCR) is not run together: its lines end short."""
    text = [" ".join(line.split()) for line in (RAW / "norsjo-2018.txt").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    lines = [line for line in read_source(pdfs["norsjo-2018"]).lines if line.strip()]
    assert lines == text


def test_unruled_columns_become_tab_separated(tmp_path):
    path = pdf_render.columns(tmp_path / "columns.pdf", [
        ["1.1", "Hur informeras medborgarna?", "40", "26", "65%"],
        ["1.2", "Hur främjas medborgarnas engagemang?", "40", "24", "60%"],
    ], [56, 90, 400, 450, 500])
    assert read_source(path).lines == [
        "1.1\tHur informeras medborgarna?\t40\t26\t65%",
        "1.2\tHur främjas medborgarnas engagemang?\t40\t24\t60%",
    ]


def test_the_rendering_is_reproducible(pdfs, tmp_path):
    again = pdf_render.render(RAW / "hallsberg-2008.txt", tmp_path / "again.pdf")
    assert again.read_bytes() == pdfs["hallsberg-2008"].read_bytes()


# --- refusals --------------------------------------------------------------------------


def _refusal(path, *args) -> tuple[int, str]:
    result = runner.invoke(app, ["parse", str(path), "--quiet", *args])
    return result.exit_code, result.stderr


def test_encrypted_pdf_is_refused(tmp_path):
    path = pdf_render.encrypted(tmp_path / "locked.pdf")
    code, stderr = _refusal(path, "--out", str(tmp_path / "out"))
    assert code == 2
    assert stderr == (f"error: {path}: is an encrypted PDF that needs a password; save an "
                      f"unprotected copy and parse that\n")
    assert not (tmp_path / "out").exists()


def test_pdf_without_text_layer_is_refused(tmp_path):
    path = pdf_render.image_only(tmp_path / "scan.pdf")
    with pytest.raises(KompassError) as caught:
        parse_file(path)
    assert str(caught.value) == (f"{path}: has no text layer (a scanned image?); run OCR on "
                                 f"it first, for example with ocrmypdf, and parse the result")


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_truncated_pdf_is_refused(pdfs, tmp_path, keep):
    data = pdfs["lindesberg-2021"].read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[:int(len(data) * keep)])
    with pytest.raises(KompassError) as caught:
        parse_file(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert "Traceback" not in str(caught.value)


def test_page_limit_is_checked_before_parsing(pdfs, tmp_path):
    path = pdfs["hallsberg-2008"]
    code, stderr = _refusal(path, "--out", "-", "--max-pages", "5")
    assert code == 2
    assert stderr == (f"error: {path}: has 22 pages, over the limit of 5; raise it with "
                      f"--max-pages if the file is genuine\n")


def test_a_pdf_that_is_not_a_report_is_refused(tmp_path):
    source = FIXTURES / "not_reports" / "norberg-newsletter-2018.txt"
    path = pdf_render.render(source, tmp_path / "newsletter.pdf", header="Norberg")
    code, stderr = _refusal(path, "--out", str(tmp_path / "out"))
    assert code == 2
    assert stderr == (f"error: {path}: not a Kommunkompassen report: the text never names "
                      f"Kommunkompassen\n")
    assert not (tmp_path / "out").exists()


def test_page_limit_holds_when_the_page_count_lies(pdfs, tmp_path):
    data = pdfs["hallsberg-2008"].read_bytes()
    assert data.count(b"/Count 22") == 1
    path = tmp_path / "lying.pdf"
    path.write_bytes(data.replace(b"/Count 22", b"/Count 2 "))  # same length: offsets hold
    code, stderr = _refusal(path, "--out", "-", "--max-pages", "5")
    assert code == 2
    assert stderr == (f"error: {path}: has more pages than it declares, over the limit of 5; "
                      f"raise it with --max-pages if the file is genuine\n")


def test_pdf_under_a_text_name_is_read_as_pdf(pdfs, tmp_path):
    path = tmp_path / "report.txt"
    shutil.copy(pdfs["lindesberg-2021"], path)
    assert parse_file(path).source.format == "pdf"


def test_existing_output_survives_a_bad_pdf(tmp_path, pdfs):
    out = tmp_path / "out"
    runner.invoke(app, ["parse", str(pdfs["hallsberg-2008"]), "--out", str(out), "-q"])
    before = (out / "hallsberg-2008.json").read_bytes()
    broken = tmp_path / "hallsberg.pdf"
    broken.write_bytes(pdfs["hallsberg-2008"].read_bytes()[:5000])
    code, stderr = _refusal(broken, "--out", str(out), "-q")
    assert code == 2 and stderr.count("\n") == 1 and "Traceback" not in stderr
    assert (out / "hallsberg-2008.json").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["hallsberg-2008.json"]


def test_folder_of_pdfs_and_texts_parses_in_one_call(tmp_path, pdfs):
    """A report's text and its PDF map to one output name: both refused, the rest written."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in pdfs.values():
        shutil.copy(path, folder)
    shutil.copy(RAW / "hallsberg-2008.txt", folder / "hallsberg-text.txt")
    result = runner.invoke(app, ["parse", str(folder), "--out", str(tmp_path / "out"), "-q",
                                 "--jobs", "2"])
    assert result.exit_code == 2
    pdf, text = folder / "hallsberg-2008.pdf", folder / "hallsberg-text.txt"
    assert result.stderr.splitlines() == [
        f"error: {pdf}: would be written to hallsberg-2008.json, as would {text}; "
        f"neither is written, parse them in separate runs",
        f"error: {text}: would be written to hallsberg-2008.json, as would {pdf}; "
        f"neither is written, parse them in separate runs"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "lindesberg-2021.json", "norsjo-2018.json"]


def test_text_command_numbers_lines_with_their_pages(pdfs, parsed):
    result = runner.invoke(app, ["text", str(pdfs["hallsberg-2008"]), "--numbers"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    total = parsed["hallsberg-2008"]["total"]["reported_scores"][0]
    assert lines[total["line"] - 1] == f"{total['page']}:{total['line']}\tTOTALT\t463"


def test_text_command_prints_a_text_file_as_read(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Förbättringsområden\r\när\r\n".encode("cp1252"))
    result = runner.invoke(app, ["text", str(path), "-n"])
    assert (result.exit_code, result.stdout) == (0, "1\tFörbättringsområden\n2\tär\n")


def test_text_command_refuses_a_bad_pdf(tmp_path):
    path = pdf_render.image_only(tmp_path / "scan.pdf")
    result = runner.invoke(app, ["text", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: has no text layer")


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    return pdf_render.columns(folder / "small.pdf", [["Kommunkompassen", "1.1", "40"]] * 3,
                              [56, 300, 400]).read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1,
                      max_size=8))
def test_damaged_pdf_bytes_parse_or_are_refused(tmp_path, small_pdf, edits):
    """Bytes changed anywhere in a PDF: a report or one clean refusal, never a crash."""
    data = bytearray(small_pdf)
    for position, value in edits:
        data[position % len(data)] = value
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    try:
        parse_file(path)
    except KompassError as error:
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)


def test_an_unruled_table_whose_first_rows_fill_one_half_keeps_all_its_columns(tmp_path):
    """A page that opens with the end of a two-half table's right half (a wrapped title
    between its rows): the columns of the left half, empty in those rows, are found from
    the rows below."""
    path = pdf_render.columns(tmp_path / "halves.pdf", [
        ["", "", "", "6.5", "Genomförs ledarutveckling?", "20"],
        ["", "", "", "", "programmet?", ""],
        ["", "", "", "6.6", "Hur systematisk är budgeteringen?", "10"],
        ["7.1", "Hur metodiskt sker utvecklingen?", "20", "8.1", "Vad gör kommunen?", "40"],
        ["7.2", "Strategisk serviceutveckling.", "20", "8.2", "Samverkan med kulturlivet.", "20"],
    ], [56, 80, 250, 290, 314, 500])
    assert read_source(path).lines == [
        "\t\t\t6.5\tGenomförs ledarutveckling? programmet?\t20",
        "\t\t\t6.6\tHur systematisk är budgeteringen?\t10",
        "7.1\tHur metodiskt sker utvecklingen?\t20\t8.1\tVad gör kommunen?\t40",
        "7.2\tStrategisk serviceutveckling.\t20\t8.2\tSamverkan med kulturlivet.\t20",
    ]


def test_a_title_beside_an_unruled_table_stays_text(tmp_path):
    """A title over the empty left half of a table that runs on from the page before is
    not a row of it: it lies wholly beside the table's words."""
    path = pdf_render.columns(tmp_path / "title.pdf", [
        ["Resultat av huvudområden och delfrågor"],
        ["", "4.5", "Hur utövas ledningen?", "10", "7,5"],
        ["", "4.6", "Hur följs arbetet upp?", "20", "12"],
    ], [56, 300, 330, 480, 520])
    assert read_source(path).lines == [
        "Resultat av huvudområden och delfrågor",
        "",
        "4.5\tHur utövas ledningen?\t10\t7,5",
        "4.6\tHur följs arbetet upp?\t20\t12",
    ]


def test_cells_that_nearly_touch_stay_apart_in_an_unruled_table(tmp_path):
    """Two cells' paddings apart (half the type size), a line of a wide cell does not
    close the gutter that the table's other lines open."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    wide = "Regional samverkan kring vissa delar inom hållbarhet"
    right = 56 + stringWidth(wide, "Helvetica", 10) + 5
    path = pdf_render.columns(tmp_path / "tight.pdf", [
        ["Rubriker", "Poäng"],
        ["Strategi för hållbar utveckling", "46"],
        [wide, "42"],
        ["Samarbete", "56"],
    ], [56, right])
    assert read_source(path).lines == [
        "Rubriker\tPoäng",
        "Strategi för hållbar utveckling\t46",
        f"{wide}\t42",
        "Samarbete\t56",
    ]


@pytest.mark.parametrize("stem", sorted(pdf_render.STYLES))
def test_validate_finds_on_a_pdf_report_what_parsing_recorded(parsed, tmp_path, stem):
    """Cited lines carry their page in the model, so the checks run again on the
    written file give the recorded messages word for word, pages and all."""
    from kompass_cli.analyse.validate import validate_file

    path = tmp_path / f"{stem}.json"
    path.write_text(json.dumps(parsed[stem], ensure_ascii=False), encoding="utf-8")
    assert any(" on page " in d["message"] for d in parsed[stem]["diagnostics"])
    assert validate_file(path, None).findings == []
