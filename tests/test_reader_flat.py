"""Short sections read by their labels (机构运行经费, 政府采购, 国有资产占用 …), in wordings of our own."""
from decimal import Decimal

import pytest

from helpers import SEED, read_json
from helpers.figures import figure_share, seed_document_section
from ledgerlint.documents.doctext import sentences
from ledgerlint.documents.readers import flat

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
                                       "百分比": D("7.69"), "原因": "压减开支。"}}


def test_staff_counts_and_their_change():
    text = ("共设5个科室，领导职数3名（1正2副）。年末独立核算机构数：1 个，本年编制为20人，一般公共预算财政拨款开支人员："
            "18人，其中行政人员及工勤10人，非参公事业人员8人，较上年减少2人，原因：调出2人；退休6人；同工同酬0人，招聘1人。"
            "纳入本单位决算编制范围的预算单位共计2家。")
    assert read("单位概况", text).value == {
        "机构设置": {"内设股室数": D(5), "科级领导职数": D(3), "年末独立核算机构数": D(1)},
        "人员情况": {"编制数": D(20), "一般公共预算财政拨款开支人数": D(18), "行政人员及工勤人数": D(10),
                 "非参公事业人员数": D(8), "较上年变动": {"方向": "减少", "数量": D(2)}, "退休人数": D(6),
                 "同工同酬人数": D(0), "招聘人数": D(1)},
        "决算单位构成": {"预算单位数": D(2)}}


# the list of units in 单位概况 is a table (one cell per line): not read by labels
EXPECTED_MISSES = {"单位概况": [("决算单位构成.单位列表[0].序号", 1, None)]}


@pytest.mark.parametrize("key", list(flat.TABLES))
def test_the_seed_documents_sections_read_every_figure(key):
    reading = flat.read(key, seed_document_section(key))
    _, misses = figure_share(read_json(SEED)[key], reading.value)
    assert misses == EXPECTED_MISSES.get(key, [])
    assert reading.unused == []
