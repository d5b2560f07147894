"""Who published a document, for which year, and what kind of document it is — read from its title first.

A disclosure's title (its cover, or the first lines of a text) names the unit and the year:
"上海市普陀区规划和自然资源局 2024 年度部门决算", "西南大学2023年度部门决算", "XX县外事办公室2023年决算公开".
The body names other years all the time ("与2023年度相比", "较2020年度决算数"), so a year is taken from
the body only where no title names one, and never from a comparison phrase.

Kinds: 部门决算 (departmental final accounts: what ledgerlint checks), 部门预算 (a budget) and 政府决算
(a government's own final accounts: 本级/总决算, 一般公共预算收支决算). The last two are recognised so that
they are refused in one line saying what the file is, not checked against rules that were never meant
for them.

Region: the province, city and county that begin the unit's full name ("中共上海市普陀区委…" is the
Party committee of 普陀区 in 上海市). A unit whose name begins with no region and that says it is
centrally administered (教育部直属, 中央部门, 中央级) is 中央: the national rules apply and no province
is missing.
"""
import re
from collections import Counter
from dataclasses import dataclass, field

from ledgerlint.documents.doctext import normalise

_TITLE_LINES = 12          # the cover and the first lines: where a title is
_ACCOUNTS = r"(?:部门|单位)?(?:决算|决算公开|决算情况说明)"
_KIND = rf"(?P<kind>{_ACCOUNTS}|(?:部门|单位)预算|预算公开|政府决算|总决算|本级决算|财政决算)(?P<after>报告|\(草案\)|草案)?"
_SENTENCE = re.compile(r"[。,;:，；：]")
# "年度部门决算" with its year set apart on the next line ("上海市某局" / "年度部门决算" / "2024"): put back
_YEAR_LAST = re.compile(r"^(.*?)(年度?(?:部门|单位)?决算)((?:19|20)\d{2})$")
# "<单位>2024年度部门决算" and "2021年<单位>部门决算" (the year first, Guangdong and Sichuan pages)
_TITLE = re.compile(rf"(?P<unit>[^\s:：。;；,，]{{2,60}}?)?\s*(?P<year>(?:19|20)\d{{2}})\s*年度?\s*{_KIND}")
_YEAR_FIRST = re.compile(rf"^(?:关于)?(?P<year>(?:19|20)\d{{2}})\s*年度?\s*(?P<unit>[^\s:：。;；,，\d]{{2,60}}?)\s*{_KIND}")
_BUDGET = re.compile(r"(?:19|20)\d{2}\s*年度?\s*(?:部门|单位)?预算(?!执行)|预算公开(?:说明)?$")
_GOVERNMENT = re.compile(r"(?:政府|总|本级|财政)决算")
# a year in a comparison ("与2023年度相比", "较2020年度决算数", "比上年") is never the year reported on
_COMPARED = re.compile(r"(?:与|比|较|同比|对比|截至|截止)\s*$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_PROVINCE = r"(北京市|天津市|上海市|重庆市|[^\s省市]{2,3}省|[^\s]{2,8}?自治区)"
_CITY = r"([^\s]{1,8}?(?:市|州|盟|地区))"
_COUNTY = r"([^\s]{1,8}?(?:县|市|区|旗))"
_PARTY = re.compile(r"^(?:中国共产党|中共)")
_CENTRAL = re.compile(r"教育部直属|中央部门|中央级|中央国家机关|中央预算单位|部属高校|直属高校|(?:中央|国务院)直属")
_UNIVERSITY = re.compile(r"高等学校(?:收支|收入|支出|财政拨款)[^,。]{0,8}?决算(?:总)?表")
_KINDS = ("参照公务员法管理事业单位", "参公事业单位", "行政单位", "事业单位")


@dataclass
class Identity:
    kind: str | None = None            # "部门决算", "部门预算", "政府决算" or None (no title seen)
    year: int | None = None
    title_line: int | None = None      # 1-based line of the title, where one was found
    fields: dict = field(default_factory=dict)    # 年度, 单位, 地区 for the disclosure
    # the template the document follows: "部门" (the departmental one) or "高等学校" (universities report
    # with their own tables, 高等学校收支决算总表 …, and call the year's income 收入总计)
    template: str = "部门"


def _cover(lines: list[str]) -> list[tuple[int, str]]:
    """(line, text) of the title: the first lines, joined where a title was set over several lines
    ("上海市普陀区规划和自然" / "资源局" / "2024 年度部门决算")."""
    texts = []
    for number, line in enumerate(lines[:_TITLE_LINES * 3], start=1):
        text = normalise(line).strip()
        if text and not line.startswith("\t"):
            texts.append((number, text))
        if len(texts) >= _TITLE_LINES:
            break
    joined = []
    for index in range(len(texts)):
        window = texts[index:index + 4]
        joined.extend((window[0][0], "".join(t for _, t in window[:size])) for size in range(1, len(window) + 1))
    return joined


def read_identity(lines: list[str]) -> Identity:
    found = Identity()
    for number, text in _cover(lines):
        text = text.replace(" ", "")
        if _SENTENCE.search(text):
            continue            # a title is no sentence ("较2020年度决算数减少…" names a year, not the title)
        text = _YEAR_LAST.sub(r"\1\3\2", text)
        match = _YEAR_FIRST.search(text) or _TITLE.search(text)
        if match and match["unit"] in ("部门", "单位"):     # "2024年度部门决算": no unit named before 部门
            match = _TITLE.search(text)
        if match:
            found.year, found.title_line = int(match["year"]), number
            kind = match["kind"]
            unit = (match["unit"] or "").strip()
            found.kind = ("部门预算" if "预算" in kind and "决算" not in kind else
                          "政府决算" if _GOVERNMENT.search(kind) or match["after"] or _only_a_region(unit) else "部门决算")
            if unit and not unit.isdigit():
                found.fields["单位"] = {"名称": unit, "全称": unit}
            break
    if found.year is None:
        _section_page(found, lines)
    if found.year is None:
        found.year = body_year(lines)
    if found.year is not None:
        found.fields["年度"] = found.year
    if "单位" not in found.fields and found.year is not None:
        unit = _unit_from_statements(lines, found.year)
        if unit:
            found.fields["单位"] = {"名称": unit, "全称": unit}
    _region(found, lines)
    _unit_kind(found, lines)
    if any(_UNIVERSITY.search(normalise(line)) for line in lines[:400]):
        found.template = "高等学校"
    return found


# a page that is one section, titled "<单位><year>年度<section>" ("…“三公”经费支出决算情况说明")
_SECTION_PAGE = re.compile(r"^(?P<unit>[^\s:：。;；,，\d]{2,40}?)(?P<year>(?:19|20)\d{2})\s*年度?\s*\S{2,30}?(?:情况说明|情况|说明)$")


def _section_page(found: Identity, lines: list[str]) -> None:
    first = next((normalise(line).strip().replace(" ", "") for line in lines if line.strip()), "")
    match = _SECTION_PAGE.match(first)
    if match:
        found.year = int(match["year"])
        found.kind = "部门决算"
        found.fields["单位"] = {"名称": match["unit"], "全称": match["unit"]}


def _only_a_region(unit: str) -> bool:
    """"重庆市永川区" alone before "2024年决算": a government's accounts, not a department's."""
    region = re.match(rf"^{_PROVINCE}?{_CITY}?{_COUNTY}?$", unit) if unit else None
    return bool(region and region[0] and (unit.endswith(("省", "市", "区", "县", "旗", "州", "盟")) or "自治区" in unit))


def body_year(lines: list[str]) -> int | None:
    """The most frequent year named in the body outside comparisons ("2023年度收入支出总计"); None if
    the document names none."""
    counts: Counter = Counter()
    for line in lines:
        text = normalise(line)
        for match in _YEAR.finditer(text):
            if _COMPARED.search(text[max(0, match.start() - 4):match.start()]):
                continue
            counts[int(match[1])] += 1
    return counts.most_common(1)[0][0] if counts else None


def _unit_from_statements(lines: list[str], year: int) -> str | None:
    """The unit as the body names it in statements that begin "<单位全称> <year>年度…" (a text with no
    title, such as a page copied from a website)."""
    for line in lines:
        text = normalise(line).strip()
        match = re.search(rf"([\u4e00-\u9fff()]{{4,60}}?)\s*{year}\s*年度?\s*(?:收入、支出|收支|收入|财政拨款|部门决算|单位决算|决算)", text)
        if match:
            return re.split(r"[,。;:、]", match[1])[-1]
    return None


def _region(found: Identity, lines: list[str]) -> None:
    unit = found.fields.get("单位")
    full = unit["全称"] if unit else ""
    name = _PARTY.sub("", full)
    region = re.match(rf"^{_PROVINCE}{_CITY}?{_COUNTY}?", name)
    if region and len(name) > len(region[0]):
        province, city, county = region.groups()
        found.fields["地区"] = {key: value for key, value in (("省", province), ("市", city), ("县", county)) if value}
        if not _PARTY.match(full):      # "中共上海市普陀区委社会工作部" keeps its name whole
            unit["名称"] = full[len(province) + len(city or ""):]
        return
    if any(_CENTRAL.search(normalise(line)) for line in lines[:400]):
        found.fields["地区"] = {"省": "中央"}


def _unit_kind(found: Identity, lines: list[str]) -> None:
    for line in lines:
        kind = re.search(r"属于\s*(" + "|".join(_KINDS) + ")", normalise(line))
        if kind:
            found.fields.setdefault("单位", {})["性质"] = kind[1]
            return
