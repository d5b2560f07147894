"""The real published documents of ../shared/realdocs, read as a user holds them (skipped where that folder
is absent): each accepted with the year, unit and region of its title, at least 90% of the figures of its
prose placed, a sample of figures checked by hand (tests/realdocs/*.expected.json), and only the slips
each document really has as errors and warnings — verified by hand with Decimal arithmetic (the values
below are the facts of those checks)."""
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from ledgerlint.checking.api import Checker
from ledgerlint.cli import main
from ledgerlint.documents.extract import extract
from ledgerlint.documents.sources import read_document

HERE = Path(__file__).resolve().parent
REALDOCS = HERE.parents[1] / "shared" / "realdocs"
EXPECTED = sorted((HERE / "realdocs").glob("*.expected.json"))
sys.path.insert(0, str(HERE.parent / "benchmarks"))

pytestmark = pytest.mark.skipif(not REALDOCS.is_dir(), reason="the real documents live in ../shared/realdocs, beside the repository")

# the errors and warnings each document gives: (rule, page, line), each a slip of the document itself
REAL_SLIPS = {
    # 9746.50 / 10210.34 × 100 = 95.4571…, printed 95.45 (cut off, not rounded: 95.46) — a warning that says so
    "sh-putuo-guihuaziyuan-2024.pdf": {("YB-006", 21, 14),
                                       # 9746.50 / 9759.38 × 100 = 99.868…, printed 99.86 (cut off: a warning)
                                       ("YB-010", 21, 2),
                                       # the text's 人员经费 4896.98 against the table's 4884.09 (301 4816.14
                                       # + 303 67.96 = 4884.10; the table's own 人员经费合计 row: 4884.09)
                                       ("BB-008", 24, 14),
                                       # the text's 基本支出 5377.64 against the table's 合计 row 5364.75 (= 4884.09 + 480.66)
                                       ("BB-010", 24, 14),
                                       # "增长 13.95。": the percent without its %
                                       ("WZ-003", 21, 2),
                                       # "下降（增长）27.78%" (also a format finding of 百分比方向, below)
                                       ("WZ-001", 25, 11),
                                       # "下降（增长）27.78%": the template's other word left in
                                       ("schema", 25, 11),
                                       # "国内公务接待支出 0.39 万（含…）": the unit written 万, not 万元
                                       ("schema", 26, 8)},
    # "财政拨款收入支出总计0.3万元" against 本年财政拨款收入 2940.05万元 (and spending of 2940.05万元)
    "sh-putuo-caizhengju-2024.pdf": {("CZ-008", 21, 14)},
    # "年初预算为 0 万元 … 完成年初预算的 95.89%": 307.82 / 321.02 × 100 = 95.888…, the rate against 全年预算
    "sh-putuo-shehuigongzuo-2024.pdf": {("YB-011", 18, 9)},
    "cq-swu-2023-final.pdf": set(),
}


def _expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _at(data, path: str):
    import re
    for key in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if key.startswith("["):
            index = int(key[1:-1])
            data = data[index] if isinstance(data, list) and index < len(data) else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


@pytest.fixture(scope="module")
def extractions():
    checker = Checker()
    return {path.name: extract(read_document(REALDOCS / _expected(path)["document"]), ruleset=checker.ruleset)
            for path in EXPECTED}


def test_every_final_accounts_document_has_an_expected_file():
    finals = {p.name for p in REALDOCS.glob("*.pdf")} - {"cq-swu-2021-budget.pdf", "template-national-2024.pdf"}
    assert {_expected(p)["document"] for p in EXPECTED} == finals == set(REAL_SLIPS)


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_identity_from_the_title(expected, extractions):
    facts, extraction = _expected(expected), extractions[expected.name]
    disclosure = extraction.disclosure
    assert disclosure["年度"] == facts["年度"]
    assert disclosure["单位"]["全称"] == facts["单位全称"]
    assert disclosure["地区"] == facts["地区"]
    assert extraction.template == facts["模板"]
    assert extraction.partial == []          # each is a whole document (it has a 目录)


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_figures_checked_by_hand(expected, extractions):
    facts, extraction = _expected(expected), extractions[expected.name]
    assert len(facts["figures"]) >= 40
    wrong = {path: (figure, _at(extraction.disclosure, path)) for path, figure in facts["figures"].items()
             if not isinstance(_at(extraction.disclosure, path), (int, Decimal))
             or Decimal(_at(extraction.disclosure, path)) != Decimal(figure)}
    assert wrong == {}


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_nine_in_ten_figures_of_the_prose_are_placed(expected, extractions):
    from realdocs import stated
    extraction = extractions[expected.name]
    prose, _ = stated(extraction.document, extraction)
    placed = extraction.placed()
    misses = [(extraction.document.place(line), value) for line, value, _ in prose if (line, value) not in placed]
    assert len(prose) >= 40
    assert 1 - len(misses) / len(prose) >= 0.90, misses


@pytest.mark.parametrize("name", sorted(REAL_SLIPS))
def test_errors_and_warnings_are_the_documents_own_slips(name):
    report = Checker().check_file(REALDOCS / name)
    serious = {(f.rule, f.page, f.line) for f in report.findings if f.severity in ("error", "warning")}
    assert serious == REAL_SLIPS[name]


def test_the_template_gives_findings_only_on_its_placeholders():
    report = Checker().check_file(REALDOCS / "template-national-2024.pdf")
    errors = [f for f in report.findings if f.severity in ("error", "warning")]
    assert len(errors) > 50
    template_text = ("X", "增加(减少)", "增长(下降)", "减少(增加)", "下降(增长)", "大于(小于)")
    assert [f.message for f in errors if not any(word in f.message for word in template_text)] == []


def test_a_budget_is_refused_in_one_line_that_says_so():
    result = CliRunner().invoke(main, ["check", str(REALDOCS / "cq-swu-2021-budget.pdf")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "部门预算" in lines[0] and "2021" in lines[0]


def _row(rows: list, name: str) -> dict | None:
    """The row named by its code, its 科目名称 or 项目 ("" → the first row)."""
    if name == "":
        return rows[0] if rows else None
    return next((r for r in rows if name in (r.get("科目编码"), r.get("科目名称"), r.get("项目"))), None)


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_every_table_is_read_with_its_rows_and_cells(expected, extractions):
    facts, extraction = _expected(expected), extractions[expected.name]
    tables = extraction.disclosure["决算表"]
    assert set(tables) == set(facts["决算表"])
    cells = 0
    for name, fact in facts["决算表"].items():
        table = tables[name]
        if "rows" in fact:
            assert len(table.get("行", [])) == fact["rows"], name
        else:
            assert (len(table["收入"]), len(table["支出"])) == (fact["收入"], fact["支出"]), name
        if "说明" in fact:
            assert table["说明"] == fact["说明"]
        for where, row_name, column, figure in fact["cells"]:
            row = _row(table["行"] if where == "行" else table[where], row_name)
            assert row is not None and str(row.get(column)) == figure, (name, row_name, column, figure, row)
            cells += 1
    assert cells >= 30


def test_a_table_over_two_pages_is_one_table(extractions):
    extraction = extractions["sh-putuo-guihuaziyuan-2024.expected.json"]
    pages = {extraction.document.place(line).page for path, (line, _) in extraction.provenance.items()
             if path.startswith("决算表.一般公共预算财政拨款支出决算表.")}
    assert pages == {14, 15}
    rows = extraction.disclosure["决算表"]["一般公共预算财政拨款支出决算表"]["行"]
    assert rows[0]["科目编码"] == "208" and rows[-1]["科目名称"] == "合计" and len(rows) == 25


def test_codes_written_in_three_columns_are_one_code(extractions):
    rows = extractions["sh-putuo-caizhengju-2024.expected.json"].disclosure["决算表"]["收入决算表"]["行"]
    row = _row(rows, "2010601")
    assert row["类"] == "201" and row["款"] == "06" and row["项"] == "01" and row["科目名称"] == "行政运行"


def test_economic_codes_in_two_columns_are_one_code(extractions):
    rows = extractions["sh-putuo-caizhengju-2024.expected.json"].disclosure["决算表"]["一般公共预算财政拨款基本支出决算表"]["行"]
    row = _row(rows, "30301")
    assert (row["类"], row["款"], row["科目名称"]) == ("303", "01", "离休费")
