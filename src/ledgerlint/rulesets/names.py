"""The names a rule set reads, checked against its year's disclosure schema: a field the format lacks
(`全年预异`) with the nearest it has, and a condition that is a bare field read of a number or a text
(which would count as true). `check` refuses a set with such a name, as `rules lint` reports it: a typo
in a rule must fail the run, not turn into a note on every disclosure."""
from ledgerlint.errors import RuleSetError
from ledgerlint.language.expressions import EACH
from ledgerlint.messages import Localized
from ledgerlint.rulesets.schemas import resolve
from ledgerlint.rulesets.shape import nearest


def schema_node(schema: dict, path: tuple):
    """(the schema of the value at `path`, None) or (None, (the first name the schema lacks, the nearest
    it has or None)); (None, None) where the schema does not describe the value further."""
    node = schema
    for key in path:
        node = resolve(schema, node)
        if key == EACH:
            if "items" not in node:
                return None, None
            node = node["items"]
            continue
        props = node.get("properties")
        extra = node.get("additionalProperties", True)
        if props is not None and key in props:
            node = props[key]
        elif isinstance(extra, dict):
            node = extra
        elif props is not None and extra is False:
            return None, (key, nearest(key, props) or _loose(key, props))
        else:
            return None, None
    return resolve(schema, node), None


def _loose(key, names):
    """A looser did-you-mean for field names: Chinese names share few characters when one is mistyped."""
    import difflib
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=0.4)
    return close[0] if close else None


def name_problems(ruleset) -> list[RuleSetError]:
    """Every unknown name and every condition that reads a field which cannot be true or false."""
    problems: list = []
    schema = ruleset.schema
    for rule in ruleset.rules:
        expressions = [rule.assertion, rule.when, rule.each, rule.where]
        if rule.message is not None:
            expressions += [p for p in rule.message.parts if not isinstance(p, str)]
        seen = set()
        for expression in filter(None, expressions):
            for path, _column in expression.static_paths:
                _node, unknown = schema_node(schema, path)
                if unknown is None or (path, unknown) in seen:
                    continue
                seen.add((path, unknown))
                name, suggestion = unknown
                key = "lint.unknown_name_hint" if suggestion else "lint.unknown_name"
                line, column = place_in_rule(rule, name)
                problems.append(RuleSetError(key, file=rule.file, line=line, column=column, rule=rule.id,
                                             field=".".join(p for p in path if p != EACH), name=name,
                                             suggestion=suggestion, year=ruleset.year))
        for field, condition in (("assert", rule.assertion), ("when", rule.when), ("where", rule.where)):
            kind = _field_kind(schema, condition)
            if kind is not None:
                line, column = place_in_rule(rule, "", (field,))
                problems.append(RuleSetError("expr.not_condition", file=rule.file, line=line, column=column, rule=rule.id,
                                             field=field, kind=Localized(f"kind.{kind}"),
                                             hint=Localized("condition_hint.compare"), written="", decimal=""))
    return problems


def place_in_rule(rule, written: str, fields=("assert", "when", "each", "where", "message")) -> tuple[int, int | None]:
    """(line, column) in the rule file where `written` first stands in one of the rule's `fields`; the
    rule's line when it cannot be found. The file is read again: this runs only for a problem."""
    from pathlib import Path
    from ledgerlint.errors import LedgerlintError
    from ledgerlint.rulesets.yamlfiles import read_yaml, value_place
    try:
        data = read_yaml(Path(rule.file))
    except (LedgerlintError, OSError):
        return rule.line, None
    raw = next((r for r in data.get("rules", []) if isinstance(r, dict) and r.get("id") == rule.id), None)
    for key in fields:
        text = raw.get(key) if raw else None
        if isinstance(text, str) and written in text:
            return value_place(raw, key, text.index(written))
    return rule.line, None


def _field_kind(schema, condition) -> str | None:
    """The kind of value a condition that only reads one field gives, when the schema says it is not
    true/false ("number", "text", "list"); else None."""
    if condition is None or not condition.is_path or len(condition.static_paths) != 1:
        return None
    node, _unknown = schema_node(schema, condition.static_paths[0][0])
    types = node.get("type") if isinstance(node, dict) else None
    types = [types] if isinstance(types, str) else list(types or [])
    if not types or "boolean" in types:
        return None
    return {"number": "number", "integer": "number", "string": "text", "array": "list"}.get(types[0], "value")
