"""PDFium reads a PDF's pages as pdfplumber does: the same lines, tables and places, on the real
documents and on PDFs written here; a page it cannot read the same way is read with pdfplumber."""
import threading
from pathlib import Path

import pytest

from helpers.documents import FONT, build_pdf
from helpers.figures import seed_document
from ledgerlint.documents.doctext import read_lines
from ledgerlint.documents.layout import text_lines
from ledgerlint.documents.sources import _pdf_pages, _pdfium_pages, read_document

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"
REAL_PDFS = sorted(REALDOCS.glob("*.pdf")) if REALDOCS.is_dir() else []


def _needs_font():
    if not FONT.is_file():
        pytest.skip(f"no CJK TrueType font at {FONT} to write the PDF (Debian: fonts-wqy-microhei)")


@pytest.mark.skipif(not REAL_PDFS, reason="the real documents live in ../shared/realdocs, beside the repository")
@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda path: path.name)
def test_pdfium_reads_every_page_of_a_real_document_as_pdfplumber_does(path):
    pages = _pdfium_pages(path)
    assert pages is not None and None not in pages          # every page read by PDFium, none handed on
    assert _pdf_pages(path, "pdfium") == _pdf_pages(path, "pdfplumber")


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    _needs_font()
    return build_pdf(read_lines(seed_document()), tmp_path_factory.mktemp("seed") / "seed.pdf")


def test_pdfium_reads_the_seed_written_as_a_pdf_as_pdfplumber_does(seed_pdf):
    pages = _pdfium_pages(seed_pdf)
    assert pages is not None and None not in pages
    via_pdfium = _pdf_pages(seed_pdf, "pdfium")
    assert via_pdfium == _pdf_pages(seed_pdf, "pdfplumber")
    assert sum(text.startswith("\t") for page in via_pdfium for _, text in page) > 100   # its tables, cell by cell


def test_a_pdf_in_the_standard_fonts_with_a_ruled_table_reads_the_same(tmp_path):
    """The fonts every PDF reader has built in (no font file, no descriptor in the PDF): PDFium's and
    pdfminer's metrics differ by a fraction of a point, the lines and cells do not."""
    from fpdf import FPDF
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    for row, font in enumerate(["Helvetica", "Times", "Courier"]):
        pdf.set_font(font, size=11)
        pdf.text(72, 100 + 30 * row, f"Total 1,234.56 and 78.90 in {font}   (three spaces)")
    for x in (72, 200, 320):
        pdf.line(x, 300, x, 400)
    for y in (300, 350, 400):
        pdf.line(72, y, 320, y)
    pdf.set_font("Helvetica", size=10)
    for (x, y), text in zip([(80, 330), (210, 330), (80, 380), (210, 380)], ["a", "12.00", "b", "3.50"]):
        pdf.text(x, y, text)
    path = tmp_path / "core.pdf"
    pdf.output(str(path))
    pages = _pdfium_pages(path)
    assert pages is not None and None not in pages
    lines = _pdf_pages(path, "pdfium")
    assert lines == _pdf_pages(path, "pdfplumber")
    assert [text for _, text in lines[0] if text.startswith("\t")] == ["\ta", "\t12.00", "\tb", "\t3.50"]


@pytest.mark.parametrize("drawn, turned", [(90, 90), (-90, 270), (180, 180)])
def test_a_page_turned_to_be_read_upright_is_read_as_shown(tmp_path, drawn, turned):
    """A landscape table set on a portrait page drawn turned and shown turned back (/Rotate): PDFium
    reads it as pdfplumber does, as it is shown."""
    _needs_font()
    import pypdf
    from fpdf import FPDF
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("cjk", fname=str(FONT))
    pdf.set_font("cjk", size=12)
    pdf.add_page()
    with pdf.rotation(drawn, x=297, y=421):
        pdf.text(150, 300, "本年支出合计 307.82 万元。")
        for x in (150, 250, 350):
            pdf.line(x, 400, x, 460)
        for y in (400, 430, 460):
            pdf.line(150, y, 350, y)
        for (x, y), text in zip([(160, 420), (260, 420), (160, 450), (260, 450)], ["合计", "1,100.00", "其中", "12.00"]):
            pdf.text(x, y, text)
    path = tmp_path / "turned.pdf"
    pdf.output(str(path))
    writer = pypdf.PdfWriter(clone_from=str(path))
    writer.pages[0].rotate(turned)
    writer.write(str(path))
    pages = _pdfium_pages(path)
    assert pages is not None and None not in pages
    lines = _pdf_pages(path, "pdfium")
    assert lines == _pdf_pages(path, "pdfplumber")
    assert [text for _, text in lines[0]][:3] == ["本年支出合计 307.82 万元。", "\t合计", "\t1,100.00"]


def test_a_page_shown_sideways_is_read_with_pdfplumber_and_the_rest_with_pdfium(tmp_path):
    _needs_font()
    import pypdf
    from fpdf import FPDF
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("cjk", fname=str(FONT))
    pdf.set_font("cjk", size=12)
    for number in (1, 2, 3):
        pdf.add_page()
        pdf.text(72, 100, f"第{number}页：本年支出合计 {number}0.00 万元。")
    path = tmp_path / "turned.pdf"
    pdf.output(str(path))
    writer = pypdf.PdfWriter(clone_from=str(path))
    writer.pages[1].rotate(90)
    writer.write(str(path))
    pages = _pdfium_pages(path)
    assert pages[1] is None and pages[0] is not None and pages[2] is not None
    assert _pdf_pages(path, "pdfium") == _pdf_pages(path, "pdfplumber")
    assert [text for _, text, _ in pages[0]] == ["第1页：本年支出合计 10.00 万元。"]
    assert [text for _, text, _ in pages[2]] == ["第3页：本年支出合计 30.00 万元。"]


def test_a_file_pdfium_cannot_open_is_read_or_refused_by_pdfplumber(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    assert _pdfium_pages(path) is None
    from ledgerlint.errors import DisclosureError
    with pytest.raises(DisclosureError):
        read_document(path)


@pytest.fixture(scope="module")
def test_document_pdf(tmp_path_factory):
    """A test document of the repository (tests/documents) written as a PDF: prose and ruled tables."""
    _needs_font()
    text = Path(__file__).resolve().parent / "documents" / "word-export-style.txt"
    return build_pdf(read_lines(text), tmp_path_factory.mktemp("document") / "document.pdf")


def test_threads_reading_pdfs_at_once_each_get_the_lines_of_their_file(test_document_pdf):
    alone = _pdf_pages(test_document_pdf, "pdfium")
    assert alone == _pdf_pages(test_document_pdf, "pdfplumber")
    assert any(text.startswith("\t") for page in alone for _, text in page)
    results = []

    def work():
        results.append(_pdf_pages(test_document_pdf, "pdfium"))
    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [alone] * 4


def _char(text, x0, x1, top=100.0, bottom=112.0):
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom}


def test_a_run_of_spaces_is_one_space_and_a_trailing_space_is_no_part_of_the_line():
    """Readers disagree on how many spaces of a run they keep; a line's box is its ink."""
    chars = [_char("目", 100, 112), _char(" ", 112, 118), _char(" ", 118, 124), _char("录", 124, 136),
             _char(" ", 136, 142)]
    (line,) = text_lines(chars, (595, 842))
    assert line.text == "目 录" and line.x1 == 136
    assert text_lines([c for c in chars if c["text"] != " " or c["x0"] == 112], (595, 842))[0].text == "目 录"


def test_a_space_under_the_next_character_still_parts_two_figures():
    """A space whose box runs under the next digit (a kerned table of contents): the two figures
    stay apart, though the gap between their ink is narrower than a space."""
    chars = [_char("1", 100, 105), _char("2", 105, 110), _char(" ", 110.2, 115), _char("3", 111.5, 116.5)]
    assert text_lines(chars, (595, 842))[0].text == "12 3"
    assert text_lines([c for c in chars if c["text"] != " "], (595, 842))[0].text == "123"


def test_a_character_half_a_line_lower_joins_the_line_whatever_the_float_noise():
    """Cells of one table row set half a line apart: exactly on the threshold, the same line by either
    reader's precision."""
    word = [_char("卫", 180, 190, 399.119, 409.679)]
    for top in (404.399, 404.39900001, 404.3990001):
        digits = [_char("2", 107, 112, top, top + 10.56)]
        assert len(text_lines(word + digits, (842, 595))) == 1


def test_text_made_bold_by_printing_it_twice_is_read_once_by_either_reader(tmp_path):
    """A font without a bold face is made bold by printing the text again a fraction of a point aside;
    read as it is, "本年支出合计 307.82" becomes "本本年年…330077..8822" — a figure that is not there."""
    _needs_font()
    from fpdf import FPDF
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("cjk", fname=str(FONT))
    pdf.set_font("cjk", size=12)
    pdf.add_page()
    for shift in (0, 0.3):
        pdf.text(72 + shift, 100, "本年支出合计 307.82 万元，比上年增加 100.00 万元。")
    for x in (72, 200, 320):                 # a ruled table whose figure is printed twice as well
        pdf.line(x, 300, x, 350)
    for y in (300, 350):
        pdf.line(72, y, 320, y)
    pdf.text(80, 330, "合计")
    for shift in (0, 0.3):
        pdf.text(210 + shift, 330, "1,100.00")
    path = tmp_path / "bold.pdf"
    pdf.output(str(path))
    for reader in ("pdfium", "pdfplumber"):
        texts = [text for _, text in _pdf_pages(path, reader)[0]]
        assert texts[0] == "本年支出合计 307.82 万元，比上年增加 100.00 万元。", reader
        assert "\t1,100.00" in texts and "\t合计" in texts, reader


def test_the_same_character_side_by_side_is_two_characters():
    from ledgerlint.documents.layout import unique_chars
    zeros = [_char("1", 100, 106), _char("0", 106, 112), _char("0", 112, 118), _char("0", 112.4, 118.4)]
    for char in zeros:
        char["size"] = 12
    assert [c["x0"] for c in unique_chars(zeros)] == [100, 106, 112]
