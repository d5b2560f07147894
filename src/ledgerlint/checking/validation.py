"""Checking a disclosure against its year's JSON Schema, with messages a finance officer can read, and the
figures as printed (a whole number stands for ±0.5) for the rules."""
from decimal import Decimal

from ledgerlint.checking.findings import Finding
from ledgerlint.checking.loading import Disclosure
from ledgerlint.messages import t, type_name
from ledgerlint.paths import format_path
from ledgerlint.language.show import show_value


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, (float, Decimal)):
        return "number"
    return {str: "string", dict: "object", list: "array", type(None): "null"}.get(type(value), "string")


def show(value) -> str:
    """A value of the file in an error about it, as the file spells it; an object or a list is not shown."""
    return "" if isinstance(value, (dict, list)) else show_value(value, quoted=True, as_json=True)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－，", "0123456789.-,")


def _as_number(text: str):
    """"1,687.40" or "１６８７.４０": a number written as text, as it should be written; else None."""
    cleaned = text.strip().translate(_FULL_WIDTH).replace(",", "")
    try:
        value = Decimal(cleaned)
    except ArithmeticError:
        return None
    return cleaned if value.is_finite() and cleaned and cleaned[-1].isdigit() else None


def _describe(error, lang: str) -> list[tuple[tuple, str]]:
    """(path, message) pairs for one jsonschema error."""
    path = tuple(error.absolute_path)
    kind, inst, want = error.validator, error.instance, error.validator_value
    if kind == "type" and isinstance(inst, str) and _as_number(inst) is not None and "number" in (
            want if isinstance(want, list) else [want]):
        return [(path, t("schema.number_as_text", lang, value=show(inst), number=_as_number(inst)))]
    if kind == "type":
        wanted = want if isinstance(want, list) else [want]
        expected = t("list.or", lang).join(type_name(w, lang) for w in wanted)
        return [(path, t("schema.type", lang, expected=expected, actual=type_name(_json_type(inst), lang), value=show(inst)).rstrip())]
    if kind == "required":
        return [(path + (name,), t("schema.required", lang, name=name)) for name in want if name not in inst]
    if kind == "additionalProperties" and want is False:
        known = set(error.schema.get("properties", {}))
        return [(path + (name,), t("schema.additional", lang, name=name)) for name in inst if name not in known]
    if kind == "enum":
        allowed = "、".join(show(v) if v is not None else "null" for v in want)
        return [(path, t("schema.enum", lang, value=show(inst), allowed=allowed))]
    if kind in ("minimum", "maximum"):
        return [(path, t(f"schema.{kind}", lang, value=show(inst), limit=want))]
    if kind == "pattern":
        return [(path, t("schema.pattern", lang, value=show(inst), pattern=want))]
    return [(path, t("schema.other", lang, message=error.message))]


def validate(disclosure: Disclosure, validator, lang: str = "zh") -> list[Finding]:
    found: dict[tuple, Finding] = {}
    for error in validator.iter_errors(disclosure.data):
        for path, message in _describe(error, lang):
            if (path, message) not in found:  # `required` reports every missing name once per name
                found[path, message] = Finding(
                    rule="schema", severity="error", title=t("schema.title", lang), message=message,
                    path=path, paths=(path,), line=disclosure.line(path))
    return sorted(found.values(), key=lambda f: (f.line or 0, format_path(f.path)))


# ----- a fast validator for the part of JSON Schema the disclosure schemas use -----
# jsonschema validates a disclosure in ~15 ms, most of a `check`'s own work; these schemas use a small,
# fixed set of keywords, which are checked here directly and give the same errors. A schema using any
# other keyword is validated by jsonschema itself.


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
