"""Hypothesis strategies shared by the property tests and the long fuzz runs (tests/fuzz.py)."""
import json
from decimal import Decimal

from hypothesis import strategies as st

NAMES = ["收入决算", "支出决算", "年度", "单位", "类", "项", "item", "x", "三公经费", "金额", "占比", "合计", "__class__",
         "_k0", "open", "sum", "texts"]
FUNCTIONS = ["sum", "len", "abs", "min", "max", "round", "any", "all", "pct", "exists", "matches", "contains",
             "values", "keys", "is_number", "texts", "find", "having", "direction", "signed_amount", "signed_pct",
             "implied_pct", "wan", "coalesce", "meets", "name", "getattr", "eval", "range"]
BINARY = ["+", "-", "*", "/", "**", "//", "%", "==", "!=", "<", "<=", ">", ">=", " and ", " or ", " in ", " not in "]

atoms = st.one_of(
    st.sampled_from(NAMES),
    st.integers(-10 ** 6, 10 ** 6).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10 ** 6, max_value=10 ** 6).map(str),
    st.text(alphabet="XxABC增加减少{}[]()\"'.", max_size=8).map(json.dumps),
    st.sampled_from(["True", "False", "None", "[]", "()", "{}", "...", "lambda: 1", "f'{x}'", "(y := 1)"]),
)


def _extend(inner):
    return st.one_of(
        st.tuples(inner, st.sampled_from(BINARY), inner).map(lambda t: f"({t[0]}{t[1]}{t[2]})"),
        st.tuples(st.sampled_from(["-", "not ", "~"]), inner).map(lambda t: f"{t[0]}{t[1]}"),
        st.tuples(inner, st.sampled_from(NAMES)).map(lambda t: f"{t[0]}.{t[1]}"),
        st.tuples(inner, inner).map(lambda t: f"{t[0]}[{t[1]}]"),
        st.tuples(st.sampled_from(FUNCTIONS), st.lists(inner, max_size=3)).map(lambda t: f"{t[0]}({', '.join(t[1])})"),
        st.tuples(inner, inner).map(lambda t: f"[{t[0]} for x in {t[1]}]"),
        st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} if {t[1]} else {t[2]})"),
    )


expressions = st.recursive(atoms, _extend, max_leaves=25)

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10 ** 9, 10 ** 9),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10 ** 9, max_value=10 ** 9),
    st.text(max_size=12),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5),
                            st.dictionaries(st.sampled_from(NAMES[:12] + ["方向", "百分比", "数值", "单位"]), inner, max_size=5)),
    max_leaves=30)
disclosures = st.dictionaries(st.sampled_from(NAMES[:9]), json_values, max_size=6).map(
    lambda d: {**d, "年度": 2023})


def dumps(value) -> str:
    """JSON text with Decimals written as numbers, as a disclosure file would have them."""
    def default(o):
        if isinstance(o, Decimal):
            return float(o)  # only to place a number in the text; the loader reads it back as Decimal
        raise TypeError
    return json.dumps(value, ensure_ascii=False, default=default)
