"""Slips of wording that real documents have, planted one at a time in a document written in our own words
(tests/documents/template2020-shanghai-style.txt, clean as it is): each is found, at its line, by the rule
for its kind, and nothing else is reported."""
from pathlib import Path

import pytest

from ledgerlint.checking.api import Checker

DOCUMENT = Path(__file__).resolve().parent / "documents" / "template2020-shanghai-style.txt"

# (what the text says, what the slip makes of it) → the rule that finds it, and what else the same slip
# rightly breaks (the word 增加（减少） is no direction word of the format; a budget of 0 has no rate)
SLIPS = [
    ("收入支出总计增加 50.00 万元，增长 4.17%", "收入支出总计增加（减少）50.00 万元，增长 4.17%", "WZ-001", {"schema"}),
    ("主要原因：防汛设施维修项目增加。", "主要原因：防汛设施维修项目增加。。", "WZ-002", set()),
    ("支出决算为 495.00 万元，完成年初预算的 99.00%", "支出决算为 万元，完成年初预算的 99.00%", "WZ-006",
     {"YB-001", "YB-002", "YB-004", "YB-005", "BB-018"}),
    ("一般公共预算财政拨款支出增加 30.00 万元，增长 2.63%。", "一般公共预算财政拨款支出增加 30.00 万元，增长 2.63。", "WZ-003", set()),
    ("年初预算为 500.00 万元，支出决算为 495.00 万元，完成年初预算的 99.00%。决算数小于预算数",
     "年初预算为 500.00 万元，支出决算为 495.00 万元，完成年初预算的 99.00%。决算数大于预算数", "YB-012", set()),
    ("年初预算为 80.00 万元，支出决算为 80.00 万元，完成年初预算的 100.00%。决算数与预算数持平",
     "年初预算为 0 万元，支出决算为 80.00 万元，完成年初预算的 100.00%。决算数大于预算数", "YB-011",
     {"YB-002", "YB-005", "YB-008", "YB-012"}),
    ("（三）一般公共预算财政拨款支出决算具体情况", "（四）一般公共预算财政拨款支出决算具体情况", "WZ-007", set()),
    ("3、公务接待费支出 3.00 万元", "2、公务接待费支出 3.00 万元", "WZ-007", set()),
    ("十、预算绩效管理情况", "十、XX局预算绩效管理情况", "GF-001", set()),
    ("公务用车购置支出为 0.00 万元。", "公务用车购置支出为，", "WZ-006", set()),
    ("保有量为 3 辆。", "保有量为 3 辆，其中：一般公务用车 2 辆、执法执勤用车 2 辆。", "SG-015", set()),
    ("团组 0 个、累计 0 人次", "团组 2 个、累计 6 人次", "SG-014", set()),
    ("支出决算为 9.00 万元，完成预算的 75.00%，其中", "支出决算为 9.00 万元，完成预算的 80.00%，其中", "SG-003", set()),
    ("四、项目支出：指为完成特定工作任务或事业发展目标，在基本支出之外发生的支出。",
     "四、项目支出：指为保障机构正常运转、完成日常工作任务而发生的支出。", "MC-001", {"MC-002"}),
]


def test_the_document_as_it_is_has_no_such_slip():
    report = Checker().check_file(DOCUMENT)
    assert [f for f in report.findings if f.severity in ("error", "warning")] == []
    ran = {rule for rule, _, status in report.checks if status == "passed"}
    assert {"WZ-001", "WZ-002", "WZ-003", "WZ-004", "WZ-006", "WZ-007", "YB-012", "SG-003", "SG-014", "MC-001", "MC-002"} <= ran


@pytest.mark.parametrize("said, slip, rule, also", SLIPS, ids=[s[2] for s in SLIPS])
def test_a_planted_slip_is_found_at_its_line(tmp_path, said, slip, rule, also):
    text = DOCUMENT.read_text(encoding="utf-8")
    assert text.count(said) == 1
    planted = tmp_path / "slip.txt"
    planted.write_text(text.replace(said, slip), encoding="utf-8")
    line = next(n for n, t in enumerate(planted.read_text(encoding="utf-8").splitlines(), 1) if slip in t)
    report = Checker().check_file(planted)
    found = [f for f in report.findings if f.severity in ("error", "warning")]
    assert rule in {f.rule for f in found}
    assert all(f.line == line for f in found if f.rule == rule)
    assert {f.rule for f in found} <= {rule} | also        # only what the slip itself breaks
