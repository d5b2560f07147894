"""Stated figures as intervals: the rounding semantics of the rule language.

A figure written with d decimals (1687.40) stands for an unrounded amount within half a unit of its last
digit (1687.395 … 1687.405); integers are exact. Arithmetic carries these bounds, and a comparison holds
when it could hold for some amounts within them, which is how XBRL Calculations 1.1 judges consistency.
That keeps rounding noise out of the findings while a one-cent slip that no rounding explains is caught.
"""
from decimal import Decimal, InvalidOperation

INF = Decimal("Infinity")
_HALF: dict = {}   # half a unit of the last digit, by exponent (-2 -> 0.005)
_new = object.__new__
ZERO = Decimal(0)
_FOUR_PLACES = Decimal("0.0001")


class NotEvaluated(Exception):
    """A rule cannot be evaluated on this disclosure (a value is missing or not a number); carries why."""

    def __init__(self, key: str, /, **params):
        super().__init__(key)
        self.key = key
        self.params = params


class Num:
    """A number with the interval [lo, hi] of amounts it may stand for, and where it came from."""
    __slots__ = ("value", "lo", "hi", "path")

    def __init__(self, value: Decimal, lo: Decimal, hi: Decimal, path=None):
        self.value = value
        self.lo = lo
        self.hi = hi
        self.path = path

    @classmethod
    def exact(cls, number) -> "Num":
        d = Decimal(number)
        return cls(d, d, d)

    @property
    def is_exact(self) -> bool:
        return self.lo == self.hi

    def radius(self) -> Decimal:
        return max(self.value - self.lo, self.hi - self.value)

    def __bool__(self):
        return self.value != 0

    def __repr__(self):
        return f"Num({self.value}, [{self.lo}, {self.hi}])"


def _exponent(number: Decimal, text: str):
    """The exponent of `number` (-2 for 12.34), read from `text`, its str(), where that is digits and a
    point: three times as fast as as_tuple(), and this runs for every figure read and printed."""
    point = text.find(".")
    if point < 0 or "E" in text:     # 100, 1E+3, NaN, Infinity
        return number.as_tuple().exponent
    return point - len(text) + 1


def half_unit(number: Decimal) -> Decimal:
    """Half a unit of the last digit written (0.005 for 12.34): how far the amount may lie from it."""
    exponent = _exponent(number, number.__str__())
    half = _HALF.get(exponent)
    if half is None:
        if not isinstance(exponent, int):  # NaN/Infinity never reach here (the loader refuses them)
            raise NotEvaluated("eval.not_finite", value=str(number))
        half = _HALF[exponent] = Decimal(5).scaleb(exponent - 1)
    return half


def stated(number, path=None) -> Num:
    """A figure as written in a document: integers exact, fractions ± half a unit of the last digit (it runs
    for every figure a rule reads)."""
    if type(number) is int:
        d = Decimal(number)
        return Num(d, d, d, path)
    half = half_unit(number)
    num = _new(Num)  # without __init__
    num.value, num.lo, num.hi, num.path = number, number - half, number + half, path
    return num


def add(a: Num, b: Num) -> Num:
    return Num(a.value + b.value, a.lo + b.lo, a.hi + b.hi)


def sub(a: Num, b: Num) -> Num:
    return Num(a.value - b.value, a.lo - b.hi, a.hi - b.lo)


def neg(a: Num) -> Num:
    return Num(-a.value, -a.hi, -a.lo)


def _span(value, candidates) -> Num:
    return Num(value, min(candidates), max(candidates))


def mul(a: Num, b: Num) -> Num:
    if a.is_exact and b.is_exact:
        v = a.value * b.value
        return Num(v, v, v)
    return _span(a.value * b.value, [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi])


def div(a: Num, b: Num) -> Num:
    if b.value == 0:
        raise NotEvaluated("eval.div_zero")
    value = a.value / b.value
    if b.lo <= 0 <= b.hi:
        # the divisor may be zero within its rounding: the quotient could be anything
        return Num(value, -INF, INF)
    if a.is_exact and b.is_exact:
        return Num(value, value, value)
    if b.lo > 0:   # a positive divisor (shares, rates): the two corners that bound it, the other two skipped
        return Num(value, a.lo / (b.hi if a.lo >= 0 else b.lo), a.hi / (b.lo if a.hi >= 0 else b.hi))
    return _span(value, [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi])


def power(a: Num, n: int) -> Num:
    result = Num.exact(1)
    for _ in range(abs(n)):
        result = mul(result, a)
    return div(Num.exact(1), result) if n < 0 else result


def round_num(a: Num, places: int) -> Num:
    from decimal import ROUND_HALF_UP
    q = Decimal(1).scaleb(-places)
    try:
        return Num(*(x.quantize(q, rounding=ROUND_HALF_UP) if x.is_finite() else x for x in (a.value, a.lo, a.hi)))
    except InvalidOperation:
        raise NotEvaluated("eval.overflow") from None


# Comparisons. `tol` is the extra allowance (Decimal) for `tolerance: rounding` or a number,
# or None for `tolerance: exact`, which compares the figures as written.

def eq(a: Num, b: Num, tol) -> bool:
    if tol is None:
        return a.value == b.value
    return a.lo - tol <= b.hi and b.lo - tol <= a.hi


def lt(a: Num, b: Num, tol) -> bool:
    return a.value < b.value if tol is None else a.lo < b.hi + tol


def le(a: Num, b: Num, tol) -> bool:
    return a.value <= b.value if tol is None else a.lo <= b.hi + tol


def fmt(d: Decimal) -> str:
    """A Decimal for people: stated figures as written, long quotients to four places."""
    if not d.is_finite():
        return "∞" if d > 0 else "-∞"
    text = d.__str__()               # what format(d, "f") prints, unless written with an exponent
    if _exponent(d, text) < -4:
        return format(d.quantize(_FOUR_PLACES), "f")
    return format(d, "f") if "E" in text else text
