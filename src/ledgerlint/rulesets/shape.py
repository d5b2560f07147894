"""A rule file, a ruleset.yaml or a case file checked against the shape it must have, each problem said as
policy staff need it: which rule (its number and id) or case, the line and column of the key or value,
what is wrong in their words and what to write instead, with the nearest right word for a slip
(`asert` → assert, `warn` → warning). jsonschema finds the problems; none of its English reaches the user."""
import difflib
from decimal import Decimal

from ledgerlint.errors import RuleSetError
from ledgerlint.messages import Localized
from ledgerlint.rulesets.yamlfiles import LineDict


def nearest(word, choices) -> str | None:
    """The choice a slip of typing most likely meant, or None when none is close."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return close[0] if close else None


def shape_problems(data, schema: dict, file: str, kind: str) -> list[RuleSetError]:
    """Every way `data` (read by yamlfiles, so each mapping knows its places) departs from `schema`.
    `kind` says what the file is ("rulefile", "ruleset", "cases"), which names its parts."""
    from ledgerlint.rulesets.schemas import SHAPE_KEYWORDS, FastValidator
    if FastValidator.supports(schema, SHAPE_KEYWORDS) and \
            next(FastValidator(schema, SHAPE_KEYWORDS).iter_errors(data), None) is None:
        return []        # valid: jsonschema (~60 ms to import) is needed only to describe a problem
    import jsonschema  # files are checked only when a rule set is not cached
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: (_line_of(data, e), e.validator != "additionalProperties"))
    problems, meant = [], set()
    for error in errors:
        holder, last = _holder(data, error.absolute_path)
        where = _where(data, list(error.absolute_path), kind)
        if error.validator == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for name in [k for k in error.instance if k not in allowed]:
                suggestion = nearest(name, [a for a in allowed if a not in error.instance])
                line, column = _key_place(error.instance, name)
                if suggestion:
                    meant.add((id(error.instance), suggestion))
                    problems.append(RuleSetError("shape.unknown_key_hint", file=file, line=line, column=column,
                                                 name=name, suggestion=suggestion, **where))
                else:
                    problems.append(RuleSetError("shape.unknown_key", file=file, line=line, column=column,
                                                 name=name, allowed=" / ".join(allowed), **where))
            continue
        if error.validator == "required":
            names = [n for n in error.validator_value if n not in error.instance]
            for name in names:
                if (id(error.instance), name) in meant:
                    continue     # the did-you-mean of the misspelt key already says it
                line, column = _mapping_place(error.instance)
                title = error.schema.get("properties", {}).get(name, {}).get("title")
                problems.append(RuleSetError("shape.required", file=file, line=line, column=column, name=name,
                                             what=f"（{title}）" if title else "", **where))
            continue
        line, column = _value_place(holder, last)
        field = str(last) if last is not None and not isinstance(last, int) else ""
        problems.append(_value_problem(error, file, line, column, where, field))
    return problems


def _value_problem(error, file, line, column, where, field) -> RuleSetError:
    place = {"file": file, "line": line, "column": column, "name": field, "value": _shown(error.instance),
             **where}
    keyword, expected = error.validator, error.validator_value
    if field == "tolerance":
        suggestion = nearest(error.instance, ["rounding", "exact"]) if isinstance(error.instance, str) else None
        return RuleSetError("shape.tolerance", suggest=_suggest(suggestion), suggestion=suggestion or "", **place)
    if keyword == "enum":
        suggestion = nearest(error.instance, expected)
        return RuleSetError("shape.enum", allowed=" / ".join(map(str, expected)), suggest=_suggest(suggestion),
                            suggestion=suggestion or "", **place)
    if keyword == "type":
        wanted = expected if isinstance(expected, list) else [expected]
        return RuleSetError("shape.type", expected=Localized(f"type.{wanted[0]}"),
                            actual=Localized(f"type.{_json_type(error.instance)}"), **place)
    if keyword in ("minLength", "minItems"):
        return RuleSetError("shape.empty", **place)
    if keyword in ("maxLength", "maxItems"):
        return RuleSetError("shape.too_long", limit=expected, **place)
    if keyword == "pattern":
        return RuleSetError("shape.pattern_id" if field == "id" else "shape.pattern_name" if field == "as"
                            else "shape.pattern", **place)
    if keyword in ("minimum", "exclusiveMinimum"):
        return RuleSetError("shape.minimum", limit=expected, **place)
    return RuleSetError("shape.invalid", **place)


def _suggest(suggestion) -> Localized | str:
    return Localized("shape.did_you_mean") if suggestion else ""


def _shown(value) -> str:
    text = str(value) if not isinstance(value, (dict, list)) else ("{…}" if isinstance(value, dict) else "[…]")
    return text if len(text) <= 40 else text[:39] + "…"


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    if isinstance(value, (int, float, Decimal)):
        return "number"
    return {str: "string", list: "array"}.get(type(value), "object")


def _holder(data, path):
    """The mapping or list that holds the value at `path`, and the value's key or index in it."""
    parts = list(path)
    holder = data
    for part in parts[:-1]:
        holder = holder[part]
    return holder, (parts[-1] if parts else None)


def _where(data, path: list, kind: str) -> dict:
    """The part of the file a path is in, as its readers name it (第 3 条规则（L-001）, 用例“…”): the
    message parameters `where`, with the part's number `item` and its id or name `label`."""
    top = {"rulefile": "rules", "cases": "cases", "accepted": "accepted"}.get(kind)
    if top and len(path) >= 2 and path[0] == top and isinstance(path[1], int):
        item = data[top][path[1]]
        label = item.get({"rulefile": "id", "cases": "name", "accepted": "rule"}[kind]) if isinstance(item, dict) else None
        noun = {"rulefile": "rule", "cases": "case", "accepted": "accepted"}[kind]
        key = f"where.{noun}" if isinstance(label, str) and label else f"where.{noun}_plain"
        return {"where": Localized(key), "item": path[1] + 1, "label": label if isinstance(label, str) else ""}
    if kind == "ruleset" and len(path) >= 2 and path[0] == "changes" and isinstance(path[1], int):
        return {"where": Localized("where.change"), "item": path[1] + 1, "label": ""}
    where = {"ruleset": "where.ruleset", "config": "where.config"}.get(kind, "where.file")
    return {"where": Localized(where), "item": 0, "label": ""}


def _line_of(data, error) -> int:
    holder, last = _holder(data, error.absolute_path)
    return _value_place(holder, last)[0] or 0


def _key_place(mapping, key):
    if isinstance(mapping, LineDict):
        return mapping.lines.get(key, mapping.line), mapping.columns.get(key)
    return None, None


def _mapping_place(mapping):
    if isinstance(mapping, LineDict):
        return mapping.line, mapping.column
    return None, None


def _value_place(holder, key):
    """(line, column) where the value of `key` in `holder` starts."""
    if isinstance(holder, LineDict) and key in holder.marks:
        line, column = holder.marks[key][:2]
        return line + 1, column + 1
    if isinstance(holder, list) and isinstance(key, int) and key < len(holder):
        return _mapping_place(holder[key])
    return _mapping_place(holder)
