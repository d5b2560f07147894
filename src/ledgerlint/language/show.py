"""A value of the language as a finance officer reads it: a figure as written, 缺失 for a missing one, 是/否,
a part of the disclosure by its path. Messages, explanations and reports all print values this way."""
from ledgerlint.language.numbers import Num, fmt
from ledgerlint.language.views import Arr, Missing, Obj
from ledgerlint.messages import t
from ledgerlint.paths import format_path


def show_value(value, lang: str = "zh") -> str:
    if isinstance(value, Num):
        return fmt(value.value)
    if isinstance(value, Missing):
        return t("value.missing", lang)
    if isinstance(value, bool):
        return t("value.true" if value else "value.false", lang)
    if value is None:
        return "null"
    if isinstance(value, (Obj, Arr)):
        return format_path(value.path)
    if isinstance(value, (list, tuple)):
        return "[" + "、".join(show_value(v) for v in value) + "]"
    return str(value)
