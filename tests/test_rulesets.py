"""Loading rule sets: extends, disable, and one clear problem with its place for each broken input."""
import shutil

import pytest

from helpers import RULES
from ledgerlint.errors import RuleSetError
from ledgerlint.rulesets.ruleset import load_ruleset

RULE = """\
  - id: {id}
    title: {title}
    basis: 测试
    assert: {expr}
"""


def make(root, year, rules="", meta="", schema=True):
    folder = root / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ruleset.yaml").write_text(f"year: {year}\ntitle: 测试规则集\n{meta}", encoding="utf-8")
    if rules:
        (folder / "r.yaml").write_text("rules:\n" + rules, encoding="utf-8")
    if schema:
        shutil.copy(RULES / "2023" / "disclosure.schema.json", folder)
    return folder


def refusal(folder) -> RuleSetError:
    with pytest.raises(RuleSetError) as info:
        load_ruleset(folder)
    return info.value


def test_extends_inherits_replaces_and_disables(tmp_path):
    make(tmp_path, 2022, RULE.format(id="A-1", title="旧", expr="1 == 1") + RULE.format(id="A-2", title="二", expr="1 == 1")
         + RULE.format(id="A-3", title="三", expr="1 == 1"))
    child = make(tmp_path, 2023, RULE.format(id="A-1", title="新", expr="2 == 2") + RULE.format(id="B-1", title="加", expr="1 == 1"),
                 meta="extends: 2022\ndisable: [A-3]\n", schema=False)
    rs = load_ruleset(child)
    assert rs.chain == ["2023", "2022"]
    assert [r.id for r in rs.rules] == ["A-1", "A-2", "B-1"]
    assert rs.rule("A-1").title == "新" and rs.rule("A-1").replaces.title == "旧"
    assert rs.rule("A-2").origin == "2022"
    assert rs.disabled == ["A-3"]
    assert rs.validator is not None  # schema inherited from 2022


def test_extends_cycle_is_refused(tmp_path):
    make(tmp_path, 2022, meta="extends: 2023\n")
    child = make(tmp_path, 2023, meta="extends: 2022\n")
    err = refusal(child)
    assert err.key == "ruleset.cycle" and "2023 → 2022 → 2023" in err.render()


def test_unknown_parent_year_is_refused(tmp_path):
    err = refusal(make(tmp_path, 2023, meta="extends: 1999\n"))
    assert err.key == "ruleset.unknown_parent" and err.line == 3


def test_missing_schema_is_refused(tmp_path):
    assert refusal(make(tmp_path, 2023, schema=False)).key == "ruleset.no_schema"


def test_unknown_key_in_a_rule_names_the_key_and_its_line(tmp_path):
    folder = make(tmp_path, 2023, RULE.format(id="A-1", title="t", expr="1 == 1") + "    severty: warning\n")
    err = refusal(folder)
    assert err.key == "shape.unknown_key_hint" and (err.line, err.column) == (6, 5)
    assert err.render() == f"{err.file}:6:5: 第 1 条规则（A-1）中有未知的项“severty”，是否应为“severity”？"


def test_rule_without_id_is_refused(tmp_path):
    folder = make(tmp_path, 2023, "  - title: t\n    basis: b\n    assert: 1 == 1\n")
    err = refusal(folder)
    assert err.key == "shape.required" and (err.line, err.column) == (2, 5)
    assert err.render().endswith(":2:5: 第 1 条规则缺少“id”（规则编号），请补上")


def test_duplicate_ids_are_refused(tmp_path):
    folder = make(tmp_path, 2023, RULE.format(id="A-1", title="t", expr="1 == 1") * 2)
    err = refusal(folder)
    assert err.key == "ruleset.duplicate_id" and err.line == 6


def test_yaml_syntax_error_has_its_line(tmp_path):
    folder = make(tmp_path, 2023, RULE.format(id="A-1", title="t", expr="1 == 1") + "  - id: [unclosed\n")
    err = refusal(folder)
    assert err.key == "yaml.flow" and err.line is not None and err.line >= 6
    assert "（在规则 [unclosed 中）" not in err.render() and "没有配对" in err.render()


def test_expression_error_points_at_the_rule_field_and_column(tmp_path):
    folder = make(tmp_path, 2023, RULE.format(id="A-1", title="t", expr='"x.__class__ == 1"'))
    err = refusal(folder)
    assert err.key == "expr.underscore" and err.line == 5 and err.column == 16   # in the file: `    assert: "x.__class__`
    assert "A-1" in err.render() and "assert" in err.render()


def test_disabling_an_unknown_rule_is_refused(tmp_path):
    assert refusal(make(tmp_path, 2023, meta="disable: [NOPE]\n")).key == "ruleset.disable_unknown"


def test_folder_name_and_year_must_agree(tmp_path):
    folder = make(tmp_path, 2023)
    (folder / "ruleset.yaml").write_text("year: 2024\ntitle: t\n", encoding="utf-8")
    assert refusal(folder).key == "ruleset.year_mismatch"


def test_yaml_numbers_keep_their_precision(tmp_path):
    folder = make(tmp_path, 2023, RULE.format(id="A-1", title="t", expr="1 == 1") + "    tolerance: 0.010\n")
    assert load_ruleset(folder).rule("A-1").tolerance == "0.010"


def test_every_shipped_rule_has_a_title_and_a_basis():
    rs = load_ruleset(RULES / "2023")
    assert rs.rules
    for rule in rs.rules:
        assert rule.title.strip() and rule.basis.strip(), rule.id


def test_every_shipped_schema_is_valid_against_the_meta_schema():
    # a cold run does not check the shipped schemas again (RuleSet.schema_shipped): this test does
    import jsonschema
    from ledgerlint.rulesets.ruleset import shipped_rules_dir
    from ledgerlint.rulesets.selection import all_names, load_named
    for name in all_names(shipped_rules_dir()):
        ruleset = load_named(shipped_rules_dir(), name)
        assert ruleset.schema_shipped, name
        jsonschema.Draft202012Validator.check_schema(ruleset.schema)


def test_a_schema_of_ones_own_is_still_checked(tmp_path):
    folder = make(tmp_path, 2023, RULE.format(id="A-1", title="t", expr="1 == 1"))
    (folder / "disclosure.schema.json").write_text('{"type": "objekt"}', encoding="utf-8")
    ruleset = load_ruleset(folder)
    assert not ruleset.schema_shipped
    with pytest.raises(RuleSetError) as info:
        ruleset.validator
    assert info.value.key == "ruleset.bad_schema"
