"""The 三公 section read from published text, in two wordings of our own (figures ours too)."""
from decimal import Decimal

import pytest

from ledgerlint.documents.doctext import sentences
from ledgerlint.documents.readers import sangong

EXPECTED = {
    "总体情况": {
        "全年预算": Decimal("30.00"), "支出决算": Decimal("24.00"), "完成预算百分比": Decimal("80.00"),
        "因公出国（境）费": {"全年预算": Decimal("5.00"), "支出决算": Decimal("4.00"), "完成预算百分比": Decimal("80.00")},
        "公务用车购置及运行维护费": {"全年预算": Decimal("15.00"), "支出决算": Decimal("12.00"),
                             "完成预算百分比": Decimal("80.00")},
        "公务接待费": {"全年预算": Decimal("10.00"), "支出决算": Decimal("8.00"), "完成预算百分比": Decimal("80.00")},
        "差异原因": "压减一般性支出。",
    },
    "具体情况": {
        "支出决算": Decimal("24.00"),
        "因公出国（境）费": {"支出决算": Decimal("4.00"), "占比": Decimal("16.67"), "团组数": Decimal(1),
                      "人次": Decimal(3),
                      "与上年比较": {"方向": "增加", "金额": Decimal("4.00"), "原因": "恢复出访。"}},
        "公务用车购置及运行维护费": {
            "支出决算": Decimal("12.00"), "占比": Decimal("50.00"),
            "公务用车购置费": {"支出决算": Decimal("0.00")},
            "公务用车运行维护费": {"支出决算": Decimal("12.00"), "保有量": Decimal(2),
                           "与上年比较": {"方向": "减少", "金额": Decimal("1.50"), "百分比方向": "下降",
                                     "百分比": Decimal("11.11"), "原因": "车辆减少。"}}},
        "公务接待费": {"支出决算": Decimal("8.00"), "占比": Decimal("33.33"),
                  "国内公务接待费": {"支出决算": Decimal("8.00"), "批次": Decimal(40), "人次": Decimal(300)},
                  "国（境）外公务接待费": {"支出决算": Decimal("0.00"), "批次": Decimal(0), "人次": Decimal(0)},
                  "与上年比较": {"方向": "增加", "金额": Decimal("0.40"), "百分比方向": "增长",
                            "百分比": Decimal("5.26"), "原因": "接待任务增加。"}},
    },
}

# the 2023 Inner Mongolia wording
NEI_MENGGU = """（一）财政拨款“三公”经费支出总体情况说明。
某局2023年度财政拨款“三公”经费全年预算 30.00万元，支出决算 24.00万元，完成预算的 80.00%。其中：因公出国（境）费全年预算 5.00万元，支出决算 4.00万元，完成预算的 80.00%；公务用车购置及运行维护费全年预算 15.00万元，支出决算 12.00万元，完成预算的 80.00%；公务接待费全年预算 10.00万元，支出决算 8.00万元，完成预算的 80.00%。差异原因：压减一般性支出。
（二）财政拨款“三公”经费支出具体情况说明。
某局2023年度财政拨款“三公”经费支出 24.00万元。因公出国（境）费支出 4.00万元，占 16.67%；公务用车购置及运行维护费支出 12.00万元，占 50.00%；公务接待费支出 8.00万元，占 33.33%。其中：
1.因公出国（境）费支出 4.00万元，全年出国（境）团组1 个，累计3 人次。与上年决算相比，增加 4.00万元，变动原因：恢复出访。
2.公务用车购置及运行维护费支出 12.00万元。其中：
（1）公务用车购置支出 0.00万元。
（2）公务用车运行维护费支出 12.00万元。截至2023年12月31日，公务用车保有量为2 辆。与上年决算相比，减少 1.50万元，下降 11.11%，变动原因：车辆减少。
3.公务接待费支出 8.00万元。其中：国内公务接待支出 8.00万元，接待40 批次，300 人次；国（境）外公务接待支出 0.00万元，接待0 批次，0 人次。与上年决算相比，增加 0.40万元，增长 5.26%，变动原因：接待任务增加。"""

# another province's wording: 全年预算数为 / 支出决算数为, 占比, 完成全年预算的, 差异的原因是, traditional characters in
# places, no 累计, 公务接待费支出
VARIANT = (NEI_MENGGU.replace("全年预算 ", "全年预算数为").replace("支出决算 ", "支出决算数为")
           .replace("完成预算的", "完成全年预算的").replace("差异原因：", "差异的原因是")
           .replace("占 ", "占比").replace("累计3", "3").replace("国内公务接待支出", "國內公務接待費支出")
           .replace("变动原因：车辆减少", "變動原因：車輛減少"))


@pytest.mark.parametrize("text", [NEI_MENGGU, VARIANT], ids=["nei-menggu-2023", "variant"])
def test_every_figure_of_the_section_is_read_with_its_line(text):
    reading = sangong.read(sentences(text.splitlines()))
    assert reading.value == EXPECTED
    assert reading.unused == []
    line, sentence = reading.provenance["具体情况.公务用车购置及运行维护费.公务用车运行维护费.保有量"]
    assert line == 8 and "保有量" in sentence


def test_a_sentence_with_figures_that_fits_no_pattern_is_listed():
    text = NEI_MENGGU + "\n另有会议费支出 3.00万元，培训 2 批次。"
    reading = sangong.read(sentences(text.splitlines()))
    assert [(s.line, s.text) for s in reading.unused] == [(10, "另有会议费支出 3.00万元,培训 2 批次。")]


def test_the_seed_documents_section_reads_every_figure():
    from helpers import SEED, read_json
    from helpers.figures import figure_share, seed_document_section
    reading = sangong.read(seed_document_section("三公经费"))
    assert figure_share(read_json(SEED)["三公经费"], reading.value) == (1.0, [])
    assert reading.unused == []


def test_vehicles_by_kind_are_read_after_their_count_and_new_energy_is_not_a_kind():
    text = ("（二）财政拨款“三公”经费支出具体情况说明。\n"
            "公务用车购置支出 36.00万元，购置公务用车 2 辆，其中：执法执勤用车 1 辆、特种专业技术用车 1 辆。\n"
            "公务用车运行维护费支出 12.00万元，公务用车保有量为 5 辆，其中：一般公务用车 3 辆，"
            "新能源汽车 2 辆，执法执勤车辆 2 辆（含应急保障 1 辆）。")
    cars = sangong.read(sentences(text.splitlines())).value["具体情况"]["公务用车购置及运行维护费"]
    assert cars["公务用车购置费"]["购置数量"] == 2
    assert cars["公务用车购置费"]["车型"] == {"执法执勤用车": 1, "特种专业技术用车": 1}
    assert cars["公务用车运行维护费"]["保有车型"] == {"一般公务用车": 3, "执法执勤车辆": 2}
