"""The run on the raw data (language/raw_operators.py) may only save time: on every rule set, on every
rule case and example, and on thousands of disclosures changed at random (figures off by a cent, keys
removed, texts and nulls where figures belong), each rule gives exactly the outcomes and findings it gives
when it is evaluated over views alone."""
import copy
import random
from decimal import Decimal

import pytest

from helpers import EXAMPLES, SEED, read_json
from ledgerlint import Checker
from ledgerlint.checking.cases import case_data, case_files, read_cases
from ledgerlint.checking.engine import PASSED, Evaluator
from ledgerlint.checking.loading import Disclosure
from ledgerlint.errors import LedgerlintError
from ledgerlint.rulesets.ruleset import available_years, shipped_rules_dir
from ledgerlint.rulesets.selection import overlays

CHECKER = Checker()


def _ruleset_names() -> list[str]:
    shipped = shipped_rules_dir()
    names = [str(year) for year in available_years(shipped)]
    for overlay in overlays(shipped):
        for year in available_years(shipped):
            try:
                CHECKER.ruleset(f"{overlay.folder.name}/{year}")
            except LedgerlintError:
                continue
            names.append(f"{overlay.folder.name}/{year}")
    return names


NAMES = _ruleset_names()


def _outcomes(ruleset, data, raw_first: bool):
    disclosure = Disclosure("case.json", data).with_aliases(ruleset.aliases)
    evaluator = Evaluator(ruleset, disclosure, raw_first=raw_first)
    return [(o.rule.id, o.status, o.finding) for o in evaluator.run()]


def _same_both_ways(ruleset, data):
    assert _outcomes(ruleset, data, True) == _outcomes(ruleset, data, False)


def test_the_rule_sets_are_found():
    assert {"2019", "2023", "2025", "内蒙古/2023"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_rule_case_gives_the_same_outcomes(name):
    ruleset = CHECKER.ruleset(name)
    checked = 0
    for path, _origin in case_files(ruleset):
        cases, _problems = read_cases(path, ruleset)
        for case in cases:
            try:
                data = case_data(path, case)
            except LedgerlintError:
                continue
            _same_both_ways(ruleset, data)
            checked += 1
    assert checked > 20


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*/disclosure.json")), ids=lambda p: p.parent.name)
def test_every_example_gives_the_same_outcomes(example):
    disclosure = CHECKER.read(example)[0]
    ruleset = CHECKER.ruleset(CHECKER.select(disclosure).name)
    _same_both_ways(ruleset, disclosure.data)


def test_the_raw_run_decides_most_rules_of_the_seed():
    # if it bailed everywhere the outcomes would still agree, and nothing would be faster
    disclosure = CHECKER.read(SEED)[0]
    ruleset = CHECKER.ruleset(CHECKER.select(disclosure).name)
    evaluator = Evaluator(ruleset, disclosure.with_aliases(ruleset.aliases))
    decided = [rule for rule in ruleset.rules if evaluator._fast_outcomes(rule) is not None]
    assert len(decided) >= 0.8 * len(ruleset.rules)


def _places(value, path=()):
    """Every (container, key) of the data, depth first."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield value, key
            yield from _places(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield value, index
            yield from _places(item, path + (index,))


_CENT = Decimal("0.01")


def _changed(value, chance: random.Random):
    """A slip a published document has, or a value no rule expects."""
    if isinstance(value, Decimal) and chance.random() < 0.6:
        return value + chance.choice([_CENT, -_CENT, value, Decimal("0.005")])
    return chance.choice([None, "—", "XX.X", Decimal("0"), 0, 12, True, [], {}, [Decimal("1.5")],
                          {"金额": Decimal("3.20"), "方向": "增加"}, "减少"])


@pytest.mark.parametrize("base", [SEED, *sorted(EXAMPLES.glob("2023-synthetic-*/disclosure.json"))],
                         ids=lambda p: p.parent.name)
def test_disclosures_changed_at_random_give_the_same_outcomes(base):
    original = read_json(base)
    ruleset = CHECKER.ruleset(CHECKER.select(Disclosure(str(base), original)).name)
    chance = random.Random(20261204)
    places = len(list(_places(original)))
    for _ in range(60):
        data = copy.deepcopy(original)
        spots = list(_places(data))
        for container, key in chance.sample(spots, k=min(len(spots), chance.choice([1, 2, 5, 20]))):
            if chance.random() < 0.2 and isinstance(container, dict):
                container.pop(key, None)
            elif isinstance(container, dict) and key in container or isinstance(container, list) \
                    and key < len(container):
                container[key] = _changed(container[key], chance)
        _same_both_ways(ruleset, data)
    assert places > 100


def _one_rule_set(tmp_path, rule: str):
    folder = tmp_path / "rules" / "2023"
    folder.mkdir(parents=True)
    shipped = shipped_rules_dir() / "2023"
    (folder / "disclosure.schema.json").write_text((shipped / "disclosure.schema.json").read_text("utf-8"),
                                                   encoding="utf-8")
    (folder / "ruleset.yaml").write_text("year: 2023\ntitle: 测试\n", encoding="utf-8")
    (folder / "rules.yaml").write_text(rule, encoding="utf-8")
    return Checker(rules_dir=tmp_path / "rules").ruleset("2023")


def test_a_loop_the_raw_run_cannot_pay_for_is_left_to_the_views(tmp_path):
    # each element of a loop costs the raw run the whole expression's size: 10,000 rows of this long
    # expression are past its budget, not past the views' one, which count the reads they make
    terms = "sum([" + ", ".join(["r.决算"] * 60) + "])"
    ruleset = _one_rule_set(tmp_path, f"""rules:
  - id: T-001
    title: 每行都不为负
    basis: 测试
    assert: all([{terms} >= 0 for r in 一般公共预算财政拨款支出决算.类])
""")
    rows = [{"决算": Decimal("1.00")} for _ in range(10_000)]
    data = {"年度": 2023, "一般公共预算财政拨款支出决算": {"类": rows}}
    disclosure = Disclosure("case.json", data)
    evaluator = Evaluator(ruleset, disclosure)
    rule = ruleset.rule("T-001")
    assert evaluator._fast_outcomes(rule) is None
    assert [o.status for o in evaluator.run_rule(rule)] == [PASSED]
    rows[100:] = []          # a short table: the raw run decides
    assert [o.status for o in Evaluator(ruleset, Disclosure("case.json", data))._fast_outcomes(rule)] == [PASSED]


def test_the_raw_run_keeps_nothing_of_earlier_files():
    # the raw run stops by raising one Bail instance; a raised instance keeps its traceback and every
    # raise adds to it, frames and the data they hold included: checking file after file must not grow it
    from ledgerlint.language import raw_operators

    ruleset = Checker().ruleset("内蒙古/2023")
    data = read_json(SEED)

    def frames():
        count, tb = 0, raw_operators._BAIL.__traceback__
        while tb is not None:
            count, tb = count + 1, tb.tb_next
        return count

    Evaluator(ruleset, Disclosure("seed.json", copy.deepcopy(data))).run()
    after_one = frames()
    for _ in range(20):
        Evaluator(ruleset, Disclosure("seed.json", copy.deepcopy(data))).run()
    assert frames() <= max(after_one, 10)
