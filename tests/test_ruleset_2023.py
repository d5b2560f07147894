"""The 2023 rule set on the bundled examples: the seed's real mistakes are errors, rounding is not,
and the synthetic examples come out clean."""
import json

import pytest

from helpers import SEED, SYNTHETIC
from ledgerlint.cli import main


@pytest.fixture(scope="module")
def seed_findings():
    from click.testing import CliRunner
    result = CliRunner().invoke(main, ["check", "--format", "json", str(SEED)])
    assert result.exit_code == 1
    return json.loads(result.output)["files"][0]["findings"]


def errors(findings, rule=None):
    return [f for f in findings if f["severity"] == "error" and (rule is None or f["rule"] == rule)]


def test_direction_word_contradiction_is_an_error(seed_findings):
    [f] = errors(seed_findings, "ZT-004")
    assert "减少" in f["message"] and "增加" in f["message"] and "200.48" in f["message"]
    # the same slip seen through the percent: 13.48% cannot follow from 减少 200.48
    [g] = errors(seed_findings, "BD-003")
    assert g["path"].startswith("收入支出决算总体情况.支出") and "-10.62%" in g["message"]


def test_placeholder_is_an_error(seed_findings):
    [f] = errors(seed_findings, "GF-001")
    assert f["path"] == "一般公共预算财政拨款支出决算.类[1].项[2].完成年初预算百分比" and "XX.X%" in f["message"]


def test_self_evaluation_total_99_against_stated_100_is_an_error(seed_findings):
    [f] = errors(seed_findings, "JX-001")
    assert "口岸运转费" in f["message"] and f["values"] == {"left": "100.00", "right": "99",
                                                          "difference": "1.00", "allowance": "0.005"}


def test_other_real_mistakes_are_found(seed_findings):
    rules = {f["rule"] for f in errors(seed_findings)}
    assert {"YB-002", "JJ-002", "JX-016", "schema"} <= rules
    warnings = {f["rule"] for f in seed_findings if f["severity"] == "warning"}
    assert {"BD-001", "YB-009", "JX-009", "JX-010", "JX-014", "ZT-008"} <= warnings


def test_rounding_alone_is_never_an_error(seed_findings):
    flagged = {f["rule"] for f in errors(seed_findings)}
    # 项目支出's classes add to 1013.27 against 1013.28; 三公 31.21 / 44.10 is 70.77% against 70.76%
    assert "XM-001" not in flagged and "SG-003" not in flagged
    # shares adjusted to total 100 (99.99 and 0.01) are warnings, not errors
    assert "SR-002" not in flagged
    assert [f["path"] for f in seed_findings if f["rule"] == "SR-003"] == [
        "收入决算.一般公共预算财政拨款收入.占比", "收入决算.其他收入.占比"]


def test_every_error_names_a_place_and_a_line(seed_findings):
    for f in errors(seed_findings):
        assert f["line"] and f["path"] != "(文档)", f


@pytest.mark.parametrize("path", SYNTHETIC, ids=lambda p: p.parent.name)
def test_synthetic_examples_have_no_error_and_no_warning(runner, path):
    result = runner.invoke(main, ["check", "--fail-on", "warning", "--strict", str(path)])
    assert result.exit_code == 0, result.output


def test_readme_shows_the_current_output_for_the_bundled_example(runner, monkeypatch):
    from helpers import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## What `check` finds in the bundled example", 1)[1].split("```text\n", 1)[1]
    shown = block.split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["check", "examples/2023-erguna-waishi/disclosure.json"])
    assert result.output == shown
