"""四、财政拨款收入支出决算总体情况 read from published text (our own wording and figures)."""
from decimal import Decimal

from helpers import SEED, read_json
from helpers.figures import figure_share, seed_document_section
from ledgerlint.documents.doctext import sentences
from ledgerlint.documents.readers import appropriations

D = Decimal


def test_classes_get_their_codes_and_the_changes_their_bases():
    text = ("某局2023年度财政拨款收入、支出决算总计 200.00万元，其中：一般公共服务支出150.00万元，占75.00%；"
            "教育支出：30.00万元，占财政拨款支出的15.00%；住房保障支出 20.00万元，占比10.00%。与年初预算相比，收、支总计各增加 "
            "50.00万元，增长 33.33%，变动原因：追加经费。与上年决算相比，收、支总计各减少 10.00万元，下降 4.76%。"
            "其他收入1.00元，较上年减少5.00%。")
    reading = appropriations.read(sentences([text]))
    assert reading.value == {
        "财政拨款收支总计": D("200.00"),
        "支出功能分类": [{"科目编码": "201", "科目名称": "一般公共服务支出", "金额": D("150.00"), "占比": D("75.00")},
                   {"科目编码": "205", "科目名称": "教育支出", "金额": D("30.00"), "占比": D("15.00")},
                   {"科目编码": "221", "科目名称": "住房保障支出", "金额": D("20.00"), "占比": D("10.00")}],
        "与年初预算比较": {"方向": "增加", "金额": D("50.00"), "百分比方向": "增长", "百分比": D("33.33"),
                    "原因": "追加经费。"},
        "与上年决算比较": {"方向": "减少", "金额": D("10.00"), "百分比方向": "下降", "百分比": D("4.76")},
    }
    # a second change against last year is about something else: listed, not written over the first
    assert [s.text for s in reading.unused] == ["其他收入1.00元,较上年减少5.00%。"]


def test_the_seed_documents_section_reads_every_figure():
    reading = appropriations.read(seed_document_section("财政拨款收入支出决算总体情况"))
    assert figure_share(read_json(SEED)["财政拨款收入支出决算总体情况"], reading.value) == (1.0, [])
    assert [s.line for s in reading.unused] == [59]
