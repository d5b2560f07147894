"""The fast validator gives exactly the findings jsonschema gives, on the examples and on mutated ones."""
import copy
import json
from decimal import Decimal

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import EXAMPLES, SEED, SYNTHETIC
from ledgerlint.checking.validation import _describe
from ledgerlint.rulesets.schemas import FastValidator
from ledgerlint.rulesets.selection import load_named

SCHEMA = load_named(None, "陕西/2023").schema
FAST, REFERENCE = FastValidator(SCHEMA), jsonschema.Draft202012Validator(SCHEMA)
DOCS = [json.loads(p.read_text(encoding="utf-8"), parse_float=Decimal) for p in (SEED, *SYNTHETIC)]


def problems(validator, data):
    return {(tuple(map(str, path)), message) for e in validator.iter_errors(data) for path, message in _describe(e, "zh")}


def leaves(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaves(v, path + (i,))
    yield path


def test_the_shipped_schemas_use_only_what_the_fast_validator_checks():
    for name in ("2019", "2023", "2025", "内蒙古/2023", "陕西/2019"):
        assert FastValidator.supports(load_named(None, name).schema), name


def test_same_findings_on_the_examples():
    for path in EXAMPLES.glob("*/disclosure.json"):
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        assert problems(FAST, data) == problems(REFERENCE, data), path


replacement = st.one_of(st.none(), st.booleans(), st.integers(-5, 200), st.sampled_from(
    [Decimal("1.50"), Decimal("-3"), "XX.X%", "行政单位", "增加", "", [], {}, {"x": 1}, [1, "a"]]))


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(0, len(DOCS) - 1), st.lists(st.tuples(st.integers(0, 10 ** 6), replacement,
                                                         st.sampled_from(["set", "delete", "add"])), max_size=6))
def test_same_findings_on_mutated_disclosures(which, edits):
    data = copy.deepcopy(DOCS[which])
    for position, value, action in edits:
        value = copy.deepcopy(value)   # a shared {} set twice, then set into itself, would make a cycle
        paths = [p for p in leaves(data) if p]
        path = paths[position % len(paths)]
        holder = data
        for part in path[:-1]:
            holder = holder[part]
        if action == "set":
            holder[path[-1]] = value
        elif action == "delete" and isinstance(holder, dict):
            del holder[path[-1]]
        elif action == "add" and isinstance(holder, dict):
            holder["未知项"] = value
    assert problems(FAST, data) == problems(REFERENCE, data)


def test_enum_compares_as_json_does_at_every_depth():
    schema = {"type": "object", "properties": {"a": {"enum": [[True], 1, {"k": [False]}]}}}
    fast, reference = FastValidator(schema), jsonschema.Draft202012Validator(schema)
    for value, ok in (([True], True), ([1], False), (1, True), (Decimal("1.0"), True), (True, False),
                      ({"k": [False]}, True), ({"k": [0]}, False)):
        assert (not list(fast.iter_errors({"a": value}))) is ok, value
        assert problems(fast, {"a": value}) == problems(reference, {"a": value}), value


def test_each_missing_property_is_one_finding_from_one_error():
    schema = {"type": "object", "required": ["a", "b", "c", "d"], "properties": {}}
    errors = list(FastValidator(schema).iter_errors({}))
    assert len(errors) == 1
    assert sorted(path for path, _ in _describe(errors[0], "zh")) == [("a",), ("b",), ("c",), ("d",)]
