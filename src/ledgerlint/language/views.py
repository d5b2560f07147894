"""Read-only views of a disclosure, the only values an expression can see.

JSON objects are seen as Obj, lists as Arr, numbers as Num (with their rounding interval), strings as
Text; each knows its path, so a finding can say where a figure came from. Views are made on first read
and kept, so a rule pays only for what it reads and later rules reuse it. A key that is absent reads as
Missing, which propagates through further reads and stops the rule as "not evaluated" when it is used.
"""
from decimal import Decimal

from ledgerlint.language.numbers import NotEvaluated, stated
from ledgerlint.paths import format_path


ABSENT = object()


class Obj:
    __slots__ = ("raw", "path", "_views", "_flat")

    def __init__(self, raw: dict, path: tuple):
        self.raw = raw
        self.path = path
        self._views: dict = {}
        self._flat = None   # every view inside, depth first (texts(), find(), having() walk it often)

    def child(self, key):
        """The view of `key`, or ABSENT when the key is not there (a JSON null is None)."""
        view = self._views.get(key, ABSENT)
        if view is ABSENT:
            if key not in self.raw:
                return ABSENT
            view = self._views[key] = wrap(self.raw[key], self.path + (key,))
        return view

    @property
    def items(self) -> dict:
        """Every child's view, in file order."""
        if len(self._views) != len(self.raw):
            for key in self.raw:
                self.child(key)
        return {key: self._views[key] for key in self.raw}

    def __iter__(self):
        raise NotEvaluated("eval.iterate_object", path=format_path(self.path))

    def __len__(self):
        return len(self.raw)


class Arr:
    __slots__ = ("raw", "path", "_items", "_flat")

    def __init__(self, raw: list, path: tuple):
        self.raw = raw
        self.path = path
        self._items = None
        self._flat = None

    @property
    def items(self) -> list:
        if self._items is None:
            self._items = [wrap(v, self.path + (i,)) for i, v in enumerate(self.raw)]
        return self._items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.raw)


def flatten(value) -> list:
    """Every view inside `value` (itself first), depth first in file order; kept on the object."""
    if not isinstance(value, (Obj, Arr)):
        return [value]
    if value._flat is None:
        out, stack = [], [value]
        while stack:
            v = stack.pop()
            out.append(v)
            if isinstance(v, Obj):
                stack.extend(reversed(list(v.items.values())))
            elif isinstance(v, Arr):
                stack.extend(reversed(v.items))
        value._flat = out
    return value._flat


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


def _text(value, path):
    text = Text(value)
    text.path = path
    return text


_WRAP = {dict: Obj, list: Arr, Decimal: stated, int: stated, str: _text}


def wrap(value, path: tuple):
    make = _WRAP.get(type(value))   # exact types: bool (an int subclass) and None stay as they are
    return value if make is None else make(value, path)


def build(value, path: tuple = ()):
    """The view of a whole disclosure; its parts are made as they are read."""
    return wrap(value, path)


def path_of(value):
    return getattr(value, "path", None)
