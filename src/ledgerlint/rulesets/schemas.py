"""A year's JSON Schema as files (its own, or a merge patch on the inherited one) and the validator built
from it: a fast one for the keywords the shipped schemas use, jsonschema's for any other."""
import json
from decimal import Decimal
from pathlib import Path as FsPath


from ledgerlint.limits import MAX_SCHEMA_BYTES
from ledgerlint.errors import RuleSetError
from ledgerlint.inputs import read_bytes


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


def resolve(schema: dict, node) -> dict:
    """`node` with its "$ref"s followed inside `schema` ({} for a reference elsewhere or to nothing)."""
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return {}
        target = schema
        for part in ref[2:].split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        node = target
    return node if isinstance(node, dict) else {}


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


_ANNOTATIONS = {"title", "description", "default", "format", "$schema", "$id", "$defs", "x-aliases", "x-title-aliases", "x-templates", "x-tables", "examples"}


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


def _same(a, b) -> bool:
    """JSON equality: true is not 1, [true] is not [1], 1 is 1.0 (Python's == says otherwise on both)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
        return False
    return a == b


def _numeric(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


# ----- each keyword the fast validator checks: (validator, its value in the schema, the instance, path,
# the schema node) → the errors, as jsonschema's keyword functions do; descending into properties, items
# and $ref is the walk's own job -----

def _type(validator, kinds, value, path, schema):
    wanted = kinds if isinstance(kinds, list) else [kinds]
    if not any(_is_type(value, k) for k in wanted):
        yield _Error("type", value, kinds, path, schema)


def _enum(validator, allowed, value, path, schema):
    if not any(_same(value, v) for v in allowed):
        yield _Error("enum", value, allowed, path, schema)


def _minimum(validator, limit, value, path, schema):
    if _numeric(value) and value < limit:
        yield _Error("minimum", value, limit, path, schema)


def _maximum(validator, limit, value, path, schema):
    if _numeric(value) and value > limit:
        yield _Error("maximum", value, limit, path, schema)


def _pattern(validator, pattern, value, path, schema):
    if isinstance(value, str) and not validator.compiled(pattern).search(value):
        yield _Error("pattern", value, pattern, path, schema)


def _required(validator, names, value, path, schema):
    # one error for the object: its description names every missing property once
    if isinstance(value, dict) and any(name not in value for name in names):
        yield _Error("required", value, names, path, schema)


def _additional(validator, extra, value, path, schema):
    props = schema.get("properties", {})
    if extra is False and isinstance(value, dict) and any(k not in props for k in value):
        yield _Error("additionalProperties", value, False, path, schema)


def _min_length(validator, limit, value, path, schema):
    if isinstance(value, str) and len(value) < limit:       # code points, as JSON Schema counts
        yield _Error("minLength", value, limit, path, schema)


def _max_length(validator, limit, value, path, schema):
    if isinstance(value, str) and len(value) > limit:
        yield _Error("maxLength", value, limit, path, schema)


def _min_items(validator, limit, value, path, schema):
    if isinstance(value, list) and len(value) < limit:
        yield _Error("minItems", value, limit, path, schema)


def _max_items(validator, limit, value, path, schema):
    if isinstance(value, list) and len(value) > limit:
        yield _Error("maxItems", value, limit, path, schema)


def _one_of(validator, options, value, path, schema):
    if sum(1 for option in options if next(validator.errors_under(option, value, path), None) is None) != 1:
        yield _Error("oneOf", value, options, path, schema)


KEYWORDS = {"type": _type, "enum": _enum, "minimum": _minimum, "maximum": _maximum, "pattern": _pattern,
            "required": _required, "additionalProperties": _additional}
# what a rule, rule-set, case or settings file is checked for as well; only to tell that a file is valid
# (one with a problem is described by jsonschema, whose errors shape.py turns into the user's words), so a
# valid file is read without importing jsonschema
SHAPE_KEYWORDS = {**KEYWORDS, "minLength": _min_length, "maxLength": _max_length, "minItems": _min_items,
                  "maxItems": _max_items, "oneOf": _one_of}
_STRUCTURE = {"properties", "items", "$ref"}       # walked, not checked


class FastValidator:
    def __init__(self, schema: dict, keywords: dict = KEYWORDS):
        self.schema = schema
        self.keywords = keywords
        self._patterns: dict = {}

    @staticmethod
    def supports(schema, keywords: dict = KEYWORDS) -> bool:
        checked = set(keywords) | _STRUCTURE
        stack = [schema]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in ("properties", "$defs"):
                        stack.extend(value.values())
                    elif key in ("items", "additionalProperties"):
                        stack.append(value)
                    elif key == "oneOf" and "oneOf" in keywords and isinstance(value, list):
                        stack.extend(value)
                    elif key not in checked and key not in _ANNOTATIONS:
                        return False
                    elif key == "$ref" and not str(value).startswith("#/"):
                        return False
        return True

    def compiled(self, pattern: str):
        if pattern not in self._patterns:
            import re
            self._patterns[pattern] = re.compile(pattern)
        return self._patterns[pattern]

    def _resolve(self, ref: str) -> dict:
        node = self.schema
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def iter_errors(self, instance):
        return self.errors_under(self.schema, instance, ())

    def errors_under(self, schema, instance, path):
        """The errors of `instance` against `schema`, a node of this validator's schema."""
        stack = [(schema, instance, tuple(path))]
        while stack:
            schema, value, path = stack.pop()
            if schema is True or not isinstance(schema, dict):
                continue
            if "$ref" in schema:
                stack.append((self._resolve(schema["$ref"]), value, path))
            for keyword, check in self.keywords.items():
                if keyword in schema:
                    yield from check(self, schema[keyword], value, path, schema)
            if isinstance(value, dict):
                props, extra = schema.get("properties", {}), schema.get("additionalProperties", True)
                for key, item in value.items():
                    if key in props:
                        stack.append((props[key], item, path + (key,)))
                    elif isinstance(extra, dict):
                        stack.append((extra, item, path + (key,)))
            elif isinstance(value, list) and isinstance(schema.get("items"), dict):
                stack.extend((schema["items"], item, path + (i,)) for i, item in enumerate(value))
