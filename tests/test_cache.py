"""The compiled rule-set cache: same results, rebuilt when a file changes, harmless when damaged."""
import os
import shutil
import subprocess
import sys

from helpers import RULES, SEED
from ledgerlint import Checker
from ledgerlint.rulesets import cache
from ledgerlint.rulesets.selection import load_named, select


def ruleset_entries(folder):
    """Cached rule sets, without the small overlay-scope entries."""
    return [p for p in folder.glob("*.pickle") if not p.name.startswith("scope-")]


def findings(checker):
    return [(f.rule, f.line, f.message) for f in checker.check_file(SEED).findings]


def test_a_cached_set_gives_the_same_findings(tmp_path, monkeypatch):
    monkeypatch.setenv("LEDGERLINT_CACHE_DIR", str(tmp_path))
    first = findings(Checker())                       # builds and stores
    assert len(ruleset_entries(tmp_path)) == 1
    second = findings(Checker())                      # loads from the cache
    monkeypatch.setenv("LEDGERLINT_NO_CACHE", "1")
    assert first == second == findings(Checker())     # and without any cache


def test_changing_a_rule_file_makes_a_new_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("LEDGERLINT_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "rules"
    shutil.copytree(RULES, root)
    assert load_named(root, "2023").rule("GF-003").title.startswith("附表数量")
    rule_file = root / "2023" / "15-变动与规范.yaml"
    rule_file.write_text(rule_file.read_text(encoding="utf-8").replace(
        "title: 附表数量符合 2023 年度公开要求", "title: 附表的数量"), encoding="utf-8")
    assert load_named(root, "2023").rule("GF-003").title == "附表的数量"
    assert len(ruleset_entries(tmp_path / "cache")) == 2


def test_a_damaged_cache_entry_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("LEDGERLINT_CACHE_DIR", str(tmp_path))
    expected = findings(Checker())
    for entry in tmp_path.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert findings(Checker()) == expected


def test_the_cache_lives_where_user_caches_belong(monkeypatch, tmp_path):
    monkeypatch.delenv("LEDGERLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "ledgerlint"


def test_a_cached_run_reads_no_yaml(tmp_path):
    """Start-up: once the rule set and the overlays' scopes are cached, a check imports neither the YAML
    nor the schema library (together most of a short run's time); a cold run reads the YAML, and needs
    jsonschema only to describe a file that has a problem (the shipped files have none)."""
    script = ("import sys; from ledgerlint import Checker; Checker().check_file(sys.argv[1]); "
              "print(sorted(m for m in ('yaml', 'jsonschema') if m in sys.modules))")
    env = {**os.environ, "LEDGERLINT_CACHE_DIR": str(tmp_path)}
    env.pop("LEDGERLINT_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", script, str(SEED)], env=env, capture_output=True, text=True,
                           check=True).stdout.strip() for _ in range(2)]
    assert runs == ["['yaml']", "[]"]


def test_an_edited_overlay_scope_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("LEDGERLINT_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "rules"
    shutil.copytree(RULES, root)
    assert select(root, 2023, "内蒙古").name == "内蒙古/2023"
    meta = root / "内蒙古" / "ruleset.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("match: [内蒙古自治区, 内蒙古]", "match: [宁夏]"),
                    encoding="utf-8")
    assert select(root, 2023, "内蒙古").name == "2023"


def test_two_hundred_random_byte_changes_to_a_warm_entry_give_the_clean_findings(tmp_path, monkeypatch):
    import random
    from fuzz import flip_cache_once
    monkeypatch.setenv("LEDGERLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("LEDGERLINT_NO_CACHE", raising=False)
    root = tmp_path / "rules"        # a set of two rule files: rebuilt 200 times in a few seconds
    (root / "2023").mkdir(parents=True)
    shutil.copy(RULES / "2023" / "disclosure.schema.json", root / "2023")
    for name in ("08-三公经费.yaml", "17-措辞与标点.yaml"):
        shutil.copy(RULES / "2023" / name, root / "2023")
    (root / "2023" / "ruleset.yaml").write_text("year: 2023\ntitle: t\n", encoding="utf-8")

    def check():
        return [(f.rule, f.line, f.status, f.message) for f in Checker(rules_dir=root).check_file(SEED).findings]
    expected = check()
    assert any(status == "failed" for _, _, status, _ in expected)      # findings that a damaged entry could drop
    [entry] = ruleset_entries(tmp_path / "cache")
    warm, rng = entry.read_bytes(), random.Random(17)
    for _ in range(200):
        flip_cache_once(entry, warm, expected, check, rng)


def test_the_cache_sees_an_edit_to_the_set_it_extends_whatever_the_line_says(tmp_path, monkeypatch):
    monkeypatch.setenv("LEDGERLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("LEDGERLINT_NO_CACHE", raising=False)
    root = tmp_path / "rules"
    for year in ("2022", "2023"):
        (root / year).mkdir(parents=True)
    shutil.copy(RULES / "2023" / "disclosure.schema.json", root / "2022")
    (root / "2022" / "ruleset.yaml").write_text("year: 2022\ntitle: t\n", encoding="utf-8")
    (root / "2023" / "ruleset.yaml").write_text("year: 2023\ntitle: t\nextends: 2022   # inherit\n", encoding="utf-8")
    rule = root / "2022" / "r.yaml"
    rule.write_text("rules:\n  - id: A-1\n    title: 第一版\n    basis: b\n    assert: 年度 > 0\n", encoding="utf-8")
    assert load_named(root, "2023").rule("A-1").title == "第一版"
    rule.write_text(rule.read_text(encoding="utf-8").replace("第一版", "第二版"), encoding="utf-8")
    assert load_named(root, "2023").rule("A-1").title == "第二版"
