"""The synthetic examples satisfy every identity of the template exactly (they are the 'clean' inputs)."""
from decimal import Decimal, ROUND_HALF_UP

import pytest

from helpers import SYNTHETIC, read_json


def r2(x):
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def share(part, whole):
    return r2(part / whole * 100)


@pytest.fixture(params=SYNTHETIC, ids=lambda p: p.parent.name)
def doc(request):
    return read_json(request.param)


def test_totals(doc):
    s = doc["收入支出决算总体情况"]
    inc, exp = s["收入"], s["支出"]
    assert inc["收入决算总计"] == inc["本年收入合计"] + inc["使用非财政拨款结余和专用结余"] + inc["年初结转和结余"]
    assert exp["支出决算总计"] == exp["本年支出合计"] + exp["结余分配"] + exp["年末结转和结余"]
    assert inc["收入决算总计"] == exp["支出决算总计"] == s["收支决算总计"]


def test_income_and_expenditure_parts_and_shares(doc):
    for section, total_key in (("收入决算", "本年收入合计"), ("支出决算", "本年支出合计")):
        sec = doc[section]
        parts = [v for k, v in sec.items() if k != total_key]
        assert sum(p["金额"] for p in parts) == sec[total_key]
        assert all(p["占比"] == share(p["金额"], sec[total_key]) for p in parts)
        assert sum(p["占比"] for p in parts) == 100


def test_functional_classification(doc):
    gb = doc["一般公共预算财政拨款支出决算"]
    assert sum(c["决算"] for c in gb["类"]) == gb["支出决算"]
    assert sum(i["年初预算"] for c in gb["类"] for i in c["项"]) == gb["年初预算"]
    for c in gb["类"]:
        assert sum(i["决算"] for i in c["项"]) == c["决算"]
        for i in c["项"]:
            assert i["完成年初预算百分比"] == share(i["决算"], i["年初预算"])
    fiscal = doc["财政拨款收入支出决算总体情况"]
    assert sum(c["金额"] for c in fiscal["支出功能分类"]) == fiscal["财政拨款收支总计"]
    assert fiscal["财政拨款收支总计"] == (fiscal["一般公共预算财政拨款"] + fiscal["政府性基金预算财政拨款"]
                                  + fiscal["国有资本经营预算财政拨款"])


def test_basic_and_project_expenditure(doc):
    basic = doc["一般公共预算财政拨款基本支出决算"]
    assert basic["合计"] == basic["人员经费"]["合计"] + basic["公用经费"]["合计"]
    for part in ("人员经费", "公用经费"):
        assert sum(basic[part]["明细"].values()) == basic[part]["合计"]
    proj = doc["一般公共预算财政拨款项目支出决算"]
    assert sum(c["合计"] for c in proj["经济分类"]) == proj["合计"]
    assert basic["合计"] + proj["合计"] == doc["一般公共预算财政拨款支出决算"]["支出决算"]
    assert doc["机构运行经费"]["支出决算"] == basic["公用经费"]["合计"]


def test_three_public_expenses(doc):
    total, detail = doc["三公经费"]["总体情况"], doc["三公经费"]["具体情况"]
    items = ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")
    assert sum(total[k]["支出决算"] for k in items) == total["支出决算"] == detail["支出决算"]
    assert sum(total[k]["全年预算"] for k in items) == total["全年预算"]
    car = detail["公务用车购置及运行维护费"]
    assert car["支出决算"] == car["公务用车购置费"]["支出决算"] + car["公务用车运行维护费"]["支出决算"]
    rec = detail["公务接待费"]
    assert rec["支出决算"] == rec["国内公务接待费"]["支出决算"] + rec["国（境）外公务接待费"]["支出决算"]


def test_procurement_assets_and_self_evaluation(doc):
    p = doc["政府采购"]
    assert p["货物"] + p["工程"] + p["服务"] == p["支出总额"]
    assert p["授予小微企业合同金额"] <= p["授予中小企业合同金额"] <= p["支出总额"]
    a = doc["国有资产占用"]
    assert sum(a["车辆"].values()) == a["车辆总数"]
    for project in doc["预算绩效"]["项目自评"]:
        t = project["自评表"]
        money = t["项目资金"]["年度资金总额"]
        assert sum(r["分值"] for r in t["绩效指标"]) + money["分值"] == t["合计"]["分值"] == 100
        assert sum(r["得分"] for r in t["绩效指标"]) + money["得分"] == t["合计"]["得分"] == project["自评得分"]


def test_nonzero_items_of_the_public_institution():
    d = read_json(SYNTHETIC[0])
    assert d["单位"]["性质"] == "事业单位"
    for key in ("事业收入", "经营收入", "政府性基金预算财政拨款收入"):
        assert d["收入决算"][key]["金额"] > 0
    assert d["收入支出决算总体情况"]["收入"]["年初结转和结余"] > 0


@pytest.mark.parametrize("path", sorted(SYNTHETIC[0].parents[1].glob("*-synthetic-*/disclosure.json")),
                         ids=lambda p: p.parent.name)
def test_the_examples_tables_hold_every_identity(path):
    """Each synthetic example carries its tables (derived from its own figures): the table rules ran on
    them and found nothing."""
    from ledgerlint.checking.api import Checker
    report = Checker().check_file(path)
    assert len(read_json(path)["决算表"]) >= 7
    passed = {rule for rule, _, status in report.checks if status == "passed"}
    assert {"BB-001", "BB-002", "BB-003", "BB-004", "BB-005", "BB-006", "BB-007", "BB-008", "BB-009", "BB-010",
            "BB-011", "BB-012", "BB-013", "BB-014", "BB-015", "BB-018"} <= passed
    assert [f for f in report.findings if f.rule.startswith("BB-")] == []
