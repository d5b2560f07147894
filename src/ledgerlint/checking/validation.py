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
