"""`ledgerlint check`: every finding with its numbers, its path and its line; exit codes; formats."""
import json

import pytest

from helpers import RULES, SEED, SYNTHETIC
from ledgerlint.cli import main


@pytest.fixture
def seed_json(runner):
    result = runner.invoke(main, ["check", "--format", "json", str(SEED)])
    assert result.exit_code == 1
    return json.loads(result.output)


def by_rule(doc, rule):
    return [f for f in doc["files"][0]["findings"] if f["rule"] == rule]


def test_seed_rate_slip_is_found_with_both_sides_difference_and_allowance(seed_json):
    [f] = by_rule(seed_json, "YB-002")
    assert f["severity"] == "error" and f["line"] == 256
    assert f["path"] == "一般公共预算财政拨款支出决算.类[0].项[0].完成年初预算百分比"
    assert f["values"]["left"] == "116.97" and f["values"]["right"] == "116.9599"
    assert "比较 116.97 与 116.9599：相差 0.0101，超出四舍五入可以解释的 ±0.0075" in f["message"]
    assert set(f["paths"]) >= {f["path"], "一般公共预算财政拨款支出决算.类[0].项[0].决算",
                               "一般公共预算财政拨款支出决算.类[0].项[0].年初预算"}


def test_seed_direction_word_and_score_slips_are_found(seed_json):
    [direction] = by_rule(seed_json, "ZT-004")
    assert direction["severity"] == "error" and "减少" in direction["message"] and "增加" in direction["message"]
    [score] = by_rule(seed_json, "JX-001")
    assert score["path"] == "预算绩效.项目自评[1].自评得分"
    assert "100.00 分" in score["message"] and "99 分" in score["message"]


def test_seed_schema_problems_and_not_evaluated_rules_are_reported(seed_json):
    schema = by_rule(seed_json, "schema")
    assert {f["path"] for f in schema} == {"一般公共预算财政拨款支出决算.类[0].项[2].决算",
                                          "一般公共预算财政拨款支出决算.类[1].项[2].完成年初预算百分比"}
    [skipped] = by_rule(seed_json, "YB-001")
    assert skipped["status"] == "not_evaluated" and skipped["severity"] == "info"
    assert "万5.00元" in skipped["message"]


def test_json_summary_shape(seed_json):
    assert seed_json["version"] == 1
    file = seed_json["files"][0]
    assert file["year"] == 2023 and file["ruleset"].startswith("内蒙古/2023 ")
    assert set(file["summary"]) == {"rules", "passed", "failed", "not_evaluated", "error", "warning", "info"}
    assert file["summary"]["not_evaluated"] == 1
    assert seed_json["summary"]["files"] == 1
    assert all(set(f) >= {"rule", "severity", "title", "message", "path", "paths", "line", "values"}
               for f in file["findings"])


def test_synthetic_examples_pass(runner):
    result = runner.invoke(main, ["check", *map(str, SYNTHETIC)])
    assert result.exit_code == 0, result.output
    assert "未通过 0 项" in result.output


def test_text_output_groups_by_severity_and_ends_with_a_summary(runner):
    out = runner.invoke(main, ["check", str(SEED)]).output
    assert out.index("错误（") < out.index("警告（") < out.index("提示（")
    assert f"{SEED}:256: [YB-002]" in out
    assert out.rstrip().splitlines()[-1].startswith("汇总（规则集 内蒙古/2023）：")


def test_english_output(runner):
    out = runner.invoke(main, ["check", "--lang", "en", str(SEED)]).output
    assert "errors (" in out and "summary (rule set 内蒙古/2023):" in out and "116.97 against 116.9599: they differ by 0.0101" in out


def test_fail_on_and_strict(runner, tmp_path):
    # a copy of a clean example with a share off by 0.02: a warning only
    data = json.loads(SYNTHETIC[1].read_text(encoding="utf-8"))
    data["收入决算"]["一般公共预算财政拨款收入"]["占比"] = 99.99
    doc = tmp_path / "d.json"
    doc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert runner.invoke(main, ["check", str(doc)]).exit_code == 0
    assert runner.invoke(main, ["check", "--fail-on", "warning", str(doc)]).exit_code == 1
    # strict: a rule that cannot be evaluated counts as failed
    del data["三公经费"]["总体情况"]["公务接待费"]
    doc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    loose = runner.invoke(main, ["check", "--format", "json", str(doc)])
    strict = runner.invoke(main, ["check", "--format", "json", "--strict", str(doc)])
    sg = lambda r: [f for f in json.loads(r.output)["files"][0]["findings"] if f["rule"] == "SG-001"][0]
    assert sg(loose)["status"] == "not_evaluated" and sg(loose)["severity"] == "info"
    assert sg(strict)["status"] == "failed" and sg(strict)["severity"] == "error"
    assert strict.exit_code == 1


def test_unreadable_file_is_one_line_exit_2_and_the_rest_is_checked(runner, tmp_path):
    result = runner.invoke(main, ["check", str(tmp_path / "missing.json"), str(SYNTHETIC[0])])
    assert result.exit_code == 2
    assert "missing.json: 文件不存在" in result.output
    assert "未通过 0 项" in result.output


def test_year_option_and_unknown_year(runner):
    assert runner.invoke(main, ["check", "--year", "1999", str(SEED)]).exit_code == 2
    assert runner.invoke(main, ["check", "--year", "2023", str(SYNTHETIC[0])]).exit_code == 0


def test_rules_option_uses_another_folder(runner, tmp_path):
    import shutil
    folder = tmp_path / "my" / "2023"
    folder.mkdir(parents=True)
    shutil.copy(RULES / "2023" / "disclosure.schema.json", folder)
    (folder / "ruleset.yaml").write_text("year: 2023\ntitle: 本地规则\n", encoding="utf-8")
    (folder / "local.yaml").write_text(
        "rules:\n  - id: L-1\n    title: 单位名称必须含“办公室”\n    basis: 本地要求\n"
        "    assert: contains(单位.名称, \"办公室\")\n", encoding="utf-8")
    ok = runner.invoke(main, ["check", "--rules", str(tmp_path / "my"), str(SYNTHETIC[1])])
    bad = runner.invoke(main, ["check", "--rules", str(tmp_path / "my"), str(SYNTHETIC[0])])
    assert ok.exit_code == 0 and "本地规则" in ok.output
    assert bad.exit_code == 1 and "[L-1]" in bad.output


def test_python_api_compiles_the_rule_set_once():
    from ledgerlint import Checker
    checker = Checker()
    first, second = checker.check_file(SYNTHETIC[1]), checker.check_file(SEED)  # both 内蒙古/2023
    assert list(checker._rulesets) == ["内蒙古/2023"]
    assert first.summary()["failed"] == 0 and second.fails("error")


def test_json_output_lists_unreadable_files_in_the_chosen_language(runner, tmp_path):
    result = runner.invoke(main, ["check", "--format", "json", "--lang", "en", str(tmp_path / "nope.json"),
                                  str(SYNTHETIC[0])])
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert doc["errors"][0]["message"].endswith("file not found")
    assert doc["summary"]["files"] == 1
