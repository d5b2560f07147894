"""Short sections read by their labels (机构运行经费, 政府采购, 国有资产占用 …), in wordings of our own."""
from decimal import Decimal

import pytest

from conftest import SEED, read_json
from figures import figure_share, seed_document_section
from ledgerlint.doctext import sentences
from ledgerlint.readers import flat

D = Decimal


def read(key, text):
    return flat.read(key, sentences(text.splitlines()))


def test_procurement_in_one_paragraph():
    text = ("某局2023年度政府采购支出总额 100.00万元，其中：政府采购货物支出 40.00万元、政府采购工程支出 0.00万元、"
            "政府采购服务支出 60.00万元。政府采购授予中小企业合同金额 90.00万元，占政府采购支出总额的90.00%，"
            "其中：授予小微企业合同金额 50.00万元，占政府采购支出总额的50.00%；货物采购授予中小企业合同金额占货物"
            "支出金额的100.00%，工程采购授予中小企业合同金额占工程支出金额的0.00%，服务采购授予中小企业合同金额占"
            "服务支出金额的83.33%。")
    reading = read("政府采购", text)
    assert reading.value == {"支出总额": D("100.00"), "货物": D("40.00"), "工程": D("0.00"), "服务": D("60.00"),
                             "授予中小企业合同金额": D("90.00"), "授予中小企业合同占比": D("90.00"),
                             "授予小微企业合同金额": D("50.00"), "授予小微企业合同占比": D("50.00"),
                             "货物授予中小企业占比": D("100.00"), "工程授予中小企业占比": D("0.00"),
                             "服务授予中小企业占比": D("83.33")}


@pytest.mark.parametrize("brackets", ["（）", "()"])
def test_vehicles_keep_the_documents_own_kind_names(brackets):
    left, right = brackets
    text = (f"截至2023年12月31日，本单位共有车辆 3辆，其中：副部{left}省{right}级及以上领导用车 0辆、机要通信用车 2辆、"
            "其他用车 1辆；单价100万元（含）以上的设备（不含车辆） 1台（套）。")
    reading = read("国有资产占用", text)
    assert reading.value == {"截至日期": "2023-12-31", "车辆总数": D(3), "单价100万元以上设备": D(1),
                             "车辆": {f"副部{left}省{right}级及以上领导用车": D(0), "机要通信用车": D(2), "其他用车": D(1)}}


def test_the_old_name_of_running_costs_is_kept_with_its_change():
    reading = read("机构运行经费", "某局2021年度機關運行經費支出決算 12.00萬元。比上年减少 1.00万元，下降 7.69%，原因：压减开支。")
    assert reading.value == {"名称": "机关运行经费", "支出决算": D("12.00"),
                             "与上年比较": {"方向": "减少", "金额": D("1.00"), "百分比方向": "下降",
                                       "百分比": D("7.69"), "原因": "压减开支"}}


@pytest.mark.parametrize("key", list(flat.TABLES))
def test_the_seed_documents_sections_read_every_figure(key):
    reading = flat.read(key, seed_document_section(key))
    assert figure_share(read_json(SEED)[key], reading.value) == (1.0, [])
    assert reading.unused == []
