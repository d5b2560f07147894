"""The shipped rules: their own cases pass, every rule has a passing and a failing case, lint is clean."""
import shutil
from pathlib import Path

import pytest

from helpers import RULES
from ledgerlint.cli import main
from ledgerlint.rulesets.lint import lint_set
from ledgerlint.rulesets.ruleset import load_ruleset
from ledgerlint.checking.cases import run_tests


SHIPPED = run_tests(load_ruleset(RULES / "2023"))      # once, at collection: each case below is a test of its own


def test_shipped_rule_cases_are_all_read_and_cover_every_rule():
    assert not SHIPPED.problems
    assert [rule.id for rule, _ in SHIPPED.uncovered] == []


@pytest.mark.parametrize("result", SHIPPED.results,
                         ids=[f"{Path(r.file).stem}:{r.line}:{r.name}:{r.rule}" for r in SHIPPED.results])
def test_shipped_rule_case(result):
    assert result.actual == result.expected, f"{result.file}:{result.line} {result.detail}"


def test_rules_test_and_lint_commands_exit_0_on_shipped_rules(runner):
    assert runner.invoke(main, ["rules", "test", str(RULES / "2023")]).exit_code == 0
    result = runner.invoke(main, ["rules", "lint"])
    assert result.exit_code == 0 and "没有发现问题" in result.output


def copy_rules(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target / "2023"


def test_rules_test_reports_a_rule_without_a_failing_case(runner, tmp_path):
    folder = copy_rules(tmp_path)
    (folder / "extra.yaml").write_text(
        "rules:\n  - id: NEW-1\n    title: 新规则\n    basis: b\n    assert: 年度 == 2023\n", encoding="utf-8")
    (folder / "tests" / "extra.yaml").write_text(
        "cases:\n  - name: 年度正确\n    disclosure: {年度: 2023}\n    expect: {NEW-1: pass}\n", encoding="utf-8")
    result = runner.invoke(main, ["rules", "test", str(folder)])
    assert result.exit_code == 1
    assert "规则 NEW-1 缺少 fail 的用例" in result.output


def test_rules_test_reports_an_unmet_expectation(runner, tmp_path):
    folder = copy_rules(tmp_path)
    (folder / "tests" / "wrong.yaml").write_text(
        "cases:\n  - name: 故意写错\n    disclosure: {三公经费: {总体情况: {支出决算: 1.00,"
        " 因公出国（境）费: {支出决算: 1.00}, 公务用车购置及运行维护费: {支出决算: 0.00}, 公务接待费: {支出决算: 0.00}}}}\n"
        "    expect: {SG-001: fail}\n", encoding="utf-8")
    result = runner.invoke(main, ["rules", "test", str(folder)])
    assert result.exit_code == 1
    assert "用例“故意写错”：规则 SG-001 应为 fail，实际为 pass" in result.output


def test_lint_reports_everything_in_one_run(tmp_path):
    folder = copy_rules(tmp_path)
    (folder / "broken.yaml").write_text(
        "rules:\n"
        "  - id: X-1\n    title: 名称写错\n    basis: b\n    assert: 支出决算.本年支出总计 == 1\n"
        "  - id: X-2\n    title: 语法错误\n    basis: b\n    assert: 1 +\n"
        "  - id: X-1\n    title: 重复编号\n    basis: b\n    assert: 1 == 1\n"
        "  - id: X-3\n    title: 逐项名称写错\n    basis: b\n    each: 一般公共预算财政拨款支出决算.类\n"
        "    assert: item.决算数 == 1\n", encoding="utf-8")
    (folder / "broken2.yaml").write_text(
        "rules:\n  - id: Y-1\n    title: t\n    basis: b\n    assert: 1 == 1\n    colour: red\n", encoding="utf-8")
    problems = lint_set(folder.parent, "2023")
    text = "\n".join(p.render() for p in problems)
    assert "没有“本年支出总计”（支出决算.本年支出总计），是否应为“本年支出合计”？" in text
    assert "X-2" in text and "表达式写法不对" in text
    assert "规则编号 X-1 重复" in text
    assert "没有“决算数”" in text and "是否应为“决算”" in text
    assert "未知的项“colour”" in text
    assert len(problems) == 5


def test_every_function_of_the_language_is_documented():
    from helpers import ROOT
    from ledgerlint.language.functions import FUNCTIONS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, fn in FUNCTIONS.items():
        assert f"`{name}(" in readme, name
        assert fn.call.__doc__ and fn.call.__doc__.startswith(name + "("), name
