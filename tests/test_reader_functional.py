"""五、一般公共预算财政拨款支出决算 read from published text (our own wording and figures)."""
from decimal import Decimal

from helpers import SEED, read_json
from helpers.figures import figure_share, seed_document_section
from ledgerlint.documents.doctext import sentences
from ledgerlint.documents.readers import functional

D = Decimal
TEXT = """某局2023年度一般公共预算财政拨款支出决算 60.00万元。与年初预算 50.00万元相比，完成年初预算的 120.00%。其中：
（一）教育支出（类）
教育支出决算数为 60.00万元，与年初预算相比增加 10.00万元。其中：
1．普通教育（款）小学教育（项）。年初预算50.00万元，支出决算55.00万元，完成年初预算的110.00%。决算数与年初预算数的差异原因：
追加课后服务经费。
2．进修及培训（款）干部教育（项）。年初预算0万元，决算支出万5.00元，完成年初预算的XX.X%。决算数与年初预算数的差异原因：年中追加。"""


def test_classes_and_lines_with_slips_kept_as_written():
    reading = functional.read(sentences(TEXT.splitlines()))
    assert reading.value == {
        "支出决算": D("60.00"), "年初预算": D("50.00"), "完成年初预算百分比": D("120.00"),
        "类": [{"科目编码": "205", "科目名称": "教育支出", "决算": D("60.00"),
               "与年初预算比较": {"方向": "增加", "金额": D("10.00")},
               "项": [{"款名称": "普通教育", "科目名称": "小学教育", "年初预算": D("50.00"), "决算": D("55.00"),
                      "完成年初预算百分比": D("110.00"), "差异原因": "追加课后服务经费。"},
                     {"款名称": "进修及培训", "科目名称": "干部教育", "年初预算": D(0), "决算": "万5.00元",
                      "完成年初预算百分比": "XX.X%", "差异原因": "年中追加。"}]}]}
    assert reading.provenance["类[0].项[1].决算"][0] == 6
    assert reading.unused == []


def test_the_seed_documents_section_reads_every_figure():
    reading = functional.read(seed_document_section("一般公共预算财政拨款支出决算"))
    assert figure_share(read_json(SEED)["一般公共预算财政拨款支出决算"], reading.value) == (1.0, [])
    assert reading.unused == []
