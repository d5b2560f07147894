"""A disclosure extracted from its published document (`ledgerlint extract`, and `check` on a document).

One direction: the document's lines (ledgerlint.sources) → who and which year (the first statements that
name them) → the year's schema, which names the sections (ledgerlint.outline) → one reader per section
(ledgerlint.readers) → the disclosure, the provenance of every figure, and every sentence or table row
with figures that no reader placed. Nothing is dropped in silence: what is not placed is listed.

The rule set whose schema drives the sections is chosen as `check` chooses it, by the document's year and
province, so an overlay's sections (内蒙古's 预算绩效 parts) are known to the extractor too.
"""
import re
from collections import Counter
from dataclasses import dataclass, field

from .doctext import normalise, sentences
from .errors import DisclosureError
from .outline import sections
from .readers import Reading, as_written, flat, performance, texts
from .readers import appropriations, economic, functional, overall, parts, sangong
from .selection import load_named, select
from .sources import Document
from .tables import rows

_YEAR = re.compile(r"(\d{4})\s*年度")
_PROVINCE = r"(北京市|天津市|上海市|重庆市|[^\s省市]{2,3}省|[^\s]{2,8}?自治区)"
_CITY = r"([^\s]{1,8}?(?:市|州|盟|地区))"
_COUNTY = r"([^\s]{1,8}?(?:县|市|区|旗))"
_KINDS = ("参照公务员法管理事业单位", "参公事业单位", "行政单位", "事业单位")


@dataclass
class Extraction:
    document: Document
    ruleset: str
    disclosure: dict
    provenance: dict = field(default_factory=dict)   # JSON path "a.b[0].c" → (line, sentence text)
    unused: list = field(default_factory=list)       # (line, text) of what no reader placed
    unmatched_headings: list = field(default_factory=list)

    def where(self, line: int, text: str) -> dict:
        place = self.document.place(line)
        found = {"line": place.line, "text": text}
        return {"page": place.page, **found} if place.page is not None else found

    def provenance_map(self) -> dict:
        """What `extract` writes beside the disclosure: each figure's place and sentence, what was not
        placed, and the headings that are not the template's sections (kept for the reader, not lost)."""
        return {
            "source": self.document.source,
            "ruleset": self.ruleset,
            "figures": {path: self.where(line, text) for path, (line, text) in self.provenance.items()},
            "unplaced": [self.where(line, text) for line, text in self.unused],
            "other_headings": [self.where(h.line, h.text) for h in self.unmatched_headings],
        }

    def source_of(self, path: str):
        """(line, sentence) a JSON path's figure came from; for a path with no figure of its own (a whole
        comparison, a missing 原因) the first figure under it or, failing that, under its nearest parent."""
        while path:
            if path in self.provenance:
                return self.provenance[path]
            inside = [where for key, where in self.provenance.items()
                      if key.startswith(path + ".") or key.startswith(path + "[")]
            if inside:
                return min(inside)
            path = re.sub(r"(\.?[^.\[]+|\[\d+\])$", "", path)
        return None


def _year(lines: list[str]) -> int | None:
    counts = Counter(int(m) for line in lines for m in _YEAR.findall(normalise(line)))
    return counts.most_common(1)[0][0] if counts else None


def _identity(lines: list[str], year: int) -> dict:
    """年度, 单位 and 地区 from the statements that begin "<单位全称> <year>年度…"."""
    found = {"年度": year}
    full = None
    for line in lines:
        text = normalise(line).strip()
        match = re.search(rf"([\u4e00-\u9fff()]{{4,60}}?)\s*{year}\s*年度\s*(?:收入、支出|收支|收入|财政拨款|部门决算|单位决算)", text)
        if match:
            full = re.split(r"[,。;:、]", match[1])[-1]
            break
    if full:
        region = re.match(rf"^{_PROVINCE}{_CITY}?{_COUNTY}?", full)
        unit = {"名称": full, "全称": full}
        if region and len(full) > len(region[0]):
            province, city, county = region.groups()
            found["地区"] = {key: value for key, value in (("省", province), ("市", city), ("县", county)) if value}
            unit["名称"] = full[len(province) + len(city or ""):]
        found["单位"] = unit
    for line in lines:
        kind = re.search(r"属于\s*(" + "|".join(_KINDS) + ")", normalise(line))
        if kind:
            found.setdefault("单位", {})["性质"] = kind[1]
            break
    return found


def _read_section(key: str, schema: dict, section_sentences: list, section_rows: list) -> Reading | None:
    if key == "收入支出决算总体情况":
        return overall.read(section_sentences)
    if key in ("收入决算", "支出决算"):
        return parts.read(section_sentences, schema["properties"][key])
    if key == "财政拨款收入支出决算总体情况":
        return appropriations.read(section_sentences)
    if key == "一般公共预算财政拨款支出决算":
        return functional.read(section_sentences)
    if key in ("一般公共预算财政拨款基本支出决算", "一般公共预算财政拨款项目支出决算"):
        return economic.read(key, section_sentences)
    if key == "三公经费":
        return sangong.read(section_sentences)
    if key == "预算绩效":
        return performance.read(section_sentences, section_rows)
    if key == "单位概况":
        reading = flat.read(key, section_sentences)
        texts.units_table(reading, section_rows)
        return reading
    if key in flat.TABLES:
        return flat.read(key, section_sentences)
    if key in texts.READERS:
        return texts.READERS[key](section_sentences)
    return None


def extract(document: Document, rules_dir=None, year: int | None = None) -> Extraction:
    lines = document.lines
    year = year or _year(lines)
    if year is None:
        raise DisclosureError("document.no_year", file=document.source)
    identity = _identity(lines, year)
    chosen = select(rules_dir, year, identity.get("地区", {}).get("省"))
    schema = load_named(rules_dir, chosen.name).schema
    found, unmatched = sections(lines, schema)
    if not found:
        raise DisclosureError("document.no_sections", file=document.source, year=year)

    all_sentences = sentences(lines)
    table_rows = rows(lines)
    table_lines = {cell.line for row in table_rows for cell in row.cells}
    extraction = Extraction(document, chosen.name, {}, unmatched_headings=unmatched)
    values = {}
    for section in found:
        inside = [s for s in all_sentences if section.first < s.line <= section.last]
        section_rows = [r for r in table_rows if section.first < r.line <= section.last]
        if section.key != "预算绩效":      # the other readers read prose only
            inside = [s for s in inside if s.line not in table_lines]
        reading = _read_section(section.key, schema, inside, section_rows)
        if reading is None:
            continue
        if section.key in values:     # a section met twice (a table of contents, a repeated heading)
            if not reading.provenance:
                continue
            if isinstance(values[section.key], dict) and isinstance(reading.value, dict):
                reading.value = {**reading.value, **values[section.key]}
        values[section.key] = reading.value
        for path, where in reading.provenance.items():
            extraction.provenance.setdefault(f"{section.key}.{path}", where)   # the first reading of a figure wins
        extraction.unused.extend((item.line, as_written(item.text, item) if hasattr(item, "original") else item.text)
                                 for item in reading.unused)
    order = list(schema.get("properties", {}))
    merged = {**identity, **values}
    extraction.disclosure = {key: merged[key] for key in sorted(merged, key=lambda k: order.index(k) if k in order else len(order))}
    extraction.provenance["年度"] = next(((s.line, s.text) for s in all_sentences if f"{year}" in s.text), (1, ""))
    extraction.unused.sort()
    return extraction
