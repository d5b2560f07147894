"""`ledgerlint rules test`: the cases kept beside the rules (rules/<year>/tests/*.yaml).

A case is a small disclosure fragment and the outcome expected of each named rule:
pass, fail, not_evaluated or not_applicable. Every rule needs at least one passing and one failing case.
"""
import datetime
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from ledgerlint.checking.engine import FAILED, NOT_EVALUATED, PASSED, Evaluator
from ledgerlint.errors import LedgerlintError, RuleSetError
from ledgerlint.inputs import is_within
from ledgerlint.checking.loading import Disclosure, load
from ledgerlint.messages import Localized
from ledgerlint.paths import parse_path
from ledgerlint.rulesets.ruleset import TESTS_DIR, RuleSet
from ledgerlint.language.expressions import EACH
from ledgerlint.rulesets.shape import nearest, shape_problems
from ledgerlint.rulesets.yamlfiles import LineDict, read_yaml

EXPECTATIONS = ("pass", "fail", "not_evaluated", "not_applicable")
_CASES_SCHEMA = {
    "type": "object",
    "properties": {"cases": {"type": "array", "items": {
        "type": "object",
        "properties": {"name": {"type": "string"}, "based_on": {"type": "string"},
                       "disclosure": {"type": "object"},
                       "set": {"type": "object"}, "remove": {"type": "array", "items": {"type": "string"}},
                       "expect": {"type": "object", "additionalProperties": {"enum": list(EXPECTATIONS)}}},
        "required": ["name", "expect"], "additionalProperties": False}}},
    "required": ["cases"], "additionalProperties": False,
}


@dataclass
class CaseResult:
    file: str
    line: int
    name: str
    rule: str
    expected: str
    actual: str
    detail: str = ""

    @property
    def ok(self):
        return self.expected == self.actual


@dataclass
class TestRun:
    results: list = field(default_factory=list)
    problems: list = field(default_factory=list)       # RuleSetError: unreadable files, unknown ids
    uncovered: list = field(default_factory=list)      # (rule id, missing kinds)

    @property
    def ok(self):
        return not self.problems and not self.uncovered and all(r.ok for r in self.results)


def verdict(outcomes) -> str:
    statuses = {o.status for o in outcomes}
    if FAILED in statuses:
        return "fail"
    if NOT_EVALUATED in statuses:
        return "not_evaluated"
    if PASSED in statuses:
        return "pass"
    return "not_applicable"


def _plain(value):
    """YAML values as the JSON loader would give them (dates become text)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _merge(base, patch):
    """`patch` laid over `base`: objects merge key by key, anything else replaces."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for k, v in patch.items():
            out[k] = _merge(base.get(k), v) if k in base else v
        return out
    return patch


def _edit(data, path_text: str, value=None, remove=False):
    *head, last = parse_path(path_text)
    holder = data
    for part in head:
        holder = holder[part]
    if remove:
        del holder[last]
    else:
        holder[last] = value


def _edit_or_refuse(data, target, value, case, remove=False):
    try:
        _edit(data, target, value, remove)
    except (KeyError, IndexError, TypeError, ValueError):
        raise RuleSetError("cases.edit_failed", path=str(target),
                           action=Localized("cases.action_remove" if remove else "cases.action_set")) from None


def case_data(path: FsPath, case) -> dict:
    """The disclosure of one case: `based_on` (a JSON file beside the cases), then `disclosure` laid over it,
    then `set` ({path: value}) and `remove` ([path]) applied, so a failing case can be one changed figure."""
    data = {}
    if "based_on" in case:
        base = path.parent / case["based_on"]
        # only a file of the rules folder (<rules>/<set>/tests/…: an overlay may use a year's base); an
        # absolute path or ../../.. would read anything
        if FsPath(case["based_on"]).is_absolute() or not is_within(base, path.parent.parent.parent):
            raise RuleSetError("case.outside", file=str(path), line=case.lines.get("based_on"),
                               path=case["based_on"])
        data = load(base).data
    data = _merge(data, _plain(case.get("disclosure", {})))
    for target, value in _plain(case.get("set", {})).items():
        _edit_or_refuse(data, target, value, case)
    for target in case.get("remove", []):
        _edit_or_refuse(data, target, None, case, remove=True)
    return data


def case_files(ruleset: RuleSet) -> list[tuple[FsPath, str]]:
    """Test files of the set and of every set it is made from, each with the name of the set it tests:
    a case checks a rule only where the rule still comes from that set (a replaced rule has new cases)."""
    return [(p, FsPath(folder).resolve()) for folder in ruleset.folders
            for p in sorted((folder / TESTS_DIR).glob("*.yaml"))]


def _reason(exc, lang: str = "zh") -> str:
    return exc.render(lang) if isinstance(exc, LedgerlintError) else f"{type(exc).__name__}: {exc}"


def read_cases(path: FsPath, ruleset: RuleSet) -> tuple[list, list]:
    """(the cases of a file that can run, the problems of the file): a case with a problem of its own (a
    mistyped key or outcome, a `set:` or `remove:` path the format lacks, a rule id that does not exist)
    is one problem at its place and is left out; the file's other cases still run."""
    try:
        data = read_yaml(path)
    except RuleSetError as exc:
        return [], [exc]
    if not isinstance(data, dict):
        return [], [RuleSetError("cases.not_mapping", file=str(path), line=1)]
    errors = shape_problems(data, _CASES_SCHEMA, str(path), "cases")
    about_cases = [e for e in errors if e.params.get("where") in ("where.case", "where.case_plain")]
    if len(about_cases) < len(errors) or not isinstance(data.get("cases"), list):
        return [], errors      # a problem of the file itself
    broken = {e.params["item"] - 1 for e in about_cases}
    problems, cases = list(errors), []
    for index, case in enumerate(data["cases"]):
        if index in broken:
            continue
        own = _path_problems(path, case, ruleset) + _id_problems(path, case, ruleset)
        problems.extend(own)
        if not own:
            cases.append(case)
    return cases, problems


def _path_problems(path: FsPath, case, ruleset: RuleSet) -> list:
    """A `set:` or `remove:` path must name a field of the year's format: a mistyped one would add a key
    that no rule reads, and the case would test nothing."""
    from ledgerlint.rulesets.names import schema_node
    problems = []
    for key, targets in (("set", list(case.get("set", {}))), ("remove", list(case.get("remove", [])))):
        for target in targets:
            try:
                parts = parse_path(str(target))
            except ValueError:
                parts = None
            unknown = None
            if parts:
                _node, unknown = schema_node(ruleset.schema, tuple(EACH if isinstance(p, int) else p for p in parts))
            if parts and unknown is None:
                continue
            name, suggestion = unknown if unknown else (str(target), None)
            problems.append(RuleSetError("cases.unknown_path_hint" if suggestion else "cases.unknown_path",
                                         file=str(path), line=_line(case.get(key), target, case, key),
                                         column=_column(case.get(key), target), case=case["name"],
                                         key=key, path=str(target), name=name, suggestion=suggestion,
                                         year=ruleset.year))
    return problems


def _id_problems(path: FsPath, case, ruleset: RuleSet) -> list:
    problems = []
    for rule_id in case["expect"]:
        if ruleset.rule(rule_id) is None and rule_id not in ruleset.disabled and rule_id not in ruleset.refused:
            suggestion = nearest(rule_id, [r.id for r in ruleset.rules])
            problems.append(RuleSetError("ruletest.unknown_rule_hint" if suggestion else "ruletest.unknown_rule",
                                         file=str(path), line=_line(case["expect"], rule_id, case),
                                         column=_column(case["expect"], rule_id), id=rule_id, case=case["name"],
                                         suggestion=suggestion))
    return problems


def _line(holder, key, case, fallback_key="expect") -> int:
    if isinstance(holder, LineDict) and key in holder.lines:
        return holder.lines[key]
    return case.lines.get(fallback_key, case.line)


def _column(holder, key) -> int | None:
    return holder.columns.get(key) if isinstance(holder, LineDict) else None


def lint_cases(ruleset: RuleSet) -> list:
    """The problems of a set's case files, found without running them (for `rules lint`)."""
    return [problem for path, _origin in case_files(ruleset) for problem in read_cases(path, ruleset)[1]]


def run_tests(ruleset: RuleSet, lang: str = "zh") -> TestRun:
    run = TestRun()
    seen: dict[str, set] = {}
    for path, origin in case_files(ruleset):
        cases, problems = read_cases(path, ruleset)
        run.problems.extend(problems)
        for case in cases:
            try:
                data = case_data(path, case)
            except RuleSetError as exc:
                if exc.file == str(path):     # already placed in this file (a based_on refused)
                    run.problems.append(exc)
                    continue
                run.problems.append(RuleSetError("ruletest.bad_case", file=str(path), line=case.line,
                                                 case=case["name"], reason=_reason(exc, lang)))
                continue
            except (LedgerlintError, KeyError, IndexError, TypeError, ValueError) as exc:
                run.problems.append(RuleSetError("ruletest.bad_case", file=str(path), line=case.line,
                                                 case=case["name"], reason=_reason(exc, lang)))
                continue
            disclosure = Disclosure(source=f"{path}#{case['name']}", data=data)
            evaluator = Evaluator(ruleset, disclosure, lang)
            for rule_id, expected in case["expect"].items():
                rule = ruleset.rule(rule_id)
                line = case.lines.get("expect", case.line)
                if rule is not None and FsPath(rule.file).parent.resolve() != origin:
                    continue  # replaced by a later set or an overlay: its own cases test it
                if rule is None:
                    continue         # disabled (an unknown id is a problem of the case: read_cases)
                outcomes = evaluator.run_rule(rule)
                actual = verdict(outcomes)
                detail = next((o.finding.message for o in outcomes if o.finding is not None), "")
                run.results.append(CaseResult(str(path), line, case["name"], rule_id, expected, actual, detail))
                if actual == expected:
                    seen.setdefault(rule_id, set()).add(actual)
    for rule in ruleset.rules:
        missing = [kind for kind in ("pass", "fail") if kind not in seen.get(rule.id, set())]
        if missing:
            run.uncovered.append((rule, missing))
    return run
