"""八、财政拨款“三公”经费支出决算情况: budget against actual for the whole and each of the three items,
then each item's spending, share, counts (团组 and 人次, 批次 and 人次, vehicles held) and change.

Sentences are read in order; a sentence that names an item (or the vehicle purchase / running costs)
makes it the subject of the change statements that follow, which is how the template attaches them."""
import re

from ledgerlint.documents.changes import as_figure, read_change
from ledgerlint.documents.doctext import Sentence
from ledgerlint.documents.readers import FIGURE as _A
from ledgerlint.documents.readers import SHARE
from ledgerlint.documents.readers import Reading
from ledgerlint.documents.readers import as_written
from ledgerlint.documents.readers import whole_reason

ITEMS = {"因公出国(境)费": "因公出国（境）费", "公务用车购置及运行维护费": "公务用车购置及运行维护费",
         "公务接待费": "公务接待费"}
_CARS = "公务用车购置及运行维护费"
# the budget as the text names it: "年初预算" is recorded as 年初预算, "全年预算" or "预算" as 全年预算
_BUDGET = re.compile(rf"(年初|全年)?预算(?:数)?(?:为)?\s*{_A}\s*万元\s*,\s*(?:实际)?支出决算(?:数)?(?:为)?\s*{_A}\s*万元"
                     rf"(?:\s*,\s*完成(?:全年|年初)?预算的\s*{_A}\s*%)?")
# "其中：因公出国（境）费决算为 0.00 万元，完成预算的 0.00%" (2020 on): an item's actual and rate, no budget
_ITEM_RATE = re.compile(rf"(因公出国\(境\)费|公务用车购置及运行维护费|公务接待费)(?:支出)?决算(?:数)?(?:为)?\s*{_A}\s*万元"
                        rf"\s*,\s*完成(?:全年|年初)?预算的\s*{_A}\s*%")
# "支出决算为 8.00 万元，完成全年预算 10.00 万元的 80.00%"
_RATE_OF = re.compile(rf"支出决算(?:数)?(?:为)?\s*{_A}\s*万元\s*,\s*完成(年初|全年)?预算(?:数)?\s*{_A}\s*万元的\s*{_A}\s*%")
# "公务接待费支出 2.00 万元，共 10 批次（其中外事接待 2 批次），60 人次"
_ALL_VISITS = re.compile(rf"共\s*{_A}\s*批次\s*\(\s*其中外事接待\s*{_A}\s*批次\s*\)\s*,?\s*(?:共)?\s*{_A}\s*人次")
# "公务接待 2 批次、26 人次，其中：接待外宾 0 批次、0 人次"
_VISITS = re.compile(rf"公务接待\s*{_A}\s*批次\s*[,、]\s*{_A}\s*人次")
_FOREIGN_VISITS = re.compile(rf"接待外宾\s*{_A}\s*批次\s*[,、]\s*{_A}\s*人次")
_FOREIGN_SPENT = re.compile(rf"含外宾接待(?:支出)?\s*{_A}\s*万元")
# a clause of the change list after "其中：" names its item and states its change against the same base
_CLAUSES = re.compile(r"其中\s*:|;")
_SHARE = re.compile(rf"支出(?:决算)?(?:为)?\s*{_A}\s*万元\s*,\s*{SHARE}\s*{_A}\s*%")
_SPENT = re.compile(rf"支出(?:决算)?(?:为)?\s*{_A}\s*万元")
_TRIPS = re.compile(rf"团组\s*{_A}\s*个\s*[,、]\s*(?:累计)?\s*{_A}\s*人次")
_WHOLE = re.compile(rf"三公\W*经费(?:财政拨款)?支出(?:决算)?(?:为)?\s*{_A}\s*万元\s*,\s*其中")
_BOUGHT = re.compile(rf"购置(?:公务用)?车(?:辆)?\s*{_A}\s*辆")
_HELD = re.compile(rf"保有量(?:为)?\s*{_A}\s*辆")
# "…N 辆，其中：一般公务用车 1 辆、执法执勤用车 2 辆": the kinds right after a vehicle count
_KINDS = re.compile(r"\s*[,;]?\s*其中\s*:?\s*")
_KIND = re.compile(rf"\s*[、,;]?\s*([\u4e00-\u9fff]{{1,12}}?车(?:辆)?)\s*{_A}\s*辆")
# "接待A批次，B人次" (the seed), "国内公务接待批次为A个，接待人次为B人"
_GUESTS = re.compile(rf"(国内|国\(境\)外)公务接待(?:费)?支出\s*{_A}\s*万元\s*,\s*[^,;。\d]*?\s*{_A}\s*(?:批次|个)"
                     rf"\s*,\s*[^,;。\d]*?\s*{_A}\s*(?:人次|人)")
# "国内公务接待支出 0.39 万（含…）": the unit written short is kept as written, for check to report
_GUEST_SPENT = re.compile(rf"(国内|国\(境\)外)公务接待(?:费)?支出\s*(?:{_A}\s*万元|({_A}\s*万)(?!元))")
_NO_TRIPS = re.compile(r"无因公出国\(境\)团组(?:及|和)人次|未(?:安排|组织)因公出国\(境\)团组")
_REASON = re.compile(r"差异(?:的)?原因(?:是|为|:)\s*(.*)$")


def _put_kinds(reading: Reading, path: tuple, text: str, end: int, sentence) -> None:
    """The vehicles by kind listed right after a count ends at `end`. A kind written with 新能源 is a
    property of cars already counted under their use (一般公务用车 of which 新能源 …), so it is not a
    part of the count and is left out."""
    if not (lead := _KINDS.match(text, end)):
        return
    at = lead.end()
    while (kind := _KIND.match(text, at)):
        if "新能源" not in kind[1]:
            reading.put(path + (kind[1],), as_figure(kind[2]), sentence)
        at = kind.end()


def _item(text: str) -> str | None:
    return next((key for name, key in ITEMS.items() if name in text), None)


_HELD_EVENTS = re.compile(rf"(?:召开|举办|组织)[^,;。]*?\s*{_A}\s*次\s*,\s*(?:参会|参训|累计)?[^,;。\d]*?\s*{_A}\s*人次")


def _meetings(reading: Reading, name: str, sentence) -> bool:
    used = False
    if (match := _BUDGET.search(sentence.text)):
        budget = "年初预算" if match[1] == "年初" else "全年预算"
        for key, value in zip((budget, "支出决算", "完成预算百分比"), match.groups()[1:]):
            if value is not None:
                reading.put((name, key), as_figure(value), sentence)
        used = True
    if (match := _HELD_EVENTS.search(sentence.text)):
        reading.put((name, "次数"), as_figure(match[1]), sentence)
        reading.put((name, "人次"), as_figure(match[2]), sentence)
        used = True
    return used


def _changes(reading: Reading, sentence) -> bool:
    """"“三公”经费…决算数比2023年度减少A万元，下降P%，其中：因公出国（境）费支出与上一年度持平；…；
    公务接待费支出决算减少B万元，下降Q%": the whole's change, then each item's, each against the base the
    first clause names. Returns whether any was read."""
    text = sentence.text
    first = read_change(text)
    if first is None:
        return False
    clauses = _CLAUSES.split(text)
    found = False
    for index, clause in enumerate(clauses):
        named = _item(clause)
        change = read_change(clause) or (read_change("比上年" + clause) if named and index else None)
        if change is None:
            continue
        path = ("具体情况", named, "与上年比较") if named and not (index == 0 and "三公" in clause) else ("总体情况", "与上年比较")
        sub = Sentence(sentence.line, clause, sentence.original)
        found = reading.put_change(path, sub) or found
    return found


def read(sentences) -> Reading:
    reading = Reading()
    part = "总体情况"
    subject: tuple = ()
    guests = None       # 国内 or 国（境）外: the reception whose counts follow its spending
    listing = False     # the whole's change was stated: the items' changes follow, one clause each
    for sentence in sentences:
        text = sentence.text
        if "具体情况" in text and "(二)" in text[:4]:
            part = "具体情况"
            continue
        item = _item(text)
        used = False
        took_change = False     # the sentence's change was read already (the 三公 list of changes)
        meeting = next((name for name in ("会议费", "培训费") if text.startswith(name) or f"{name}全年预算" in text), None)
        if meeting and not item:     # Shaanxi's template: 会议费 and 培训费 follow the 三公 paragraphs
            used = _meetings(reading, meeting, sentence)
            if used:
                continue
        if (match := _BUDGET.search(text)):
            # the subject is what the sentence names before the budget ("“三公”经费…年初预算为…，其中：
            # 因公出国（境）费…" is the whole's budget; the item after 其中 is a clause of its own)
            named = _item(text[:match.start()])
            where = ("总体情况", named) if named and "三公" not in text[:match.start()] else ("总体情况",)
            budget = "年初预算" if match[1] == "年初" else "全年预算"
            for key, value in zip((budget, "支出决算", "完成预算百分比"), match.groups()[1:]):
                if value is not None:      # no rate where the budget was nil
                    reading.put(where + (key,), as_figure(value), sentence)
            used = True
            for clause in _ITEM_RATE.finditer(text[match.end():]):
                name = _item(clause[1])
                reading.put(("总体情况", name, "支出决算"), as_figure(clause[2]), sentence)
                reading.put(("总体情况", name, "完成预算百分比"), as_figure(clause[3]), sentence)
        elif (match := _RATE_OF.search(text)):
            named = _item(text[:match.start()])
            where = ("总体情况", named) if named and "三公" not in text[:match.start()] else ("总体情况",)
            budget = "年初预算" if match[2] == "年初" else "全年预算"
            reading.put(where + ("支出决算",), as_figure(match[1]), sentence)
            reading.put(where + (budget,), as_figure(match[3]), sentence)
            reading.put(where + ("完成预算百分比",), as_figure(match[4]), sentence)
            used = True
        elif (match := _ALL_VISITS.search(text)):
            reading.put(("具体情况", "公务接待费", "批次"), as_figure(match[1]), sentence)
            reading.put(("具体情况", "公务接待费", "外事接待批次"), as_figure(match[2]), sentence)
            reading.put(("具体情况", "公务接待费", "人次"), as_figure(match[3]), sentence)
            if (spent := _SPENT.search(text[:match.start()])) and item == "公务接待费":
                reading.put(("具体情况", "公务接待费", "支出决算"), as_figure(spent[1]), sentence)
            used = True
        elif (match := _ITEM_RATE.search(text)):
            name = _item(match[1])
            reading.put(("总体情况", name, "支出决算"), as_figure(match[2]), sentence)
            reading.put(("总体情况", name, "完成预算百分比"), as_figure(match[3]), sentence)
            used = True
        elif part == "总体情况" and "三公" in text and read_change(text):
            used = listing = took_change = _changes(reading, sentence)
        elif part == "总体情况" and listing and item and (change := read_change(text) or read_change("比上年" + text)):
            used = took_change = reading.put_change(("具体情况", item, "与上年比较"), sentence, change)
        elif (match := _REASON.search(text)) and part == "总体情况":
            reading.put(("总体情况", "差异原因"), whole_reason(match[1], sentence), sentence)
            used = True
        elif (match := _GUESTS.search(text)):
            key = "国内公务接待费" if match[1] == "国内" else "国（境）外公务接待费"
            for name, value in zip(("支出决算", "批次", "人次"), match.groups()[1:]):
                reading.put(("具体情况", "公务接待费", key, name), as_figure(value), sentence)
            used = True
        elif (match := _GUEST_SPENT.search(text)):       # spending without the counts
            key = "国内公务接待费" if match[1] == "国内" else "国（境）外公务接待费"
            spent = as_figure(match[2]) if match[2] is not None else as_written(match[3], sentence)
            reading.put(("具体情况", "公务接待费", key, "支出决算"), spent, sentence)
            if (foreign := _FOREIGN_SPENT.search(text)):
                reading.put(("具体情况", "公务接待费", key, "外宾接待支出"), as_figure(foreign[1]), sentence)
            guests = key
            used = True
        elif (match := _VISITS.search(text)):
            key = guests or "国内公务接待费"
            reading.put(("具体情况", "公务接待费", key, "批次"), as_figure(match[1]), sentence)
            reading.put(("具体情况", "公务接待费", key, "人次"), as_figure(match[2]), sentence)
            if (foreign := _FOREIGN_VISITS.search(text)):
                reading.put(("具体情况", "公务接待费", key, "外宾接待批次"), as_figure(foreign[1]), sentence)
                reading.put(("具体情况", "公务接待费", key, "外宾接待人次"), as_figure(foreign[2]), sentence)
            used = True
        elif "公务用车购置支出" in text and (match := _SPENT.search(text)):
            subject = ("具体情况", _CARS, "公务用车购置费")
            reading.put(subject + ("支出决算",), as_figure(match[1]), sentence)
            if (bought := _BOUGHT.search(text)):
                reading.put(subject + ("购置数量",), as_figure(bought[1]), sentence)
                _put_kinds(reading, subject + ("车型",), text, bought.end(), sentence)
            used = True
        elif re.search(r"公务用车运行维护(?:费)?支出", text) and (match := _SPENT.search(text)):
            subject = ("具体情况", _CARS, "公务用车运行维护费")
            reading.put(subject + ("支出决算",), as_figure(match[1]), sentence)
            used = True
        elif item and (match := _SHARE.search(text)):
            reading.put(("具体情况", item, "支出决算"), as_figure(match[1]), sentence)
            reading.put(("具体情况", item, "占比"), as_figure(match[2]), sentence)
            used = True
        elif item and part == "具体情况" and (match := _SPENT.search(text)):
            subject = ("具体情况", item)
            reading.put(subject + ("支出决算",), as_figure(match[1]), sentence)
            used = True
        elif "三公" in text and part == "具体情况" and (match := _SPENT.search(text)):
            reading.put(("具体情况", "支出决算"), as_figure(match[1]), sentence)
            used = True
        # "“三公”经费…支出决算 A万元，其中：<item>…占 P%": the whole of the item shares that follow
        if (part == "具体情况" or _SHARE.search(text)) and (match := _WHOLE.search(text)):   # "“三公”经费…支出决算 A万元，其中：<item>…"
            reading.put(("具体情况", "支出决算"), as_figure(match[1]), sentence)
            used = True
        if (match := _TRIPS.search(text)):
            for name, value in zip(("团组数", "人次"), match.groups()):
                reading.put(("具体情况", "因公出国（境）费", name), as_figure(value), sentence)
            used = True
        elif _NO_TRIPS.search(text):      # "无因公出国（境）团组及人次": none of either, said in words
            for name in ("团组数", "人次"):
                reading.put(("具体情况", "因公出国（境）费", name), 0, sentence)
            used = True
        if (match := _HELD.search(text)):
            held = ("具体情况", _CARS, "公务用车运行维护费")
            reading.put(held + ("保有量",), as_figure(match[1]), sentence)
            _put_kinds(reading, held + ("保有车型",), text, match.end(), sentence)
            used = True
        # a change belongs to what its own sentence names; the subject before it only where it names none
        if item and subject[:2] != ("具体情况", item) and not (item == _CARS and subject[:2] == ("具体情况", _CARS)):
            subject = ("具体情况", item) if part == "具体情况" or read_change(text) else subject
        if subject and not took_change and reading.put_change(subject + ("与上年比较",), sentence):
            used = True
        if not used:
            reading.note_unused(sentence)
    return reading
