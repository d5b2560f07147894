"""Hostile rules, broken disclosures and rule sets, files left untouched; short property-based runs."""
import codecs
import hashlib
import json
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import strategies
from helpers import RULES, SEED, SYNTHETIC
from fuzz import evaluate_twice, load_once
from ledgerlint.cli import main


# ----- broken disclosures: one line with the place, exit 2 (or a finding where the JSON is readable) -----

def _deep(n):
    return '{"年度": 2023, "x": ' + "[" * n + "]" * n + "}"


BROKEN = {
    "truncated.json": ('{"年度": 2023, "收入决算": {"本年收入合计": 1', "truncated.json:1:34: JSON 语法错误：此处缺少逗号"),
    "list.json": ("[1, 2]", "list.json:1:1: 文件顶层应为对象 {…}，实际是列表"),
    "dup.json": ('{"年度": 2023,\n "年度": 2024}', "dup.json:2:2: 键“年度”在同一对象中出现了两次"),
    "nan.json": ('{"年度": 2023, "x": NaN}', "nan.json:1:19: JSON 中不允许 NaN"),
    "inf.json": ('{"年度": 2023, "x": -Infinity}', "inf.json:1:19: JSON 中不允许 -Infinity"),
    "fullwidth.json": ('{"年度": ２０２３}', "fullwidth.json:1:8: 此处是全角数字或符号"),
    "empty.json": ("", "empty.json: 文件是空的"),
    "deep.json": (_deep(10_000), "deep.json: JSON 嵌套层数过深"),
    "deep100.json": (_deep(100), "deep100.json:1:83: 嵌套超过 64 层"),
    "gbk.json": ('{"年度": 2023, "单位": {"名称": "测试"}}'.encode("gbk"), "gbk.json: 文件不是 UTF-8 编码，看起来是 GBK/GB18030"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_broken_disclosure_is_one_line_with_its_place_and_exit_2(runner, tmp_path, name):
    content, expected = BROKEN[name]
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert result.output.strip().startswith(f"{tmp_path}/{expected}")
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_a_file_of_fifty_megabytes_is_refused_without_reading_it(runner, tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as handle:
        handle.write(b'{"x": "')
        handle.seek(50 * 1024 * 1024)
        handle.write(b'"}')
    started = time.monotonic()
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 2 and "文件过大（50.0 MB，上限 20 MB）" in result.output
    assert time.monotonic() - started < 5


def test_directory_missing_and_unreadable_files(runner, tmp_path, monkeypatch):
    assert "这是一个文件夹，不是文件" in runner.invoke(main, ["validate", str(tmp_path)]).output
    assert "文件不存在" in runner.invoke(main, ["check", str(tmp_path / "no.json")]).output
    locked = tmp_path / "locked.json"
    shutil.copy(SYNTHETIC[1], locked)

    def fake_open(path, *args, **kwargs):      # root reads a chmod 000 file: refuse it here instead
        if Path(path).name == "locked.json":
            raise PermissionError(13, "Permission denied")
        return open(path, *args, **kwargs)
    monkeypatch.setattr("ledgerlint.inputs.open", fake_open, raising=False)
    result = runner.invoke(main, ["check", str(locked), str(SYNTHETIC[0])])
    assert result.exit_code == 2 and "locked.json: 无法读取文件：Permission denied" in result.output
    assert "未通过 0 项" in result.output  # the other file was checked


def test_bom_is_read(runner, tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(codecs.BOM_UTF8 + SYNTHETIC[1].read_bytes())
    assert runner.invoke(main, ["check", str(path)]).exit_code == 0


@pytest.mark.parametrize("written,hint", [("1,687.40", "1687.40"), ("２３４.２８", "234.28")])
def test_numbers_written_as_text_are_reported_with_the_number_to_write(runner, tmp_path, written, hint):
    data = json.loads(SYNTHETIC[1].read_text(encoding="utf-8"))
    data["收入决算"]["本年收入合计"] = written
    path = tmp_path / "d.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    out = runner.invoke(main, ["validate", str(path)]).output
    assert f"收入决算.本年收入合计: 数字写成了文字 “{written}”，应写作数字 {hint}" in out


# ----- broken rule sets: one line with the place, exit 2 -----

def rules_with(tmp_path, meta="", rules=None, schema=True, year=2023):
    folder = tmp_path / "rules" / str(year)
    folder.mkdir(parents=True)
    (folder / "ruleset.yaml").write_text(f"year: {year}\ntitle: t\n{meta}", encoding="utf-8")
    if rules is not None:
        (folder / "r.yaml").write_text(rules, encoding="utf-8")
    if schema:
        shutil.copy(RULES / "2023" / "disclosure.schema.json", folder)
    return folder.parent


@pytest.mark.parametrize("case,expected", [
    ({"rules": "rules:\n  - id: A\n    title: [t\n"}, "r.yaml:4:1: 方括号 [ ] 或花括号 { } 没有配对，或其中的项之间少了逗号（在规则 A 中）"),
    ({"rules": "rules:\n  - title: t\n    basis: b\n    assert: 1 == 1\n"}, "r.yaml:2:5: 第 1 条规则缺少“id”（规则编号），请补上"),
    ({"meta": "extends: 2023\n"}, "extends 形成了循环：2023 → 2023"),
    ({"meta": "extends: 1990\n"}, "ruleset.yaml:3: extends 指向的 1990 年度规则集不存在"),
    ({"schema": False}, "规则集缺少 disclosure.schema.json"),
    ({"year": 2031}, "没有 2023 年度及更早的规则集（现有：2031）"),
])
def test_broken_rule_set_is_one_line_and_exit_2(runner, tmp_path, case, expected):
    root = rules_with(tmp_path, **case)
    result = runner.invoke(main, ["check", "--rules", str(root), str(SYNTHETIC[1])])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], lines


# ----- hostile rules stopped at run time by the cost bound -----

@pytest.mark.parametrize("expression", [
    "len([1 for a in texts() for b in texts() for c in texts()]) > 0",
    "sum([len(texts()) for a in texts() for b in texts()]) > 0",
    "any([contains(a, b) for a in texts() for b in texts() for c in find(\"方向\")])",
])
def test_runaway_rules_are_stopped_and_reported(runner, tmp_path, expression):
    root = rules_with(tmp_path, rules=f"rules:\n  - id: H-1\n    title: t\n    basis: b\n    assert: '{expression}'\n")
    started = time.monotonic()
    result = runner.invoke(main, ["check", "--format", "json", "--rules", str(root), str(SEED)])
    elapsed = time.monotonic() - started
    [finding] = [f for f in json.loads(result.stdout)["files"][0]["findings"] if f["rule"] == "H-1"]
    assert finding["status"] == "not_evaluated"
    assert "计算量超过上限" in finding["message"] or "计算时间超过上限" in finding["message"]
    assert elapsed < 15


def test_a_message_template_is_evaluated_once_never_again(runner, tmp_path):
    data = json.loads(SYNTHETIC[1].read_text(encoding="utf-8"))
    data["单位"]["名称"] = "{年度}{单位.名称}"          # text in the document that looks like a template
    doc = tmp_path / "d.json"
    doc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    root = rules_with(tmp_path, rules="rules:\n  - id: M-1\n    title: t\n    basis: b\n"
                                      "    assert: 年度 == 1999\n    message: '名称：{单位.名称}'\n")
    out = runner.invoke(main, ["check", "--rules", str(root), str(doc)]).output
    assert "名称：{年度}{单位.名称}" in out


# ----- nothing lost: the checked files are never written -----

def test_checking_never_touches_the_checked_file(runner, tmp_path):
    doc = tmp_path / "d.json"
    shutil.copy(SEED, doc)
    before = (hashlib.sha256(doc.read_bytes()).hexdigest(), doc.stat().st_mtime_ns)
    for args in (["check"], ["check", "-v"], ["check", "--format", "json"], ["check", "--format", "sarif"],
                 ["check", "--format", "junit"], ["check", "--format", "html", "-o", str(tmp_path / "r.html")],
                 ["validate"], ["rules", "which"]):
        runner.invoke(main, [*args, str(doc)])
    runner.invoke(main, ["explain", "ZT-004", str(doc)])
    assert (hashlib.sha256(doc.read_bytes()).hexdigest(), doc.stat().st_mtime_ns) == before


# ----- property-based: no exception escapes, bounded, the same twice -----

@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(strategies.expressions, strategies.disclosures)
def test_generated_expressions_never_escape_their_bounds(source, document):
    evaluate_twice(source, document)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.binary(max_size=300), strategies.disclosures.map(lambda d: strategies.dumps(d).encode())))
def test_generated_inputs_are_loaded_or_refused(data):
    load_once(data)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(strategies.disclosures)
def test_the_whole_rule_set_on_generated_disclosures_is_stable(document):
    from ledgerlint.checking.loading import parse
    checker = _checker()
    disclosure = parse(strategies.dumps(document), "generated.json")
    first, second = checker.check(disclosure), checker.check(disclosure)
    assert first.findings == second.findings


_CHECKER = []


def _checker():
    from ledgerlint import Checker
    if not _CHECKER:
        _CHECKER.append(Checker())
    return _CHECKER[0]


@pytest.mark.parametrize("source,reason", [
    ("item[收入决算.收入决算]", "eval.missing"),   # found by the fuzzer: a missing key used as a key
    ("item[[1]]", "eval.bad_key"),
    ("[][0.01]", "eval.bad_key"),                # found by the fuzzer: a fractional index into a list
])
def test_keys_that_are_not_keys_stop_the_rule(source, reason):
    assert evaluate_twice(source, {"年度": 2023}) == ("not_evaluated", reason)
