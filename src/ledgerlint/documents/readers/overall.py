"""一、收入支出决算总体情况: the two totals and their changes against the budget and last year, then each
side's parts (本年收入合计, 其他收入, 结余 and 结转 lines) with their changes.

Table-driven: each line of the template is a label, the path its amount goes to, and the path a change
statement that follows it goes to. A label seen makes its change path the subject of the next change."""
import re

from ledgerlint.documents.changes import as_figure, read_change
from ledgerlint.documents.readers import FIGURE
from ledgerlint.documents.readers import Reading
from ledgerlint.documents.readers import as_written
from ledgerlint.documents.readers import whole_reason

_SIDES = {"收入": ("收入", "收入决算总计"), "支出": ("支出", "支出决算总计")}
# (label pattern, amount path within the side, change path within the side or None)
_LINES = [
    (r"本年收入(?:决算)?(?:合计)?", ("本年收入合计",), ("本年收入合计与上年比较",)),
    (r"本年支出(?:决算)?(?:合计)?", ("本年支出合计",), ("本年支出合计与上年比较",)),
    (r"使用非财政拨款结余(?:和专用结余|\(含专用结余\))?", ("使用非财政拨款结余和专用结余",), None),
    (r"(?:年初|上年)结转和结余", ("年初结转和结余",), ("年初结转和结余与上年比较",)),
    (r"结余分配", ("结余分配",), None),
    (r"年末结转和结余(?:资金)?", ("年末结转和结余",), None),
]
# "收、支总计各是A万元、B万元" (or "A,B万元"): B is the spending side's, restating A
_TOTAL = re.compile(rf"(?:收入、?支出|收支|收、支)(?:决算)?总计(?:各|均|都)?(?:为|是)?\s*{FIGURE}\s*(?:万元)?"
                    rf"(?:\s*[、,]\s*{FIGURE})?\s*万元")
_SIDE_TOTAL = re.compile(rf"(?:(收入|支出)(?:决算)?总计|总(收入|支出))(?:为)?\s*{FIGURE}\s*万元")
_BOTH = re.compile(r"收入支出总体|收支总体|收、支总计|收支总计|收入、?支出(?:决算)?总计")
_OTHER = re.compile(rf"其他收入\s*{FIGURE}\s*(万元|元)")
# "其中：财政拨款收入增加 A 万元，事业收入增加 B 万元，其他收入减少 C 万元" — each item's change against the
# base named before (高等学校); "学校其他收入与上年比较发生较大差异的原因是…" gives one item's reason
_ITEM_CHANGE = re.compile(rf"([^\s,、;:0-9]{{2,16}}?(?:收入|支出))\s*(增加|减少|增长|下降)\s*{FIGURE}\s*万元")
_ITEM_REASON = re.compile(r"^(?:学校|本单位|本部门)?([^\s,、;:0-9]{2,16}?(?:收入|支出))与上年(?:比较|相比)[^。]*?原因(?:是|为|:|,)\s*(.*)$")


def _item_changes(reading: Reading, side: str, sentence) -> bool:
    found = False
    for match in _ITEM_CHANGE.finditer(sentence.text):
        name = re.sub(r"^(?:其中|包括)\s*:?", "", match[1])
        reading.put((side, "各项与上年比较", name, "方向"), match[2], sentence)
        reading.put((side, "各项与上年比较", name, "金额"), as_figure(match[3]), sentence)
        found = True
    return found


def read(sentences, template: str = "部门") -> Reading:
    """`template` "高等学校": the side totals (收入总计, 支出总计) are the year's income and spending
    (本年收入合计, 本年支出合计), as that template's tables show."""
    reading = Reading()
    side = None
    subject: tuple | None = None
    for sentence in sentences:
        text = sentence.text
        used = True
        if side and _ITEM_CHANGE.search(text) and not _SIDE_TOTAL.search(text):
            used = _item_changes(reading, side, sentence)
        elif side and (match := _ITEM_REASON.match(text)) and match[1] in reading.value.get(side, {}).get("各项与上年比较", {}):
            reading.put((side, "各项与上年比较", match[1], "原因"), whole_reason(match[2], sentence), sentence)
        elif template == "高等学校" and (match := _SIDE_TOTAL.search(text)):
            side = _SIDES[match[1] or match[2]][0]
            reading.put((side, f"本年{side}合计"), as_figure(match[3]), sentence)
            subject = (side, f"本年{side}合计与上年比较")
            reading.put_change(subject, sentence)
        elif (match := _TOTAL.search(text)):
            reading.put(("收支决算总计",), as_figure(match[1]), sentence)
            if match[2] is not None:
                reading.restate("收支决算总计", as_figure(match[1]), as_figure(match[2]),
                                (sentence.line, as_written(text, sentence)))
            subject = None
        elif _BOTH.search(text) and read_change(text):   # "收入支出总体与上年相比，增加…" after the sides
            used = reading.put_base_change(sentence)
        elif (match := _SIDE_TOTAL.search(text)):
            side, key = _SIDES[match[1] or match[2]]
            reading.put((side, key), as_figure(match[3]), sentence)
            subject = None
            # "收入总计A万元，其中：本年收入合计B万元，…年初结转和结余C万元" in one sentence (Xinjiang)
            for label_path, value, _ in _lines(text[match.end():]):
                reading.put((side,) + label_path, value, sentence)
        elif (match := _OTHER.search(text)) and side:
            reading.put((side, "其他收入", "金额", "数值"), as_figure(match[1]), sentence)
            reading.put((side, "其他收入", "金额", "单位"), match[2], sentence)
            reading.put_change((side, "其他收入", "与上年比较"), sentence)
        elif (line := _line(text)) and side:
            label_path, value, change_path = line
            reading.put((side,) + label_path, value, sentence)
            subject = (side,) + change_path if change_path else None
            if subject:
                reading.put_change(subject, sentence)
        elif subject:
            used = reading.put_change(subject, sentence)
        elif side is None:     # before (一): the totals' own changes ("收、支总计各增加…", "较年初预算增加…")
            used = reading.put_base_change(sentence)
        else:
            used = False
        if not used:
            reading.note_unused(sentence)
    return reading


def _line(text: str):
    found = _lines(text)
    return found[0] if found else None


def _lines(text: str) -> list:
    """(path, amount, change path) of every template line named in the text, in the order written."""
    found = []
    for label, path, change_path in _LINES:
        match = re.search(rf"{label}\s*{FIGURE}\s*万元", text)
        if match:
            found.append((match.start(), path, as_figure(match[1]), change_path))
    return [item[1:] for item in sorted(found)]
