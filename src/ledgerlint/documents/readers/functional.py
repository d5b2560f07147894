"""五、一般公共预算财政拨款支出决算: the total against the budget, then each function class (类) with its
actual and change against the budget, and under it each line (款 and 项) with budget, actual, completion
rate and the reason for the difference.

Two layouts are published. The older one (the seed, Guangxi, Sichuan) heads each class "（一）X（类）" and
lists its lines "1.款（款）项（项）" below it. The template of 2020 on (Shanghai and others) states the
total with its share of all spending and its change, then every class with its amount and share in one
sentence, then the total against 年初预算 and/or 全年预算, and each line named whole ("1、X（类）Y（款）
Z（项）。"). A budget is recorded under the name the text gives it (年初预算 or 全年预算), and so is a rate.

A figure that is not a number (the seed's "万5.00元", "XX.X%") is kept as written, unit included, as
the disclosure model keeps it, so that `check` reports it."""
import re

from ledgerlint.documents.changes import as_figure
from ledgerlint.documents.readers import FIGURE
from ledgerlint.documents.readers import Reading
from ledgerlint.documents.readers import whole_reason
from ledgerlint.documents.readers.codes import class_code, item_code

_WRITTEN = rf"({FIGURE}\s*(?:万元|%)|万\s*[\d,.]+\s*元)"   # a figure and its unit, or the garbled "万5.00元"
_TOTAL = re.compile(rf"支出决算\s*{FIGURE}\s*万元")
_AGAINST_BUDGET = re.compile(rf"与年初预算\s*{FIGURE}\s*万元相比\s*,\s*完成年初预算的\s*{FIGURE}\s*%")
_CLASS = re.compile(r"^\([一二三四五六七八九十]+\)\s*(.+?)\(类\)\s*$")
_CLASS_ACTUAL = re.compile(rf"决算数(?:为)?\s*{FIGURE}\s*万元")
_LINE = re.compile(r"^\d+\s*[.．]\s*(.+?)\(款\)\s*(.+?)\(项\)")
_BUDGET = re.compile(rf"年初预算(?:数)?(?:为)?\s*{_WRITTEN}")
_YEAR_BUDGET = re.compile(rf"全年预算(?:数)?(?:为)?\s*{_WRITTEN}")
_ACTUAL = re.compile(rf"(?:支出决算|决算支出)(?:数)?(?:为)?\s*{_WRITTEN}")   # both orders are published
_RATE = re.compile(rf"完成年初预算(?:数)?的\s*{_WRITTEN}")
_YEAR_RATE = re.compile(rf"完成全年预算(?:数)?的\s*{_WRITTEN}")
_SHARE_OF_ALL = re.compile(rf"支出(?:决算)?(?:为)?\s*{FIGURE}\s*万元\s*,\s*占本年支出合计的\s*{FIGURE}\s*%")
_CLASS_SHARE = re.compile(rf"([^\s,、;:0-9()]+?)\s*\(类\)\s*{FIGURE}\s*万元\s*,\s*占\s*{FIGURE}\s*%")
_FULL_LINE = re.compile(r"^\d+\s*[、.．]\s*(.+?)\(类\)\s*(.+?)\(款\)\s*(.+?)\(项\)")
_USE = re.compile(r"^主要用于")
# "决算数小于全年预算数的主要原因：…", "决算数与预算数持平", "决算数同预算数持平": the comparison word as written
_COMPARED = re.compile(r"决算数?\s*(?:(大于|小于|等于|高于|低于)|(?:与|同|和)\s*(全年|年初)?预算数?\s*(基本)?(持平|一致|相等))"
                       r"\s*(全年|年初)?(?:预算数?)?")
_TOTAL_FIRST = re.compile(rf"^一般公共预算财政拨款支出(?:决算)?(?:为)?\s*{FIGURE}\s*万元")
# "决算数与年初预算数的差异原因：…", "…，主要原因是追加人员经费。"
_REASON = re.compile(r"(?:差异原因\s*:|主要原因(?:是|为|:))\s*(.*)$")


def _value(written: str):
    """A number when the text is "<number>万元" or "<number>%", else the text as written."""
    match = re.fullmatch(rf"{FIGURE}\s*(?:万元|%)", written)
    value = as_figure(match[1]) if match else written
    return written if isinstance(value, str) else value


def _class(classes: list, name: str) -> dict:
    """The class of that name, added at the end where the text has not named it yet."""
    found = next((c for c in classes if c["科目名称"] == name), None)
    if found is None:
        found = {"科目编码": class_code(name), "科目名称": name, "项": []}
        classes.append(found)
    return found


def _budget_lines(reading: Reading, target: dict, where: str, sentence, total: bool) -> None:
    """年初预算, 全年预算, the actual and the completion rates the sentence states, into `target` (the
    section, or one of its lines at `where`)."""
    for key, pattern in (("年初预算", _BUDGET), ("全年预算", _YEAR_BUDGET), ("支出决算" if total else "决算", _ACTUAL),
                         ("完成年初预算百分比", _RATE), ("完成全年预算百分比", _YEAR_RATE)):
        if (match := pattern.search(sentence.text)):
            value = _value(match[1])
            if f"{where}{key}" in reading.provenance and key in target and not isinstance(value, str):
                reading.restate(f"{where}{key}", target[key], value, (sentence.line, sentence.text))
                continue
            target[key] = value
            reading.provenance[f"{where}{key}"] = (sentence.line, sentence.text)


def _line_where(classes: list, line: dict) -> str:
    index = next(i for i, c in enumerate(classes) if any(item is line for item in c["项"]))
    return f"类[{index}].项[{next(i for i, item in enumerate(classes[index]['项']) if item is line)}]."


def _states_budget(text: str) -> bool:
    return any(p.search(text) for p in (_BUDGET, _YEAR_BUDGET, _ACTUAL, _RATE, _YEAR_RATE))


def _compared(reading: Reading, target: dict, where: str, sentence) -> None:
    """The comparison word of the actual against the budget, where the sentence states one."""
    match = _COMPARED.search(sentence.text)
    if match is None:
        return
    word = match[1] or ("基本持平" if match[3] else match[4])
    base = match[2] or match[5]
    target["决算与预算比较"] = {"词": word, **({"基准": base + "预算"} if base else {})}
    reading.provenance[f"{where}决算与预算比较"] = (sentence.line, sentence.text)


def _reason(match, sentence) -> str:
    return whole_reason(match[1], sentence) if match[1] else ""


def read(sentences) -> Reading:
    reading = Reading()
    classes: list[dict] = []
    line = None
    at_total = False     # the last budget statement was the section's own: its reason may follow
    for sentence in sentences:
        text = sentence.text
        if not classes and line is None and (match := _SHARE_OF_ALL.search(text)):
            reading.put(("支出决算",), as_figure(match[1]), sentence)
            reading.put(("占本年支出合计百分比",), as_figure(match[2]), sentence)
            reading.put_base_change(sentence)
        elif not classes and line is None and "支出决算" in reading.value and reading.put_base_change(sentence):
            pass            # "与2023年度相比，一般公共预算财政拨款支出增加…": the total's own change
        elif line is None and (shares := list(_CLASS_SHARE.finditer(text))):
            for match in shares:
                row = _class(classes, match[1].strip())
                row["决算"], row["占比"] = as_figure(match[2]), as_figure(match[3])
                reading.provenance[f"类[{classes.index(row)}]"] = (sentence.line, text)
            if (match := _TOTAL_FIRST.search(text)):      # the total restated over its classes
                reading.put(("支出决算",), as_figure(match[1]), sentence)
        elif (match := _FULL_LINE.match(text)):
            row = _class(classes, match[1].strip())
            line = {"款名称": match[2].strip(), "科目名称": match[3].strip()}
            if item_code(line["款名称"], line["科目名称"]):
                line = {"科目编码": item_code(line["款名称"], line["科目名称"]), **line}
            row["项"].append(line)
            at_total = False
        elif line is not None and _USE.match(text):
            continue        # "主要用于：…": what the line pays for, no figure
        elif not classes and (match := _AGAINST_BUDGET.search(text)):
            reading.put(("年初预算",), as_figure(match[1]), sentence)
            reading.put(("完成年初预算百分比",), as_figure(match[2]), sentence)
        elif line is None and _states_budget(text) and not _CLASS_ACTUAL.search(text) \
                and (_BUDGET.search(text) or _YEAR_BUDGET.search(text)):
            _budget_lines(reading, reading.value, "", sentence, total=True)
            at_total = True
            _compared(reading, reading.value, "", sentence)
            if (match := _REASON.search(text)):
                reading.put(("差异原因",), _reason(match, sentence), sentence)
        elif at_total and line is None and (match := _REASON.search(text)):
            _compared(reading, reading.value, "", sentence)
            reading.put(("差异原因",), _reason(match, sentence), sentence)
        elif not classes and (match := _TOTAL.search(text)):
            reading.put(("支出决算",), as_figure(match[1]), sentence)
        elif (match := _CLASS.match(text)):
            name = match[1].strip()
            classes.append({"科目编码": class_code(name), "科目名称": name, "项": []})
            line = None
            at_total = False
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
        elif line is not None and _states_budget(text):
            where = _line_where(classes, line)
            _budget_lines(reading, line, where, sentence, total=False)
            _compared(reading, line, where, sentence)
            if (match := _REASON.search(text)):       # "…完成年初预算的107.45%，主要原因是…"
                line["差异原因"] = _reason(match, sentence)
        elif line is not None and (match := _REASON.search(text)):
            _compared(reading, line, _line_where(classes, line), sentence)
            line["差异原因"] = _reason(match, sentence)
        elif line is not None and _COMPARED.search(text):
            _compared(reading, line, _line_where(classes, line), sentence)      # "决算数与预算数持平。"
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
