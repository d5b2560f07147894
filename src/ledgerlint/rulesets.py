"""Rule sets: a folder per regulation year, loaded, inherited (`extends`) and compiled once.

rules/<year>/ruleset.yaml   year, title, documents, optional extends: <year>, disable: [ids]
rules/<year>/*.yaml         rule files, each a top-level `rules:` list
rules/<year>/disclosure.schema.json   the year's disclosure schema (inherited when absent)
rules/<year>/tests/*.yaml   test cases for `ledgerlint rules test`
"""
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path as FsPath

import jsonschema

from .errors import LedgerlintError, RuleSetError
from .expressions import EACH, Expression, ExpressionError, Template, compile_expression, compile_template
from .schema import SCHEMA_FILE, load_schema
from .yamlfiles import LineDict, read_yaml

RULESET_FILE = "ruleset.yaml"
TESTS_DIR = "tests"
DEFAULT_AS = "item"

_RULE_FILE_SCHEMA = json.loads((FsPath(__file__).parent / "rule-file.schema.json").read_text(encoding="utf-8"))
_RULESET_SCHEMA = {
    "type": "object",
    "properties": {
        "year": {"type": "integer"},
        "title": {"type": "string"},
        "documents": {"type": "array", "items": {"type": "string"}},
        "extends": {"type": "integer"},
        "disable": {"type": "array", "items": {"type": "string"}},
        "changes": {"type": "array"},
    },
    "required": ["year", "title"],
    "additionalProperties": False,
}


@dataclass
class Rule:
    id: str
    title: str
    severity: str
    basis: str
    section: str | None
    assertion: Expression
    when: Expression | None
    each: Expression | None
    as_name: str
    where: Expression | None
    tolerance: str                 # as written: rounding | exact | a number
    message: Template | None
    file: str
    line: int
    year: int                      # the rule set that defined it
    replaces: "Rule | None" = None  # the inherited rule this one overrides
    expressions: dict = field(default_factory=dict)  # key -> source text, for lint and explain


@dataclass
class RuleSet:
    year: int
    title: str
    folder: FsPath
    documents: list
    chain: list                    # years from this one up the `extends` chain
    rules: list
    validator: object
    disabled: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.year} {self.title}"

    def rule(self, rule_id):
        return next((r for r in self.rules if r.id == rule_id), None)


def shipped_rules_dir() -> FsPath:
    """The rules shipped with ledgerlint: inside the installed package, else the source checkout's rules/."""
    here = FsPath(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleSetError("ruleset.no_dir", path=str(here / "rules"))


def available_years(rules_dir: FsPath) -> list[int]:
    return sorted(int(p.name) for p in FsPath(rules_dir).iterdir() if p.is_dir() and p.name.isdigit())


def year_folder(rules_dir: FsPath | None, year) -> FsPath:
    """The folder of the rule set for `year` under `rules_dir` (default: the shipped rules)."""
    root = FsPath(rules_dir) if rules_dir else shipped_rules_dir()
    if not root.is_dir():
        raise RuleSetError("ruleset.no_dir", path=str(root))
    folder = root / str(year)
    if not folder.is_dir():
        years = "、".join(str(y) for y in available_years(root)) or "-"
        raise RuleSetError("ruleset.unknown_year", file=str(root), year=year, available=years)
    return folder


def _schema_errors(data, schema, file, key) -> list[LedgerlintError]:
    problems = []
    for error in jsonschema.Draft202012Validator(schema).iter_errors(data):
        holder = data
        for part in list(error.absolute_path)[:-1]:
            holder = holder[part]
        last = error.absolute_path[-1] if error.absolute_path else None
        line = None
        if isinstance(holder, LineDict):
            line = holder.lines.get(last, holder.line)
        if isinstance(error.instance, LineDict):
            line = error.instance.line
        where = ".".join(str(p) for p in error.absolute_path) or "(top)"
        if error.validator == "additionalProperties":
            extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
            for name in extra:
                problems.append(RuleSetError(f"{key}.unknown_key", file=file, line=error.instance.lines.get(name, line),
                                             name=name, where=where))
            continue
        problems.append(RuleSetError(f"{key}.invalid", file=file, line=line, where=where, reason=error.message))
    return problems


def _tolerance(value):
    if value is None or value == "rounding":
        return Decimal(0), "rounding"
    if value == "exact":
        return None, "exact"
    return Decimal(value), str(value)


def compile_rule(raw: LineDict, file: str, year: int, problems: list) -> Rule | None:
    """One rule from its YAML mapping; expression problems are added to `problems` with their place."""
    tolerance, tolerance_text = _tolerance(raw.get("tolerance"))
    as_name = raw.get("as", DEFAULT_AS)
    compiled = {}

    def build(key, **kw):
        if key not in raw:
            return None
        try:
            if key == "message":
                return compile_template(raw[key], tolerance, **kw)
            return compile_expression(raw[key], tolerance, **kw)
        except ExpressionError as exc:
            problems.append(RuleSetError(
                exc.key, file=file, line=raw.lines.get(key, raw.line), column=exc.column,
                rule=raw.get("id", "?"), field=key, **exc.params))
            return None

    each = build("each")
    bound = {}
    if "each" in raw:
        element = _static_element(each)
        bound = {as_name: element}
    for key in ("assert", "when", "where", "message"):
        kw = {"bound": bound} if key != "when" else {}
        if key == "assert":
            kw["with_sides"] = True
        compiled[key] = build(key, **kw)
    if compiled["assert"] is None or ("each" in raw and each is None):
        return None
    return Rule(
        id=raw["id"], title=raw["title"], severity=raw.get("severity", "error"), basis=raw["basis"],
        section=raw.get("section"), assertion=compiled["assert"], when=compiled["when"], each=each,
        as_name=as_name, where=compiled["where"], tolerance=tolerance_text, message=compiled["message"],
        file=file, line=raw.line, year=year,
        expressions={k: raw[k] for k in ("assert", "when", "each", "where", "message") if k in raw})


def _static_element(each: Expression | None):
    """The static path of an `each` list's elements, when `each` is a plain path (for lint's name check)."""
    if each is None or not each.is_path or len(each.static_paths) != 1:
        return None
    path, _column = each.static_paths[0]
    return path + (EACH,)


def _rule_files(folder: FsPath) -> list[FsPath]:
    return sorted(p for p in folder.glob("*.yaml") if p.name != RULESET_FILE)


def load_rule_file(path: FsPath, year: int, problems: list) -> list[Rule]:
    data = read_yaml(path)
    file = str(path)
    if not isinstance(data, dict):
        problems.append(RuleSetError("rulefile.not_mapping", file=file, line=1))
        return []
    errors = _schema_errors(data, _RULE_FILE_SCHEMA, file, "rulefile")
    if errors:
        problems.extend(errors)
        return []
    rules = []
    for raw in data["rules"]:
        rule = compile_rule(raw, file, year, problems)
        if rule is not None:
            rules.append(rule)
    return rules


def load_ruleset(folder: FsPath, problems: list | None = None, _seen: tuple = ()) -> RuleSet:
    """Load, inherit and compile the rule set in `folder`.

    With `problems` given, every problem found is appended and loading goes on as far as it can (for
    `rules lint`); without it the first problem is raised.
    """
    collect = [] if problems is None else problems
    folder = FsPath(folder)
    meta_path = folder / RULESET_FILE
    if not meta_path.is_file():
        raise RuleSetError("ruleset.no_meta", file=str(folder))
    meta = read_yaml(meta_path)
    if not isinstance(meta, dict):
        raise RuleSetError("rulefile.not_mapping", file=str(meta_path), line=1)
    meta_errors = _schema_errors(meta, _RULESET_SCHEMA, str(meta_path), "ruleset")
    if meta_errors:
        raise meta_errors[0]
    year = meta["year"]
    if str(year) != folder.name and folder.name.isdigit():
        raise RuleSetError("ruleset.year_mismatch", file=str(meta_path), line=meta.lines.get("year"),
                           year=year, folder=folder.name)

    parent = None
    if "extends" in meta:
        parent_year = meta["extends"]
        if parent_year in _seen + (year,):
            chain = " → ".join(str(y) for y in _seen + (year, parent_year))
            raise RuleSetError("ruleset.cycle", file=str(meta_path), line=meta.lines.get("extends"), chain=chain)
        parent_folder = folder.parent / str(parent_year)
        if not parent_folder.is_dir():
            raise RuleSetError("ruleset.unknown_parent", file=str(meta_path), line=meta.lines.get("extends"),
                               year=parent_year)
        parent = load_ruleset(parent_folder, collect, _seen + (year,))

    rules: dict[str, Rule] = {r.id: r for r in parent.rules} if parent else {}
    own_ids: dict[str, Rule] = {}
    for path in _rule_files(folder):
        try:
            file_rules = load_rule_file(path, year, collect)
        except RuleSetError as exc:
            collect.append(exc)
            continue
        for rule in file_rules:
            if rule.id in own_ids:
                first = own_ids[rule.id]
                collect.append(RuleSetError("ruleset.duplicate_id", file=rule.file, line=rule.line, id=rule.id,
                                            first=f"{first.file}:{first.line}"))
                continue
            own_ids[rule.id] = rule
            rule.replaces = rules.get(rule.id)
            rules[rule.id] = rule

    disabled = list(meta.get("disable", []))
    for rule_id in disabled:
        if rules.pop(rule_id, None) is None:
            collect.append(RuleSetError("ruleset.disable_unknown", file=str(meta_path),
                                        line=meta.lines.get("disable"), id=rule_id))

    if (folder / SCHEMA_FILE).is_file() or parent is None:
        validator = load_schema(folder)
    else:
        validator = parent.validator

    if collect and problems is None:
        raise collect[0]
    return RuleSet(year=year, title=meta["title"], folder=folder, documents=list(meta.get("documents", [])),
                   chain=[year] + (parent.chain if parent else []), rules=list(rules.values()),
                   validator=validator, disabled=disabled)


def ruleset_for_year(rules_dir: FsPath | None, year) -> RuleSet:
    return load_ruleset(year_folder(rules_dir, year))
