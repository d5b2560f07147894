"""The tables' reader on tables written in the text form (a cell per line behind a tab): header rows,
continuations over pages with the header or the title repeated, a code and its name in one cell."""
from ledgerlint.documents.statements import read_statements
from ledgerlint.documents.tables import rows
from ledgerlint.rulesets.selection import load_named


def _lines(*parts) -> list[str]:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            for row in part:
                out += ["\t" + cell for cell in row] + [""]
    return out


HEADER = [["项目", "", "合计", "基本支出", "项目支出"], ["功能分类科目编码", "科目名称", "", "", ""]]


def _read(lines):
    return read_statements(lines, rows(lines), load_named(None, "2024").schema["x-tables"])


def test_a_table_over_pages_with_its_header_and_title_repeated():
    lines = _lines("一般公共预算财政拨款支出决算表", "单位：万元", HEADER,
                   [["208", "社会保障和就业支出", "10.00", "10.00", ""], ["20805", "行政事业单位养老支出", "10.00", "10.00", ""]],
                   "- 3 -",
                   "一般公共预算财政拨款支出决算表", HEADER,      # the next page: the title and the header again
                   [["2080505", "机关事业单位基本养老保险缴费支出", "10.00", "10.00", ""], ["合计", "", "10.00", "10.00", ""]])
    [table] = _read(lines)
    assert [r.get("科目编码", r.get("科目名称")) for r in table.rows] == ["208", "20805", "2080505", "合计"]
    assert table.columns == ["合计", "基本支出", "项目支出"] and table.unit == "万元"


def test_a_code_and_its_name_in_one_cell():
    lines = _lines("支出决算表", [["项目", "本年支出合计", "基本支出"]],
                   [["201 一般公共服务支出", "5.00", "5.00"], ["20101 人大事务", "5.00", "5.00"]])
    [table] = _read(lines)
    assert table.rows[1] == {"科目编码": "20101", "科目名称": "人大事务", "本年支出合计": 5, "基本支出": 5}
    assert str(table.rows[0]["本年支出合计"]) == "5.00"


def test_a_blank_cell_stays_blank_and_a_dash_stays_as_written():
    lines = _lines("支出决算表", HEADER, [["201", "一般公共服务支出", "5.00", "", "-"]])
    [table] = _read(lines)
    assert "基本支出" not in table.rows[0] and table.rows[0]["项目支出"] == "-"


def test_rows_of_another_table_after_a_title_that_is_no_standard_table_are_not_joined():
    lines = _lines("支出决算表", HEADER, [["201", "一般公共服务支出", "5.00", "5.00", ""]],
                   "部门预算项目绩效目标表", [["项目", "金额"], ["甲项目", "3.00"]])
    [table] = _read(lines)
    assert len(table.rows) == 1
