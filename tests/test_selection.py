"""Which rule set applies: by 年度 and 地区.省, with overlays, fallbacks, aliases; diff and which."""
import json

import pytest

from helpers import EXAMPLES, RULES
from ledgerlint import Checker
from ledgerlint.cli import main
from ledgerlint.checking.loading import load, parse
from ledgerlint.checking.cases import run_tests
from ledgerlint.rulesets.selection import all_names, load_named

EXPECTED = {
    "2023-erguna-waishi": "内蒙古/2023",
    "2023-synthetic-xingzheng": "内蒙古/2023",
    "2023-synthetic-shiye": "陕西/2023",
    "2019-synthetic-shaanxi": "陕西/2019",
    "2025-synthetic-beijing": "2025",
}


@pytest.mark.parametrize("example,name", EXPECTED.items())
def test_each_example_picks_its_set(example, name):
    checker = Checker()
    assert checker.select(load(EXAMPLES / example / "disclosure.json")).name == name


@pytest.mark.parametrize("example", ["2019-synthetic-shaanxi", "2025-synthetic-beijing"])
def test_new_examples_are_clean(runner, example):
    result = runner.invoke(main, ["check", "--fail-on", "warning", "--strict",
                                  str(EXAMPLES / example / "disclosure.json")])
    assert result.exit_code == 0, result.output


def test_the_seed_is_checked_with_the_inner_mongolia_overlay(runner):
    out = runner.invoke(main, ["check", str(EXAMPLES / "2023-erguna-waishi" / "disclosure.json")]).output
    assert out.splitlines()[0].endswith("（规则集：内蒙古/2023 内蒙古自治区部门决算公开检查规则）")


def test_every_year_and_every_overlay_passes_its_rule_tests():
    names = all_names(RULES)
    assert {"2019", "2020", "2021", "2022", "2023", "2024", "2025", "内蒙古/2019", "陕西/2025"} <= set(names)
    for name in names:
        run = run_tests(load_named(RULES, name))
        assert run.ok, (name, [p.render() for p in run.problems], [r for r in run.results if not r.ok],
                        [r.id for r, _ in run.uncovered])


def test_a_later_year_falls_back_to_the_nearest_earlier_one_with_a_warning(tmp_path):
    doc = tmp_path / "d.json"
    doc.write_text('{"年度": 2026, "地区": {"省": "北京市"}}', encoding="utf-8")
    report = Checker().check_file(doc)
    [warning] = [f for f in report.findings if f.rule == "ruleset"]
    assert warning.severity == "warning" and "2026" in warning.message and "2025" in warning.message
    assert report.ruleset.startswith("2025 ")


def test_an_earlier_year_than_any_set_is_refused(runner, tmp_path):
    doc = tmp_path / "d.json"
    doc.write_text('{"年度": 2017}', encoding="utf-8")
    result = runner.invoke(main, ["check", str(doc)])
    assert result.exit_code == 2 and "没有 2017 年度及更早的规则集" in result.output


def test_year_option_overrides_the_file(tmp_path):
    doc = tmp_path / "d.json"
    doc.write_text('{"年度": 2023, "地区": {"省": "陕西省"}}', encoding="utf-8")
    assert Checker(year=2019).select(load(doc)).name == "陕西/2019"


def test_an_overlay_outside_its_years_is_not_used(tmp_path):
    root = tmp_path / "rules"
    import shutil
    shutil.copytree(RULES, root)
    meta = root / "陕西" / "ruleset.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("years: {from: 2019, to: 2025}",
                                                             "years: {from: 2024, to: 2025}"), encoding="utf-8")
    doc = parse('{"年度": 2023, "地区": {"省": "陕西省"}}', "d.json")
    assert Checker(rules_dir=root).select(doc).name == "2023"


def test_aliases_accept_another_name_for_a_section(tmp_path):
    data = json.loads((EXAMPLES / "2023-synthetic-xingzheng" / "disclosure.json").read_text(encoding="utf-8"))
    data = {("机关运行经费" if k == "机构运行经费" else k): v for k, v in data.items()}
    data["机关运行经费"]["支出决算"] = 21.10
    data["机关运行经费"]["名称"] = "机关运行经费"
    doc = tmp_path / "d.json"
    doc.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    report = Checker().check_file(doc)
    assert not [f for f in report.findings if f.rule == "schema"]
    [f] = [f for f in report.findings if f.rule == "YX-001"]
    assert doc.read_text(encoding="utf-8").splitlines()[f.line - 1].strip().startswith('"支出决算": 21.1')


def test_rules_which_explains_the_choice(runner):
    out = runner.invoke(main, ["rules", "which", str(EXAMPLES / "2019-synthetic-shaanxi" / "disclosure.json")]).output
    assert "使用规则集 陕西/2019" in out and "省份 陕西省：有省级规则 陕西" in out
    assert "继承关系：陕西/2019 → 2019 → 2020 → 2021 → 2022 → 2023" in out


def test_rules_diff_2019_2020_shows_the_tables_change_with_its_source(runner):
    out = runner.invoke(main, ["rules", "diff", "2019", "2020"]).output
    assert "改变的规则（1）" in out and "GF-003" in out and "附表.表数 >= 8 → 附表.表数 >= 9" in out
    assert "新增的必填项（1）\n  国有资本经营预算财政拨款支出决算" in out
    assert "依据：2019 年度公开文本目录" in out and "（年份不确定）" in out


def test_rules_diff_national_to_overlay_as_json(runner):
    result = runner.invoke(main, ["rules", "diff", "2023", "陕西/2023", "--format", "json"])
    d = json.loads(result.output)
    assert [r["id"] for r in d["added"]] == ["SX-001", "SX-002", "SX-003", "SX-004", "SX-005"]
    assert "三公经费.会议费" in d["fields_added"] and "三公经费.培训费.人次" in d["fields_added"]
    assert d["removed"] == [] and d["sources"][0]["set"] == "陕西"


def test_rules_diff_of_an_unknown_set_is_one_line_and_exit_2(runner):
    result = runner.invoke(main, ["rules", "diff", "2023", "西藏/2023"])
    assert result.exit_code == 2 and "没有名为 西藏/2023 的规则集" in result.output
