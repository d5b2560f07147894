"""`ledgerlint rules lint`: every problem of a rules folder in one run, including names that the year's
disclosure schema does not have (with the nearest name it does have)."""
import difflib

from ledgerlint.errors import LedgerlintError, RuleSetError
from ledgerlint.language.expressions import EACH
from ledgerlint.rulesets.selection import load_named
from ledgerlint.rulesets.schemas import resolve


def unknown_name(schema: dict, path: tuple):
    """(the first name of `path` the schema does not have, a suggestion or None), or None when all are known."""
    node = schema
    for key in path:
        node = resolve(schema, node)
        if key == EACH:
            if "items" not in node:
                return None
            node = node["items"]
            continue
        props = node.get("properties")
        extra = node.get("additionalProperties", True)
        if props is not None and key in props:
            node = props[key]
        elif isinstance(extra, dict):
            node = extra
        elif props is not None and extra is False:
            close = difflib.get_close_matches(key, list(props), n=1, cutoff=0.4)
            return key, (close[0] if close else None)
        else:
            return None  # a value the schema does not describe further: nothing to check
    return None


def lint_set(rules_dir, name: str) -> list[LedgerlintError]:
    problems: list = []
    try:
        ruleset = load_named(rules_dir, name, problems)
    except LedgerlintError as exc:
        return problems + [exc]
    schema = ruleset.validator.schema
    for rule in ruleset.rules:
        expressions = [rule.assertion, rule.when, rule.each, rule.where]
        if rule.message is not None:
            expressions += [p for p in rule.message.parts if not isinstance(p, str)]
        seen = set()
        for expression in filter(None, expressions):
            for path, column in expression.static_paths:
                found = unknown_name(schema, path)
                if found is None or (path, found) in seen:
                    continue
                seen.add((path, found))
                name, suggestion = found
                key = "lint.unknown_name_hint" if suggestion else "lint.unknown_name"
                problems.append(RuleSetError(key, file=rule.file, line=rule.line, rule=rule.id,
                                             field=".".join(p for p in path if p != EACH), name=name,
                                             suggestion=suggestion, year=ruleset.year))
    return problems
