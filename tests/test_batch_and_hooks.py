"""Where checks run: many files in parallel, a rules folder of one's own, and the pre-commit hook."""
import json
import os
import random
import shutil
import subprocess
import sys
from decimal import Decimal

import pytest

from helpers import ROOT, SEED, SYNTHETIC
from ledgerlint.checking.batch import check_many, expand
from ledgerlint.cli import main
from ledgerlint.decimaljson import dumps



def generated(folder, count=200, seed=7):
    """`count` disclosures made from the clean examples; every third has a total changed by 0.37."""
    rng = random.Random(seed)
    for i in range(count):
        doc = json.loads(SYNTHETIC[i % 2].read_text(encoding="utf-8"), parse_float=Decimal)
        if i % 3 == 0:
            section, total = rng.choice([("收入决算", "本年收入合计"), ("支出决算", "本年支出合计")])
            doc[section][total] += Decimal("0.37")
        sub = folder / f"unit{i // 50}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"d{i:03d}.json").write_text(dumps(doc, indent=1), encoding="utf-8")
    return folder


def test_folders_and_patterns_are_expanded_in_a_stable_order(tmp_path):
    generated(tmp_path / "many", count=12)
    (tmp_path / "many" / ".hidden").mkdir()
    (tmp_path / "many" / ".hidden" / "x.json").write_text("{}", encoding="utf-8")
    found = expand([tmp_path / "many"])
    assert len(found) == 12 and found == sorted(found)
    assert expand([str(tmp_path / "many" / "unit0" / "d00*.json")]) == found[:10]


def test_two_hundred_disclosures_in_parallel_give_the_same_result_as_one_by_one(tmp_path):
    files = expand([generated(tmp_path / "batch")])
    assert len(files) == 200
    options = {"rules_dir": None, "year": None, "lang": "zh", "strict": False, "encoding": None}
    serial = check_many(files, options, jobs=1)
    parallel = check_many(files, options, jobs=2)
    assert [r.file for r in parallel] == [str(f) for f in files]
    assert [(r.findings, r.checks, r.summary()) for r in parallel] == \
           [(r.findings, r.checks, r.summary()) for r in serial]
    failing = [r for r in serial if r.fails("error")]
    assert len(failing) == 67  # every third file had a total changed


def test_one_unreadable_file_is_reported_and_the_others_are_checked(runner, tmp_path):
    folder = generated(tmp_path / "b", count=10)
    (folder / "unit0" / "broken.json").write_text("{", encoding="utf-8")
    result = runner.invoke(main, ["check", "--jobs", "2", str(folder)])
    assert result.exit_code == 2
    assert "broken.json:1:2: JSON 语法错误" in result.output
    assert result.output.rstrip().splitlines()[-1].startswith("合计 11 个文件")
    assert result.output.count("无法读取") == 1


def test_text_run_over_many_files_ends_with_a_table(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = runner.invoke(main, ["check", "examples"]).output.rstrip().splitlines()
    assert out[-7].split() == ["文件", "错误", "警告", "提示"]
    assert out[-5].split() == ["examples/2023-erguna-waishi/disclosure.json", "10", "11", "1"]
    assert out[-1].split() == ["合计", "5", "个文件", "10", "11", "1"]


def test_nothing_to_check_is_one_line_and_exit_2(runner, tmp_path):
    result = runner.invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2 and "没有找到要检查的文件" in result.output


def test_init_rules_makes_a_folder_that_extends_the_shipped_rules(runner, tmp_path):
    target = tmp_path / "my-rules"
    assert runner.invoke(main, ["init-rules", str(target), "--extends", "2023"]).exit_code == 0
    assert (target / "2023" / "ruleset.yaml").read_text(encoding="utf-8").count('extends: "ledgerlint:2023"') == 1
    assert runner.invoke(main, ["rules", "lint", str(target)]).exit_code == 0
    tested = runner.invoke(main, ["rules", "test", str(target)])
    assert tested.exit_code == 0 and "0 项不符；0 条规则缺少用例" in tested.output
    data = json.loads(SYNTHETIC[1].read_text(encoding="utf-8"))
    del data["联系方式"]["联系人"]
    doc = tmp_path / "d.json"
    doc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = runner.invoke(main, ["check", "--rules", str(target), str(doc)]).output
    assert "[L-001] 写明决算公开的联系人" in out and "规则集：2023 本地规则" in out
    assert "[L-001]" not in runner.invoke(main, ["check", str(doc)]).output
    assert runner.invoke(main, ["init-rules", str(target)]).exit_code == 2     # never over a user's files


def _git(cwd, *args, check=True, env=None):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check, env=env)


def test_pre_commit_hook_stops_a_broken_disclosure_and_lets_a_fixed_one_through(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of ledgerlint")
    head = _git(ROOT, "rev-parse", "HEAD").stdout.strip()
    if _git(ROOT, "cat-file", "-e", f"{head}:.pre-commit-hooks.yaml", check=False).returncode:
        pytest.skip("the hook definition is not committed yet")
    repo = tmp_path / "reports"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n      - id: ledgerlint\n"
        f"        files: disclosure\\.json$\n        args: [--fail-on, error]\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True,
                   capture_output=True)
    unit = repo / "外事办"
    unit.mkdir()
    shutil.copy(SEED, unit / "disclosure.json")
    _git(repo, "add", ".", env=env)
    stopped = _git(repo, "commit", "-m", "2023 决算", check=False, env=env)
    assert stopped.returncode != 0, stopped.stdout + stopped.stderr
    output = stopped.stdout + stopped.stderr
    assert "[ZT-004]" in output and "外事办/disclosure.json:100" in output
    shutil.copy(SYNTHETIC[1], unit / "disclosure.json")
    _git(repo, "add", ".", env=env)
    passed = _git(repo, "commit", "-m", "2023 决算（改正后）", check=False, env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "ledgerlint" in passed.stdout + passed.stderr
