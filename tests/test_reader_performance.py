"""十四、预算绩效: summaries, self-evaluation tables (cells one per line behind a tab) and the evaluation
report, in wordings and figures of our own."""
from decimal import Decimal

import pytest

from helpers import SEED, read_json
from helpers.figures import figure_share, seed_document
from ledgerlint.documents.doctext import sentences
from ledgerlint.documents.readers import performance
from ledgerlint.documents.tables import rows

D = Decimal

TEXT = """（一）预算绩效管理工作开展情况。
某局根据预算绩效管理要求组织对2023年一般公共预算项目支出全面开展绩效自评，其中一级项目2个，二级项目0个，共涉及资金30.00万元，占一般公共预算项目支出总额的100%；政府性基金预算项目0个，其中，一级项目0个，二级项目0个，共涉及资金0万元，占应纳入绩效自评的政府性基金预算项目支出总额的0%。
（二）部门（单位）决算中项目绩效自评结果。
1.档案整理项目自评综述：根据年初设定的绩效目标，项目自评得分95.50分。全年预算数为20.00万元，执行数为18.00万元，完成预算的90.00%。项目绩效目标完成情况：本项目核心绩效指标为数量指标，分数20分，绩效为整理卷宗数量。基本完成核心绩效指标。发现的主要问题及原因：部分卷宗移交推迟。下一步改进措施：提前制定移交计划。
\t项目支出绩效自评表
（2023年度）

\t项目名称
\t档案整理

\t主管部门
\t某局（部门）
\t实施单位
\t某局

\t项目资金
（万元）
\t
\t年初预算数
\t全年预算数
\t全年执行数
\t分值
\t执行率（%）
\t得分

\t
\t年度资金总额
\t 20.00 
\t 20.00 
\t 18.00 
\t10
\t90.00
\t9

\t
\t其中：财政拨款
\t 20.00 
\t 20.00 
\t 18.00 
\t——
\t90.00
\t——

\t年度总体目标
\t预期目标
\t实际完成情况

\t
\t1.整理卷宗；
2.完成数字化。
\t完成了卷宗整理。

\t绩效指标
\t一级指标
\t二级指标
\t三级指标
\t指标性质
\t指标方向
\t年度指标值
\t实际完成值
\t计量单位
\t分值
\t得分
\t偏差原因分析及改进措施

\t绩效指标
\t产出指标
\t数量指标
\t整理卷宗数量
\t正向
\t大于等于
\t1,200
\t1,150
\t卷
\t20
\t18.5
\t移交推迟

\t
\t
\t时效指标
\t按时完成
\t定性
\t
\t按时
\t基本按时
\t
\t10
\t10
\t

\t总分
\t100
\t95.5
\t

（三）部门（单位）项目绩效评价结果。
以档案整理项目为例，该项目绩效评价综合得分为95.50分，绩效评价结果为“优”。
"""


@pytest.fixture(scope="module")
def reading():
    lines = TEXT.splitlines()
    return performance.read(sentences(lines), rows(lines))


def test_self_evaluation_paragraphs(reading):
    assert reading.value["绩效自评开展情况"] == {
        "一般公共预算项目": {"一级项目数": 2, "二级项目数": 0, "涉及资金": D("30.00"), "占项目支出总额百分比": 100},
        "政府性基金预算项目": {"项目数": 0, "一级项目数": 0, "二级项目数": 0, "涉及资金": 0, "占项目支出总额百分比": 0}}
    assert reading.value["绩效评价"] == {"项目名称": "档案整理项目", "综合得分": D("95.50"), "评价结果": "优"}


def test_the_summary_and_its_table_are_one_project(reading):
    project, = reading.value["项目自评"]
    assert {k: project[k] for k in ("序号", "项目名称", "自评得分", "全年预算数", "执行数", "完成预算百分比")} == {
        "序号": 1, "项目名称": "档案整理项目", "自评得分": D("95.50"), "全年预算数": D("20.00"), "执行数": D("18.00"),
        "完成预算百分比": D("90.00")}
    assert project["核心绩效指标"] == {"名称": "数量指标", "分值": 20, "说明": "整理卷宗数量"}
    assert project["主要问题及原因"] == "部分卷宗移交推迟。" and project["改进措施"] == "提前制定移交计划。"
    table = project["自评表"]
    assert table["主管部门"] == "某局（部门）"
    # "——" is no figure: the key is left out, not invented
    assert table["项目资金"] == {
        "年度资金总额": {"年初预算数": D("20.00"), "全年预算数": D("20.00"), "全年执行数": D("18.00"), "分值": 10,
                   "执行率": D("90.00"), "得分": 9},
        "财政拨款": {"年初预算数": D("20.00"), "全年预算数": D("20.00"), "全年执行数": D("18.00"), "执行率": D("90.00")}}
    assert table["年度总体目标"]["预期目标"] == "1.整理卷宗；\n2.完成数字化。"
    first, second = table["绩效指标"]
    assert (first["年度指标值"], first["实际完成值"], first["得分"], first["偏差原因分析及改进措施"]) == (
        1200, 1150, D("18.5"), "移交推迟")
    # a merged cell is blank in the text: the 一级指标 above it carries down; a qualitative row keeps words
    assert (second["一级指标"], second["二级指标"], second["指标方向"], second["年度指标值"], second["计量单位"]) == (
        "产出指标", "时效指标", None, "按时", None)
    assert table["合计"] == {"名称": "总分", "分值": 100, "得分": D("95.5")}


def test_each_cell_cites_its_own_line(reading):
    lines = TEXT.splitlines()
    line, _ = reading.provenance["项目自评[0].自评表.绩效指标[0].实际完成值"]
    assert lines[line - 1] == "\t1,150"


def test_the_seed_documents_performance_section():
    from helpers import RULES
    from ledgerlint.documents.doctext import read_lines
    from ledgerlint.documents.outline import sections
    from ledgerlint.rulesets.selection import load_named
    lines = read_lines(seed_document())
    part = next(s for s in sections(lines, load_named(RULES, "2023").schema)[0] if s.key == "预算绩效")
    inside = [s for s in sentences(lines) if part.first < s.line <= part.last]
    reading = performance.read(inside, rows(lines, part.first, part.last))
    share, misses = figure_share(read_json(SEED)["预算绩效"], reading.value)
    assert misses == []
    # the report's own table of units is not a field of 预算绩效: listed, not dropped
    assert [row.texts()[0] for row in reading.unused] == ["序号", "1"]
