"""Reading Word and PDF files into the text form: pages, lines, tables, and one clear line for a file
that cannot be read."""
import pytest

from helpers.documents import FONT, build_docx, build_pdf
from ledgerlint.errors import DisclosureError
from ledgerlint.documents.sources import Place, read_document
from ledgerlint.documents.tables import rows

TEXT = ["第一部分 单位概况", "某局2023年度收入、支出决算总计 100.00万元。",
        "\t序号", "\t单位名称", "", "\t1", "\t某局", "",
        "第二部分 决算情况说明", "本年收入决算合计 100.00万元，与上年决算相比，增加 10.00万元，增长 11.11%。"]


def test_a_word_file_gives_paragraphs_tables_and_pages(tmp_path):
    document = read_document(build_docx(TEXT, tmp_path / "a.docx"))
    assert [r.texts() for r in rows(document.lines)] == [["序号", "单位名称"], ["1", "某局"]]
    first = document.lines.index("第二部分 决算情况说明") + 1
    assert document.place(first).page == 2 and document.place(first).line == 1
    assert document.place(1).page == 1


def test_a_word_cell_merged_across_columns_is_one_cell(tmp_path):
    import docx
    word = docx.Document()
    table = word.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "项目支出绩效自评表"
    for cell, text in zip(table.rows[1].cells, ["项目名称", "某项目", ""]):
        cell.text = text
    word.save(str(tmp_path / "m.docx"))
    document = read_document(tmp_path / "m.docx")
    assert [r.texts() for r in rows(document.lines)] == [["项目支出绩效自评表"], ["项目名称", "某项目", ""]]


@pytest.mark.skipif(not FONT.is_file(), reason=f"no CJK TrueType font at {FONT}")
def test_a_pdf_paragraph_wrapped_over_lines_is_one_line_again(tmp_path):
    long = "某局2023年度" + "，".join(f"第{n}项支出 {n}.00万元" for n in range(1, 40)) + "。"
    document = read_document(build_pdf(["第一部分 单位概况", long, "\t序号", "\t单位名称", "", "\t1", "\t某局", ""],
                                       tmp_path / "a.pdf"))
    assert long in document.lines
    assert [r.texts() for r in rows(document.lines)] == [["序号", "单位名称"], ["1", "某局"]]
    assert document.place(document.lines.index(long) + 1) .line == 2


@pytest.mark.parametrize("name, content, key", [
    ("broken.docx", b"PK\x03\x04 not really a zip", "document.unreadable"),
    ("broken.pdf", b"%PDF-1.4\n%%EOF garbage", "document.unreadable"),
    ("missing.docx", None, "file.missing"),
])
def test_a_file_that_cannot_be_read_is_one_error(tmp_path, name, content, key):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DisclosureError) as caught:
        read_document(path)
    assert caught.value.key == key
    assert "\n" not in caught.value.render("zh") and str(path) in caught.value.render("zh")


def test_a_pdf_without_a_text_layer_says_so(tmp_path):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50)   # a drawing, no text: what a scan gives a text extractor
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(DisclosureError) as caught:
        read_document(tmp_path / "scan.pdf")
    assert caught.value.key == "document.no_text"


def test_text_hard_wrapped_at_the_page_width_is_joined_into_paragraphs(tmp_path):
    """Text copied out of a PDF: every line stops at the page's width, even between a figure and its
    unit; each paragraph becomes one line again and keeps the number of its first line."""
    paragraph = "某局2023年度收入、支出决算总计 240.79 万元。与年初预算相比，收、支总计各减少 9.71 万元，下降 3.88 %，变动原因：年中追加专项资金。"
    wrapped, piece, width = [], "", 0
    for ch in paragraph * 6:
        w = 2 if ord(ch) > 0x2e80 else 1
        if width + w > 40:
            wrapped.append(piece)
            piece, width = "", 0
        piece, width = piece + ch, width + w
    lines = ["一、收入支出决算总体情况说明"] + wrapped + [piece, "二、收入决算情况说明"]
    path = tmp_path / "wrapped.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    document = read_document(path)
    body = document.lines[1:-1]
    # joined back into whole sentences (a line that happens to end with "。" at the edge ends a paragraph)
    assert "".join(body) == paragraph * 6 and len(body) < len(wrapped) / 3
    assert all(line.endswith("。") for line in body)
    assert document.lines[0] == lines[0] and document.lines[-1] == lines[-1]
    assert document.place(2).line == 2 and document.place(len(document.lines)).line == len(lines)


def test_text_written_a_paragraph_per_line_is_left_as_it_is(tmp_path):
    lines = [f"第{n}段：" + "某局本年支出决算 1.00万元" * (n % 7 + 1) + "，" for n in range(1, 30)]
    path = tmp_path / "paragraphs.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert read_document(path).lines == lines


def test_a_text_too_large_to_be_a_disclosure_is_refused_before_it_is_read(tmp_path):
    from ledgerlint.checking.loading import MAX_BYTES
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(MAX_BYTES + 1)
    with pytest.raises(DisclosureError) as caught:
        read_document(path)
    assert caught.value.key == "file.too_large"


def _justified(pdf, runs, y, left, right):
    """Characters of `runs` ((text, drop), drop in points below the line) spread from `left` to `right`
    (or set solid when `right` is None), as a justified line of a published PDF is."""
    chars = [(ch, drop) for text, drop in runs for ch in text]
    widths = [pdf.get_string_width(ch) for ch, _ in chars]
    gap = 0 if right is None else (right - left - sum(widths)) / max(len(chars) - 1, 1)
    x = left
    for (ch, drop), width in zip(chars, widths):
        pdf.text(x, y + drop, ch)
        x += width + gap


def test_a_pdf_read_by_position_figures_set_apart_and_pages_of_two_sizes(tmp_path):
    """Figures in a font of their own sit a few points lower than their words (a text layer then puts
    them on lines of their own); tables sit on wider landscape pages. Lines are built by position and
    rejoined against the prose edge of pages of their own size."""
    from fpdf import FPDF
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("cjk", fname=str(FONT))
    pdf.set_font("cjk", size=12)
    pdf.add_page()
    left, right = 72, 520
    _justified(pdf, [("三、支出决算情况说明", 0)], 100, left, None)
    _justified(pdf, [("本年支出合计", 0), ("307.82", 4.8), ("万元，其中：基本支出", 0), ("105.58", 4.8),
                     ("万元，占一二三四五六七八九十", 0)], 130, left, right)
    _justified(pdf, [("34.30%", 4.8), ("；项目支出", 0), ("202.24", 4.8), ("万元，占", 0), ("65.70%", 4.8), ("。", 0)],
               158, left, None)
    _justified(pdf, [("四、财政拨款收入支出决算总体情况说明", 0)], 186, left, None)
    pdf.add_page(orientation="L")
    _justified(pdf, [("收入支出决算总表（单位：万元）", 0), ("2024", 4.8), ("年度的一张很宽的表的标题行，一直写到横向页面的右边", 0)],
               60, 72, 770)
    path = tmp_path / "positions.pdf"
    pdf.output(str(path))
    document = read_document(path)
    text = [line for line in document.lines if line.strip()]
    paragraph = next(line for line in text if line.startswith("本年支出合计"))
    assert "本年支出合计307.82万元" in paragraph.replace(" ", "")
    assert "基本支出105.58万元" in paragraph.replace(" ", "") and paragraph.replace(" ", "").endswith("占65.70%。")
    assert document.place(document.lines.index(paragraph) + 1) == Place(1, 2)
    assert any("2024年度" in line.replace(" ", "") for line in text)    # the year on its title's line
    assert "四、财政拨款收入支出决算总体情况说明" in text                    # a heading is never joined


def test_a_heading_split_after_its_number_is_one_heading(tmp_path):
    from fpdf import FPDF
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("cjk", fname=str(FONT))
    pdf.set_font("cjk", size=12)
    pdf.add_page()
    _justified(pdf, [("三、", 0)], 100, 72, None)
    _justified(pdf, [("支出决算情况说明", 0)], 128, 72, None)
    _justified(pdf, [("本年支出合计 10.00 万元。", 0)], 156, 72, None)
    path = tmp_path / "heading.pdf"
    pdf.output(str(path))
    assert [line for line in read_document(path).lines if line.strip()][:2] == ["三、支出决算情况说明", "本年支出合计 10.00 万元。"]
