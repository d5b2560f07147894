"""The rule language's features, each pinned: names, reads, comprehensions, functions, templates."""
from decimal import Decimal as D

import pytest

from ledgerlint.language.compiler import compile_expression, compile_template
from ledgerlint.language.expressions import ExpressionError
from ledgerlint.checking.loading import parse
from ledgerlint.language.numbers import NotEvaluated
from ledgerlint.language.views import build

DOC = parse('''{
  "年度": 2023,
  "支出决算": {"本年支出合计": 1687.40, "基本支出": {"金额": 674.12, "占比": 39.95},
             "项目支出": {"金额": 1013.28, "占比": 60.05}},
  "公用经费": {"合计": 2.00, "明细": {"维修（护）费": 1.56, "办公费": 0.44}},
  "类": [{"名称": "一般公共服务支出", "决算": 970.04, "项": [{"决算": 511.29}, {"决算": 458.75}]},
        {"名称": "住房保障支出", "决算": 35.30, "项": [{"决算": 35.30}]}],
  "原因": "一是人员变动，二是工资调标",
  "百分比": "XX.X%",
  "空": null
}''', "test.json")
ROOT = build(DOC.data)


def ev(source, tolerance=D(0), **bindings):
    bound = {k: None for k in bindings}
    return compile_expression(source, tolerance, bound).evaluate(ROOT, bindings)


def test_chinese_names_and_dotted_reads():
    assert ev("支出决算.基本支出.金额 + 支出决算.项目支出.金额 == 支出决算.本年支出合计") is True


def test_subscript_reaches_a_key_that_is_not_an_identifier():
    assert ev('公用经费.明细["维修（护）费"]').value == D("1.56")


def test_list_index_and_comprehension():
    assert ev("类[1].名称") == "住房保障支出"
    assert ev("sum([x.决算 for c in 类 for x in c.项]) == 1005.34") is True
    assert ev("[c.名称 for c in 类 if c.决算 > 100]") == ["一般公共服务支出"]


def test_generator_expression_is_accepted():
    assert ev("sum(x.决算 for x in 类)").value == D("1005.34")


@pytest.mark.parametrize("source,expected", [
    ("len(类)", D(2)),
    ("len(原因)", D(13)),
    ("abs(-公用经费.合计)", D("2.00")),
    ("min(1, 2, 3)", D(1)),
    ("max([x.决算 for x in 类])", D("970.04")),
    ("round(2 / 3, 2)", D("0.67")),
    ("pct(支出决算.基本支出.金额, 支出决算.本年支出合计)", D("674.12") / D("1687.40") * 100),
    ("sum(values(公用经费.明细))", D("2.00")),
])
def test_numeric_functions(source, expected):
    assert ev(source).value == expected


@pytest.mark.parametrize("source,expected", [
    ("any([c.决算 > 900 for c in 类])", True),
    ("all([c.决算 > 900 for c in 类])", False),
    ('exists("支出决算.基本支出.占比")', True),
    ('exists("支出决算.上缴上级支出.占比")', False),
    ('exists("类[1].项[0].决算")', True),
    ('exists("类[5].项[0].决算")', False),
    ("exists(支出决算.经营支出)", False),
    ('exists("空")', False),
    ('matches(原因, "人员变动|工资")', True),
    ('matches(百分比, "^[0-9.]+$")', False),
    ('contains(原因, "调标")', True),
    ('"维修（护）费" in keys(公用经费.明细)', True),
    ('"办公" in 原因', False),
    ("is_number(支出决算.本年支出合计)", True),
    ("is_number(百分比)", False),
    ('年度 == 2023 and not 原因 == ""', True),
    ('"有" if 年度 > 2020 else "无"', "有"),
])
def test_other_functions_and_operators(source, expected):
    assert ev(source) == expected


def test_the_as_name_of_an_each_rule_is_bound():
    element = ROOT.items["类"].items[0]
    assert ev("类别.决算 == sum([x.决算 for x in 类别.项])", 类别=element) is True


def test_a_bound_name_without_its_value_is_a_name_error():
    """An expression compiled for an element, evaluated without one, stops as Python would stop on an
    unknown name (the engine reports it as not evaluated)."""
    expression = compile_expression("类别.决算 > 0", D(0), {"类别": None})
    with pytest.raises(NameError, match="类别"):
        expression.evaluate(ROOT)
    with pytest.raises(NameError, match="类别"):
        expression.evaluate(ROOT, {"别的": 1})
    assert expression.evaluate(ROOT, {"类别": ROOT.items["类"].items[0]}) is True


def test_a_missing_value_stops_the_rule_with_its_path():
    with pytest.raises(NotEvaluated) as info:
        ev("支出决算.经营支出.金额 + 1")
    assert info.value.key == "eval.missing"
    assert info.value.params["path"] == "支出决算.经营支出.金额"


def test_text_where_a_number_is_needed_stops_the_rule_with_the_value():
    with pytest.raises(NotEvaluated) as info:
        ev("百分比 > 1")
    assert info.value.key == "eval.not_number" and info.value.params["value"] == "“XX.X%”"


def test_iterating_an_object_asks_for_values_or_keys():
    with pytest.raises(NotEvaluated) as info:
        ev("sum(公用经费.明细)")
    assert info.value.key == "eval.iterate_object"


def test_constants_are_exact_decimals():
    value = ev("0.1 + 0.2")
    assert value.value == D("0.3") and value.is_exact


def test_exact_tolerance_compares_as_written():
    assert ev("支出决算.本年支出合计 == 1687.405") is True
    assert ev("支出决算.本年支出合计 == 1687.405", tolerance=None) is False


def test_static_paths_are_recorded_for_lint():
    e = compile_expression("sum([x.决算 for x in 类]) == 支出决算.本年支出合计")
    paths = {p for p, _ in e.static_paths}
    assert ("类", "[]", "决算") in paths and ("支出决算", "本年支出合计") in paths


def test_message_template_evaluates_pieces_and_keeps_literal_braces():
    tpl = compile_template("{类[0].名称}决算 {类[0].决算} 万元，占 {{比例}}")
    assert tpl.render(ROOT) == "一般公共服务支出决算 970.04 万元，占 {比例}"


def test_message_template_piece_that_cannot_be_evaluated_shows_a_mark():
    assert compile_template("值：{支出决算.经营支出.金额 + 1}").render(ROOT) == "值：{?}"


@pytest.mark.parametrize("text", ["{未闭合", "多余}", "{1 +}"])
def test_bad_templates_are_refused(text):
    with pytest.raises(ExpressionError):
        compile_template(text)


def test_syntax_error_names_the_column():
    with pytest.raises(ExpressionError) as info:
        compile_expression("支出决算.本年支出合计 == == 1")
    assert info.value.key == "expr.syntax" and info.value.column == 16


def test_columns_count_characters_not_bytes():
    with pytest.raises(ExpressionError) as info:
        compile_expression("支出决算.本年支出合计 + 三公经费.__class__")
    assert info.value.column == 20


CHANGES = parse('''{
  "总计": 1687.40,
  "与上年": {"方向": "增加", "金额": 200.48, "百分比方向": "增长", "百分比": 13.48, "原因": "业务增加"},
  "支出": {"本年": 1687.40, "与上年": {"方向": "减少", "金额": 200.48, "百分比": 13.48}},
  "运维": {"支出决算": 14.49, "与上年": {"方向": "增加", "金额": -14.93, "百分比方向": "增长", "百分比": -50.76}},
  "其他收入": {"数值": 380.96, "单位": "元"},
  "说明": ["XX.X%", "正常"],
  "指标": {"方向": "大于", "目标": 100, "实际": 100}
}''', "changes.json")
CROOT = build(CHANGES.data)


def cev(source):
    return compile_expression(source).evaluate(CROOT)


@pytest.mark.parametrize("source,expected", [
    ("direction(与上年.方向)", D(1)),
    ("direction(支出.与上年.方向)", D(-1)),
    ("signed_amount(支出.与上年)", D("-200.48")),
    ("signed_amount(运维.与上年)", D("-14.93")),
    ("signed_pct(运维.与上年)", D("-50.76")),
    ("signed_pct(支出.与上年)", D("-13.48")),
    ("round(implied_pct(总计, 与上年), 2)", D("13.48")),
    ("round(implied_pct(支出.本年, 支出.与上年), 2)", D("-10.62")),
    ("wan(其他收入)", D("0.038096")),
    ("len(texts())", D(10)),
    ("len(find(\"方向\"))", D(4)),
    ("len(having(\"百分比\"))", D(3)),
    ("len(having(运维, \"方向\"))", D(1)),
])
def test_change_and_document_functions(source, expected):
    assert cev(source).value == expected


def test_implied_percent_agrees_and_disagrees_as_the_seed_does():
    assert cev("signed_pct(与上年) == implied_pct(总计, 与上年)") is True
    assert cev("signed_pct(支出.与上年) == implied_pct(支出.本年, 支出.与上年)") is False


def test_meets_name_coalesce_and_list_join():
    assert cev("meets(指标.实际, 指标.方向, 指标.目标)") is False
    assert cev('meets(101, "大于", 指标.目标)') is True
    assert cev('meets(1, "小于等于", 2) and meets(2, "等于", 2) and not meets(3, "小于", 2)') is True
    assert cev("name(运维.支出决算)") == "支出决算"
    assert cev("coalesce(运维.购置, 0)").value == 0
    assert cev("coalesce(运维.支出决算, 0)").value == D("14.49")
    assert cev("len(find(\"原因\") + 说明)").value == 3


def test_unknown_direction_word_is_not_evaluated():
    with pytest.raises(NotEvaluated) as info:
        cev('direction("大概")')
    assert info.value.key == "eval.unknown_word"


def test_children_and_bare_for_tables():
    """children(表.行, 编码): the rows one level below a code; bare(): a 总表's item without its number."""
    from ledgerlint.language.compiler import compile_expression
    from ledgerlint.language.views import wrap
    data = {"表": {"行": [{"科目编码": "201", "合计": 3}, {"科目编码": "20101", "合计": 1}, {"科目编码": "20102", "合计": 2},
                          {"科目编码": "2010101", "合计": 1}, {"科目名称": "合计", "合计": 3}]}, "项": "八、社会保障和就业支出"}
    scope = wrap(data, ())
    assert compile_expression('len(children(表.行, "201")) == 2').evaluate(scope) is True
    assert compile_expression('len(children(表.行, "")) == 1').evaluate(scope) is True
    assert compile_expression('sum([r.合计 for r in children(表.行, "201")]) == 3').evaluate(scope) is True
    assert compile_expression('bare(项) == "社会保障和就业支出"').evaluate(scope) is True


def test_a_number_is_found_among_an_objects_keys_as_written():
    root = build({"各年": {"2023": 1, "2024": 2}, "年份": 2023})
    assert compile_expression("年份 in 各年").evaluate(root) is True
    assert compile_expression("2024 in 各年").evaluate(root) is True
    assert compile_expression("2025 in 各年").evaluate(root) is False


@pytest.mark.parametrize("written,number,word,column", [
    ("联系方式.联系人 == 1.1万", "1.1", "万", 16),
    ("a == 12万", "12", "万", 8),
    ("a == 1.10万元", "1.10", "万", 10),
    ("a == 3x", "3", "x", 7),
    ("1.1万 == a", "1.1", "万", 4),
])
def test_a_number_run_into_a_word_is_named_at_the_word_on_every_python(written, number, word, column):
    # Python 3.11.2 points "invalid decimal literal" at the number's last digit, 3.11.7 at the word or says
    # "invalid syntax" there: the message and its column must not depend on which one runs
    with pytest.raises(ExpressionError) as caught:
        compile_expression(written)
    assert caught.value.key == "expr.syntax_number_word"
    assert caught.value.params == {"number": number, "word": word}
    assert caught.value.column == column
