"""Whole-number figures at their printed precision: a disclosure says 12 where its table prints 12
(万元, no decimals), so 12 stands for 11.5 to 12.5 as 12.00 stands for 11.995 to 12.005. Which numbers are
figures is the schema's to say (its 金额 and 百分比 definitions); the rest of the data is left alone."""
from decimal import Decimal


# Figures printed as whole numbers are rounded like any other: "47%" stands for 46.5…47.5 and "126万元" for
# 125.5…126.5, as "1687.40" stands for ±0.005. Counts (计数: people, vehicles, batches …) and scores are
# exact, and so is 0 (nothing spent is said exactly). Constants written in a rule stay exact.
_ROUNDED_AS_PRINTED = {"#/$defs/金额", "#/$defs/百分比"}


def as_printed(data, schema: dict):
    """The disclosure with every whole-number amount and percent (by the schema) as a Decimal of its
    printed precision, so that the rounding semantics applies to it; the rest as it is (not copied)."""
    return _apply(data, _plan_of(schema))


_ROUND = "round"        # a plan's leaf: a whole number here is printed precision


class _Node:
    """The part of a schema that can hold a rounded figure: which keys lead to one (a key whose plan is
    None holds none), the plan of other keys, of a list's items. Parts that hold none are left out, so
    that only the figures' branches of a disclosure are walked."""
    __slots__ = ("props", "extra", "item", "target")

    def __init__(self):
        self.props, self.extra, self.item, self.target = {}, None, None, None


_PLANS: dict = {}       # id(schema) -> (schema, plan): made once per rule set's schema


def _plan_of(schema: dict):
    kept = _PLANS.get(id(schema))
    if kept is None or kept[0] is not schema:
        kept = _PLANS[id(schema)] = (schema, _compile(schema, schema.get("$defs", {}), {}))
    return kept[1]


def _compile(node, defs: dict, memo: dict):
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if ref in _ROUNDED_AS_PRINTED:
            return _ROUND
        if ref in memo:          # a definition met again (or inside itself): its plan, made once
            return memo[ref]
        memo[ref] = pending = _Node()
        pending.target = pending            # until it is known: walk into it (correct, if slower)
        plan = _compile(defs.get(ref.rsplit("/", 1)[-1]), defs, memo)
        pending.target = plan
        memo[ref] = plan
        return plan
    if not isinstance(node, dict):
        return None
    plan = _Node()
    plan.props = {key: _compile(sub, defs, memo) for key, sub in node.get("properties", {}).items()}
    extra = node.get("additionalProperties")
    plan.extra = _compile(extra, defs, memo) if isinstance(extra, dict) else None
    items = node.get("items")
    plan.item = _compile(items, defs, memo) if isinstance(items, dict) else None
    if plan.extra is None and plan.item is None and all(p is None for p in plan.props.values()):
        return None
    plan.target = plan
    return plan


def _apply(value, plan):
    if plan is _ROUND:
        return Decimal(value) if type(value) is int and value != 0 else value
    while isinstance(plan, _Node) and plan.target is not plan:    # a definition's plan, made later
        plan = plan.target
    if plan is None or plan is _ROUND:
        return value if plan is None else _apply(value, plan)
    if isinstance(value, dict):
        props, extra = plan.props, plan.extra
        changed = None
        for key, item in value.items():
            sub = props[key] if key in props else extra
            if sub is None:
                continue
            new = _apply(item, sub)
            if new is not item:
                changed = changed if changed is not None else dict(value)
                changed[key] = new
        return value if changed is None else changed
    if isinstance(value, list) and plan.item is not None:
        items = [_apply(item, plan.item) for item in value]
        return items if any(a is not b for a, b in zip(items, value)) else value
    return value
