"""Table rows in the text form a Word table takes when saved as text."""
from ledgerlint.documents.tables import as_lines, rows

LINES = ["某段文字。", "\t项目资金", "（万元）", "\t年初预算数", "", "\t年度资金总额", "\t 20.00 ", "",
         "另一段文字。", "\t序号", "\t单位名称", ""]


def test_cells_rows_and_tables():
    found = rows(LINES)
    assert [r.texts() for r in found] == [["项目资金\n(万元)", "年初预算数"], ["年度资金总额", "20.00"],
                                          ["序号", "单位名称"]]
    assert [r.line for r in found] == [2, 6, 10]
    # prose between rows starts another table; blank lines do not
    assert [r.table for r in found] == [1, 1, 2]


def test_a_range_of_lines():
    assert [r.texts() for r in rows(LINES, 6, 8)] == [["年度资金总额", "20.00"]]


def test_tables_read_from_word_and_pdf_come_back_as_the_same_rows():
    table = [["项目资金\n（万元）", "年初预算数"], ["年度资金总额", " 20.00 "]]
    assert [r.texts() for r in rows(as_lines(table))] == [["项目资金\n(万元)", "年初预算数"], ["年度资金总额", "20.00"]]
