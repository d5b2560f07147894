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
