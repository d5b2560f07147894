"""The one printer of values. Every message, explanation, validation error and report prints a value here:

- a value of the language as a finance officer reads it: a figure as written (a long quotient to four
  places), （缺失） for a missing one, 是/否, a part of the disclosure by its path;
- with `as_json`, a value of the disclosure's file as the file spells it (null, true, a figure exactly as
  written), for messages that send the reader to the file;
- `quoted` puts a text in “”, `intervals` shows a figure's rounding range (explain), `most` cuts a long
  list after that many items.
"""
from decimal import Decimal

from ledgerlint.language.numbers import Num, fmt
from ledgerlint.language.views import Arr, Missing, Obj
from ledgerlint.messages import t
from ledgerlint.paths import format_path


def show_value(value, lang: str = "zh", *, quoted: bool = False, as_json: bool = False,
               intervals: bool = False, most: int | None = None) -> str:
    if isinstance(value, Num):
        if intervals and not value.is_exact:
            return t("explain.interval", lang, value=fmt(value.value), lo=fmt(value.lo), hi=fmt(value.hi))
        return fmt(value.value)
    if isinstance(value, Decimal):
        return format(value, "f") if as_json else fmt(value)
    if isinstance(value, Missing):
        return t("value.missing", lang)
    if isinstance(value, bool):
        if as_json:
            return "true" if value else "false"
        return t("value.true" if value else "value.false", lang)
    if value is None:
        return "null"
    if isinstance(value, (Obj, Arr)):
        return format_path(value.path)
    if isinstance(value, (list, tuple)):
        shown = value if most is None else value[:most]
        items = [show_value(v, lang, quoted=quoted, as_json=as_json, intervals=intervals) for v in shown]
        return "[" + "、".join(items) + ("、…" if len(shown) < len(value) else "") + "]"
    if isinstance(value, str):
        return f"“{value}”" if quoted else value
    return str(value)
