"""The operators of the fast evaluation: the same compiled expressions, run over the raw JSON data.

A rule is first run on the disclosure's own dicts, lists and Decimals, with these operators in place of
functions.py's: no views are made, a figure becomes a Num only where arithmetic or a comparison uses it
(once for the disclosure: use_figures()), and nothing is traced. These operators take only the plain
cases (a key read from an object, numbers, texts); anything else — a key that is absent where a value is
used, a value that is not a number, a read into a list, a function that needs paths — raises Bail. The
engine then evaluates the rule with the views as if the fast run had never happened, so every "not
evaluated" comes from the one evaluation that has always made them. What the fast run decides is true or
false only: a rule applies or not, an element is chosen or not, an assertion holds or not; a failure's
finding (its figures, sides and message) is made over views. A test holds both to the same outcomes and
findings on every rule set and document.

The budget is kept too, more strictly: every element a loop goes through costs as much as the whole
expression could read for it, so a fast run stops (Bail) before the evaluation with views would have run
out; that one then says so.
"""
import time
from decimal import Decimal

from ledgerlint.limits import CLOCK_EVERY, MAX_OPERATIONS, MAX_SECONDS
from ledgerlint.language import functions as f
from ledgerlint.language import numbers as n
from ledgerlint.language.numbers import Num, stated


class Bail(Exception):
    """The fast evaluation cannot decide: the evaluation with views decides instead."""


class _Absent:
    """What reading an absent key gives; using it as a value (not in exists() or coalesce()) bails."""
    __slots__ = ()

    def _bail(self, *args):
        raise Bail

    __bool__ = __iter__ = __len__ = _bail


ABSENT = _Absent()
_BAIL = Bail()        # raised often (every failing rule): one instance, its traceback dropped by start()

_figures: dict = {}   # id of a raw figure -> its Num, for the disclosure being checked (use_figures())
_left = MAX_OPERATIONS
_weight = 1           # what one loop element may cost: the expression's size (see start())
_clock_at = 0         # _left at which the clock is looked at next
_deadline = 0.0


def use_figures(figures: dict) -> None:
    """The figures made Nums so far for the disclosure being checked (the evaluator keeps the dict): rules
    read the same totals again and again, and a figure is made a Num once. A key is the id of a Decimal of
    the raw data; the Num kept holds that Decimal, so no other object can take its id while it is there."""
    global _figures
    _figures = figures


def start(size: int) -> None:
    """A fresh budget for one fast evaluation of an expression of `size` nodes: everything it reads
    outside loops is paid now, and each loop element pays `size` + 1 (at most what the evaluation with
    views would count for it: one step for the element, one per read)."""
    global _left, _weight, _clock_at, _deadline
    # a raised instance keeps its traceback, and each raise adds to it (with the frames, and the data
    # they hold): without this the one Bail would grow with every rule of every file checked
    _BAIL.__traceback__ = None
    _left = MAX_OPERATIONS - size
    _weight = size + 1
    _clock_at = _left - CLOCK_EVERY
    _deadline = 0.0


def _tick(units: int) -> None:
    global _left, _clock_at, _deadline
    _left -= units
    if _left < _clock_at:
        if _left < 0:
            raise _BAIL
        _clock_at = _left - CLOCK_EVERY
        now = time.monotonic()
        if not _deadline:
            _deadline = now + MAX_SECONDS
        elif now > _deadline:
            raise _BAIL


def _n(value) -> Num:
    """A raw figure (Decimal or int, as the loader gives them) or a computed Num, as a Num."""
    kind = type(value)
    if kind is Num:
        return value
    if kind is Decimal:
        num = _figures.get(id(value))
        if num is None:
            num = _figures[id(value)] = stated(value)
        return num
    if kind is int:
        d = Decimal(value)
        return Num(d, d, d)
    raise _BAIL


def _list(values):
    """A list or tuple a function goes through, one step per element; anything else bails."""
    if type(values) is list or type(values) is tuple:
        _tick(len(values))
        return values
    raise _BAIL


# ----- reads -------------------------------------------------------------------------------------------

# A Decimal or int is always a figure of the disclosure here (a literal or a result is a Num): reading a key
# from it gives an absent value, as reading into a stated figure does. A text may be a literal, which has no
# key to read: the views tell which.
_FIGURES = (Decimal, int)


def r_get(container, key):
    kind = type(container)
    if kind is dict:
        if type(key) is str:
            return container.get(key, ABSENT)
    elif container is ABSENT or kind in _FIGURES:
        if type(key) is str:
            return ABSENT
    elif kind is list and type(key) is Num:   # x[0]: a whole number within the list
        index = key.value
        if index == index.to_integral_value() and -len(container) <= index < len(container):
            return container[int(index)]
    raise _BAIL   # a read into a list, a text or null: the views say what it gives


def r_path(container, keys):
    for key in keys:
        kind = type(container)
        if kind is dict:
            container = container.get(key, ABSENT)
        elif container is ABSENT or kind in _FIGURES:
            return ABSENT
        else:
            raise _BAIL
    return container


def r_iter(values):
    """What a comprehension loops over: the list itself, each element paid for in advance."""
    if type(values) is list or type(values) is tuple:
        _tick(len(values) * _weight)
        return values
    raise _BAIL


def r_exists(value) -> bool:
    return value is not ABSENT and value is not None


# ----- arithmetic --------------------------------------------------------------------------------------

def r_add(a, b):
    if (type(a) is list or type(a) is tuple) and (type(b) is list or type(b) is tuple):
        _tick(len(a) + len(b))
        return list(a) + list(b)
    a, b = _n(a), _n(b)
    return Num(a.value + b.value, a.lo + b.lo, a.hi + b.hi)


def r_sub(a, b):
    a, b = _n(a), _n(b)
    return Num(a.value - b.value, a.lo - b.hi, a.hi - b.lo)


def _numbers(operation):
    """An operator or function of numbers only: its arguments made Nums, then the same code."""
    return lambda *args: operation(*map(_n, args))


def r_pct(part, whole):
    return f.f_pct(_n(part), _n(whole))


def r_pow(a, exponent: int):
    return n.power(_n(a), exponent)


_PLAIN = (str, bool, type(None))


def make_comparisons(tol):
    """The comparisons, with one rule's tolerance: as functions.make_comparisons, over raw values."""

    # equal values compare equal whatever the intervals (each holds its value, and the allowance is not
    # negative): a stated figure equal to what it is compared with is never made a Num
    sure = tol is None or tol >= 0

    def eq(a, b):
        ta, tb = type(a), type(b)
        if ta in _PLAIN and tb in _PLAIN:
            return a == b
        if sure:
            if ta is Decimal:
                if (tb is Decimal and a == b) or (tb is Num and a == b.value and b.lo <= a <= b.hi):
                    return True
            elif tb is Decimal and ta is Num and b == a.value and a.lo <= b <= a.hi:
                return True
        a, b = _n(a), _n(b)
        if tol is None:
            return a.value == b.value
        return a.lo - tol <= b.hi and b.lo - tol <= a.hi

    return {"_eq": eq, "_ne": lambda a, b: not eq(a, b),
            "_lt": lambda a, b: n.lt(_n(a), _n(b), tol), "_le": lambda a, b: n.le(_n(a), _n(b), tol),
            "_gt": lambda a, b: n.lt(_n(b), _n(a), tol), "_ge": lambda a, b: n.le(_n(b), _n(a), tol)}


_exact_eq = make_comparisons(n.ZERO)["_eq"]


def r_in(item, container):
    kind = type(container)
    if kind is str and type(item) is str:
        _tick(1 + len(container) // 64)
        return item in container
    if kind is dict and type(item) is str:
        _tick(1)
        return item in container
    if kind is list or kind is tuple:
        _tick(len(container))
        return any(_exact_eq(item, x) for x in container)
    raise _BAIL


# ----- functions ---------------------------------------------------------------------------------------

def r_sum(values):
    value = lo = hi = n.ZERO
    for v in _list(values):
        kind = type(v)
        if kind is int:              # exact (Decimal + int is exact)
            value, lo, hi = value + v, lo + v, hi + v
        else:                        # a figure as written (its interval made once: _n) or a result
            v = _n(v)
            value, lo, hi = value + v.value, lo + v.lo, hi + v.hi
    return Num(value, lo, hi)


def r_len(value):
    kind = type(value)
    if kind is dict or kind is list or kind is tuple or kind is str:
        return Num.exact(len(value))
    raise _BAIL


def r_is_number(value) -> bool:
    kind = type(value)
    return kind is Num or kind is Decimal or kind is int


def r_coalesce(value, default):
    return value if value is not ABSENT and value is not None else default


def _extreme(pick):
    def extreme(*args):
        values = [_n(v) for v in (_list(args[0]) if len(args) == 1 else args)]
        if not values:
            raise _BAIL
        best = pick(values, key=lambda x: x.value)
        return Num(best.value, pick(x.lo for x in values), pick(x.hi for x in values))
    return extreme


def _truths(test):
    def truth(values):
        return test(bool(v) for v in _list(values))   # bool() of an absent value bails
    return truth


def r_values(obj):
    if type(obj) is dict:
        _tick(len(obj))
        return list(obj.values())
    return list(_list(obj))


def r_keys(obj):
    if type(obj) is dict:
        _tick(len(obj))
        return list(obj)
    raise _BAIL


def _text(value) -> str:
    if type(value) is str:
        return value
    raise _BAIL


def r_matches(text, pattern):
    return pattern.search(_text(text)) is not None


def r_contains(text, part):
    return _text(part) in _text(text)


def r_direction(word):
    if type(word) is not str:
        raise _BAIL
    if word in f.UP_WORDS:
        return Num.exact(1)
    if word in f.DOWN_WORDS:
        return Num.exact(-1)
    if word == "持平":
        return Num.exact(0)
    raise _BAIL


def _field(change, key):
    if type(change) is dict:
        return change.get(key, ABSENT)
    raise _BAIL


def r_signed_amount(change):
    return n.mul(r_direction(_field(change, "方向")), _n(_field(change, "金额")))


def r_signed_pct(change):
    word = _field(change, "百分比方向")
    if word is ABSENT:
        word = _field(change, "方向")
    return n.mul(r_direction(word), _n(_field(change, "百分比")))


def r_implied_pct(current, change):
    delta = r_signed_amount(change)
    return f.f_pct(delta, n.sub(_n(current), delta))


def r_wan(amount):
    unit = _field(amount, "单位")
    if type(unit) is not str or unit not in f._UNITS:
        raise _BAIL
    return n.mul(_n(_field(amount, "数值")), Num.exact(f._UNITS[unit]))


def r_meets(actual, direction, target):
    test = f._MEETS.get(direction) if type(direction) is str else None
    if test is None:
        raise _BAIL
    return test(_n(actual), _n(target))


def r_children(rows, code):
    code = _text(code)
    # as much as the views' children(): twice for a computed list
    _tick(len(rows) if type(rows) is list or type(rows) is tuple else 0)
    width = len(code) + (3 if not code else 2)
    found = []
    for item in _list(rows):
        written = item.get("科目编码") if type(item) is dict else None
        if type(written) is str and len(written) == width and written.startswith(code):
            found.append(item)
    return found


def r_bare(text):
    return f._NUMBERING.sub("", _text(text)).strip()


def r_years(text):
    return f.f_years(_text(text))


# The fast version of every operator and function that has one; an expression that calls any other
# (texts, find, having, name: they need the paths of views) is always evaluated with views.
FUNCTIONS = {
    "sum": r_sum, "len": r_len, "abs": _numbers(f.f_abs), "min": _extreme(min), "max": _extreme(max),
    "round": _numbers(f.f_round), "any": _truths(any), "all": _truths(all), "pct": r_pct,
    "exists": r_exists, "matches": r_matches, "contains": r_contains, "values": r_values, "keys": r_keys,
    "is_number": r_is_number, "direction": r_direction, "signed_amount": r_signed_amount,
    "signed_pct": r_signed_pct, "implied_pct": r_implied_pct, "wan": r_wan, "coalesce": r_coalesce,
    "meets": r_meets, "children": r_children, "bare": r_bare, "years": r_years,
}

OPERATORS = {
    "_path": r_path, "_iter": r_iter, "_get": r_get, "_add": r_add, "_sub": r_sub,
    "_mul": _numbers(n.mul), "_div": _numbers(n.div), "_neg": _numbers(n.neg), "_pos": _n, "_pow": r_pow,
    "_in": r_in, "_exists": r_exists,
}
