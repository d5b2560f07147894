"""Which section of the year's schema each line of a published document belongs to, in the heading
wordings of different provinces and years (our own short documents)."""
import pytest

from helpers import RULES
from ledgerlint.documents.outline import heading, numbering, numeral_value, sections
from ledgerlint.rulesets.selection import load_named


@pytest.fixture(scope="module")
def schema():
    return load_named(RULES, "2023").schema


def keys(lines, schema):
    found, unmatched = sections(lines, schema)
    return [(s.key, s.first, s.last) for s in found], [(h.line, h.text) for h in unmatched]


def test_the_2023_headings_give_the_schemas_sections_with_their_lines(schema):
    lines = ["第一部分 部门概况", "一、主要职能", "本单位负责……", "第二部分 部门决算情况说明",
             "一、收入支出决算总体情况说明", "收、支总计各 100.00万元。", "（一）收入决算总计 100.00万元。",
             "二、收入决算情况说明", "本年收入合计 100.00万元。", "第三部分 名词解释",
             "一、财政拨款收入：指本级财政当年拨付的资金。", "第四部分 决算公开联系方式及信息反馈渠道", "电话：1234"]
    found, unmatched = keys(lines, schema)
    assert found == [("单位概况", 1, 3), ("收入支出决算总体情况", 5, 7), ("收入决算", 8, 9),
                     ("名词解释", 10, 11), ("联系方式", 12, 13)]
    # the part-2 heading and part 1's own numbered headings start no section, and are listed
    assert unmatched == [(2, "主要职能"), (4, "部门决算情况说明")]


def test_variant_wordings_reach_the_same_sections(schema):
    lines = ["十一、機關運行經費支出情況說明", "本年機關運行經費支出 20.00萬元。",          # traditional, old name
             "八、财政拨款“三公”经费支出决算情况", "三公 5.00万元。",                     # without 说明
             "十三、国有资产占用情况", "车辆 2 辆。",
             "第五部分 单位决算表"]
    found, _ = keys(lines, schema)
    assert [k for k, *_ in found] == ["机构运行经费", "三公经费", "国有资产占用", "附表"]


@pytest.mark.parametrize("line, expected", [
    ("    四、财政拨款收入支出决算总体情况说明", ("section", "四", "财政拨款收入支出决算总体情况说明")),
    ("（二）支出决算总计 1,687.40万元。包括：", ("subsection", "二", "支出决算总计 1,687.40万元。包括:")),
    ("第三部分  名词解释", ("part", "三", "名词解释")),
    ("一、财政拨款收入：从同级财政部门取得的资金。", None),        # a glossary entry, not a heading
    ("2023年，在市委的领导下……", None),
])
def test_headings_are_told_from_numbered_sentences(line, expected):
    found = heading(1, line)
    assert (found and (found.level, found.number, found.text)) == expected


def test_the_seed_document_has_every_section_of_the_schema_in_order(schema):
    from ledgerlint.documents.doctext import read_lines
    from ledgerlint.documents.outline import section_titles
    from helpers.figures import seed_document
    seed = seed_document()
    found, _ = sections(read_lines(seed), schema)
    assert [s.key for s in found] == list(section_titles(schema).values())
    assert [(s.first, s.last) for s in found if s.key == "三公经费"] == [(96, 105)]


def test_guangxi_and_yunnan_structures_reach_the_same_sections(schema):
    lines = ["第一部分：某市某局概况", "一、主要职能", "第二部分：某市某局2023年度部门决算报表", "表一：收入支出决算总表",
             "第三部分：某市某局2023年度部门决算情况说明",
             "一、2023年度收入支出决算总体情况。", "收支总计 10.00万元。",
             "四、2023年度政府性基金支出决算情况。", "无。",
             "六、财政拨款安排的“三公”经费支出决算情况说明。", "三公 1.00万元。",
             "七、其他重要事项情况说明", "（一）机关运行经费支出情况", "支出 2.00万元。",
             "（二）政府采购支出情况", "无。", "（三）国有资产占用情况", "车辆 1 辆。",
             "第四部分：名词解释"]
    found, unmatched = keys(lines, schema)
    assert [k for k, *_ in found] == ["单位概况", "收入支出决算总体情况", "政府性基金预算财政拨款支出决算", "三公经费",
                                      "机构运行经费", "政府采购", "国有资产占用", "名词解释"]
    assert (12, "其他重要事项情况说明") in unmatched


def test_one_and_four_are_not_confused_when_words_are_left_out(schema):
    """收入支出决算总体情况 (一) and 财政拨款收入支出决算总体情况 (四) differ only by the words some
    provinces leave out; a loose match is used only where it names one section."""
    found, _ = keys(["一、收入支出决算总体情况说明", "x", "四、财政拨款收入支出决算总体情况说明", "y"], schema)
    assert [k for k, *_ in found] == ["收入支出决算总体情况", "财政拨款收入支出决算总体情况"]


def test_numbering_keeps_each_level_apart_and_restarts_under_a_new_parent():
    lines = ["第一部分 概况", "一、主要职能", "（一）负责水务管理。", "（二）负责防汛。", "二、机构设置",
             "第三部分 情况说明", "一、收入支出决算总体情况说明", "（一）总体情况", "1、农林水支出。", "2、卫生健康支出。",
             "（三）具体情况", "\t1、表格里的编号", "二、收入决算情况说明", "二、支出决算情况说明"]
    found = [(item.number, item.previous.number if item.previous else None) for item in numbering(lines)]
    assert found == [("一、", None), ("(一)", None), ("(二)", "(一)"), ("二、", "一、"), ("一、", None),
                     ("(一)", None), ("1、", None), ("2、", "1、"), ("(三)", "(一)"), ("二、", "一、"),
                     ("二、", "二、")]


def test_a_number_written_inside_the_paragraph_before_is_no_skip():
    lines = ["（七）负责会计管理工作。（八）负责非税收入管理。", "（九）负责国库管理。", "（十一）负责债务管理。"]
    items = numbering(lines)
    assert [(i.value, i.previous.value if i.previous else None) for i in items] == [(7, None), (9, 8), (11, 9)]


@pytest.mark.parametrize("numeral, value", [("三", 3), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23)])
def test_numeral_value(numeral, value):
    assert numeral_value(numeral) == value
