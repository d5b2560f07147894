"""`check --format xlsx -o FILE`: the workbook a reviewer filters, with the counts `--format json` gives."""
import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from ledgerlint.cli import main

EXAMPLES = sorted(str(p) for p in (Path(__file__).parent.parent / "examples").glob("*/disclosure.json"))


def test_the_workbook_counts_what_the_json_report_counts(tmp_path):
    runner = CliRunner()
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    files = [*EXAMPLES, str(broken)]
    out = tmp_path / "run.xlsx"
    result = runner.invoke(main, ["check", "--format", "xlsx", "-o", str(out), *files])
    assert result.exit_code == 2, result.output            # one file unreadable, the others checked
    report = json.loads(runner.invoke(main, ["check", "--format", "json", *files]).stdout)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["汇总", "全部问题", "无法读取"]
    summary = list(book["汇总"].iter_rows(min_row=2, values_only=True))
    rows = {row[0]: row for row in summary[:-1]}
    assert len(rows) == len(report["files"])
    for entry in report["files"]:
        row = rows[entry["file"]]
        counts = entry["summary"]
        assert row[3:6] == (counts["error"], counts["warning"], counts["info"]), entry["file"]
        assert row[7:10] == (counts["passed"], counts["failed"], counts["not_evaluated"])
    total = summary[-1]
    assert total[3:6] == (report["summary"]["error"], report["summary"]["warning"], report["summary"]["info"])
    findings = list(book["全部问题"].iter_rows(min_row=2, values_only=True))
    assert len(findings) == sum(len(e["findings"]) for e in report["files"])
    first = report["files"][[e["file"] for e in report["files"]].index(findings[0][0])]["findings"][0]
    assert findings[0][1] == first["rule"] and findings[0][4] == first["message"]
    assert book["全部问题"].auto_filter.ref == f"A1:I{len(findings) + 1}" and book["全部问题"].freeze_panes == "A2"
    unreadable = list(book["无法读取"].iter_rows(min_row=2, values_only=True))
    assert len(unreadable) == 1 and unreadable[0][0].endswith("broken.json")


def test_the_workbook_is_english_on_request_and_needs_a_file(tmp_path):
    runner = CliRunner()
    out = tmp_path / "en.xlsx"
    assert runner.invoke(main, ["check", "--format", "xlsx", "-o", str(out), "--lang", "en", EXAMPLES[0]]).exit_code in (0, 1)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Findings", "Unreadable"]
    assert [c.value for c in book["Summary"][1]][:4] == ["file", "year", "rule set", "errors"]
    refused = runner.invoke(main, ["check", "--format", "xlsx", EXAMPLES[0]])
    assert refused.exit_code == 2 and "-o" in refused.stderr and "Traceback" not in refused.output
    to_screen = runner.invoke(main, ["check", "--format", "xlsx", "-o", "-", EXAMPLES[0]])
    assert to_screen.exit_code == 2 and not to_screen.stdout
