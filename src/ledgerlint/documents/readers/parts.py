"""A section that lists a total and its parts with their shares (二、收入决算, 三、支出决算): read by the
section's own schema, so a part the schema knows is a part the reader knows.

A property that refers to the schema's 金额 is an amount written as "<title> A万元"; one that refers to
占比项 is a part written as "<title> A万元，占 P%". A leading 本年 and the word 决算 in the title are
optional in the text, as published documents differ on both."""
import re

from ledgerlint.documents.changes import as_figure
from ledgerlint.documents.readers import CLASS_SHARE as _CLASS
from ledgerlint.documents.readers import FIGURE
from ledgerlint.documents.readers import SHARE
from ledgerlint.documents.readers import Reading
from ledgerlint.documents.readers.codes import class_code

_AMOUNT = "#/$defs/金额"
_PART = "#/$defs/占比项"


def _label(spec: dict, key: str) -> str:
    title = re.sub(r"^本年", "", spec.get("title") or key)
    if title.endswith("合计"):     # "本年收入合计", "本年收入决算合计", and "本年收入" alone (Guangxi)
        base = re.escape(title.removesuffix("合计").removesuffix("决算"))
        return f"(?:本年{base}(?:决算)?(?:合计)?|{base}(?:决算)?合计)"
    return "(?:本年)?" + re.escape(title).replace("决算", "(?:决算)?")



# what a template calls the year's totals (高等学校: "收入总计", "各项支出总计")
_TEMPLATE_TERMS = {"高等学校": {"本年收入合计": r"(?:收入总计|收入总额)", "本年支出合计": r"(?:各项)?支出总计"}}
# "按照支出功能科目划分，教育支出 A 万元，占总支出的 P%": the spending by function class


def patterns(section_schema: dict, template: str = "部门") -> list:
    """(key, kind, compiled pattern) for each amount and part of the section, longest label first so that
    a label inside another ("收入" in "其他收入") never wins."""
    found = []
    for key, spec in section_schema.get("properties", {}).items():
        kind = {_AMOUNT: "amount", _PART: "part"}.get(spec.get("$ref"))
        label = _label(spec, key)
        if key in _TEMPLATE_TERMS.get(template, {}):
            label = f"(?:{label}|{_TEMPLATE_TERMS[template][key]})"
        if kind == "amount":
            found.append((key, kind, re.compile(rf"{label}(?:为)?\s*{FIGURE}\s*万元")))
        elif kind == "part":
            found.append((key, kind, re.compile(rf"{label}\s*{FIGURE}\s*万元\s*,\s*{SHARE}\s*{FIGURE}\s*%")))
    return sorted(found, key=lambda item: -len(item[2].pattern))


def read(sentences, section_schema: dict, template: str = "部门") -> Reading:
    """Every amount and part in every sentence (a document may list all parts in one sentence); a
    stretch of text read for one label is not read again for a shorter one inside it. Spending by
    function class ("按照支出功能科目划分，…") is a list of its own, where the schema has one."""
    reading = Reading()
    table = patterns(section_schema, template)
    classes = []
    by_class = False       # after "按照支出功能科目划分": the sentences that follow list classes too
    for sentence in sentences:
        by_class = by_class or ("支出功能分类" in section_schema.get("properties", {}) and "功能" in sentence.text[:12])
        if by_class and _CLASS.search(sentence.text):
            for match in _CLASS.finditer(sentence.text):
                row = {"科目名称": match[1], "金额": as_figure(match[2]), "占比": as_figure(match[3])}
                if class_code(match[1]):
                    row = {"科目编码": class_code(match[1]), **row}
                reading.provenance[f"支出功能分类[{len(classes)}]"] = (sentence.line, sentence.text)
                classes.append(row)
            if classes:
                reading.value["支出功能分类"] = classes
                continue
        taken: list[range] = []
        for key, kind, pattern in table:
            match = pattern.search(sentence.text)
            if match is None or key in reading.value or any(match.start() in span for span in taken):
                continue
            taken.append(range(match.start(), match.end()))
            if kind == "amount":
                reading.put((key,), as_figure(match[1]), sentence)
            else:
                reading.put((key, "金额"), as_figure(match[1]), sentence)
                reading.put((key, "占比"), as_figure(match[2]), sentence)
        if not taken:
            reading.note_unused(sentence)
    return reading
