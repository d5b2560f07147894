"""Who, which year and what kind of document, from the title first (titles written in our own words in the
shapes published pages use)."""
import pytest

from ledgerlint.documents.identity import body_year, read_identity


@pytest.mark.parametrize("cover, year, unit, region", [
    (["示例市示例区规划和自然", "资源局", "2024 年度部门决算"], 2024, "示例市示例区规划和自然资源局", None),
    (["上海市示例区水务局", "2024年度部门决算"], 2024, "上海市示例区水务局", {"省": "上海市", "县": "示例区"}),
    (["上海市示例区水务局", "年度部门决算", "2024"], 2024, "上海市示例区水务局", {"省": "上海市", "县": "示例区"}),
    (["2021年示例市人民政府行政服务中心部门决算", "目 录"], 2021, "示例市人民政府行政服务中心", None),
    (["2023年度示例县中医医院单位决算"], 2023, "示例县中医医院", None),
    (["示例县河道管理处 2021 年度决算公开说明"], 2021, "示例县河道管理处", None),
    (["中共上海市示例区委社会工作部", "2024 年度", "部门决算"], 2024, "中共上海市示例区委社会工作部",
     {"省": "上海市", "县": "示例区"}),
])
def test_the_title_names_the_unit_and_the_year(cover, year, unit, region):
    found = read_identity(cover + ["与2023年度相比，收入支出总计增加 1.00 万元。"] * 5)
    assert (found.kind, found.year, found.fields["单位"]["全称"]) == ("部门决算", year, unit)
    assert found.fields.get("地区") == region


def test_a_comparison_year_is_never_the_year_reported_on():
    body = ["本年收入合计 100.00 万元。", "与2020年度相比，增加 1.00 万元。", "较2020年度决算数减少 2.00 万元。",
            "比2020年度增长 3.00%。", "2021年度支出决算 99.00 万元。"]
    assert body_year(body) == 2021
    assert read_identity(body).year == 2021


@pytest.mark.parametrize("cover, kind", [
    (["示例大学", "2021 年度部门预算", "2021 年 4 月"], "部门预算"),
    (["示例市示例区2024年决算报告"], "政府决算"),
    (["关于2024年财政决算（草案）的报告"], "政府决算"),
    (["示例县2023年度本级决算"], "政府决算"),
])
def test_budgets_and_government_accounts_are_told_apart(cover, kind):
    assert read_identity(cover).kind == kind


def test_a_centrally_administered_university_is_central():
    found = read_identity(["示例大学 2023 年度部门决算", "示例大学是教育部直属的全国重点大学。"])
    assert found.fields["地区"] == {"省": "中央"}
    assert found.fields["单位"]["全称"] == "示例大学"


def test_the_university_template_is_recognised_by_its_tables():
    lines = ["示例大学 2023 年度部门决算", "二、2023 年度部门决算报表", "（一）高等学校收支决算总表"]
    assert read_identity(lines).template == "高等学校"
    assert read_identity(["示例局2023年度部门决算", "一、收入支出决算总表"]).template == "部门"
