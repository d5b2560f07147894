"""Short sections whose figures each follow a fixed label: 单位概况's counts, 机构运行经费, 政府采购,
国有资产占用, and the two 预算财政拨款支出 sections that are mostly "0.00万元". A table per section: a pattern whose groups are
figures (or, with "=text", words) and the path of each; a section with a change statement says where it
goes. Vehicle kinds are open-ended in the schema: any "<kind>用车 N辆" is read."""
import re

from ledgerlint.documents.changes import as_figure
from ledgerlint.documents.readers import FIGURE
from ledgerlint.documents.readers import Reading
from ledgerlint.documents.readers import as_written

_SPENT = [(rf"支出决算(?:数)?(?:为)?\s*{FIGURE}\s*万元", [("支出决算",)])]
# sections whose other sentences are their 说明 ("本年无…收、支、余"), which rules read
_EXPLAINED = ("政府性基金预算财政拨款支出决算", "国有资本经营预算财政拨款支出决算")
_SME = r"授予中小企业合同金额"
TABLES = {
    "政府性基金预算财政拨款支出决算": (_SPENT, None),
    "国有资本经营预算财政拨款支出决算": (_SPENT, None),
    "机构运行经费": ([(rf"(机构运行经费|机关运行经费)(?:支出)?(?:决算)?(?:数)?(?:为)?\s*{FIGURE}\s*万元",
                       [("名称", "=text"), ("支出决算",)])], ("与上年比较",)),
    "政府采购": ([
        (rf"政府采购支出总额(?:为)?\s*{FIGURE}\s*万元", [("支出总额",)]),
        # "政府采购金额（以合同签订为准）为 A万元，其中：货物采购金额 B万元、…" (2020 on)
        (rf"政府采购(?:支出)?金额\s*(?:\([^)]{{0,12}}\))?\s*(?:为)?\s*{FIGURE}\s*万元", [("支出总额",)]),
        (rf"(?:政府采购)?货物(?:采购)?(?:支出|金额)\s*(?:为)?\s*{FIGURE}\s*万元", [("货物",)]),
        (rf"(?:政府采购)?工程(?:采购)?(?:支出|金额)\s*(?:为)?\s*{FIGURE}\s*万元", [("工程",)]),
        (rf"(?:政府采购)?服务(?:采购)?(?:支出|金额)\s*(?:为)?\s*{FIGURE}\s*万元", [("服务",)]),
        (rf"面向中小企业预留(?:的)?政府采购项目预算金额\s*(?:为)?\s*{FIGURE}\s*万元", [("面向中小企业预留预算金额",)]),
        (rf"面向小微企业预留(?:的)?政府采购项目预算金额\s*(?:为)?\s*{FIGURE}\s*万元", [("面向小微企业预留预算金额",)]),
        (rf"面向中小企业预留(?:的)?政府采购项目中\s*,\s*由中小企业供应商中标或成交的\s*,\s*采购金额\s*{FIGURE}\s*万元",
         [("预留项目中小企业中标金额",)]),
        (rf"面向小微企业预留(?:的)?政府采购项目中\s*,\s*由小微企业供应商中标或成交的\s*,\s*采购金额\s*{FIGURE}\s*万元",
         [("预留项目小微企业中标金额",)]),
        (rf"其他政府采购项目中\s*,\s*由中小企业供应商中标或成交的\s*,\s*采购金额\s*{FIGURE}\s*万元",
         [("其他项目中小企业中标金额",)]),
        (rf"{_SME}\s*{FIGURE}\s*万元\s*,\s*占[^,;。]*?的?\s*{FIGURE}\s*%",
         [("授予中小企业合同金额",), ("授予中小企业合同占比",)]),
        (rf"授予小微企业合同金额\s*{FIGURE}\s*万元\s*,\s*占[^,;。]*?的?\s*{FIGURE}\s*%",
         [("授予小微企业合同金额",), ("授予小微企业合同占比",)]),
        (rf"货物采购{_SME}占[^,;。]*?的\s*{FIGURE}\s*%", [("货物授予中小企业占比",)]),
        (rf"工程采购{_SME}占[^,;。]*?的\s*{FIGURE}\s*%", [("工程授予中小企业占比",)]),
        (rf"服务采购{_SME}占[^,;。]*?的\s*{FIGURE}\s*%", [("服务授予中小企业占比",)]),
    ], None),
    "单位概况": ([
        (rf"共设\s*{FIGURE}\s*个(?:内设)?(?:股室|处室|科室|机构)", [("机构设置", "内设股室数")]),
        (rf"(?:科级|处级)?领导(?:职数)?\s*{FIGURE}\s*名", [("机构设置", "科级领导职数")]),
        (rf"年末独立核算机构数\s*:?\s*{FIGURE}\s*个", [("机构设置", "年末独立核算机构数")]),
        (rf"编制(?:数)?(?:为)?\s*{FIGURE}\s*人", [("人员情况", "编制数")]),
        (rf"财政拨款开支人(?:员|数)\s*:?\s*{FIGURE}\s*人", [("人员情况", "一般公共预算财政拨款开支人数")]),
        (rf"实有(?:人数|人员)(?:为)?\s*{FIGURE}\s*人", [("人员情况", "实有人数")]),
        (rf"行政人员及工勤(?:人员)?\s*{FIGURE}\s*人", [("人员情况", "行政人员及工勤人数")]),
        (rf"非参公事业人员\s*{FIGURE}\s*人", [("人员情况", "非参公事业人员数")]),
        (rf"(?<![参公])事业人员\s*{FIGURE}\s*人", [("人员情况", "事业人员数")]),
        (rf"较上年(增加|减少)\s*{FIGURE}\s*人", [("人员情况", "较上年变动", "方向", "=text"),
                                            ("人员情况", "较上年变动", "数量")]),
        (rf"退休(?:人员)?\s*{FIGURE}\s*人", [("人员情况", "退休人数")]),
        (rf"同工同酬\s*{FIGURE}\s*人", [("人员情况", "同工同酬人数")]),
        (rf"招聘\s*{FIGURE}\s*人", [("人员情况", "招聘人数")]),
        (rf"预算单位共计\s*{FIGURE}\s*家", [("决算单位构成", "预算单位数")]),
    ], None),
    "国有资产占用": ([
        (r"截至\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", [("截至日期", "=date")]),
        (rf"共有车辆\s*{FIGURE}\s*辆", [("车辆总数",)]),
        (rf"设备\s*\(不含车辆\)\s*{FIGURE}\s*台", [("单价100万元以上设备",)]),
    ], None),
}


_VEHICLE = re.compile(rf"([^\s,、;:]+?用车)\s*{FIGURE}\s*辆")


def _vehicles(reading: Reading, sentence) -> bool:
    """Each "<kind>用车 N辆" of the sentence under 车辆, the kind as the document writes it (its brackets
    full-width or not), since the kinds are the document's own keys."""
    found = False
    for match in _VEHICLE.finditer(sentence.text):
        reading.put(("车辆", as_written(match[1], sentence)), as_figure(match[2]), sentence)
        found = True
    return found


def read(key: str, sentences) -> Reading:
    rows, change_path = TABLES[key]
    compiled = [(re.compile(pattern), paths) for pattern, paths in rows]
    reading = Reading()
    for sentence in sentences:
        used = False
        for pattern, paths in compiled:
            match = pattern.search(sentence.text)
            if match is None:
                continue
            used = True
            if paths[0][-1] == "=date":
                reading.put(paths[0][:-1], "{}-{:0>2}-{:0>2}".format(*match.groups()), sentence)
                continue
            for path, value in zip(paths, match.groups()):
                if path[-1] == "=text":
                    reading.put(path[:-1], value, sentence)
                else:
                    reading.put(path, as_figure(value), sentence)
        if change_path and reading.put_change(change_path, sentence):
            used = True
        if key == "国有资产占用" and _vehicles(reading, sentence):
            used = True
        if not used and key in _EXPLAINED and not re.search(r"\d+(?:\.\d+)?\s*万元", sentence.text):
            reading.value["说明"] = reading.value.get("说明", "") + as_written(sentence.text, sentence)
            reading.provenance.setdefault("说明", (sentence.line, sentence.text))
        elif not used:
            reading.note_unused(sentence)
    return reading
