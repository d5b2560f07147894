"""一、收入支出决算总体情况 read from published text, in two wordings of our own (figures ours too)."""
from decimal import Decimal

import pytest

from ledgerlint.documents.doctext import sentences
from ledgerlint.documents.readers import overall

D = Decimal
EXPECTED = {
    "收支决算总计": D("520.00"),
    "与年初预算比较": {"方向": "增加", "金额": D("120.00"), "百分比方向": "增长", "百分比": D("30.00"),
                "原因": "追加专项资金。"},
    "与上年决算比较": {"方向": "减少", "金额": D("30.00"), "百分比方向": "下降", "百分比": D("5.45")},
    "收入": {"收入决算总计": D("520.00"), "本年收入合计": D("500.00"),
           "本年收入合计与上年比较": {"方向": "减少", "金额": D("25.00"), "百分比方向": "下降",
                            "百分比": D("4.76"), "原因": "项目完成。"},
           "其他收入": {"金额": {"数值": D("1200.50"), "单位": "元"},
                    "与上年比较": {"方向": "减少", "百分比": D("10.00"), "原因": "利息减少。"}},
           "使用非财政拨款结余和专用结余": D("0.00"), "年初结转和结余": D("20.00"),
           "年初结转和结余与上年比较": {"方向": "减少", "金额": D("5.00"), "原因": "结转减少。"}},
    "支出": {"支出决算总计": D("520.00"), "本年支出合计": D("510.00"),
           "本年支出合计与上年比较": {"方向": "减少", "金额": D("20.00"), "百分比方向": "下降", "百分比": D("3.77")},
           "结余分配": D("0.00"), "年末结转和结余": D("10.00")},
}

NEI_MENGGU = """某局2023年度收入、支出决算总计 520.00万元。与年初预算相比，收、支总计各增加120.00万元，增长 30.00%，变动原因：追加专项资金。
与上年决算相比，收、支总计各减少 30.00万元，下降 5.45%。其中：
（一）收入决算总计 520.00万元。包括：
1.本年收入决算合计 500.00万元。与上年决算相比，减少25.00万元，下降4.76%，变动原因：项目完成。其他收入1,200.50元，较上年减少10.00%，主要原因是利息减少。
2.使用非财政拨款结余和专用结余 0.00万元。不存在此项内容。
3.年初结转和结余 20.00万元。与上年决算相比，减少 5.00万元，变动原因：结转减少。
（二）支出决算总计 520.00万元。包括：
1.本年支出决算合计 510.00万元。与上年决算相比，减少 20.00万元，下降 3.77%。
2.结余分配 0.00万元。
3.年末结转和结余 10.00万元。"""

# another wording: 收支决算总计为, 比上年决算, 本年收入合计 without 决算, 上年结转和结余, 年末结转和结余资金,
# traditional characters in places
VARIANT = (NEI_MENGGU.replace("收入、支出决算总计 ", "收支决算总计为").replace("与上年决算相比，减少", "比上年决算減少")
           .replace("本年收入决算合计", "本年收入合计").replace("年初结转和结余 20", "上年結轉和結餘 20")
           .replace("年末结转和结余 ", "年末结转和结余资金"))


@pytest.mark.parametrize("text", [NEI_MENGGU, VARIANT], ids=["nei-menggu-2023", "variant"])
def test_every_figure_of_the_section_is_read(text):
    reading = overall.read(sentences(text.splitlines()))
    assert reading.value == EXPECTED
    assert reading.unused == []
    assert reading.provenance["支出.年末结转和结余"][0] == 10


def test_the_seed_documents_section_reads_every_figure():
    from helpers import SEED, read_json
    from helpers.figures import figure_share, seed_document_section
    reading = overall.read(seed_document_section("收入支出决算总体情况"))
    assert figure_share(read_json(SEED)["收入支出决算总体情况"], reading.value) == (1.0, [])
