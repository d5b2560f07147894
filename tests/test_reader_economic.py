"""六、基本支出 and 七、项目支出 read from published text (our own wording and figures)."""
from decimal import Decimal

import pytest

from helpers import SEED, read_json
from helpers.figures import figure_share, seed_document_section
from ledgerlint.documents.doctext import sentences
from ledgerlint.documents.readers import economic

D = Decimal
BASIC = "一般公共预算财政拨款基本支出决算"
PROJECT = "一般公共预算财政拨款项目支出决算"


def test_basic_expenditure_groups_and_their_items():
    text = """某局2023年度一般公共预算财政拨款基本支出决算 110.00万元，其中：
（一）人员经费 100.00万元。主要包括：基本工资60.00万元、 津贴补贴40.00万元。
（二）公用经费 10.00万元。主要包括：办公费4.00万元、维修（护）费6.00万元。"""
    reading = economic.read(BASIC, sentences(text.splitlines()))
    assert reading.value == {"合计": D("110.00"),
                             "人员经费": {"合计": D("100.00"), "明细": {"基本工资": D("60.00"), "津贴补贴": D("40.00")}},
                             "公用经费": {"合计": D("10.00"), "明细": {"办公费": D("4.00"), "维修（护）费": D("6.00")}}}
    assert reading.provenance["公用经费"][0] == 3


def test_project_expenditure_classes_get_codes_even_when_misnamed():
    text = """某局2023年度一般公共预算财政拨款项目支出决算 90.00万元，其中：
（一）商品和服务支出 30.00万元。主要包括：印刷费10.00万元、咨询费20.00万元。用于课题研究。
（二）资本性支出支出 60.00万元。主要包括：办公设备购置60.00万元。"""
    reading = economic.read(PROJECT, sentences(text.splitlines()))
    assert reading.value == {"合计": D("90.00"), "经济分类": [
        {"科目编码": "302", "科目名称": "商品和服务支出", "合计": D("30.00"),
         "明细": {"印刷费": D("10.00"), "咨询费": D("20.00")}, "说明": "用于课题研究。"},
        {"科目编码": "310", "科目名称": "资本性支出支出", "合计": D("60.00"), "明细": {"办公设备购置": D("60.00")}}]}


@pytest.mark.parametrize("key", [BASIC, PROJECT])
def test_the_seed_documents_sections_read_every_figure(key):
    reading = economic.read(key, seed_document_section(key))
    assert figure_share(read_json(SEED)[key], reading.value) == (1.0, [])
    assert reading.unused == []
