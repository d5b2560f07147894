"""六、基本支出 and 七、项目支出 (一般公共预算财政拨款): a total, then groups each with its total and a
"主要包括：" list of items ("办公费0.32万元、水费0.06万元…"). In 六 the groups are 人员经费 and
公用经费; in 七 they are economic classes (经济分类, 类 level), which get their national codes.

Item names become keys of the disclosure, so they are kept as the document writes them."""
import re

from ledgerlint.documents.changes import as_figure
from ledgerlint.documents.readers import FIGURE
from ledgerlint.documents.readers import Reading
from ledgerlint.documents.readers import as_written

# 部门预算支出经济分类科目, class level; a class written with a slip ("资本性支出支出") is matched by prefix
ECONOMIC_CODES = {"工资福利支出": "301", "商品和服务支出": "302", "对个人和家庭的补助": "303",
                  "债务利息及费用支出": "307", "资本性支出(基本建设)": "309", "资本性支出": "310",
                  "对企业补助(基本建设)": "311", "对企业补助": "312", "对社会保障基金补助": "313", "其他支出": "399"}
_TOTAL = re.compile(rf"(?:基本|项目)支出(?:决算)?(?:合计)?(?:为)?\s*{FIGURE}\s*万元")
_GROUP = re.compile(rf"^\([一二三四五六七八九十]+\)\s*([^\s\d,、;:]+?)\s*{FIGURE}\s*万元")
_ITEM = re.compile(rf"([^\s,、;:]+?)\s*{FIGURE}\s*万元")
_LIST = re.compile(r"(?:主要)?包括[:]?")
# "其中：人员经费 95.36 万元，主要包括：基本工资、津贴补贴…；公用经费 10.23 万元，主要包括：…" (2020 on):
# the groups in the running text, each followed by the names it covers (no amounts)
_INLINE_GROUP = re.compile(rf"(?:其中\s*:\s*)?(人员经费|公用经费)\s*(?:支出)?(?:为)?\s*{FIGURE}\s*万元")


def _code(name: str) -> str | None:
    matches = [code for prefix, code in ECONOMIC_CODES.items() if name.startswith(prefix)]
    return max(matches, key=len) if matches else None   # "资本性支出(基本建设)" before "资本性支出"


def read(key: str, sentences) -> Reading:
    """`key` is the section ("一般公共预算财政拨款基本支出决算" or "…项目支出决算"): 六 keeps groups by
    name, 七 as a list of classes."""
    reading = Reading()
    by_class = "项目支出" in key
    groups: list[dict] = []
    group = None
    for sentence in sentences:
        text = sentence.text
        if (match := _GROUP.match(text)):
            name = as_written(match[1], sentence)
            group = {"合计": as_figure(match[2]), "明细": {}}
            if by_class:
                group = {"科目编码": _code(match[1]), "科目名称": name, **group}
                if group["科目编码"] is None:
                    del group["科目编码"]
            groups.append(group)
            where = f"经济分类[{len(groups) - 1}]" if by_class else name
            reading.provenance[where] = (sentence.line, text)
            if not by_class:
                reading.value[name] = group
            text = text[match.end():]
        elif group is None and (match := _TOTAL.search(text)):
            reading.put(("合计",), as_figure(match[1]), sentence)
            continue
        elif not by_class and (match := _INLINE_GROUP.match(text)):
            reading.put((match[1], "合计"), as_figure(match[2]), sentence)
            listed = _LIST.search(text)
            if listed:
                names = [n.strip() for n in re.split(r"[、,]", text[listed.end():].rstrip("。;")) if n.strip()]
                reading.value[match[1]]["包括"] = [as_written(n, sentence) for n in names]
            continue
        listed = _LIST.search(text)
        if group is not None and listed:
            for item in _ITEM.finditer(text[listed.end():]):
                group["明细"][as_written(item[1], sentence)] = as_figure(item[2])
        elif group is not None and by_class and not _GROUP.match(sentence.text) and "说明" not in group:
            group["说明"] = sentence.text   # the class's explanation (normalised, like reasons)
        elif not _GROUP.match(sentence.text):
            reading.note_unused(sentence)
    if by_class and groups:
        reading.value["经济分类"] = groups
    return reading
