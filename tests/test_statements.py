"""The nine tables in a document written in our own words (tests/documents/template2020-shanghai-style.txt
with its tables, template2020-shanghai-style.tables): every identity of the tables holds, so nothing is
reported; each slip planted in a cell is found by the rule that states the identity it breaks, at the
cell's line. The same document as Word and as PDF (real tables) reads the same tables."""
from collections import Counter
from pathlib import Path

import pytest

from helpers.documents import build_docx, build_pdf
from ledgerlint.checking.api import Checker
from ledgerlint.documents.extract import extract
from ledgerlint.documents.sources import read_document

DOCUMENTS = Path(__file__).resolve().parent / "documents"


def _text() -> str:
    text = (DOCUMENTS / "template2020-shanghai-style.txt").read_text(encoding="utf-8")
    tables = (DOCUMENTS / "template2020-shanghai-style.tables").read_text(encoding="utf-8")
    assert text.count("（各表见附件）\n") == 1
    return text.replace("（各表见附件）\n", tables)


def _write(tmp_path, text: str) -> Path:
    path = tmp_path / "with-tables.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _checks(report) -> Counter:
    return Counter(status for rule, _, status in report.checks if rule.startswith("BB-"))


def test_every_identity_of_the_tables_holds(tmp_path):
    report = Checker().check_file(_write(tmp_path, _text()))
    assert [(f.rule, f.message) for f in report.findings if f.severity in ("error", "warning")] == []
    ran = {rule for rule, _, status in report.checks if rule.startswith("BB-") and status == "passed"}
    # every identity ran and held (BB-016 compares an empty fund table with "本年无…"; BB-017 has no blank
    # parent here to look at)
    assert ran >= {f"BB-{n:03}" for n in range(1, 19)} - {"BB-017"}, sorted(ran)


def test_the_nine_tables_are_read(tmp_path):
    tables = extract(read_document(_write(tmp_path, _text()))).disclosure["决算表"]
    assert len(tables) == 9
    assert len(tables["收入决算表"]["行"]) == 15 and len(tables["一般公共预算财政拨款基本支出决算表"]["行"]) == 21
    assert (len(tables["收入支出决算总表"]["收入"]), len(tables["收入支出决算总表"]["支出"])) == (8, 9)
    sangong = tables["财政拨款“三公”经费支出决算表"]["行"][0]
    assert str(sangong["公务接待费决算数"]) == "3.00" and str(sangong["公务用车购置及运行维护费预算数"]) == "8.00"
    assert tables["政府性基金预算财政拨款收入支出决算表"]["行"] == []
    assert "本表无数据" in tables["政府性基金预算财政拨款收入支出决算表"]["说明"]


def _cell_line(text: str, table: str, code: str, value: str) -> int:
    """The line of the cell `value` in the row that starts with `code` in `table` (1-based)."""
    lines = text.splitlines()
    start = lines.index(table)
    row = next(i for i in range(start, len(lines)) if lines[i] == "\t" + code)
    cell = next(i for i in range(row, len(lines)) if lines[i] == "\t" + value)
    return cell + 1


# (table, row code or label, value as written, value planted) → the rules that must fail
SLIPS = [
    ("一般公共预算财政拨款支出决算表", "2130314", "455.00", "454.00", {"BB-001", "BB-005"}),
    ("收入决算表", "合计", "1200.00", "1210.00", {"BB-002", "BB-004", "BB-006", "BB-013"}),
    ("财政拨款“三公”经费支出决算表", "12.00", "9.00", "9.50", {"BB-009"}),
    ("一般公共预算财政拨款基本支出决算表", "30101", "200.00", "210.00", {"BB-001"}),
    ("支出决算表", "213", "990.00", "909.00", {"BB-001", "BB-002", "BB-003", "BB-013"}),
]


@pytest.mark.parametrize("table, row, written, planted, rules", SLIPS, ids=[s[0] + s[1] for s in SLIPS])
def test_a_slip_planted_in_a_cell_is_found_at_it(tmp_path, table, row, written, planted, rules):
    text = _text()
    line = _cell_line(text, table, row, written)
    lines = text.splitlines()
    lines[line - 1] = "\t" + planted
    report = Checker().check_file(_write(tmp_path, "\n".join(lines) + "\n"))
    failed = {f.rule for f in report.findings if f.severity in ("error", "warning")}
    assert failed == rules
    on_cell = [f for f in report.findings if f.rule in rules and line in {source for _, source, _ in f.sources}]
    assert on_cell, "no finding points at the planted cell's row"


def test_a_fund_table_with_figures_and_a_text_that_says_none(tmp_path):
    text = _text()
    lines = text.splitlines()
    note = next(i for i, l in enumerate(lines) if l.startswith("说明：上海市示例区水务局本年度没有政府性基金"))
    row = ["\t212", "\t城乡社区支出", "\t", "\t120.00", "\t120.00", "\t", "\t120.00", "\t", ""]
    lines[note:note + 1] = row
    report = Checker().check_file(_write(tmp_path, "\n".join(lines) + "\n"))
    assert {f.rule for f in report.findings if f.severity == "error"} == {"BB-016"}


@pytest.mark.parametrize("build", [build_docx, build_pdf], ids=["docx", "pdf"])
def test_word_and_pdf_tables_read_the_same(tmp_path, build):
    from helpers.documents import FONT
    if build is build_pdf and not FONT.is_file():
        pytest.skip("the PDF test needs the CJK font fonts-wqy-microhei (installed by .ci/run)")
    lines = _text().splitlines()
    path = build(lines, tmp_path / ("doc." + ("docx" if build is build_docx else "pdf")))
    on_text = extract(read_document(_write(tmp_path, _text()))).disclosure["决算表"]
    on_file = extract(read_document(path)).disclosure["决算表"]
    for name in ("收入决算表", "支出决算表", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表"):
        assert on_file[name]["行"] == on_text[name]["行"], name


def test_the_html_report_marks_a_finding_inside_its_table(tmp_path):
    """A finding on a table's cell is shown on that cell of the table, not only in the tree."""
    from html.parser import HTMLParser

    from ledgerlint.reports.html import render_html
    text = _text()
    line = _cell_line(text, "一般公共预算财政拨款支出决算表", "2130314", "455.00")
    lines = text.splitlines()
    lines[line - 1] = "\t454.00"
    report = Checker().check_file(_write(tmp_path, "\n".join(lines) + "\n"))

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.depth, self.in_cell, self.cells = 0, False, []

        def handle_starttag(self, tag, attrs):
            if tag == "table" and ("class", "statement") in attrs:
                self.depth += 1
            elif tag == "td" and self.depth:
                self.in_cell = True
                self.cells.append("")

        def handle_endtag(self, tag):
            if tag == "table" and self.depth:
                self.depth -= 1
            elif tag == "td":
                self.in_cell = False

        def handle_data(self, data):
            if self.in_cell:
                self.cells[-1] += data

    parser = Cells()
    parser.feed(render_html([report]))
    assert "454.00BB-005" in parser.cells and "950.00BB-001" in parser.cells


def test_a_table_of_amounts_that_is_no_standard_table_is_listed_not_dropped(tmp_path):
    text = _text().replace("第三部分 上海市示例区水务局 2024 年度部门决算情况说明\n", "项目资金明细表\n\t项目\n\t金额\n\n\t防汛物资\n\t12.50\n\n"
                           "第三部分 上海市示例区水务局 2024 年度部门决算情况说明\n", 1)
    extraction = extract(read_document(_write(tmp_path, text)))
    assert [t for _, t in extraction.unused if t.startswith("（表格）")] == ["（表格）防汛物资 | 12.50"]
