"""`extract` on documents in six other wordings (tests/documents, written by us in the wording families
of published disclosures): at least 90% of the expected figures each, and `check` on the document as
clean as on the hand-made example it restates."""
import json
from pathlib import Path

import pytest

from helpers import EXAMPLES, read_json
from helpers.figures import figure_share
from ledgerlint.checking.api import Checker
from ledgerlint.documents.extract import extract
from ledgerlint.documents.sources import read_document

DOCUMENTS = Path(__file__).resolve().parent / "documents"
# document → (the synthetic example it restates, the rule set its year and province choose); the
# benchmark of documents reads the same list
CASES = {name: (case["example"], case["ruleset"])
         for name, case in json.loads((DOCUMENTS / "cases.json").read_text(encoding="utf-8")).items()}


# written by hand with an expected extraction of its own, in no family's mould: a county station, 2024
HANDWRITTEN = "handwritten-county-station.txt"
# documents with an expected extraction of their own (NAME.expected.json): the wording families of real
# documents that no synthetic example restates (the 2020-on template, the 高等学校 template)
OWN = sorted(p.name.replace(".expected.json", ".txt") for p in DOCUMENTS.glob("*.expected.json")
             if p.name != HANDWRITTEN.replace(".txt", ".expected.json"))
# a page that holds one section only: checked for what it states (tests/test_partial_documents.py)
PARTIAL = ["sangong-page.txt"]


def test_every_document_is_a_case():
    assert sorted(p.name for p in DOCUMENTS.glob("*.txt")) == sorted([*CASES, HANDWRITTEN, *OWN, *PARTIAL])


@pytest.mark.parametrize("name", OWN)
def test_a_family_document_gives_its_own_expected_figures(name):
    extraction = extract(read_document(DOCUMENTS / name))
    expected = read_json(DOCUMENTS / name.replace(".txt", ".expected.json"))
    share, misses = figure_share(expected, extraction.disclosure)
    assert share >= 0.90, f"{share:.1%}; missed: {misses}"
    assert {k: extraction.disclosure[k] for k in ("年度", "单位", "地区")} == {k: expected[k] for k in ("年度", "单位", "地区")}
    assert extraction.unused == [] and extraction.partial == []
    report = Checker().check_file(DOCUMENTS / name)
    assert [(f.rule, f.message) for f in report.findings if f.severity in ("error", "warning")] == []


def test_the_handwritten_document():
    extraction = extract(read_document(DOCUMENTS / HANDWRITTEN))
    expected = read_json(DOCUMENTS / HANDWRITTEN.replace(".txt", ".expected.json"))
    share, misses = figure_share(expected, extraction.disclosure)
    assert share >= 0.90, f"{share:.1%}; missed: {misses}"
    assert {k: extraction.disclosure[k] for k in ("年度", "单位", "地区")} == {k: expected[k] for k in ("年度", "单位", "地区")}
    # the reasons are read however they are introduced ("主要是…", "…，主要原因是…")
    assert extraction.disclosure["收入支出决算总体情况"]["与年初预算比较"]["原因"] == "年中追加了农技推广补助资金。"
    assert extraction.disclosure["一般公共预算财政拨款支出决算"]["类"][0]["项"][0]["差异原因"] == "追加人员经费。"
    # a station (事业单位) says 机关运行经费 does not apply: nothing is invented for it, and the section
    # is there (its heading and its sentence), so nothing is missing; the heading of 其他重要事项 is no
    # 说明 of anything
    assert "机构运行经费" not in extraction.disclosure and "机构运行经费" in extraction.present
    report = Checker().check_file(DOCUMENTS / HANDWRITTEN)
    serious = [(f.rule, f.message) for f in report.findings if f.severity in ("error", "warning")]
    assert serious == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_document_gives_the_examples_figures(name):
    example, ruleset = CASES[name]
    extraction = extract(read_document(DOCUMENTS / name))
    # the documents restate the example's text; its tables (决算表) are "见附件" there
    expected = {k: v for k, v in read_json(EXAMPLES / example / "disclosure.json").items() if k != "决算表"}
    share, misses = figure_share(expected, extraction.disclosure)
    assert share >= 0.90, f"{share:.1%}; missed: {misses}"
    assert extraction.ruleset == ruleset
    assert extraction.disclosure["年度"] == read_json(EXAMPLES / example / "disclosure.json")["年度"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_on_the_document_is_as_clean_as_on_the_example(name):
    example, _ = CASES[name]
    on_json = Checker().check_file(EXAMPLES / example / "disclosure.json")
    on_document = Checker().check_file(DOCUMENTS / name)
    def serious(report):
        return sorted((f.rule, f.message) for f in report.findings if f.severity in ("error", "warning"))
    assert serious(on_document) == serious(on_json) == []


def test_a_slip_in_the_document_is_found_at_its_line(tmp_path):
    """A part that no longer adds up, changed in the text: the finding names the line of the text."""
    text = (DOCUMENTS / "traditional-xinjiang-style.txt").read_text(encoding="utf-8")
    assert text.count("本年基本支出210.28萬元") == 1
    slipped = tmp_path / "slipped.txt"
    slipped.write_text(text.replace("本年基本支出210.28萬元", "本年基本支出201.28萬元"), encoding="utf-8")
    report = Checker().check_file(slipped)
    line = next(n for n, t in enumerate(slipped.read_text(encoding="utf-8").splitlines(), 1) if "201.28萬元" in t)
    errors = [f for f in report.findings if f.severity == "error"]
    assert errors and all(f.line for f in errors)
    assert any(line in {source_line for _, source_line, _ in f.sources} for f in errors)


def test_the_extracted_disclosure_is_the_json_the_example_is(tmp_path):
    """Written out, the extraction is a disclosure `check` reads like any other (Decimal-exact)."""
    from click.testing import CliRunner
    from ledgerlint.cli import main
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["extract", str(DOCUMENTS / "sangong-wording.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["收入支出决算总体情况"]["收支决算总计"] == 234.28
    assert '"收支决算总计": 234.28' in out.read_text(encoding="utf-8")
    assert CliRunner().invoke(main, ["check", str(out)]).exit_code == 0
