"""Checking a disclosure against its year's JSON Schema, with messages a finance officer can read."""
import json
from decimal import Decimal
from pathlib import Path as FsPath


from .errors import RuleSetError
from .findings import Finding
from .inputs import read_bytes
from .loading import Disclosure
from .messages import t, type_name
from .paths import format_path

MAX_SCHEMA_BYTES = 4 * 1024 * 1024     # the shipped schema is about 100 KB

SCHEMA_FILE = "disclosure.schema.json"
SCHEMA_PATCH = "disclosure.schema.patch.json"  # a JSON Merge Patch (RFC 7386) on the inherited schema


def merge_patch(target, patch):
    """RFC 7386: objects merge key by key, null deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def _read_json(path: FsPath):
    try:
        return json.loads(read_bytes(path, MAX_SCHEMA_BYTES, RuleSetError).decode("utf-8"))
    except ValueError as exc:       # UnicodeDecodeError and json's errors alike
        raise RuleSetError("ruleset.bad_schema", file=str(path), reason=str(exc).splitlines()[0]) from None


def load_schema_dict(folder: FsPath, inherited: dict | None = None) -> dict:
    """The folder's own schema, or its patch on the inherited one, or the inherited one unchanged."""
    folder = FsPath(folder)
    full, patch = folder / SCHEMA_FILE, folder / SCHEMA_PATCH
    if full.is_file():
        return _read_json(full)
    if inherited is None:
        raise RuleSetError("ruleset.no_schema", file=str(folder))
    if patch.is_file():
        return merge_patch(inherited, _read_json(patch))
    return inherited


_CHECKED: dict[str, object] = {}


def make_validator(schema: dict, folder: FsPath, checked: bool = False):
    """A validator for `schema`, the schema itself checked once per distinct content (checking it against
    the 2020-12 meta-schema costs more than validating a disclosure)."""
    if checked:
        return _validator_for(schema)
    key = json.dumps(schema, sort_keys=True, ensure_ascii=False)
    if key in _CHECKED:
        return _CHECKED[key]
    import jsonschema  # only to check a schema that is not cached yet
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as exc:
        raise RuleSetError("ruleset.bad_schema", file=str(folder), reason=str(exc).splitlines()[0]) from None
    _CHECKED[key] = validator = _validator_for(schema)
    return validator


def _validator_for(schema: dict):
    if FastValidator.supports(schema):
        return FastValidator(schema)
    import jsonschema  # a schema with keywords the fast validator does not check
    return jsonschema.Draft202012Validator(schema)


def load_schema(folder: FsPath):
    return make_validator(load_schema_dict(folder), folder)


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, (float, Decimal)):
        return "number"
    return {str: "string", dict: "object", list: "array", type(None): "null"}.get(type(value), "string")


def show(value) -> str:
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, (dict, list)):
        return ""
    return json.dumps(value, ensure_ascii=False, default=str)


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
        expected = "或".join(type_name(w, lang) for w in wanted) if lang == "zh" else " or ".join(type_name(w, lang) for w in wanted)
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

_ANNOTATIONS = {"title", "description", "default", "format", "$schema", "$id", "$defs", "x-aliases", "x-title-aliases", "x-templates", "x-tables", "examples"}
_CHECKED_KEYWORDS = {"type", "properties", "required", "additionalProperties", "items", "enum", "minimum",
                     "maximum", "pattern", "$ref"}


class _Error:
    """The attributes of a jsonschema ValidationError that _describe reads."""
    __slots__ = ("validator", "instance", "validator_value", "absolute_path", "schema", "message")

    def __init__(self, validator, instance, value, path, schema):
        self.validator, self.instance, self.validator_value = validator, instance, value
        self.absolute_path, self.schema, self.message = list(path), schema, f"{validator} {value}"


def _is_type(value, name) -> bool:
    if name == "number":
        return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
    if name == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or \
            (isinstance(value, float) and value.is_integer())
    return isinstance(value, {"string": str, "object": dict, "array": list, "boolean": bool,
                              "null": type(None)}[name])


class FastValidator:
    def __init__(self, schema: dict):
        self.schema = schema
        self._patterns: dict = {}

    @staticmethod
    def supports(schema) -> bool:
        stack = [schema]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in ("properties", "$defs"):
                        stack.extend(value.values())
                    elif key in ("items", "additionalProperties"):
                        stack.append(value)
                    elif key not in _CHECKED_KEYWORDS and key not in _ANNOTATIONS:
                        return False
                    elif key == "$ref" and not str(value).startswith("#/"):
                        return False
        return True

    def _resolve(self, ref: str) -> dict:
        node = self.schema
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def iter_errors(self, instance):
        stack = [(self.schema, instance, ())]
        while stack:
            schema, value, path = stack.pop()
            if schema is True or not isinstance(schema, dict):
                continue
            if "$ref" in schema:
                stack.append((self._resolve(schema["$ref"]), value, path))
            kinds = schema.get("type")
            if kinds is not None:
                wanted = kinds if isinstance(kinds, list) else [kinds]
                if not any(_is_type(value, k) for k in wanted):
                    yield _Error("type", value, kinds, path, schema)
            if "enum" in schema and not any(value == v and type(value) is type(v) or
                                            (value == v and not isinstance(value, bool) and
                                             not isinstance(v, bool)) for v in schema["enum"]):
                yield _Error("enum", value, schema["enum"], path, schema)
            numeric = isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)
            if numeric and "minimum" in schema and value < schema["minimum"]:
                yield _Error("minimum", value, schema["minimum"], path, schema)
            if numeric and "maximum" in schema and value > schema["maximum"]:
                yield _Error("maximum", value, schema["maximum"], path, schema)
            if isinstance(value, str) and "pattern" in schema:
                pattern = self._patterns.get(schema["pattern"])
                if pattern is None:
                    import re
                    pattern = self._patterns[schema["pattern"]] = re.compile(schema["pattern"])
                if not pattern.search(value):
                    yield _Error("pattern", value, schema["pattern"], path, schema)
            if isinstance(value, dict):
                props = schema.get("properties", {})
                for name in schema.get("required", ()):
                    if name not in value:
                        yield _Error("required", value, schema["required"], path, schema)
                extra = schema.get("additionalProperties", True)
                if extra is False and any(k not in props for k in value):
                    yield _Error("additionalProperties", value, False, path, schema)
                for key, item in value.items():
                    if key in props:
                        stack.append((props[key], item, path + (key,)))
                    elif isinstance(extra, dict):
                        stack.append((extra, item, path + (key,)))
            elif isinstance(value, list) and isinstance(schema.get("items"), dict):
                stack.extend((schema["items"], item, path + (i,)) for i, item in enumerate(value))


# Figures printed as whole numbers are rounded like any other: "47%" stands for 46.5…47.5 and "126万元" for
# 125.5…126.5, as "1687.40" stands for ±0.005. Counts (计数: people, vehicles, batches …) and scores are
# exact, and so is 0 (nothing spent is said exactly). Constants written in a rule stay exact.
_ROUNDED_AS_PRINTED = {"#/$defs/金额", "#/$defs/百分比"}


def as_printed(data, schema: dict):
    """The disclosure with every whole-number amount and percent (by the schema) as a Decimal of its
    printed precision, so that the rounding semantics applies to it; the rest as it is."""
    defs = schema.get("$defs", {})

    def walk(value, node):
        while isinstance(node, dict) and "$ref" in node:
            if node["$ref"] in _ROUNDED_AS_PRINTED:
                return Decimal(value) if type(value) is int and value != 0 else value
            node = defs.get(node["$ref"].rsplit("/", 1)[-1])
        if not isinstance(node, dict):
            return value
        if isinstance(value, dict):
            props, extra = node.get("properties", {}), node.get("additionalProperties")
            changed = None
            for key, item in value.items():
                sub = props.get(key, extra if isinstance(extra, dict) else None)
                new = walk(item, sub) if sub is not None else item
                if new is not item:
                    changed = changed if changed is not None else dict(value)
                    changed[key] = new
            return value if changed is None else changed
        if isinstance(value, list) and isinstance(node.get("items"), dict):
            items = [walk(item, node["items"]) for item in value]
            return items if any(a is not b for a, b in zip(items, value)) else value
        return value

    return walk(data, schema)
