"""JSON text with every Decimal written exactly as it is held (1687.40 stays 1687.40, never 1687.4 or a
float), for disclosures that ledgerlint writes: generated test and benchmark files, and extracted ones.
The standard encoder cannot write a number it did not format itself, hence this small writer."""
import json
from decimal import Decimal


def dumps(value, indent: int | None = None) -> str:
    return _write(value, indent, 0)


def _write(value, indent, depth) -> str:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a JSON number: {value}")
        return str(value)
    if isinstance(value, dict):
        items = [f"{json.dumps(str(k), ensure_ascii=False)}: {_write(v, indent, depth + 1)}" for k, v in value.items()]
        return _join(items, "{", "}", indent, depth)
    if isinstance(value, (list, tuple)):
        return _join([_write(v, indent, depth + 1) for v in value], "[", "]", indent, depth)
    return json.dumps(value, ensure_ascii=False)


def _join(items, start, end, indent, depth) -> str:
    if not items:
        return start + end
    if indent is None:
        return start + ", ".join(items) + end
    inner, outer = "\n" + " " * (indent * (depth + 1)), "\n" + " " * (indent * depth)
    return start + inner + ("," + inner).join(items) + outer + end
