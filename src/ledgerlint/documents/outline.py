"""The outline of a published disclosure: its headings, and which section of the year's schema each
line belongs to.

Headings are found by their numbering (第X部分, X、, (X)); a part or section heading is matched to the
schema by its title, so the schema stays the one place that names the template's sections. Titles are
compared without their numbering, a leading 单位/部门, a trailing 说明/情况, the word 决算 (2019-style
"机关运行经费支出情况") and any bracketed remark, and with the schema's x-aliases applied (机关运行经费 → 机构运行经费); a heading that only extends a title
("决算公开联系方式及信息反馈渠道") still matches it. A section heading that matches nothing (part 1's own
headings, the parts of a self-evaluation report) does not start a section: its lines stay in the section
before it; a part heading that matches nothing (第二部分 itself) ends the section before it.
"""
import re
from collections import Counter
from dataclasses import dataclass

from ledgerlint.documents.doctext import normalise

_NUMERALS = "一二三四五六七八九十"
_PART = re.compile(rf"^第([{_NUMERALS}]+)部分\s*(.*)$")
_SECTION = re.compile(rf"^([{_NUMERALS}]+)、\s*(.*)$")
_SUBSECTION = re.compile(rf"^\(([{_NUMERALS}]+)\)\s*(.*)$")
_LONGEST = 40   # characters; the template's longest section title is about 25


@dataclass(frozen=True)
class Heading:
    line: int      # 1-based
    level: str     # "part", "section" or "subsection"
    number: str    # as written: "二", "十一"
    text: str      # the title, normalised, without its numbering


@dataclass(frozen=True)
class Section:
    key: str       # the schema's property for this section, e.g. "三公经费"
    heading: Heading
    first: int     # first and last line of the section (the heading's line included)
    last: int


def heading(line_number: int, line: str) -> Heading | None:
    text = normalise(line).strip()
    for level, pattern in (("part", _PART), ("section", _SECTION), ("subsection", _SUBSECTION)):
        match = pattern.match(text)
        if match:
            title = re.sub(r"^[:：]\s*", "", match[2].strip())    # "第一部分：<单位>概况"
            # a numbered line that reads as a sentence ("一、财政拨款收入:指…") is a list item, not a
            # heading; a remark in brackets after a title ("(单位:万元)") does not make it one
            bare = re.sub(r"\([^)]*\)$", "", title)
            if level != "subsection" and (":" in bare or len(bare.rstrip("。")) > _LONGEST):
                return None
            # a table's title ("九、国有资本经营预算财政拨款收入支出决算表", in a list of tables or over the
            # table itself) is no section of the explanation
            if level != "part" and re.search(r"(?:决算|明细|情况|总|统计|汇总)表$", bare):
                return None
            return Heading(line_number, level, match[1], title)
    return None


def _bare(title: str, aliases: dict) -> str:
    for old, new in aliases.items():
        title = title.replace(normalise(old), normalise(new))
    title = re.sub(r"\([^)]*\)$", "", normalise(title).replace(" ", ""))
    title = re.sub(rf"^(第[{_NUMERALS}]+部分|[{_NUMERALS}]+、)", "", title)
    title = re.sub(r"^\d{4}年度?", "", title.rstrip("。."))         # "2023年度收入支出决算总体情况。"
    title = re.sub(r"^(单位|部门)", "", title)
    return re.sub(r"(说明|情况)+$", "", title).replace("决算", "")


def _loose(bare: str) -> str:
    """A title without the words that some provinces leave out ("政府性基金支出决算情况" for
    "政府性基金预算财政拨款支出决算情况说明", "财政拨款安排的“三公”经费…")."""
    return re.sub(r"预算|财政拨款|安排的|财政", "", bare)


def _title_aliases(schema: dict) -> dict:
    """The other names of top-level keys (x-aliases) and of section titles (x-title-aliases)."""
    return {**schema.get("x-aliases", {}), **schema.get("x-title-aliases", {})}


def section_titles(schema: dict) -> dict[str, str]:
    """The bare title of each numbered top-level section of the schema ("二、收入决算情况", "第三部分 名词解释")
    → its key; 单位, 地区 and the like are not sections of the document."""
    aliases = _title_aliases(schema)
    numbered = re.compile(rf"^(第[{_NUMERALS}]+部分|[{_NUMERALS}]+、)")
    return {_bare(spec["title"], aliases): key for key, spec in schema.get("properties", {}).items()
            if isinstance(spec, dict) and numbered.match(spec.get("title", ""))}


def match_title(text: str, titles: dict[str, str], aliases: dict, part: bool = False) -> str | None:
    bare = _bare(text, aliases)
    if bare in titles:
        return titles[bare]
    # the longest title the heading begins with ("决算公开联系方式及信息反馈渠道" → 联系方式)
    prefixes = [t for t in titles if t and bare.startswith(t)]
    if prefixes:
        return titles[max(prefixes, key=len)]
    # a part titled after the unit ("第一部分：某局概况") ends with the template's title
    if part:
        suffixes = [t for t in titles if len(t) > 1 and bare.endswith(t)]     # not 附表's bare "表"
        if suffixes:
            return titles[max(suffixes, key=len)]
    # the words some provinces leave out; only where that leaves one title (一 and 四 would collide)
    loose = Counter(_loose(t) for t in titles)
    found = [key for t, key in titles.items() if _loose(t) == _loose(bare) and loose[_loose(t)] == 1]
    return found[0] if found else None


def sections(lines: list[str], schema: dict) -> tuple[list[Section], list[Heading]]:
    """The schema's sections found in the document, in order, and the part/section headings that matched
    none (for the extractor to list, never to drop)."""
    titles, aliases = section_titles(schema), _title_aliases(schema)
    starts: list[tuple] = []        # (key, heading); a key of None is a part that ends a section
    unmatched: list[Heading] = []
    other_matters = False            # under "其他重要事项": its (一)(二)… are the template's sections
    for number, line in enumerate(lines, start=1):
        head = heading(number, line) if not line.startswith("\t") else None    # a table's cell is no heading
        if head is None or (head.level == "subsection" and not other_matters):
            continue
        key = match_title(head.text, titles, aliases, part=head.level == "part")
        if head.level != "subsection":
            # "十一、其他重要事项" and the 高等学校's "三、决算报表说明": their (一)(二)… are the sections
            other_matters = key is None and ("其他重要事项" in head.text or head.text.endswith("说明"))
        if key is None and head.level != "subsection":
            unmatched.append(head)
        if key is not None or head.level == "part":
            starts.append((key, head))
    ends = [head.line - 1 for _, head in starts[1:]] + [len(lines)]
    found = [Section(key, head, head.line, end) for (key, head), end in zip(starts, ends) if key is not None]
    return found, unmatched


def numeral_value(numeral: str) -> int:
    """"三" → 3, "十一" → 11, "二十" → 20, "二十三" → 23."""
    digits = {c: i for i, c in enumerate(_NUMERALS[:9], start=1)}
    tens, _, ones = numeral.partition("十")
    if "十" not in numeral:
        return digits[numeral]
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


@dataclass(frozen=True)
class Numbered:
    line: int
    number: str                 # as written: "三、", "(三)", "3、"
    value: int
    text: str                   # the whole line, normalised
    written: str                # the line as the document writes it
    previous: "Numbered | None"     # the heading before it at its level and under the same parent


# the levels of numbering, outermost first; a heading resets the count of every level below it. A part
# (第X部分) only resets: the template's 第二部分 (the tables) often has no heading of its own in the body.
# Arabic numbers count with 、 or in brackets only: "1." at a line's start is as often a decimal.
_LEVELS = (
    (re.compile(rf"^第([{_NUMERALS}]+)部分"), numeral_value, "第{}部分"),
    (re.compile(rf"^([{_NUMERALS}]+)\s*、"), numeral_value, "{}、"),
    (re.compile(rf"^\(([{_NUMERALS}]+)\)"), numeral_value, "({})"),
    (re.compile(r"^(\d{1,2})\s*、(?!\d)"), int, "{}、"),
    (re.compile(r"^\((\d{1,2})\)"), int, "({})"),
)


def _written(level: int, value: int) -> str:
    form = _LEVELS[level][2]
    if level in (3, 4):
        return form.format(value)
    if value <= 10:
        return form.format(_NUMERALS[value - 1])
    tens, ones = divmod(value, 10)
    return form.format(("" if tens == 1 else _NUMERALS[tens - 1]) + "十" + (_NUMERALS[ones - 1] if ones else ""))


def numbering(lines: list[str]) -> list[Numbered]:
    """Every line that starts with a number of the outline (第X部分 excepted), with the one before it at its
    level. A count starting again at 1 (the body after a 目录, a second list in one section) has no
    previous. A number the document wrote inside a paragraph ("…规则。(八)负责…") counts as written, so
    the next heading does not look like a skip."""
    found: list[Numbered] = []
    last: dict[int, Numbered] = {}
    between: list[str] = []          # the lines since the last numbered one, for numbers written inline
    for number, line in enumerate(lines, start=1):
        if line.startswith("\t"):     # a table's cell
            continue
        text = normalise(line).strip()
        level = next((i for i, (pattern, _, _) in enumerate(_LEVELS) if pattern.match(text)), None)
        if level is None:
            between.append(text)
            continue
        match = _LEVELS[level][0].match(text)
        value = _LEVELS[level][1](match[1])
        for lower in range(level + 1, len(_LEVELS)):
            last.pop(lower, None)
        previous = last.get(level) if value != 1 else None
        if previous is not None and value > previous.value + 1:
            inline = " ".join([previous.text] + between)
            written = [v for v in range(previous.value + 1, value) if _written(level, v) in inline]
            if len(written) == value - previous.value - 1:
                previous = Numbered(previous.line, _written(level, value - 1), value - 1, previous.text,
                                    previous.written, None)
        item = Numbered(number, _written(level, value), value, text, line.strip(), previous)
        if level > 0:
            found.append(item)
        last[level] = item
        between = []
    return found


_CONTENTS = re.compile(r"^\s*目\s*录\s*$")


def claims_whole(lines: list[str]) -> bool:
    """Whether the document presents itself as a whole disclosure: a table of contents, or both the
    first and the second part. A standalone 三公 page or an excerpt does neither."""
    parts = set()
    for line in lines:
        text = normalise(line).strip()
        if _CONTENTS.match(text):
            return True
        match = _PART.match(text)
        if match:
            parts.add(match[1])
    return {"一", "二"} <= parts


def titled_section(lines: list[str], title_line: int | None, schema: dict) -> list[Section]:
    """A page that is one section and says so in its title only ("某局2023年度“三公”经费支出决算情况说明",
    without a number): that section, from the title to the end."""
    if title_line is None:        # no title of a whole disclosure: the page's own first line is its title
        title_line = next((n for n, line in enumerate(lines, start=1) if line.strip()), None)
        if title_line is None:
            return []
    titles, aliases = section_titles(schema), _title_aliases(schema)
    for number in range(title_line, min(title_line + 4, len(lines) + 1)):
        text = normalise(lines[number - 1]).strip()
        bare = re.sub(r"^.*?\d{4}\s*年度?", "", text)
        key = match_title(bare, titles, aliases) if bare and len(bare) <= _LONGEST else None
        if key is not None:
            return [Section(key, Heading(number, "section", "", bare), number, len(lines))]
    return []
