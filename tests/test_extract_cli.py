"""`ledgerlint extract` and `ledgerlint check` on documents, as a user runs them."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers.documents import build_docx
from ledgerlint.cli import main

DOCUMENT = Path(__file__).resolve().parent / "documents" / "totals-guangxi-style.txt"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_extract_writes_the_disclosure_and_its_provenance_beside_it(tmp_path):
    out = tmp_path / "d.json"
    result = run("extract", DOCUMENT, "-o", out)
    assert result.exit_code == 0, result.output
    provenance = json.loads((tmp_path / "d.provenance.json").read_text(encoding="utf-8"))
    lines = DOCUMENT.read_text(encoding="utf-8").splitlines()
    where = provenance["figures"]["收入决算.事业收入.金额"]
    assert "215.40" in lines[where["line"] - 1] and "215.40" in where["text"]
    assert provenance["source"] == str(DOCUMENT) and provenance["ruleset"] == "陕西/2023"
    assert "已提取" in result.output and "含有数字的句子都已归入" in result.output


def test_extract_never_writes_over_a_file_without_force(tmp_path):
    out = tmp_path / "d.json"
    out.write_text("mine", encoding="utf-8")
    result = run("extract", DOCUMENT, "-o", out)
    assert result.exit_code == 2 and out.read_text(encoding="utf-8") == "mine"
    assert run("extract", DOCUMENT, "-o", out, "--force").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["年度"] == 2023


def test_extract_lists_what_it_could_not_place(tmp_path):
    text = DOCUMENT.read_text(encoding="utf-8").replace(
        "2.使用非财政拨款结余和专用结余", "另有往来款项12.00万元待清理。\n2.使用非财政拨款结余和专用结余")
    document = tmp_path / "d.txt"
    document.write_text(text, encoding="utf-8")
    result = run("extract", document)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "往来款项" in t)
    assert f"{document}:{line}: 另有往来款项12.00万元待清理。" in result.output
    assert json.loads(result.stdout)["年度"] == 2023      # the JSON itself goes to standard output


def test_check_takes_a_word_file_and_cites_page_and_line(tmp_path):
    lines = DOCUMENT.read_text(encoding="utf-8").replace("本年事业收入", "事业收入").splitlines()
    lines = [line.replace("占本年收入的15.98%", "占本年收入的19.58%") for line in lines]
    word = build_docx(lines, tmp_path / "d.docx")
    result = run("check", word)
    assert result.exit_code == 1
    assert any("d.docx:第2页第" in line and "[SR-" in line for line in result.output.splitlines()), result.output
    findings = json.loads(run("check", "--format", "json", word).output)["files"][0]["findings"]
    share = next(f for f in findings if f["rule"].startswith("SR-"))
    assert share["page"] == 2 and any("19.58%" in s["text"] for s in share["sources"])
    sarif = json.loads(run("check", "--format", "sarif", word).output)
    assert any(r["properties"].get("page") == 2 for r in sarif["runs"][0]["results"])


@pytest.mark.parametrize("name, content", [("bad.docx", b"not a zip"), ("empty.txt", b"")])
def test_a_document_that_cannot_be_read_is_one_line_and_exit_2(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    for command in ("extract", "check"):
        result = run(command, path)
        assert result.exit_code == 2
        problem = [line for line in result.output.splitlines() if str(path) in line]
        assert len(problem) == 1 and "Traceback" not in result.output


def test_check_mixes_json_and_documents(tmp_path):
    from helpers import SYNTHETIC
    result = run("check", SYNTHETIC[0], DOCUMENT)
    assert result.exit_code == 0, result.output
    assert str(DOCUMENT) in result.output and str(SYNTHETIC[0]) in result.output


def test_validate_explain_and_which_take_documents_too(tmp_path):
    text = DOCUMENT.read_text(encoding="utf-8").replace("事业收入215.40万元，占本年收入的15.98%",
                                                         "事业收入215.40万元，占本年收入的XX.X%")
    document = tmp_path / "d.txt"
    document.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "XX.X%" in t)
    result = run("validate", document)
    assert result.exit_code == 1 and f"{document}:{line}: 收入决算.事业收入.占比:" in result.output
    result = run("explain", "SR-002", document)
    assert result.exit_code == 0 and "SR-002" in result.output
    result = run("rules", "which", document)
    assert result.exit_code == 0 and "陕西/2023" in result.output


def test_the_year_and_the_unit_come_from_the_document(tmp_path):
    from ledgerlint.documents.extract import extract
    from ledgerlint.documents.sources import read_document
    text = DOCUMENT.read_text(encoding="utf-8").replace("2023年度", "2023年")
    document = tmp_path / "d.txt"
    document.write_text(text, encoding="utf-8")
    extraction = extract(read_document(document))
    assert extraction.disclosure["年度"] == 2023 and extraction.ruleset == "陕西/2023"
    assert extraction.disclosure["单位"]["名称"] == "示例县农业技术推广中心"


def test_many_documents_in_parallel_give_what_one_by_one_gives():
    """Bureaus check folders of published documents at once: the workers extract too."""
    documents = sorted((Path(__file__).resolve().parent / "documents").glob("*.txt"))
    assert len(documents) >= 8     # parallel from 8 files on
    serial = run("check", "--format", "json", "--jobs", "1", *documents)
    parallel = run("check", "--format", "json", "--jobs", "2", *documents)
    assert serial.exit_code == parallel.exit_code == 0          # every test document is clean
    assert json.loads(serial.output) == json.loads(parallel.output)
