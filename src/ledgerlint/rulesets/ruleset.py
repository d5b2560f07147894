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


from ledgerlint.errors import RuleSetError
from ledgerlint.inputs import is_within
from ledgerlint.rulesets import PACKAGE_DIR, RULE_FILE_SCHEMA
from ledgerlint.language.expressions import EACH, Expression, ExpressionError, Template
from ledgerlint.rulesets.schemas import load_schema_dict, make_validator
from ledgerlint.rulesets.shape import nearest, shape_problems
from ledgerlint.rulesets.yamlfiles import LineDict, read_yaml, value_place

RULESET_FILE = "ruleset.yaml"
TESTS_DIR = "tests"
DEFAULT_AS = "item"

_RULE_FILE_SCHEMA: dict = {}   # read when the first rule file is (a cached rule set needs none of it)


def _rule_file_schema() -> dict:
    if not _RULE_FILE_SCHEMA:
        _RULE_FILE_SCHEMA.update(json.loads(RULE_FILE_SCHEMA.read_text(encoding="utf-8")))
    return _RULE_FILE_SCHEMA
_CHANGE = {"type": "object", "properties": {"change": {"type": "string"}, "source": {"type": "string"},
                                           "uncertain": {"type": "boolean"}},
           "required": ["change", "source"], "additionalProperties": False}
_RULESET_SCHEMA = {
    "type": "object",
    "properties": {
        "year": {"type": "integer"},
        "title": {"type": "string"},
        "documents": {"type": "array", "items": {"type": "string"}},
        # a year of this folder's siblings, or "ledgerlint:2023" / "ledgerlint:内蒙古/2023" for a shipped set
        "extends": {"type": ["integer", "string"], "pattern": "^ledgerlint:"},
        "disable": {"type": "array", "items": {"type": "string"}},
        "changes": {"type": "array", "items": _CHANGE},
        # provincial overlays: which disclosures they apply to
        "region": {"type": "string"},
        "match": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "years": {"type": "object", "properties": {"from": {"type": "integer"}, "to": {"type": "integer"}},
                  "required": ["from", "to"], "additionalProperties": False},
    },
    "required": ["title"],
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
    origin: str                    # the rule set that defined it: "2023", "陕西", …
    replaces: "Rule | None" = None  # the inherited rule this one overrides
    expressions: dict = field(default_factory=dict)  # key -> source text, for lint and explain

    @property
    def allowance(self):
        """What the comparison allows beyond rounding: a Decimal, or None when the rule is exact."""
        return parse_tolerance(self.tolerance)[0]


@dataclass
class RuleSet:
    name: str                      # "2023", or "内蒙古/2023" for a provincial overlay on 2023
    year: int
    title: str
    folders: list                  # the folders it was made from, own first
    documents: list
    chain: list                    # set names from this one up the inheritance chain
    rules: list
    schema: dict
    schema_folder: FsPath
    disabled: list = field(default_factory=list)
    changes: list = field(default_factory=list)     # of this set and every set it inherits, own first
    region: str | None = None
    refused: list = field(default_factory=list)     # ids of rules left out for a problem (lint only)

    _validator: object = field(default=None, repr=False)
    schema_checked: bool = False   # the schema passed the meta-schema check when this set was cached
    schema_shipped: bool = False   # the schema is made of the shipped files only (their check is a test)

    def __getstate__(self):  # the validator is rebuilt where it is needed, not cached
        return {**self.__dict__, "_validator": None}

    @property
    def validator(self):
        """Built on first use: a set that is only inherited from never needs one."""
        if self._validator is None:
            self._validator = make_validator(self.schema, self.schema_folder,
                                             checked=self.schema_checked or self.schema_shipped)
            self.schema_checked = True
        return self._validator

    @property
    def folder(self) -> FsPath:
        return self.folders[0]

    @property
    def label(self) -> str:
        return f"{self.name} {self.title}"

    @property
    def aliases(self) -> dict:
        return self.schema.get("x-aliases", {})

    def rule(self, rule_id):
        return next((r for r in self.rules if r.id == rule_id), None)


def shipped_rules_dir() -> FsPath:
    """The rules shipped with ledgerlint: inside the installed package, else the source checkout's rules/."""
    here = PACKAGE_DIR
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleSetError("ruleset.no_dir", path=str(here / "rules"))


def available_years(rules_dir: FsPath) -> list[int]:
    return sorted(int(p.name) for p in FsPath(rules_dir).iterdir() if p.is_dir() and p.name.isdigit())



def parse_tolerance(value):
    """(the allowance beyond rounding, None for exact; the word as written) of a rule's `tolerance:`."""
    if value is None or value == "rounding":
        return Decimal(0), "rounding"
    if value == "exact":
        return None, "exact"
    return Decimal(value), str(value)


def compile_rule(raw: LineDict, file: str, origin: str, problems: list) -> Rule | None:
    """One rule from its YAML mapping; expression problems are added to `problems` with their place."""
    from ledgerlint.language.compiler import compile_expression, compile_template  # ast only when compiling
    tolerance, tolerance_text = parse_tolerance(raw.get("tolerance"))
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
            line, column = value_place(raw, key, exc.offset)
            problems.append(RuleSetError(exc.key, file=file, line=line, column=column,
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
        if key != "message":
            kw["condition"] = True      # assert, when and where must give true or false
        compiled[key] = build(key, **kw)
    if compiled["assert"] is None or ("each" in raw and each is None):
        return None
    return Rule(
        id=raw["id"], title=raw["title"], severity=raw.get("severity", "error"), basis=raw["basis"],
        section=raw.get("section"), assertion=compiled["assert"], when=compiled["when"], each=each,
        as_name=as_name, where=compiled["where"], tolerance=tolerance_text, message=compiled["message"],
        file=file, line=raw.line, origin=origin,
        expressions={k: raw[k] for k in ("assert", "when", "each", "where", "message") if k in raw})


def _static_element(each: Expression | None):
    """The static path of an `each` list's elements, when `each` is a plain path (for lint's name check)."""
    if each is None or not each.is_path or len(each.static_paths) != 1:
        return None
    path, _column = each.static_paths[0]
    return path + (EACH,)


def _rule_files(folder: FsPath) -> list[FsPath]:
    return sorted(p for p in folder.glob("*.yaml") if p.name != RULESET_FILE)


def load_rule_file(path: FsPath, origin: str, problems: list, refused: set | None = None) -> list[Rule]:
    """The rules of one file; a rule with a problem is left out, its id added to `refused` (so that
    its cases are not also reported as naming a rule that does not exist)."""
    data = read_yaml(path)
    file = str(path)
    if not isinstance(data, dict):
        problems.append(RuleSetError("rulefile.not_mapping", file=file, line=1))
        return []
    errors = shape_problems(data, _rule_file_schema(), file, "rulefile")
    problems.extend(errors)
    if not isinstance(data.get("rules"), list):
        return []
    # a rule with a problem of its own is left out; the others of the file are still loaded (and linted)
    about_rules = [e for e in errors if e.params.get("where") in ("where.rule", "where.rule_plain")]
    if len(about_rules) < len(errors):
        return []     # a problem of the file itself
    broken = {e.params["item"] - 1 for e in about_rules}
    rules = []
    for index, raw in enumerate(data["rules"]):
        rule = None if index in broken else compile_rule(raw, file, origin, problems)
        if rule is not None:
            rules.append(rule)
        elif refused is not None and isinstance(raw, dict) and isinstance(raw.get("id"), str):
            refused.add(raw["id"])
    return rules


def read_meta(folder: FsPath) -> LineDict:
    meta_path = folder / RULESET_FILE
    if not meta_path.is_file():
        raise RuleSetError("ruleset.no_meta", file=str(folder))
    meta = read_yaml(meta_path)
    if not isinstance(meta, dict):
        raise RuleSetError("rulefile.not_mapping", file=str(meta_path), line=1)
    errors = shape_problems(meta, _RULESET_SCHEMA, str(meta_path), "ruleset")
    if errors:
        raise errors[0]
    return meta


def _layer(base: dict, folder: FsPath, origin: str, meta: LineDict, collect: list,
           refused: set) -> tuple[dict, list]:
    """`base` rules (by id) with the folder's rules laid over them and its `disable` applied."""
    rules = dict(base)
    own_ids: dict[str, Rule] = {}
    for path in _rule_files(folder):
        try:
            file_rules = load_rule_file(path, origin, collect, refused)
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
            suggestion = nearest(rule_id, rules)
            collect.append(RuleSetError("ruleset.disable_unknown_hint" if suggestion else "ruleset.disable_unknown",
                                        file=str(folder / RULESET_FILE), line=meta.lines.get("disable"),
                                        id=rule_id, suggestion=suggestion))
    return rules, disabled


def _changes(meta, name) -> list:
    return [{"set": name, **dict(c)} for c in meta.get("changes", [])]


def load_ruleset(folder: FsPath, problems: list | None = None, _seen: tuple = ()) -> RuleSet:
    """Load, inherit and compile the national rule set of one year (its folder is named by the year).

    With `problems` given, every problem found is appended and loading goes on as far as it can (for
    `rules lint`); without it the first problem is raised.
    """
    collect = [] if problems is None else problems
    folder = FsPath(folder)
    meta = read_meta(folder)
    meta_path = folder / RULESET_FILE
    if "year" not in meta:
        raise RuleSetError("ruleset.no_year", file=str(meta_path), line=meta.line)
    year = meta["year"]
    if str(year) != folder.name and folder.name.isdigit():
        raise RuleSetError("ruleset.year_mismatch", file=str(meta_path), line=meta.lines.get("year"),
                           year=year, folder=folder.name)

    parent = None
    if isinstance(meta.get("extends"), str):
        # a user's own rules built on the shipped ones ("ledgerlint:2023", "ledgerlint:内蒙古/2023")
        parent = build_named(shipped_rules_dir(), meta["extends"].split(":", 1)[1], collect)
    elif "extends" in meta:
        parent_year = meta["extends"]
        if parent_year in _seen + (year,):
            chain = " → ".join(str(y) for y in _seen + (year, parent_year))
            raise RuleSetError("ruleset.cycle", file=str(meta_path), line=meta.lines.get("extends"), chain=chain)
        parent_folder = folder.parent / str(parent_year)
        if not parent_folder.is_dir():
            raise RuleSetError("ruleset.unknown_parent", file=str(meta_path), line=meta.lines.get("extends"),
                               year=parent_year)
        parent = load_ruleset(parent_folder, collect, _seen + (year,))

    # a year names the documents that apply to it (each year's list restates the ones still in force)
    return _assemble(parent, folder, str(year), year, meta, collect, problems, documents=[])


def compose(national: RuleSet, overlay_folder: FsPath, problems: list | None = None) -> RuleSet:
    """A provincial overlay laid over the national set of one year: 内蒙古 + 2023 = "内蒙古/2023"."""
    collect = [] if problems is None else problems
    overlay_folder = FsPath(overlay_folder)
    meta = read_meta(overlay_folder)
    origin = overlay_folder.name
    # an overlay adds its province's documents to the year's
    return _assemble(national, overlay_folder, f"{origin}/{national.year}", national.year, meta, collect,
                     problems, documents=national.documents, origin=origin, region=meta.get("region", origin))


def _assemble(parent: RuleSet | None, folder: FsPath, name: str, year, meta: LineDict, collect: list,
              problems: list | None, documents: list, origin: str | None = None,
              region: str | None = None) -> RuleSet:
    """The one place a set is made: the folder's rules, schema and record laid over its parent's (the
    year it extends, or the national set under an overlay); the lists of folders, disabled rules and
    changes run from this folder back through every parent, `documents` follow the folder's own."""
    origin = origin or name
    base = {r.id: r for r in parent.rules} if parent else {}
    refused: set = set()
    rules, disabled = _layer(base, folder, origin, meta, collect, refused)
    schema = load_schema_dict(folder, parent.schema if parent else None)
    if collect and problems is None:
        raise collect[0]
    # a schema that comes from the shipped files alone is checked against the meta-schema by the test
    # suite (test_every_shipped_schema_is_valid), not again by each cold run
    shipped = is_within(folder, shipped_rules_dir()) if schema is not (parent.schema if parent else None) \
        else parent.schema_shipped

    def inherited(attribute: str) -> list:
        return list(getattr(parent, attribute)) if parent else []

    return RuleSet(name=name, year=year, title=meta["title"], folders=[folder] + inherited("folders"),
                   documents=list(meta.get("documents", [])) + list(documents),
                   chain=[name] + inherited("chain"), rules=list(rules.values()), schema=schema,
                   schema_folder=folder, disabled=disabled + inherited("disabled"),
                   changes=_changes(meta, origin) + inherited("changes"),
                   region=region if region is not None else (parent.region if parent else None),
                   refused=sorted(refused | set(parent.refused if parent else ())), schema_shipped=shipped)


def rules_root(rules_dir) -> FsPath:
    root = FsPath(rules_dir) if rules_dir else shipped_rules_dir()
    if not root.is_dir():
        raise RuleSetError("ruleset.no_dir", path=str(root))
    return root


def build_named(rules_dir, name: str, problems: list | None = None) -> RuleSet:
    """A rule set by its name, "2023" (national) or "内蒙古/2023" (an overlay laid over a national year),
    built from its files (selection.load_named keeps the result in the cache)."""
    root = rules_root(rules_dir)
    region, _, year = name.rpartition("/")
    folder = root / year
    if not year.isdigit() or not folder.is_dir():
        raise RuleSetError("ruleset.unknown_name", file=str(root), name=name)
    built = load_ruleset(folder, problems)
    if region:
        if not (root / region / RULESET_FILE).is_file():
            raise RuleSetError("ruleset.unknown_name", file=str(root), name=name)
        built = compose(built, root / region, problems)
    from ledgerlint.rulesets.names import name_problems
    unknown = name_problems(built)
    if unknown and problems is None:
        raise unknown[0]      # a name the format lacks fails the run, as lint reports it
    if problems is not None:
        problems.extend(p for p in unknown if p.render() not in {q.render() for q in problems})
    return built
