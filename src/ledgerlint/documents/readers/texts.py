"""Sections without figures of their own — 名词解释, 联系方式, 附表 — and 单位概况's table of the units in
the accounts. Rules still read them (that each term is explained, that a contact is given), so the
extractor reads them as well."""
import re

from ledgerlint.documents.changes import as_figure
from ledgerlint.documents.doctext import NUMBER
from ledgerlint.documents.readers import Reading
from ledgerlint.documents.readers import as_written

_TERM = re.compile(r"^[一二三四五六七八九十]+、\s*(.+?)\s*:")


def terms(sentences) -> Reading:
    """Each numbered "一、<名词>：…" line names one term."""
    reading = Reading()
    found = []
    for sentence in sentences:
        match = _TERM.match(sentence.text)
        if match and sentence.text.startswith(match[0]):
            reading.provenance[f"[{len(found)}]"] = (sentence.line, sentence.text)
            found.append(as_written(match[1], sentence))
    reading.value = found
    return reading


def definitions(sentences) -> Reading:
    """Each numbered "一、<名词>：<释义>" line as {名词, 解释}, for the rules that compare an explanation
    with the template's (a term explained with the entry above it, copied)."""
    reading = Reading()
    found = []
    for sentence in sentences:
        match = _TERM.match(sentence.text)
        if match and sentence.text.startswith(match[0]) and (said := sentence.text[match.end():].strip()):
            reading.provenance[f"[{len(found)}]"] = (sentence.line, sentence.text)
            found.append({"名词": as_written(match[1], sentence), "解释": as_written(said, sentence)})
    reading.value = found
    return reading


def contact(sentences) -> Reading:
    reading = Reading()
    for sentence in sentences:
        for label in ("联系人", "联系电话"):
            match = re.search(rf"{label}\s*:\s*([^\s,;:]+)", sentence.text)
            if match:
                reading.put((label,), match[1], sentence)
    return reading


def attachments(sentences) -> Reading:
    reading = Reading()
    for sentence in sentences:
        count = re.search(r"共\s*(\d+)\s*(?:张|个)表", sentence.text)
        if count:
            reading.put(("表数",), as_figure(count[1]), sentence)
        if "说明" not in reading.value:
            reading.put(("说明",), as_written(sentence.text, sentence), sentence)
    return reading


READERS = {"名词解释": terms, "联系方式": contact, "附表": attachments}
# what a section states beyond its own field: its key → (the other field, its reader)
ALSO = {"名词解释": ("名词释义", definitions)}


def units_table(reading: Reading, rows) -> None:
    """The table under 决算单位构成 (序号 | 单位名称 | 单位性质), into 决算单位构成.单位列表."""
    header = None
    table = None       # the units' table: the rows after it (a 决算表 that follows on the next page) are not units
    units = []
    for row in rows:
        texts = row.texts()
        if "单位名称" in texts and header is None:
            header, table = texts, row.table
            continue
        if header is None:
            continue
        if row.table != table:
            break
        unit = {}
        for column, cell in zip(header, row.cells):
            if column == "序号" and re.fullmatch(NUMBER, cell.text):
                unit["序号"] = as_figure(cell.text)
                reading.provenance[f"决算单位构成.单位列表[{len(units)}].序号"] = (cell.line, cell.text)
            elif column in ("单位名称", "单位性质") and cell.text:
                unit[column] = as_written(cell.text, cell)
        if unit:
            units.append(unit)
    if units:
        reading.value.setdefault("决算单位构成", {})["单位列表"] = units
