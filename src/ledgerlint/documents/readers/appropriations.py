"""四、财政拨款收入支出决算总体情况: the appropriations' total, its spending by function class (类) with
shares, and its changes against the budget and last year.

A class is any "<name>支出 A万元，占 P%"; its code comes from the national classification of
expenditure by function (政府收支分类科目, 类 level), so rules can key on the code as the tables do."""
import re

from ledgerlint.documents.changes import as_figure
from ledgerlint.documents.readers import CLASS_SHARE as _CLASS
from ledgerlint.documents.readers import FIGURE
from ledgerlint.documents.readers import SHARE
from ledgerlint.documents.readers import Reading
from ledgerlint.documents.readers.codes import class_code

# "财政拨款收、支总计各是A,B万元": B is the spending side's, restating A
_TOTAL = re.compile(rf"财政拨款(?:收入、?支出|收、?支)(?:决算)?总计(?:各|均|都)?(?:为|是)?\s*{FIGURE}\s*(?:万元)?"
                    rf"(?:\s*[、,]\s*{FIGURE})?\s*万元")


# 高等学校: "财政拨款支出总计为 A 万元，其中基本支出 B 万元，占总支出的 P%；项目支出 C 万元，占…", then each
# 项 with its code: "1.小学教育（2050202），2023 年度决算数为 D 万元，比 2022 年度决算数增长 Q%。"
_SPENDING_TOTAL = re.compile(rf"财政拨款支出(?:决算)?总计(?:为)?\s*{FIGURE}\s*万元")
_KIND = re.compile(rf"(基本支出|项目支出)(?:为)?\s*{FIGURE}\s*万元\s*,\s*{SHARE}\s*{FIGURE}\s*%")
_ITEM = re.compile(rf"^\d+\s*[.、．]\s*([^()]+?)\s*\((\d{{7}})\)\s*,?\s*(?:\d{{4}}\s*年度?)?\s*决算数(?:为)?\s*{FIGURE}\s*万元")


# the kinds of spending (支出决算's parts), which the class pattern would otherwise take for classes
_NOT_CLASSES = {"基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"}


def read(sentences, template: str = "部门") -> Reading:
    reading = Reading()
    rows = []
    items = []
    for sentence in sentences:
        used = False
        if (match := _ITEM.match(sentence.text)):
            item = {"科目编码": match[2], "科目名称": match[1].strip(), "决算": as_figure(match[3])}
            where = f"功能分类项[{len(items)}]"
            reading.provenance[where] = (sentence.line, sentence.text)
            sub = Reading()
            if sub.put_base_change(sentence):
                item["与上年决算比较"] = sub.value["与上年决算比较"]
            items.append(item)
            reading.value["功能分类项"] = items
            continue
        if (match := _SPENDING_TOTAL.search(sentence.text)):
            reading.put(("财政拨款支出总计",), as_figure(match[1]), sentence)
            used = True
        for match in _KIND.finditer(sentence.text):
            reading.put((match[1], "金额"), as_figure(match[2]), sentence)
            reading.put((match[1], "占比"), as_figure(match[3]), sentence)
            used = True
        if (match := _TOTAL.search(sentence.text)):
            reading.put(("财政拨款收支总计",), as_figure(match[1]), sentence)
            if match[2] is not None:
                reading.restate("财政拨款收支总计", as_figure(match[1]), as_figure(match[2]),
                                (sentence.line, sentence.text))
            used = True
        for match in _CLASS.finditer(sentence.text):
            name = re.sub(r"^(?:其中|包括)", "", match[1])
            if name in _NOT_CLASSES:
                continue          # "其中基本支出 A 万元，占 P%": spending by kind, read above
            row = {"科目名称": name, "金额": as_figure(match[2]), "占比": as_figure(match[3])}
            if class_code(name):
                row = {"科目编码": class_code(name), **row}
            reading.provenance[f"支出功能分类[{len(rows)}]"] = (sentence.line, sentence.text)
            rows.append(row)
            used = True
        for key in ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"):
            if (match := re.search(rf"(?<!本年){key}(?:收入|支出)?(?:为)?\s*{FIGURE}\s*万元", sentence.text)):
                reading.put((key,), as_figure(match[1]), sentence)
                used = True
        if reading.put_base_change(sentence):
            used = True
        if not used:
            reading.note_unused(sentence)
    if rows:
        reading.value["支出功能分类"] = rows
    return reading
