"""A page that holds some sections only (a standalone 三公 page, one page of a paginated article, an excerpt
that starts mid-section) is checked for what it states; a document that claims to be whole and lacks a
section gets one finding naming what is missing; a text with no section at all is refused, saying why."""
from pathlib import Path

from click.testing import CliRunner

from ledgerlint.checking.api import Checker
from ledgerlint.cli import main
from ledgerlint.documents.extract import extract
from ledgerlint.documents.sources import read_document

DOCUMENTS = Path(__file__).resolve().parent / "documents"


def test_a_standalone_sangong_page_is_checked_for_what_it_states():
    extraction = extract(read_document(DOCUMENTS / "sangong-page.txt"))
    assert extraction.partial == ["三公经费"]
    assert extraction.disclosure["年度"] == 2023 and extraction.disclosure["单位"]["全称"] == "示例县统计局"
    sangong = extraction.disclosure["三公经费"]
    assert str(sangong["总体情况"]["支出决算"]) == "6.40" and str(sangong["具体情况"]["支出决算"]) == "6.40"
    report = Checker().check_file(DOCUMENTS / "sangong-page.txt")
    assert [f for f in report.findings if f.severity in ("error", "warning")] == []
    notes = [f.message for f in report.findings if f.rule == "document"]
    assert notes == ["本文件只含：三公经费；只检查这些章节"]
    # rules about sections the page does not hold say nothing; those about 三公 ran
    assert not any(f.rule.startswith(("SR-", "ZC-", "YB-", "ZT-")) for f in report.findings)
    assert any(rule.startswith("SG-") and status == "passed" for rule, _, status in report.checks)


def test_a_slip_on_a_partial_page_is_still_found(tmp_path):
    text = (DOCUMENTS / "sangong-page.txt").read_text(encoding="utf-8")
    slipped = tmp_path / "page.txt"
    slipped.write_text(text.replace("占 62.50%", "占 26.50%"), encoding="utf-8")
    report = Checker().check_file(slipped)
    errors = [f for f in report.findings if f.severity == "error"]
    assert [f.rule for f in errors] == ["SG-006"] and errors[0].line == 3


def test_an_excerpt_that_starts_mid_section_is_partial(tmp_path):
    lines = (DOCUMENTS / "template2020-shanghai-style.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("六、一般公共预算财政拨款基本支出决算情况说明"))
    excerpt = tmp_path / "excerpt.txt"
    # the page begins inside section 五 (its last line), then 六 and 七 follow
    excerpt.write_text("\n".join(lines[start - 1:start + 12]) + "\n", encoding="utf-8")
    extraction = extract(read_document(excerpt), year=2024)
    assert extraction.partial == ["一般公共预算财政拨款基本支出决算", "三公经费"]
    report = Checker().check_file(excerpt)
    assert not [f for f in report.findings if f.severity == "error"]


def test_a_whole_document_missing_a_section_gets_one_finding(tmp_path):
    text = (DOCUMENTS / "template2020-shanghai-style.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("七、财政拨款“三公”经费支出决算情况说明"))
    end = next(i for i, line in enumerate(lines) if line.startswith("八、政府性基金预算财政拨款收入支出决算情况说明"))
    cut = tmp_path / "cut.txt"
    cut.write_text("\n".join(lines[:start] + lines[end:]) + "\n", encoding="utf-8")
    report = Checker().check_file(cut)
    errors = [(f.rule, f.message) for f in report.findings if f.severity == "error"]
    assert errors == [("document", "文档有目录（或第一、第二部分），但缺少以下章节：三公经费")]


def test_a_text_with_no_section_is_refused_with_the_reason(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("示例局2023年度工作总结\n今年共完成检查 12 次，涉及资金 30.00 万元。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(note)])
    assert result.exit_code == 2
    assert "找不到 2023 年度决算公开模板的任何章节标题" in result.output
