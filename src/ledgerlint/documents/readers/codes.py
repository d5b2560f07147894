"""Codes of the government expenditure classification by function (政府收支分类科目, 支出功能分类) for the
names the documents use: every 类, and the 款/项 that recur in departmental disclosures — the personnel
lines (pensions, medical insurance, housing fund) that rules tie to the economic classes, and each 款's
行政运行 / 一般行政管理事务 / 机关服务 / 事业运行. A name not listed gets no code; the disclosure is still
valid, and the rules that need a code are skipped for that line rather than guessed."""

CLASS_CODES = {
    "一般公共服务支出": "201", "外交支出": "202", "国防支出": "203", "公共安全支出": "204", "教育支出": "205",
    "科学技术支出": "206", "文化旅游体育与传媒支出": "207", "社会保障和就业支出": "208", "卫生健康支出": "210",
    "节能环保支出": "211", "城乡社区支出": "212", "农林水支出": "213", "交通运输支出": "214",
    "资源勘探工业信息等支出": "215", "商业服务业等支出": "216", "金融支出": "217", "援助其他地区支出": "219",
    "自然资源海洋气象等支出": "220", "住房保障支出": "221", "粮油物资储备支出": "222",
    "灾害防治及应急管理支出": "224", "其他支出": "229", "债务付息支出": "232", "债务发行费用支出": "233",
}

# 款 name → its code; the 项 under it by name (the generic ones below apply to every 款 that has them)
_SECTIONS = {
    "人大事务": "20101", "政协事务": "20102", "政府办公厅(室)及相关机构事务": "20103", "发展与改革事务": "20104",
    "统计信息事务": "20105", "财政事务": "20106", "税收事务": "20107", "审计事务": "20108",
    "人力资源事务": "20110", "纪检监察事务": "20111", "商贸事务": "20113", "知识产权事务": "20114",
    "民族事务": "20123", "港澳台事务": "20125", "档案事务": "20126", "民主党派及工商联事务": "20128",
    "群众团体事务": "20129", "党委办公厅(室)及相关机构事务": "20131", "组织事务": "20132", "宣传事务": "20133",
    "统战事务": "20134", "对外联络事务": "20135", "其他共产党事务支出": "20136", "网信事务": "20137",
    "市场监督管理事务": "20138",
    "人力资源和社会保障管理事务": "20801", "民政管理事务": "20802", "行政事业单位养老支出": "20805",
    "抚恤": "20808", "退役安置": "20809", "社会福利": "20810", "残疾人事业": "20811",
    "行政事业单位医疗": "21011", "住房改革支出": "22102",
}
_GENERIC_ITEMS = {"行政运行": "01", "一般行政管理事务": "02", "机关服务": "03", "事业运行": "50"}
_ITEMS = {
    "20805": {"行政单位离退休": "01", "事业单位离退休": "02", "离退休人员管理机构": "03",
              "机关事业单位基本养老保险缴费支出": "05", "机关事业单位职业年金缴费支出": "06",
              "其他行政事业单位养老支出": "99"},
    "20808": {"死亡抚恤": "01", "伤残抚恤": "02", "在乡复员、退伍军人生活补助": "03"},
    "21011": {"行政单位医疗": "01", "事业单位医疗": "02", "公务员医疗补助": "03", "其他行政事业单位医疗支出": "99"},
    "22102": {"住房公积金": "01", "提租补贴": "02", "购房补贴": "03"},
    "20113": {"对外贸易管理": "04", "国际经济合作": "05", "外资管理": "06", "国内贸易管理": "07",
              "招商引资": "08", "其他商贸事务支出": "99"},
}


def class_code(name: str) -> str | None:
    """The 类 code; "商业服务业支出" (the word 等 dropped, a slip seen) still finds 216."""
    name = name if name.endswith("支出") else name + "支出"
    if name in CLASS_CODES:
        return CLASS_CODES[name]
    loose = {key.replace("等", ""): code for key, code in CLASS_CODES.items()}
    return loose.get(name.replace("等", ""))


def item_code(section: str, item: str) -> str | None:
    """The 项 code from its 款 and its own name, or None where either is not listed."""
    code = _SECTIONS.get(section.replace("（", "(").replace("）", ")"))
    if code is None:
        return None
    suffix = _ITEMS.get(code, {}).get(item) or _GENERIC_ITEMS.get(item)
    return code + suffix if suffix else None
