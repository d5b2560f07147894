"""A run's settings from a configuration file, found the way ruff finds its own: from the checked file's
folder (the current folder for standard input) upward, the first `.ledgerlint.yaml`, or `pyproject.toml`
with a `[tool.ledgerlint]` table. Paths in it are relative to its folder; the command line overrides it.

    # .ledgerlint.yaml                      # pyproject.toml
    rules: my-rules                         [tool.ledgerlint]
    fail-on: warning                        rules = "my-rules"
    select: [SG-, ZT-]                      ignore = ["WZ-"]
    ignore: [WZ-006]                        [tool.ledgerlint.per-file-ignores]
    per-file-ignores: {"2019/*": [JX-]}     "2019/*" = ["JX-"]
    accepted: .ledgerlint-accepted.yaml
"""
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from ledgerlint.errors import LedgerlintError
from ledgerlint.inputs import read_bytes
from ledgerlint.limits import MAX_YAML_BYTES

CONFIG_FILE = ".ledgerlint.yaml"
_IDS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_SCHEMA = {
    "type": "object",
    "properties": {"rules": {"type": "string", "minLength": 1, "title": "规则文件夹"},
                   "fail-on": {"enum": ["error", "warning", "info"]},
                   "select": _IDS, "ignore": _IDS,
                   "per-file-ignores": {"type": "object", "additionalProperties": _IDS},
                   "accepted": {"type": "string", "minLength": 1, "title": "接受记录文件"}},
    "additionalProperties": False,
}


@dataclass
class Config:
    file: FsPath | None = None
    rules: FsPath | None = None
    fail_on: str | None = None
    select: tuple = ()
    ignore: tuple = ()
    per_file_ignores: dict = field(default_factory=dict)
    accepted: FsPath | None = None

    @property
    def folder(self) -> FsPath | None:
        return self.file.parent if self.file else None


def find_config(start: FsPath) -> Config:
    """The configuration that applies to files in `start` (a file or a folder); an empty one when none."""
    folder = FsPath(start).resolve()
    if not folder.is_dir():
        folder = folder.parent
    for place in (folder, *folder.parents):
        own = place / CONFIG_FILE
        if own.is_file():
            return _read_yaml_config(own)
        project = place / "pyproject.toml"
        if project.is_file():
            table = _tool_table(project)
            if table is not None:
                return _config(project, table, table_lines=False)
    return Config()


def _read_yaml_config(path: FsPath) -> Config:
    from ledgerlint.rulesets.yamlfiles import read_yaml
    data = read_yaml(path)
    return _config(path, {} if data is None else data, table_lines=True)


def _tool_table(path: FsPath) -> dict | None:
    raw = read_bytes(path, MAX_YAML_BYTES, LedgerlintError)
    if b"ledgerlint" not in raw:
        return None      # no [tool.ledgerlint] in any spelling: not parsed (a project's pyproject, every run)
    import tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LedgerlintError("config.bad_toml", file=str(path), reason=str(exc)) from None
    table = data.get("tool", {}).get("ledgerlint") if isinstance(data.get("tool"), dict) else None
    return table if isinstance(table, dict) else None


def _config(path: FsPath, data, table_lines: bool) -> Config:
    from ledgerlint.rulesets.shape import shape_problems
    if not isinstance(data, dict):
        raise LedgerlintError("config.not_mapping", file=str(path), line=1)
    problems = shape_problems(data, _SCHEMA, str(path), "config")
    if problems:
        raise problems[0]
    folder = path.parent
    return Config(file=path, rules=folder / data["rules"] if "rules" in data else None,
                  fail_on=data.get("fail-on"), select=tuple(data.get("select", ())),
                  ignore=tuple(data.get("ignore", ())),
                  per_file_ignores={str(k): tuple(v) for k, v in data.get("per-file-ignores", {}).items()},
                  accepted=folder / data["accepted"] if "accepted" in data else None)
