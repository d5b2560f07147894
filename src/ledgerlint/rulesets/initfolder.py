"""`ledgerlint init-rules DIR --extends 2023`: a rules folder of the user's own, built on the shipped rules.

Policy staff add or change rules there (same id replaces a shipped rule; `disable` switches one off)
without touching the package; `--rules DIR` and the pre-commit hook use it."""
from pathlib import Path as FsPath

from ledgerlint.errors import LedgerlintError
from ledgerlint.rulesets import RULE_FILE_SCHEMA
from ledgerlint.writing import write_new

_RULESET = """\
# 本单位（本地区）的规则：在 ledgerlint 自带的 {base} 规则上增加或修改。
# 同编号的规则会替换自带规则；不需要的自带规则写进 disable。
year: {year}
title: 本地规则（在 ledgerlint {base} 规则上扩展）
extends: "ledgerlint:{base}"
changes:
  - change: 增加本地规则 L-001（示例：写明联系人）。
    source: 本单位决算公开审核要求
"""

_RULES = """\
# yaml-language-server: $schema={schema}
rules:
  - id: L-001
    title: 写明决算公开的联系人
    section: 第四部分 决算公开联系方式及信息反馈渠道
    severity: warning
    basis: 本单位决算公开审核要求（示例规则，可按需要修改或删除）
    assert: exists("联系方式.联系人") and len(联系方式.联系人) > 0
    message: 没有写决算公开的联系人
"""

_TESTS = """\
cases:
  - name: 写了联系人
    disclosure: {联系方式: {联系人: 王示例, 联系电话: "0000-0000000"}}
    expect: {L-001: pass}

  - name: 没有写联系人
    disclosure: {联系方式: {联系电话: "0000-0000000"}}
    expect: {L-001: fail}
"""

_README = """\
# 本地规则

这个文件夹是在 ledgerlint 自带规则上扩展的本地规则（由 `ledgerlint init-rules` 生成）。

- `{year}/ruleset.yaml`：继承自带的 {base} 规则（`extends`）；`disable: [编号]` 可停用自带规则。
- `{year}/本地规则.yaml`：本地规则；与自带规则同编号的会替换它。写法见自带规则的说明
  （`ledgerlint rules schema` 显示规则文件格式的位置）。
- `{year}/tests/`：每条本地规则的用例，至少一个通过、一个不通过。
- `rule-file.schema.json`：规则文件格式的副本，编辑器（如装有 YAML 插件的 VS Code）据此补全和提示；
  升级 ledgerlint 后可从 `ledgerlint rules schema` 显示的位置复制新版本。

常用命令：

    ledgerlint rules lint {dir}
    ledgerlint rules test {dir}
    ledgerlint check --rules {dir} 决算.json
"""


def init_rules(target: FsPath, base: str, force: bool = False) -> list[FsPath]:
    from ledgerlint.rulesets.selection import load_named
    from ledgerlint.rulesets.ruleset import shipped_rules_dir
    parent = load_named(shipped_rules_dir(), base)          # refuses an unknown base with its own message
    target = FsPath(target)
    if target.exists() and any(target.iterdir()) and not force:
        raise LedgerlintError("init.not_empty", file=str(target))
    folder = target / str(parent.year)
    (folder / "tests").mkdir(parents=True, exist_ok=True)
    # the editor's schema is a copy inside the folder, named by a relative path: the folder works after
    # it is copied to another machine or ledgerlint is upgraded (the installed package's path would not)
    files = {
        target / RULE_FILE_SCHEMA.name: RULE_FILE_SCHEMA.read_text(encoding="utf-8"),
        folder / "ruleset.yaml": _RULESET.format(year=parent.year, base=base),
        folder / "本地规则.yaml": _RULES.format(schema=f"../{RULE_FILE_SCHEMA.name}"),
        folder / "tests" / "本地规则.yaml": _TESTS,
        target / "README.md": _README.format(year=parent.year, base=base, dir=target),
    }
    for path, text in files.items():
        write_new(path, text, force)
    return list(files)
