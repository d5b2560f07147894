"""The acceptance of `extract` on the real seed document, as text, as a Word file and as a PDF built
from its text: at least 95% of the example disclosure's figures exactly, and `check` on the document
gives the errors that `check` gives on the hand-made JSON, each at a line of the document."""
from collections import Counter

import pytest

from helpers import SEED, read_json
from helpers.documents import FONT, build_docx, build_pdf
from helpers.figures import figure_share, placeholders, seed_document
from ledgerlint.checking.api import Checker
from ledgerlint.documents.doctext import read_lines
from ledgerlint.documents.extract import extract
from ledgerlint.documents.sources import read_document


@pytest.fixture(scope="module")
def seed_forms(tmp_path_factory):
    """The seed document as .txt, .docx and .pdf (the PDF only where the CJK font is installed)."""
    text = seed_document()
    folder = tmp_path_factory.mktemp("seed")
    lines = read_lines(text)
    forms = {"txt": text, "docx": build_docx(lines, folder / "seed.docx")}
    if FONT.is_file():
        forms["pdf"] = build_pdf(lines, folder / "seed.pdf")
    return forms


@pytest.fixture(scope="module")
def json_findings():
    return Checker().check_file(SEED).findings


def _form(seed_forms, kind):
    if kind not in seed_forms:
        pytest.skip(f"no CJK TrueType font at {FONT} to write the PDF (Debian: fonts-wqy-microhei)")
    return seed_forms[kind]


def _by_message(findings, severity):
    return Counter((f.rule, f.message) for f in findings if f.severity == severity)


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_the_seed_document_gives_the_example_figures(seed_forms, kind):
    extraction = extract(read_document(_form(seed_forms, kind)))
    share, misses = figure_share(read_json(SEED), extraction.disclosure, placeholders(SEED))
    assert share >= 0.95, f"{share:.1%} of the figures; missed: {misses[:20]}"
    assert extraction.ruleset == "内蒙古/2023"


@pytest.mark.parametrize("kind", ["txt", "docx", "pdf"])
def test_check_on_the_document_gives_the_errors_of_the_json(seed_forms, json_findings, kind):
    report = Checker().check_file(_form(seed_forms, kind))
    assert _by_message(report.findings, "error") == _by_message(json_findings, "error")
    assert _by_message(report.findings, "warning") == _by_message(json_findings, "warning")
    for finding in report.findings:
        if finding.severity == "error":
            assert finding.line and finding.sources, finding
            assert (finding.page is None) == (kind == "txt"), finding


def test_findings_point_at_the_lines_the_figures_were_read_from(seed_forms):
    """The two slips of the seed and the 减少/增加 contradiction, at their own lines of the text."""
    lines = read_lines(seed_forms["txt"])
    report = Checker().check_file(seed_forms["txt"])
    at = {(f.rule, f.line) for f in report.findings}
    for rule, words in (("GF-001", "XX.X%"), ("ZT-004", "减少 200.48万元")):
        line = next(number for number, text in enumerate(lines, start=1) if words in text)
        assert (rule, line) in at
    contradiction = next(f for f in report.findings if f.rule == "ZT-004")
    cited = {line for _, line, _ in contradiction.sources}
    assert len(cited) == 2 and all("200.48" in lines[line - 1] for line in cited)


def test_findings_on_a_pdf_cite_the_page(seed_forms):
    report = Checker().check_file(_form(seed_forms, "pdf"))
    document = read_document(seed_forms["pdf"])
    placeholder = next(f for f in report.findings if f.rule == "GF-001")
    line = next(i for i, text in enumerate(document.lines, start=1) if "XX.X%" in text)
    assert (placeholder.page, placeholder.line) == (document.place(line).page, document.place(line).line)
    assert placeholder.page > 1


def test_what_the_extractor_cannot_place_is_listed_not_dropped(seed_forms):
    extraction = extract(read_document(seed_forms["txt"]))
    lines = read_lines(seed_forms["txt"])
    # the 其他收入 sentence repeated in the appropriations paragraph has no field of its own there
    assert any("380.96" in text and "380.96" in lines[line - 1] for line, text in extraction.unused)
    provenance = extraction.provenance_map()
    assert provenance["unplaced"] and all({"line", "text"} <= set(item) for item in provenance["unplaced"])
    where = provenance["figures"]["一般公共预算财政拨款支出决算.类[1].项[2].完成年初预算百分比"]
    assert "XX.X%" in where["text"] and "XX.X%" in lines[where["line"] - 1]
