"""The published document's text, as the extractor will see it: decoding, normalising, sentences with their
lines, figures as written (placeholders and garbled units kept)."""
from decimal import Decimal

import pytest

from ledgerlint.documents.doctext import figures, normalise, read_lines, sentences
from ledgerlint.errors import DisclosureError

def found(text):
    return [(f.written, f.kind, f.value, f.unit) for f in figures(normalise(text))]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030"])
def test_a_document_reads_the_same_in_every_encoding_it_is_published_in(tmp_path, encoding):
    text = "一、收入决算情况说明\n本年收入合计 84.73万元，占 100.00%。\n"
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(encoding))
    assert read_lines(path) == text.splitlines()


def test_bytes_no_encoding_reads_are_one_line_with_the_file(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes(b"\x81\x30\xff\xfe\x00" * 3)   # invalid as UTF-8 and as GB18030, no BOM
    with pytest.raises(DisclosureError) as info:
        read_lines(path)
    assert info.value.render() == f"{path}: " + "无法识别文档的编码（试过 UTF-8、UTF-16、GB18030）；请另存为 UTF-8 文本"


def test_traditional_and_full_width_text_reads_as_simplified_ascii():
    assert normalise("支出決算３４．５０萬元，減少２．１０％") == "支出决算34.50万元,减少2.10%"
    assert found("經費支出１２，３４５．６７萬元") == [("12,345.67万元", "number", Decimal("12345.67"), "万元")]


def test_word_field_codes_are_removed():
    assert normalise("一、部门职责 PAGEREF _Toc1234567 \\h 3") == "一、部门职责 "
    assert normalise("[bookmark: _GoBack]本年收入") == "本年收入"


@pytest.mark.parametrize("text, expected", [
    ("支出决算 31.21万元，完成预算的 70.76%", [("31.21万元", "number", Decimal("31.21"), "万元"),
                                        ("70.76%", "number", Decimal("70.76"), "%")]),
    ("增加 -14.93万元，增长 -50.76%", [("-14.93万元", "number", Decimal("-14.93"), "万元"),
                                 ("-50.76%", "number", Decimal("-50.76"), "%")]),
    ("接待70 批次，582 人次；团组2 个，累计9 人次", [("70 批次", "number", Decimal(70), "批次"),
                                           ("582 人次", "number", Decimal(582), "人次"),
                                           ("2 个", "number", Decimal(2), "个"),
                                           ("9 人次", "number", Decimal(9), "人次")]),
    ("下降16.77 %，下降31%", [("16.77 %", "number", Decimal("16.77"), "%"), ("31%", "number", Decimal(31), "%")]),
    ("完成年初预算的XX.X%", [("XX.X%", "placeholder", None, "%")]),
    ("支出决算万5.00元", [("万5.00元", "garbled", None, "元")]),
    ("占 %，减少 万元", [("%", "blank", None, "%"), ("万元", "blank", None, "万元")]),
    ("收、支总计各是120.50，98.30万元", [("98.30万元", "number", Decimal("98.30"), "万元")]),
])
def test_figures_are_read_as_written(text, expected):
    assert found(text) == expected


def test_the_precision_written_is_kept():
    assert str(found("占 100.00%")[0][2]) == "100.00"


def test_sentences_keep_the_line_they_came_from():
    lines = ["二、收入决算情况说明", "", "  年初预算0万元，支出决算万5.00元。决算数与年初预算数的差异原因：无。"]
    got = [(s.line, s.text) for s in sentences(lines)]
    assert got == [(1, "二、收入决算情况说明"), (3, "年初预算0万元,支出决算万5.00元。"),
                   (3, "决算数与年初预算数的差异原因:无。")]


def test_the_seed_documents_slips_are_found_on_their_lines():
    from helpers.figures import seed_document
    seed = seed_document()
    slips = [(s.line, f.written) for s in sentences(read_lines(seed)) for f in s.figures() if f.kind != "number"]
    assert slips == [(67, "万5.00元"), (72, "XX.X%")]
