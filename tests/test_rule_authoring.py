"""The mistakes policy staff make when they edit rules, typed as they would type them, and what ledgerlint
says about each: the place in the file (line and column), the rule's id, and words that say what to do."""
import json
import re
import shutil

import pytest

from helpers import SYNTHETIC
from ledgerlint.cli import main


@pytest.fixture
def folder(runner, tmp_path):
    """A rules folder of one's own, as `init-rules` makes it (2023, one rule L-001 and its two cases)."""
    target = tmp_path / "my"
    assert runner.invoke(main, ["init-rules", str(target)]).exit_code == 0
    return target


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rule_file(folder):
    return folder / "2023" / "本地规则.yaml"


def case_file(folder):
    return folder / "2023" / "tests" / "本地规则.yaml"


def lint(runner, folder, *options):
    result = runner.invoke(main, ["rules", "lint", *options, str(folder)])
    return result.exit_code, result.output


def place(path, line, column=None):
    return f"{path}:{line}:{column}:" if column else f"{path}:{line}:"


def line_of(path, text) -> tuple[int, int]:
    """(line, column), 1-based, of the first `text` in the file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if text in line:
            return number, line.index(text) + 1
    raise AssertionError(text)


# -- a condition that cannot be true or false ----------------------------------------------------------

def test_a_comma_for_the_decimal_point_is_refused_with_the_hint(runner, folder):
    edit(rule_file(folder), "len(联系方式.联系人) > 0", "len(联系方式.联系人) * 1,1 > 0")
    code, out = lint(runner, folder)
    line, column = line_of(rule_file(folder), "1,1")
    assert code == 1
    assert f"{place(rule_file(folder), line, column + 1)} 规则 L-001 的 assert：" in out
    assert "1,1 是两个值；小数请写 1.1" in out
    checked = runner.invoke(main, ["check", "--rules", str(folder), str(SYNTHETIC[0])])
    assert checked.exit_code == 2 and "1,1 是两个值；小数请写 1.1" in checked.stderr


@pytest.mark.parametrize("condition,kind", [
    ("len(联系方式.联系人)", "一个数字"),
    ("values(联系方式)", "一个列表"),
    ("'\"联系人\"'", "一段文字"),           # YAML's quotes around the rule language's
    ("联系方式.联系人", "一段文字"),           # a field read: the schema says it is text
    ("exists(\"联系方式.联系人\") and 1", "一个数字"),
])
def test_a_condition_giving_a_number_text_or_list_is_refused(runner, folder, condition, kind):
    edit(rule_file(folder), 'assert: exists("联系方式.联系人") and len(联系方式.联系人) > 0', f"assert: {condition}")
    code, out = lint(runner, folder)
    assert code == 1 and f"这里得出的是{kind}" in out and "规则 L-001 的 assert" in out


def test_a_when_that_is_a_list_is_refused_too(runner, folder):
    edit(rule_file(folder), "    severity: warning\n", "    severity: warning\n    when: keys(联系方式)\n")
    code, out = lint(runner, folder)
    assert code == 1 and "规则 L-001 的 when" in out and "len(…) > 0、any(…) 或 all(…)" in out


def test_a_condition_whose_value_is_known_only_when_it_runs_is_not_a_pass(runner, folder, tmp_path):
    # coalesce gives whichever value is there: the form does not tell; the value, a text, is not true
    edit(rule_file(folder), 'assert: exists("联系方式.联系人") and len(联系方式.联系人) > 0',
         'assert: coalesce(联系方式.联系人, "")')
    out = runner.invoke(main, ["check", "--rules", str(folder), "--format", "json", str(SYNTHETIC[0])]).stdout
    finding = next(f for f in json.loads(out)["files"][0]["findings"] if f["rule"] == "L-001")
    assert finding["status"] == "not_evaluated" and "不是“是”或“否”" in finding["message"]


# -- keys, values and YAML -----------------------------------------------------------------------------

@pytest.mark.parametrize("old,new,words", [
    ("    assert:", "    asert:", "第 1 条规则（L-001）中有未知的项“asert”，是否应为“assert”？"),
    ("    severity: warning", "    severty: warning", "第 1 条规则（L-001）中有未知的项“severty”，是否应为“severity”？"),
    ("    severity: warning", "    severity: warn",
     "第 1 条规则（L-001）的 severity 不能写“warn”，只能写 error / warning / info，是否应为“warning”？"),
    ("    severity: warning", "    tolerance: rouding", "第 1 条规则（L-001）的 tolerance 不能写“rouding”：只能写 rounding"),
])
def test_a_mistyped_key_or_value_is_named_with_the_word_meant(runner, folder, old, new, words):
    edit(rule_file(folder), old, new)
    code, out = lint(runner, folder)
    line, column = line_of(rule_file(folder), new.strip())
    if ":" in new and not new.strip().endswith(":"):
        key, value = new.strip().split(": ", 1)
        if "不能写" in words or "rounding" in words:       # a wrong value: pointed at the value
            column += len(key) + 2
    assert code == 1 and f"{place(rule_file(folder), line, column)} {words}" in out
    assert "is not one of" not in out and "required property" not in out
    assert "共发现 1 处问题" in out           # the rule's cases are not reported again as naming an unknown rule


def test_the_english_messages_are_english(runner, folder):
    edit(rule_file(folder), "    severity: warning", "    severity: warn")
    _code, out = lint(runner, folder, "--lang", "en")
    assert "rule 1 (L-001): severity cannot be “warn”, only one of error / warning / info; did you mean “warning”?" in out


def test_a_colon_inside_a_message_is_said_in_chinese_with_its_rule(runner, folder):
    edit(rule_file(folder), "message: 没有写决算公开的联系人", "message: 没有写: 联系人")
    code, out = lint(runner, folder)
    line, _ = line_of(rule_file(folder), "没有写: 联系人")
    assert code == 1 and f"本地规则.yaml:{line}:" in out
    assert "含冒号的文字请整段加引号" in out and "（在规则 L-001 中）" in out
    assert "mapping values" not in out


def test_a_tab_and_an_open_quote_are_named(runner, folder):
    edit(rule_file(folder), "    message: 没有写决算公开的联系人", '    message: "没有写决算公开的联系人')
    _code, out = lint(runner, folder)
    line, column = line_of(rule_file(folder), '"没有写')
    assert f"{place(rule_file(folder), line, column)} 引号没有配对" in out
    edit(rule_file(folder), '    message: "没有写决算公开的联系人', "\tmessage: 没有写")
    _code, out = lint(runner, folder)
    assert "不能用 Tab 键缩进，请改用空格" in out


def test_an_expression_error_in_a_folded_block_is_at_its_own_line_and_column(runner, folder):
    edit(rule_file(folder), 'assert: exists("联系方式.联系人") and len(联系方式.联系人) > 0',
         'assert: >-\n      exists("联系方式.联系人")\n      and len(联系方式.联系人) ＞ 0')
    code, out = lint(runner, folder)
    line, column = line_of(rule_file(folder), "＞")
    assert code == 1
    assert f"{place(rule_file(folder), line, column)} 规则 L-001 的 assert：表达式中有全角的“＞”：运算符和标点请用半角 >" in out


@pytest.mark.parametrize("written,words", [
    ("a = 1", "比较是否相等请写 =="),
    ("(联系方式.联系人 == 1", "没有对应的右括号"),
    ("联系方式.联系人 == 1.1万", "数字 1.1 后面直接跟着“万”"),
    ('matches(联系方式.联系人, "(?<=王)示例")', "正则表达式不支持向前或向后查找"),
])
def test_syntax_and_pattern_slips_are_named(runner, folder, written, words):
    edit(rule_file(folder), 'exists("联系方式.联系人") and len(联系方式.联系人) > 0', written)
    code, out = lint(runner, folder)
    assert code == 1 and words in out and "invalid" not in out and "perl" not in out


# -- names, ids and sets -------------------------------------------------------------------------------

def test_check_refuses_a_field_name_the_format_lacks(runner, folder):
    edit(rule_file(folder), "len(联系方式.联系人) > 0", "len(联系方式.联系仁) > 0")
    result = runner.invoke(main, ["check", "--rules", str(folder), str(SYNTHETIC[0])])
    line, column = line_of(rule_file(folder), "联系仁")
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"{place(rule_file(folder), line, column)} 规则 L-001 的 联系方式.联系仁："
                                     "2023 年度格式中没有“联系仁”（联系方式.联系仁），是否应为“联系人”？")


def test_a_name_mistyped_inside_exists_is_found_too(runner, folder):
    edit(rule_file(folder), 'exists("联系方式.联系人")', 'exists("联系方式.联系仁")')
    code, out = lint(runner, folder)
    assert code == 1 and "没有“联系仁”" in out and "是否应为“联系人”" in out


def test_an_optional_field_absent_from_one_disclosure_is_still_a_note(runner, folder, tmp_path):
    edit(rule_file(folder), 'assert: exists("联系方式.联系人") and len(联系方式.联系人) > 0',
         "assert: len(联系方式.联系人) > 0")
    data = json.loads(SYNTHETIC[0].read_text(encoding="utf-8"))
    del data["联系方式"]["联系人"]
    doc = tmp_path / "no-contact.json"
    doc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(main, ["check", "--rules", str(folder), "--format", "json", str(doc)])
    finding = next(f for f in json.loads(result.stdout)["files"][0]["findings"] if f["rule"] == "L-001")
    assert result.exit_code != 2 and finding["severity"] == "info" and finding["status"] == "not_evaluated"


def test_disable_and_show_suggest_the_id_meant(runner, folder):
    (folder / "2023" / "ruleset.yaml").write_text(
        (folder / "2023" / "ruleset.yaml").read_text(encoding="utf-8") + "disable: [SG-0001]\n", encoding="utf-8")
    code, out = lint(runner, folder)
    assert code == 1 and "disable 中的规则 SG-0001 不存在，是否应为 SG-001？" in out
    shown = runner.invoke(main, ["rules", "show", "sg-001", "--set", "2023"])
    assert shown.exit_code == 2 and "规则集 2023 中没有规则 sg-001，是否应为 SG-001？" in shown.stderr
    shown = runner.invoke(main, ["rules", "show", "XX-999", "--set", "2023"])
    assert shown.exit_code == 2 and "rules list" in shown.stderr


# -- case files ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("old,new,words", [
    ("expect: {L-001: fail}", "expect: {L-001: fial}", "用例“没有写联系人”的 L-001 不能写“fial”，只能写 pass / fail / not_evaluated / not_applicable，是否应为“fail”？"),
    ("expect: {L-001: fail}", "expcet: {L-001: fail}", "用例“没有写联系人”中有未知的项“expcet”，是否应为“expect”？"),
    ("expect: {L-001: fail}", "expect: {L-01: fail}", "用例“没有写联系人”期望的规则 L-01 不存在，是否应为 L-001？"),
    ('disclosure: {联系方式: {联系电话: "0000-0000000"}}',
     'disclosure: {联系方式: {联系人: 王, 联系电话: "0000-0000000"}}\n    set: {联系方式.联系仁: ""}',
     "用例“没有写联系人”的 set 中的路径“联系方式.联系仁”在 2023 年度格式中没有“联系仁”，是否应为“联系人”？"),
    ('disclosure: {联系方式: {联系电话: "0000-0000000"}}',
     'disclosure: {联系方式: {联系人: 王, 联系电话: "0000-0000000"}}\n    remove: [联系方式.联系仁]',
     "用例“没有写联系人”的 remove 中的路径“联系方式.联系仁”"),
])
def test_a_broken_case_is_one_problem_and_the_other_cases_still_run(runner, folder, old, new, words):
    edit(case_file(folder), old, new)
    code, out = lint(runner, folder)
    assert code == 1 and words in out and out.count("用例“") == 1
    assert re.search(rf"本地规则.yaml:\d+:(\d+:)? {re.escape(words)}", out)
    tested = runner.invoke(main, ["rules", "test", str(folder)]).output
    assert words in tested
    assert "规则 L-001 缺少 fail 的用例" in tested          # the broken case is left out …
    assert "缺少 pass" not in tested                          # … and the other case of the file still ran


def test_a_case_file_that_is_not_yaml_is_one_problem_and_the_other_files_run(runner, folder):
    shutil.copy(case_file(folder), case_file(folder).with_name("另一个.yaml"))
    case_file(folder).write_text("cases: [\n", encoding="utf-8")
    code, out = lint(runner, folder)
    assert code == 1 and out.count("tests/本地规则.yaml:") == 1 and "共发现 1 处问题" in out
    tested = runner.invoke(main, ["rules", "test", str(folder)]).output
    assert "tests/本地规则.yaml:" in tested and "0 条规则缺少用例" in tested   # the copy's cases ran


# -- the folder and the shipped sets -------------------------------------------------------------------

def test_init_rules_schema_line_works_after_the_folder_is_moved(runner, folder, tmp_path):
    first = rule_file(folder).read_text(encoding="utf-8").split("\n")[0]
    assert first == "# yaml-language-server: $schema=../rule-file.schema.json"
    moved = tmp_path / "elsewhere" / "rules"
    shutil.move(folder, moved)
    schema = json.loads((moved / "2023" / "../rule-file.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "ledgerlint 规则文件"
    assert lint(runner, moved)[0] == 0


def test_a_set_extending_an_overlay_gets_its_rules_and_one_left_out_is_said_once(runner, tmp_path):
    inner_mongolia = SYNTHETIC[1]          # a disclosure of 内蒙古自治区
    with_overlay = tmp_path / "nm"
    runner.invoke(main, ["init-rules", "--extends", "内蒙古/2023", str(with_overlay)])
    assert 'extends: "ledgerlint:内蒙古/2023"' in (with_overlay / "2023" / "ruleset.yaml").read_text(encoding="utf-8")
    assert "NM-001" in runner.invoke(main, ["rules", "list", "--rules", str(with_overlay)]).output
    result = runner.invoke(main, ["check", "--rules", str(with_overlay), str(inner_mongolia)])
    assert result.exit_code == 0 and "省级规则" not in result.stderr
    national = tmp_path / "national"
    runner.invoke(main, ["init-rules", str(national)])
    assert "NM-001" not in runner.invoke(main, ["rules", "list", "--rules", str(national)]).output
    result = runner.invoke(main, ["check", "--rules", str(national), str(inner_mongolia), str(inner_mongolia)])
    notices = [line for line in result.stderr.split("\n") if "省级规则" in line]
    assert len(notices) == 1 and 'extends: "ledgerlint:内蒙古/2023"' in notices[0] and "内蒙古自治区" in notices[0]
    other = runner.invoke(main, ["check", "--rules", str(national), str(SYNTHETIC[0])])   # 陕西 has its own
    assert "ledgerlint:陕西/2023" in other.stderr and "内蒙古" not in other.stderr


def test_explain_all_on_a_rule_without_each_says_so(runner):
    out = runner.invoke(main, ["explain", "--all", "ZT-001", str(SYNTHETIC[0])]).output
    assert "本规则不是逐项规则" in out
    assert "本规则不是逐项规则" not in runner.invoke(main, ["explain", "ZT-001", str(SYNTHETIC[0])]).output
