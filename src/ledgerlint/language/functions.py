"""What an expression can call or do: the operators it is rewritten to, and the documented functions.

Operators (_add, _eq, _get, …) are what the compiler turns `+`, `==`, `a.b`, `a["b"]` into; they accept
only the values of views.py and raise NotEvaluated for anything else, so no Python object is reachable.
FUNCTIONS is the fixed list of names a rule may call, each with its arity; each function's docstring is
its documentation.
"""
import functools
import re
import threading
import time
from dataclasses import dataclass
from decimal import Decimal

from ledgerlint.limits import CLOCK_EVERY, MAX_OPERATIONS, MAX_SECONDS
from ledgerlint.language import numbers as n
from ledgerlint.language.numbers import Num, NotEvaluated, stated
from ledgerlint.paths import format_path
from ledgerlint.language.show import show_value
from ledgerlint.language.views import ABSENT, Arr, Missing, Obj, Text, flatten, path_of, wrap


def _describe(value) -> str:
    """A value named in an evaluation error: as the disclosure's file spells it, a text in quotes."""
    return show_value(value, quoted=True, as_json=True)


def num(value) -> Num:
    """The value as a number, or NotEvaluated saying why it is not one."""
    if type(value) is Num:
        return value
    if isinstance(value, Missing):
        raise NotEvaluated("eval.missing", path=format_path(value.path), at=value.path)
    path = path_of(value)
    raise NotEvaluated("eval.not_number", value=_describe(value),
                       path=format_path(path) if path is not None else "", at=path)


# ----- operators -------------------------------------------------------------------------------------

# When a failed rule is re-run to find the figures involved, every read is appended here (reads made
# inside functions such as signed_pct included). None the rest of the time: one check per read.
TRACE: list | None = None
# The budget, the clock and the trace above are this module's, shared by the whole process: one rule is
# evaluated at a time, under this lock, so that threads sharing a Checker get the results they would get
# one after the other (parallel checking uses processes: ledgerlint.checking.batch).
EVALUATING = threading.RLock()

# The cost bound of one evaluation: every read, every loop step and every element a function goes through
# takes one unit from the budget (arithmetic between them is bounded by the size of the expression);
# every CLOCK_EVERY units the clock is looked at too. A rule that runs out is stopped
# and reported as not evaluated, saying why: no rule can keep the checker busy for ever.
_left = MAX_OPERATIONS
_deadline = 0.0


def tick(units: int = 1) -> None:
    global _left
    _left -= units
    if _left < 0:
        raise NotEvaluated("eval.budget", limit=MAX_OPERATIONS)
    if _left % CLOCK_EVERY < units:
        _look_at_the_clock()


def _look_at_the_clock() -> None:
    global _deadline
    if _left < 0:
        raise NotEvaluated("eval.budget", limit=MAX_OPERATIONS)
    now = time.monotonic()
    if not _deadline:
        _deadline = now + MAX_SECONDS
    elif now > _deadline:
        raise NotEvaluated("eval.too_slow", limit=MAX_SECONDS)


def op_iter(values):
    """What a comprehension loops over: one budget unit per element."""
    if isinstance(values, Missing):
        raise NotEvaluated("eval.missing", path=format_path(values.path), at=values.path)
    if isinstance(values, Obj):
        raise NotEvaluated("eval.iterate_object", path=format_path(values.path))
    if not isinstance(values, (Arr, list, tuple)):
        raise NotEvaluated("eval.not_list", value=_describe(values))
    global _left
    for value in values:
        _left -= 1   # tick(), inline
        if _left < 0 or not _left & (CLOCK_EVERY - 1):
            _look_at_the_clock()
        yield value


def op_get(container, key):
    # the hot path of every rule: a text key read from an object, budget counted inline
    global _left
    _left -= 1
    if _left & (CLOCK_EVERY - 1) == 0 or _left < 0:
        _look_at_the_clock()
    if type(container) is Obj and type(key) is str:
        value = container._views.get(key, ABSENT)
        if value is ABSENT:
            if key in container.raw:
                value = container._views[key] = wrap(container.raw[key], container.path + (key,))
            else:
                value = Missing(container.path + (key,))
    else:
        value = _get(container, key)
    if TRACE is not None and getattr(value, "path", None) is not None:
        TRACE.append(value)
    return value


def op_path(container, keys):
    """container[k1][k2]… for text keys, in one call; the same views, budget and trace as op_get."""
    if TRACE is not None:   # tracing a failed rule: one read at a time, each recorded by op_get
        for key in keys:
            container = op_get(container, key)
        return container
    global _left
    n = len(keys)
    _left -= n
    if _left < 0 or _left & (CLOCK_EVERY - 1) < n:
        _look_at_the_clock()
    for key in keys:   # the hot loop of every rule: objects and their views, inline
        if type(container) is Obj:
            views = container._views
            value = views.get(key, ABSENT)
            if value is ABSENT:
                raw = container.raw
                if key in raw:
                    item = raw[key]
                    kind = type(item)   # views.wrap, inline for the two commonest kinds
                    if kind is Decimal:
                        value = stated(item, container.path + (key,))
                    elif kind is dict:
                        value = Obj(item, container.path + (key,))
                    else:
                        value = wrap(item, container.path + (key,))
                    views[key] = value
                else:
                    value = Missing(container.path + (key,))
            container = value
        else:
            container = _get(container, key)
    return container


def _get(container, key):
    if isinstance(container, Obj):
        if not isinstance(key, str):  # an object's keys are texts; a missing key stops the rule
            if isinstance(key, Missing):
                raise NotEvaluated("eval.missing", path=format_path(key.path), at=key.path)
            shown = n.fmt(key.value) if isinstance(key, Num) else _describe(key)
            raise NotEvaluated("eval.bad_key", key=shown, path=format_path(container.path))
        view = container.child(key)
        return view if view is not ABSENT else Missing(container.path + (str(key),))
    if isinstance(container, (Arr, list, tuple)):
        items = container.items if isinstance(container, Arr) else container
        index = num(key).value
        if index != index.to_integral_value():
            raise NotEvaluated("eval.bad_key", key=n.fmt(index), path=format_path(getattr(container, "path", ())))
        i = int(index)
        if -len(items) <= i < len(items):
            return items[i]
        if isinstance(container, Arr):
            return Missing(container.path + (i,))
        raise NotEvaluated("eval.bad_key", key=i, path="[…]")
    # reading into something that has no keys (a number, a text, null, an absent key) gives Missing:
    # the item is absent, which exists() can test and which stops the rule when it is used
    base = path_of(container)
    if base is None:
        raise NotEvaluated("eval.not_container", value=_describe(container), key=str(key))
    return Missing(tuple(base) + (key if isinstance(key, str) else n.fmt(num(key).value),))


def _is_list(value):
    return isinstance(value, (Arr, list, tuple))


def op_add(a, b):
    if type(a) is Num and type(b) is Num:  # the common case, inline
        return Num(a.value + b.value, a.lo + b.lo, a.hi + b.hi)
    if _is_list(a) and _is_list(b):  # + joins two lists
        tick(len(a) + len(b))
        return list(a) + list(b)
    return n.add(num(a), num(b))


def op_sub(a, b):
    if type(a) is Num and type(b) is Num:  # the common case, inline
        return Num(a.value - b.value, a.lo - b.hi, a.hi - b.lo)
    return n.sub(num(a), num(b))


def op_mul(a, b):
    return n.mul(num(a), num(b))


def op_div(a, b):
    return n.div(num(a), num(b))


def op_neg(a):
    return n.neg(num(a))


def op_pos(a):
    return num(a)


def op_pow(a, exponent: int):
    return n.power(num(a), exponent)


def _plain(value):
    """For == between non-numbers: strings, booleans and null compare as themselves."""
    if isinstance(value, Missing):
        raise NotEvaluated("eval.missing", path=format_path(value.path), at=value.path)
    if isinstance(value, (Obj, Arr)):
        raise NotEvaluated("eval.not_comparable", value=format_path(value.path))
    return value


def make_comparisons(tol):
    """The comparison operators of one rule, with that rule's tolerance baked in."""

    def eq(a, b):
        if type(a) is Num and type(b) is Num:  # numbers.eq, inline
            if tol is None:
                return a.value == b.value
            return a.lo - tol <= b.hi and b.lo - tol <= a.hi
        a, b = _plain(a), _plain(b)
        if type(a) is Num or type(b) is Num:
            num(a), num(b)  # a number against a non-number: say which one is not a number
        return a == b

    def ne(a, b):
        return not eq(a, b)

    # numbers.lt / numbers.le, inline: a < b holds when it could, given the rounding of both
    def lt(a, b):
        a, b = num(a), num(b)
        return a.value < b.value if tol is None else a.lo < b.hi + tol

    def le(a, b):
        a, b = num(a), num(b)
        return a.value <= b.value if tol is None else a.lo <= b.hi + tol

    def gt(a, b):
        return lt(b, a)

    def ge(a, b):
        return le(b, a)

    return {"_eq": eq, "_ne": ne, "_lt": lt, "_le": le, "_gt": gt, "_ge": ge}


@functools.cache
def _exact_eq():
    """== without tolerance, made once (`in` over a list compares each element with it)."""
    return make_comparisons(n.ZERO)["_eq"]


def op_in(item, container):
    container = _plain(container) if not isinstance(container, (Arr, Obj)) else container
    if isinstance(container, Obj):
        tick()
        # keys are text: a number is looked for as written ("1" for 1), not as the repr of a Num
        return (n.fmt(item.value) if isinstance(item, Num) else str(item)) in container.raw
    if isinstance(container, (Arr, list, tuple)):
        tick(len(container))         # a comparison per element: inside a comprehension this adds up fast
        eq = _exact_eq()
        return any(eq(item, x) for x in container)
    if isinstance(container, str):
        if not isinstance(item, str):
            raise NotEvaluated("eval.not_text", value=_describe(item))
        tick(1 + len(container) // 64)
        return item in container
    raise NotEvaluated("eval.not_container", value=_describe(container), key="in")


def op_exists(value) -> bool:
    return not isinstance(value, Missing) and value is not None


# ----- documented functions ---------------------------------------------------------------------------

def _items(values):
    if isinstance(values, (Arr, list, tuple)):
        tick(len(values))
        return list(values)
    if isinstance(values, Missing):
        raise NotEvaluated("eval.missing", path=format_path(values.path))
    if isinstance(values, Obj):
        raise NotEvaluated("eval.iterate_object", path=format_path(values.path))
    raise NotEvaluated("eval.not_list", value=_describe(values))


def f_sum(values):
    """sum(列表)：数字之和，舍入区间随之相加；空列表为 0。"""
    value = lo = hi = n.ZERO
    for v in _items(values):
        if type(v) is not Num:
            v = num(v)
        value, lo, hi = value + v.value, lo + v.lo, hi + v.hi
    return Num(value, lo, hi)


def f_len(value):
    """len(x)：列表的元素个数、对象的键数或文字的字数。"""
    if isinstance(value, (Arr, Obj, str, list, tuple)):
        return Num.exact(len(value))
    return Num.exact(len(_items(value)))


def f_abs(value):
    """abs(x)：绝对值。"""
    a = num(value)
    if a.lo >= 0:
        return a
    if a.hi <= 0:
        return n.neg(a)
    return Num(abs(a.value), n.ZERO, max(-a.lo, a.hi))


def _extreme(args, pick):
    values = _items(args[0]) if len(args) == 1 else list(args)
    if not values:
        raise NotEvaluated("eval.empty")
    nums = [num(v) for v in values]
    best = pick(nums, key=lambda x: x.value)
    return Num(best.value, pick(x.lo for x in nums), pick(x.hi for x in nums))


def f_min(*args):
    """min(a, b, …) 或 min(列表)：最小值。"""
    return _extreme(args, min)


def f_max(*args):
    """max(a, b, …) 或 max(列表)：最大值。"""
    return _extreme(args, max)


def f_round(value, places=None):
    """round(x, 位数)：四舍五入到给定小数位（默认 0 位），区间的两端也随之舍入。"""
    digits = 0 if places is None else int(num(places).value)
    return n.round_num(num(value), digits)


def f_any(values):
    """any(列表)：有一个为真即为真。"""
    return any(bool(v) for v in _items(values))


def f_all(values):
    """all(列表)：全部为真才为真。"""
    return all(bool(v) for v in _items(values))


_HUNDRED = n.Decimal(100)


def f_pct(part, whole):
    """pct(部分, 整体) = 部分 / 整体 × 100：占比、完成率、执行率。"""
    q = n.div(num(part), num(whole))
    return Num(q.value * _HUNDRED, q.lo * _HUNDRED, q.hi * _HUNDRED)  # × an exact positive 100


def f_exists(value):
    """exists("路径") 或 exists(表达式)：该项在文件中存在且不为 null。"""
    return op_exists(value)


def f_matches(text, pattern):
    """matches(文字, 正则表达式)：文字中能找到该模式（RE2 语法，线性时间，不会卡死）。"""
    if not isinstance(text, str):
        raise NotEvaluated("eval.not_text", value=_describe(text))
    return pattern.search(text) is not None


def f_contains(text, part):
    """contains(文字, 片段)：文字中含有该片段。"""
    if not isinstance(text, str) or not isinstance(part, str):
        raise NotEvaluated("eval.not_text", value=_describe(text if not isinstance(text, str) else part))
    return part in text


def f_values(obj):
    """values(对象)：对象的全部值（如 明细 中各项金额），按文件中的顺序。"""
    if isinstance(obj, Obj):
        tick(len(obj.raw))
        return list(obj.items.values())
    return _items(obj)


def f_keys(obj):
    """keys(对象)：对象的全部键名。"""
    if isinstance(obj, Obj):
        tick(len(obj.raw))
        return [Text(k) for k in obj.raw]
    raise NotEvaluated("eval.not_object", value=_describe(obj))


def f_is_number(value):
    """is_number(x)：x 是数字（不是文字、占位符或缺失）。"""
    return type(value) is Num


def _walk(value):
    """Every value inside `value` (itself first), depth first, in file order."""
    flat = flatten(value)
    tick(len(flat))
    return flat


def f_texts(obj):
    """texts() 或 texts(对象)：全文件（或该对象内）所有的文字值，用于查找占位符等；全文件时不含“原文”
    （公开文本的逐句原文，由专门的规则检查）。"""
    whole = getattr(obj, "path", None) == ()
    return [v for v in _walk(obj) if isinstance(v, str) and not (whole and v.path[:1] == ("原文",))]


def f_find(obj, key=None):
    """find("键") 或 find(对象, "键")：全文件（或该对象内）各处该键的值，按文件顺序。"""
    if key is None:
        raise NotEvaluated("eval.error", reason="find")
    return [v.child(key) for v in _walk(obj) if isinstance(v, Obj) and key in v.raw]


def f_having(obj, key=None):
    """having("键") 或 having(对象, "键")：全文件（或该对象内）含有该键的所有对象，如 having("方向") 为所有变动。"""
    if key is None:
        raise NotEvaluated("eval.error", reason="having")
    return [v for v in _walk(obj) if isinstance(v, Obj) and key in v.raw]


def _text_argument(value) -> str:
    """A function's text argument; a missing or non-text value makes the rule not evaluated."""
    if isinstance(value, Missing):
        raise NotEvaluated("eval.missing", path=format_path(value.path), at=value.path)
    if not isinstance(value, str):
        raise NotEvaluated("eval.not_text", value=_describe(value))
    return value


def f_children(rows, code):
    """children(表.行, 科目编码)：决算表中该科目的下一级各行（类 → 其下各款，款 → 其下各项，按编码）；
    科目编码写 "" 时为各类。"""
    code = _text_argument(code)
    items = rows.items if isinstance(rows, Arr) else _items(rows)
    tick(len(items))
    width = len(code) + (3 if not code else 2)
    found = []
    for item in items:
        written = item.raw.get("科目编码") if isinstance(item, Obj) else None
        if isinstance(written, str) and len(written) == width and written.startswith(code):
            found.append(item)
    return found


_NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[、.．])\s*")


def f_bare(text):
    """bare(文字)：去掉开头的“一、”“（一）”“1.”等序号，如 bare("八、社会保障和就业支出") 为 "社会保障和就业支出"。"""
    _text_argument(text)
    found = Text(_NUMBERING.sub("", text).strip())
    found.path = getattr(text, "path", ())
    return found


_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
_COMPARED = re.compile(r"(?:与|比|较|同比|对比|截至|截止|自|从|至|于|上年|以前)\s*$")


def f_years(text):
    """years(文字)：文字中作为“本年”写出的年份（不含“与2023年度相比”“较上年”等比较的年份和日期），
    如 years("2020年公务接待费支出 3.00 万元") 为 [2020]。"""
    _text_argument(text)
    return [Num.exact(Decimal(m[1])) for m in _YEAR.finditer(text)
            if not _COMPARED.search(text[max(0, m.start() - 4):m.start()])]


UP_WORDS = ("增加", "增长", "上升")
DOWN_WORDS = ("减少", "下降", "降低", "减")


def f_direction(word):
    """direction(方向词)：增加、增长、上升为 1；减少、下降、降低为 -1；持平为 0；其他词不能判断。"""
    if isinstance(word, Missing):
        raise NotEvaluated("eval.missing", path=format_path(word.path), at=word.path)
    if word in UP_WORDS:
        return Num.exact(1)
    if word in DOWN_WORDS:
        return Num.exact(-1)
    if word == "持平":
        return Num.exact(0)
    raise NotEvaluated("eval.unknown_word", value=_describe(word), at=path_of(word))


def f_signed_amount(change):
    """signed_amount(变动)：带方向的变动金额，“减少 5.00”为 -5.00，“增加 -4.79”为 -4.79。"""
    return n.mul(f_direction(op_get(change, "方向")), num(op_get(change, "金额")))


def f_signed_pct(change):
    """signed_pct(变动)：带方向的变动百分比（方向取百分比前的词，未写时取金额前的词）。"""
    word = op_get(change, "百分比方向")
    if isinstance(word, Missing):
        word = op_get(change, "方向")
    return n.mul(f_direction(word), num(op_get(change, "百分比")))


def f_implied_pct(current, change):
    """implied_pct(本期数, 变动)：由本期数和变动金额推出的百分比 = 变动 / (本期数 − 变动) × 100。"""
    delta = f_signed_amount(change)
    return f_pct(delta, n.sub(num(current), delta))


_UNITS = {"元": n.Decimal("0.0001"), "万": n.Decimal(1), "万元": n.Decimal(1), "亿元": n.Decimal(10000)}


def f_wan(amount):
    """wan(带单位金额)：换算为万元（元 ÷ 10000，亿元 × 10000）。"""
    unit = op_get(amount, "单位")
    if unit not in _UNITS:
        raise NotEvaluated("eval.unknown_word", value=_describe(unit), at=path_of(unit))
    return n.mul(num(op_get(amount, "数值")), Num.exact(_UNITS[unit]))


def f_coalesce(value, default):
    """coalesce(x, 默认值)：x 存在且不为 null 时取 x，否则取默认值（如缺项按 0 计）。"""
    return value if op_exists(value) else default


_MEETS = {"大于等于": lambda a, t: n.le(t, a, None), "大于": lambda a, t: n.lt(t, a, None),
          "小于等于": lambda a, t: n.le(a, t, None), "小于": lambda a, t: n.lt(a, t, None),
          "等于": lambda a, t: n.eq(a, t, None)}


def f_meets(actual, direction, target):
    """meets(实际完成值, 指标方向, 年度指标值)：按指标方向（大于等于、小于等于、等于、大于、小于）判断是否达到目标，按所写数字比较。"""
    test = _MEETS.get(direction)
    if test is None:
        raise NotEvaluated("eval.unknown_word", value=_describe(direction), at=path_of(direction))
    return test(num(actual), num(target))


def f_name(value):
    """name(x)：x 在文件中的键名（如逐项检查 values(收入决算) 时的“事业收入”）；列表元素为其序号。"""
    path = path_of(value)
    if not path:
        raise NotEvaluated("eval.no_name", value=_describe(value))
    return Text(str(path[-1]))


@dataclass(frozen=True)
class Function:
    """One function a rule may call: what runs, how many arguments it takes (`most` None: any number), and
    with how many it reads the whole document (passed to it first), if it does."""
    call: object
    least: int
    most: int | None
    whole_document: int | None = None
    gives: str | None = None       # what it returns ("bool", "number", "text", "list"), for the condition check


# the fixed list of names a rule may call; each function's docstring is its documentation
FUNCTIONS = {
    "sum": Function(f_sum, 1, 1, gives="number"), "len": Function(f_len, 1, 1, gives="number"), "abs": Function(f_abs, 1, 1, gives="number"),
    "min": Function(f_min, 1, None, gives="number"), "max": Function(f_max, 1, None, gives="number"), "round": Function(f_round, 1, 2, gives="number"),
    "any": Function(f_any, 1, 1, gives="bool"), "all": Function(f_all, 1, 1, gives="bool"), "pct": Function(f_pct, 2, 2, gives="number"),
    "exists": Function(f_exists, 1, 1, gives="bool"), "matches": Function(f_matches, 2, 2, gives="bool"),
    "contains": Function(f_contains, 2, 2, gives="bool"), "values": Function(f_values, 1, 1, gives="list"), "keys": Function(f_keys, 1, 1, gives="list"),
    "is_number": Function(f_is_number, 1, 1, gives="bool"), "texts": Function(f_texts, 0, 1, whole_document=0, gives="list"),
    "find": Function(f_find, 1, 2, whole_document=1, gives="list"), "having": Function(f_having, 1, 2, whole_document=1, gives="list"),
    "direction": Function(f_direction, 1, 1, gives="number"), "signed_amount": Function(f_signed_amount, 1, 1, gives="number"),
    "signed_pct": Function(f_signed_pct, 1, 1, gives="number"), "implied_pct": Function(f_implied_pct, 2, 2, gives="number"),
    "wan": Function(f_wan, 1, 1, gives="number"), "coalesce": Function(f_coalesce, 2, 2), "meets": Function(f_meets, 3, 3, gives="bool"),
    "name": Function(f_name, 1, 1, gives="value"), "children": Function(f_children, 2, 2, gives="list"), "bare": Function(f_bare, 1, 1, gives="text"),
    "years": Function(f_years, 1, 1, gives="list"),
}

OPERATORS = {
    "_path": op_path,
    "_iter": op_iter,
    "_get": op_get, "_add": op_add, "_sub": op_sub, "_mul": op_mul, "_div": op_div, "_neg": op_neg,
    "_pos": op_pos, "_pow": op_pow, "_in": op_in, "_exists": op_exists,
}


class Pattern:
    """A regular expression for matches(): RE2 (linear time), compiled when first used; a pattern is
    checked when the rule file is loaded (compile_regex)."""
    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._compiled = None

    def search(self, text):
        if self._compiled is None:
            self._compiled = _re2_compile(self.pattern)
        return self._compiled.search(text)


def _re2_compile(pattern: str):
    import re2  # imported on first use: most runs of most rule sets never need it
    options = re2.Options()
    options.log_errors = False  # a refused pattern is reported as a rule-file problem, not logged
    return re2.compile(pattern, options)


def compile_regex(pattern: str) -> Pattern:
    """Check the pattern with RE2 now (raises on a bad one) and return it for use at run time."""
    _re2_compile(pattern)
    return Pattern(pattern)
