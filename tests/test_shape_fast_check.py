"""A rule, rule-set, case or settings file found valid without jsonschema is one jsonschema finds valid,
and every file jsonschema finds a problem in is one the fast check finds a problem in: the fast check only
decides whether jsonschema is needed to describe the problems."""
import copy
from decimal import Decimal

import jsonschema
import pytest

from helpers import RULES
from ledgerlint.checking.cases import _CASES_SCHEMA
from ledgerlint.checking.config import _SCHEMA as CONFIG_SCHEMA
from ledgerlint.checking.triage import _ACCEPTED_SCHEMA
from ledgerlint.rulesets.ruleset import _RULESET_SCHEMA, _rule_file_schema
from ledgerlint.rulesets.schemas import SHAPE_KEYWORDS, FastValidator
from ledgerlint.rulesets.yamlfiles import read_yaml

RULE_FILES = sorted(path for path in RULES.rglob("*.yaml") if path.parent.name != "tests" and path.name != "ruleset.yaml")


def _agree(schema, data):
    fast = next(FastValidator(schema, SHAPE_KEYWORDS).iter_errors(data), None) is None
    slow = jsonschema.Draft202012Validator(schema).is_valid(data)
    assert fast == slow, data
    return fast


@pytest.mark.parametrize("schema", [_rule_file_schema(), _RULESET_SCHEMA, _CASES_SCHEMA, CONFIG_SCHEMA, _ACCEPTED_SCHEMA],
                         ids=["rule file", "ruleset.yaml", "cases", "settings", "accepted"])
def test_the_shipped_schemas_are_checked_fast(schema):
    assert FastValidator.supports(schema, SHAPE_KEYWORDS)


def _mutations(rule):
    """The slips policy staff make in a rule, each a copy of it."""
    for key in ("id", "title", "basis", "assert"):
        yield {k: v for k, v in rule.items() if k != key}                     # a required key left out
    yield {**rule, "asert": rule["assert"]}                                   # a misspelt key
    yield {**rule, "title": ""}                                               # minLength
    yield {**rule, "message": "长" * 2001}                                   # maxLength
    yield {**rule, "id": "x" * 65}
    yield {**rule, "id": "-starts-with-a-dash"}                               # pattern
    yield {**rule, "severity": "warn"}                                        # enum
    yield {**rule, "assert": 3}                                               # type
    for tolerance in ("rounding", "exact", 0, Decimal("0.01"), 5, -1, "loose", True, None, [0]):
        yield {**rule, "tolerance": tolerance}                               # oneOf: a word or a number ≥ 0


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda path: str(path.relative_to(RULES)))
def test_every_shipped_rule_file_and_its_slips_are_judged_as_jsonschema_judges_them(path):
    schema = _rule_file_schema()
    data = read_yaml(path)
    assert _agree(schema, data)
    for rule in data["rules"][:5]:
        for slip in _mutations(dict(rule)):
            broken = copy.copy(data)
            broken["rules"] = [slip] + list(data["rules"][1:])
            _agree(schema, broken)
    assert not _agree(schema, {"rules": "not a list"}) and not _agree(schema, {})


def test_a_ruleset_file_and_its_slips_are_judged_as_jsonschema_judges_them():
    meta = dict(read_yaml(RULES / "2023" / "ruleset.yaml"))
    assert _agree(_RULESET_SCHEMA, meta)
    for slip in ({**meta, "match": []}, {**meta, "match": ["某局"]}, {**meta, "extends": "2022"},
                 {**meta, "extends": 2022}, {**meta, "year": "2023"}, {**meta, "years": {"from": 2023}},
                 {k: v for k, v in meta.items() if k != "title"}, {**meta, "titel": "x"}):
        _agree(_RULESET_SCHEMA, slip)


def test_a_rule_file_with_a_slip_is_still_described_in_the_users_words(tmp_path):
    from ledgerlint.rulesets.shape import shape_problems
    data = {"rules": [{"id": "A-1", "title": "标题", "basis": "依据", "assert": "1 == 1", "tolerance": -1}]}
    problems = shape_problems(data, _rule_file_schema(), "rules.yaml", "rulefile")
    assert len(problems) == 1 and "tolerance" in problems[0].render("zh")
    data["rules"][0]["tolerance"] = "exact"
    assert shape_problems(data, _rule_file_schema(), "rules.yaml", "rulefile") == []
