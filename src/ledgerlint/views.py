"""Read-only views of a disclosure, the only values an expression can see.

JSON objects become Obj, lists Arr, numbers Num (with their rounding interval), strings Text; each knows
its path, so a finding can say where a figure came from. A key that is absent reads as Missing, which
propagates through further reads and stops the rule as "not evaluated" when it is used.
"""
from decimal import Decimal

from .numbers import Num, NotEvaluated
from .paths import format_path


class Obj:
    __slots__ = ("items", "path")

    def __init__(self, items: dict, path: tuple):
        self.items = items
        self.path = path

    def __iter__(self):
        raise NotEvaluated("eval.iterate_object", path=format_path(self.path))

    def __len__(self):
        return len(self.items)


class Arr:
    __slots__ = ("items", "path")

    def __init__(self, items: list, path: tuple):
        self.items = items
        self.path = path

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


class Text(str):
    """A string from the disclosure, with its path."""
    path: tuple = ()


class Missing:
    """What reading an absent key gives; using it makes the rule not evaluated."""
    __slots__ = ("path",)

    def __init__(self, path: tuple):
        self.path = path

    def _refuse(self, *args):
        raise NotEvaluated("eval.missing", path=format_path(self.path), at=self.path)

    __bool__ = __iter__ = __len__ = _refuse


def build(value, path: tuple = ()):
    """Wrap parsed JSON once per disclosure; every rule then reads the same views."""
    if isinstance(value, dict):
        return Obj({k: build(v, path + (k,)) for k, v in value.items()}, path)
    if isinstance(value, list):
        return Arr([build(v, path + (i,)) for i, v in enumerate(value)], path)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, Decimal)):
        return Num.stated(value, path)
    if isinstance(value, str):
        text = Text(value)
        text.path = path
        return text
    return value


def path_of(value):
    return getattr(value, "path", None)
