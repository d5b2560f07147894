"""四、财政拨款收入支出决算总体情况: the appropriations' total, its spending by function class (类) with
shares, and its changes against the budget and last year.

A class is any "<name>支出 A万元，占 P%"; its code comes from the national classification of
expenditure by function (政府收支分类科目, 类 level), so rules can key on the code as the tables do."""
import re

from ..changes import as_figure
from . import FIGURE, Reading

# 政府收支分类科目, expenditure by function, class level (names as the 2023 classification writes them)
CLASS_CODES = {
    "一般公共服务支出": "201", "外交支出": "202", "国防支出": "203", "公共安全支出": "204", "教育支出": "205",
    "科学技术支出": "206", "文化旅游体育与传媒支出": "207", "社会保障和就业支出": "208", "卫生健康支出": "210",
    "节能环保支出": "211", "城乡社区支出": "212", "农林水支出": "213", "交通运输支出": "214",
    "资源勘探工业信息等支出": "215", "商业服务业等支出": "216", "金融支出": "217", "援助其他地区支出": "219",
    "自然资源海洋气象等支出": "220", "住房保障支出": "221", "粮油物资储备支出": "222",
    "灾害防治及应急管理支出": "224", "其他支出": "229", "债务付息支出": "232", "债务发行费用支出": "233",
}
_TOTAL = re.compile(rf"财政拨款收入、?支出(?:决算)?总计(?:为|是)?\s*{FIGURE}\s*万元")
_CLASS = re.compile(rf"([^\s,、;:0-9]+?支出)\s*:?\s*{FIGURE}\s*万元\s*,\s*占(?:比)?\s*{FIGURE}\s*%")


def read(sentences) -> Reading:
    reading = Reading()
    rows = []
    for sentence in sentences:
        used = False
        if (match := _TOTAL.search(sentence.text)):
            reading.put(("财政拨款收支总计",), as_figure(match[1]), sentence)
            used = True
        for match in _CLASS.finditer(sentence.text):
            name = re.sub(r"^(?:其中|包括)", "", match[1])
            row = {"科目名称": name, "金额": as_figure(match[2]), "占比": as_figure(match[3])}
            if name in CLASS_CODES:
                row = {"科目编码": CLASS_CODES[name], **row}
            reading.provenance[f"支出功能分类[{len(rows)}]"] = (sentence.line, sentence.text)
            rows.append(row)
            used = True
        if reading.put_base_change(sentence):
            used = True
        if not used:
            reading.note_unused(sentence)
    if rows:
        reading.value["支出功能分类"] = rows
    return reading
