"""`ledgerlint validate`: schema problems in the document's own names, with lines, in two languages."""
import subprocess
import sys

from helpers import SEED, SYNTHETIC
from ledgerlint.cli import main


def test_synthetic_examples_are_valid(runner):
    result = runner.invoke(main, ["validate", *map(str, SYNTHETIC)])
    assert result.exit_code == 0, result.output
    assert result.output.count("符合 2023 年度格式") == 2


def test_seed_reports_exactly_the_places_where_a_number_was_not_written(runner):
    result = runner.invoke(main, ["validate", str(SEED)])
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if line.startswith(str(SEED))]
    assert problems == [
        f"{SEED}:273: 一般公共预算财政拨款支出决算.类[0].项[2].决算: 应为数字，实际是文字 “万5.00元”",
        f"{SEED}:311: 一般公共预算财政拨款支出决算.类[1].项[2].完成年初预算百分比: 应为数字，实际是文字 “XX.X%”",
    ]


def test_english_messages(runner):
    result = runner.invoke(main, ["validate", "--lang", "en", str(SEED)])
    assert "should be a number, found text “XX.X%”" in result.output
    assert "1 invalid" in result.output


def test_unknown_items_and_missing_items_are_named(runner, tmp_path):
    doc = tmp_path / "d.json"
    doc.write_text('{"年度": 2023, "单位": {"名称": "x", "性质": "行政单位", "编号": 1}}', encoding="utf-8")
    out = runner.invoke(main, ["validate", str(doc)]).output
    assert "单位.编号: 有未定义的项“编号”" in out
    assert "地区: 缺少必填项“地区”" in out
    assert out.count("缺少必填项“地区”") == 1


def test_unreadable_file_exits_2_after_checking_the_others(runner, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(bad), str(SYNTHETIC[0])])
    assert result.exit_code == 2
    assert "符合 2023 年度格式" in result.output
    assert "Traceback" not in result.output


def test_unknown_year_is_one_line_and_exit_2(runner, tmp_path):
    doc = tmp_path / "d.json"
    doc.write_text('{"年度": 1999}', encoding="utf-8")
    result = runner.invoke(main, ["validate", str(doc)])
    assert result.exit_code == 2
    assert "没有 1999 年度及更早的规则集" in result.output


def test_console_script_runs():
    proc = subprocess.run([sys.executable, "-m", "ledgerlint", "validate", str(SYNTHETIC[1])],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
