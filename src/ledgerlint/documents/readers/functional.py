"""五、一般公共预算财政拨款支出决算: the total against the budget, then each function class (类) with its
actual and change against the budget, and under it each line (款 and 项) with budget, actual, completion
rate and the reason for the difference.

A figure that is not a number (the seed's "万5.00元", "XX.X%") is kept as written, unit included, as
the disclosure model keeps it, so that `check` reports it."""
import re

from ..changes import as_figure
from . import FIGURE, Reading, whole_reason
from .codes import class_code, item_code

_WRITTEN = rf"({FIGURE}\s*(?:万元|%)|万\s*[\d,.]+\s*元)"   # a figure and its unit, or the garbled "万5.00元"
_TOTAL = re.compile(rf"支出决算\s*{FIGURE}\s*万元")
_AGAINST_BUDGET = re.compile(rf"与年初预算\s*{FIGURE}\s*万元相比\s*,\s*完成年初预算的\s*{FIGURE}\s*%")
_CLASS = re.compile(r"^\([一二三四五六七八九十]+\)\s*(.+?)\(类\)\s*$")
_CLASS_ACTUAL = re.compile(rf"决算数(?:为)?\s*{FIGURE}\s*万元")
_LINE = re.compile(r"^\d+\s*[.．]\s*(.+?)\(款\)\s*(.+?)\(项\)")
_BUDGET = re.compile(rf"年初预算\s*{_WRITTEN}")
_ACTUAL = re.compile(rf"(?:支出决算|决算支出)\s*{_WRITTEN}")   # both orders are published
_RATE = re.compile(rf"完成年初预算的\s*{_WRITTEN}")
# "决算数与年初预算数的差异原因：…", "…，主要原因是追加人员经费。"
_REASON = re.compile(r"(?:差异原因\s*:|主要原因(?:是|为|:))\s*(.*)$")


def _value(written: str):
    """A number when the text is "<number>万元" or "<number>%", else the text as written."""
    match = re.fullmatch(rf"{FIGURE}\s*(?:万元|%)", written)
    value = as_figure(match[1]) if match else written
    return written if isinstance(value, str) else value


def read(sentences) -> Reading:
    reading = Reading()
    classes: list[dict] = []
    line = None
    for sentence in sentences:
        text = sentence.text
        if not classes and (match := _AGAINST_BUDGET.search(text)):
            reading.put(("年初预算",), as_figure(match[1]), sentence)
            reading.put(("完成年初预算百分比",), as_figure(match[2]), sentence)
        elif not classes and (match := _TOTAL.search(text)):
            reading.put(("支出决算",), as_figure(match[1]), sentence)
        elif (match := _CLASS.match(text)):
            name = match[1].strip()
            classes.append({"科目编码": class_code(name),
                            "科目名称": name, "项": []})
            line = None
        elif classes and line is None and (match := _CLASS_ACTUAL.search(text)):
            classes[-1]["决算"] = as_figure(match[1])
            reading.provenance[f"类[{len(classes) - 1}].决算"] = (sentence.line, text)
            sub = Reading()
            if sub.put_base_change(sentence):
                classes[-1]["与年初预算比较"] = sub.value["与年初预算比较"]
        elif classes and (match := _LINE.match(text)):
            line = {"款名称": match[1].strip(), "科目名称": match[2].strip()}
            if item_code(line["款名称"], line["科目名称"]):
                line = {"科目编码": item_code(line["款名称"], line["科目名称"]), **line}
            classes[-1]["项"].append(line)
        elif line is not None and (_BUDGET.search(text) or _ACTUAL.search(text)):
            for key, pattern in (("年初预算", _BUDGET), ("决算", _ACTUAL), ("完成年初预算百分比", _RATE)):
                if (match := pattern.search(text)):
                    line[key] = _value(match[1])
                    where = f"类[{len(classes) - 1}].项[{len(classes[-1]['项']) - 1}].{key}"
                    reading.provenance[where] = (sentence.line, text)
            if (match := _REASON.search(text)):       # "…完成年初预算的107.45%，主要原因是…"
                line["差异原因"] = whole_reason(match[1], sentence) if match[1] else ""
        elif line is not None and (match := _REASON.search(text)):
            line["差异原因"] = whole_reason(match[1], sentence) if match[1] else ""
        elif line is not None and "差异原因" in line and not line["差异原因"]:
            line["差异原因"] = whole_reason(text, sentence)          # the reason written on the next line
        else:
            reading.note_unused(sentence)
    for item in classes:
        if item["科目编码"] is None:
            del item["科目编码"]
    if classes:
        reading.value["类"] = classes
    return reading
