"""A disclosure extracted from its published document (`ledgerlint extract`, and `check` on a document).

One direction: the document's lines (ledgerlint.documents.sources) → who and which year, and what kind of
document it is (ledgerlint.documents.identity: the title first) → the year's schema, which names the sections (ledgerlint.documents.outline) → one reader per section
(ledgerlint.documents.readers) → the disclosure, the provenance of every figure, and every sentence or table row
with figures that no reader placed. Nothing is dropped in silence: what is not placed is listed.

The rule set whose schema drives the sections is chosen as `check` chooses it, by the document's year and
province, so an overlay's sections (内蒙古's 预算绩效 parts) are known to the extractor too.
"""
import re
from bisect import bisect_right
from decimal import Decimal
from dataclasses import dataclass, field

from ledgerlint.documents.doctext import figures, normalise, sentences
from ledgerlint.errors import DisclosureError
from ledgerlint.documents.identity import read_identity
from ledgerlint.documents.outline import claims_whole, numbering, sections, titled_section
from ledgerlint.documents.statements import read_statements
from ledgerlint.documents.readers import as_written, flat, performance, texts
from ledgerlint.documents.readers import appropriations, economic, functional, overall, parts, sangong
from ledgerlint.rulesets.selection import load_named, select
from ledgerlint.documents.sources import Document
from ledgerlint.documents.tables import rows

@dataclass
class Extraction:
    document: Document
    ruleset: str
    disclosure: dict
    provenance: dict = field(default_factory=dict)   # JSON path "a.b[0].c" → (line, sentence text)
    unused: list = field(default_factory=list)       # (line, text) of what no reader placed
    unmatched_headings: list = field(default_factory=list)
    schema: dict = field(default_factory=dict)       # the year's disclosure schema the sections came from
    # the sections a partial document holds (a standalone 三公 page, an excerpt); empty for a document
    # that claims to be whole (it has a 目录, or both 第一部分 and 第二部分)
    partial: list = field(default_factory=list)
    also: list = field(default_factory=list)         # (line, value) of figures placed a second time, the same
    # the sections whose heading and at least one sentence the document has, whether or not a figure
    # was read from them ("本年度无“三公”经费财政拨款支出" is the section, stated)
    present: set = field(default_factory=set)
    template: str = "部门"                           # the template the document follows (identity.Identity)

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

    def placed(self) -> set:
        """(line, value) of every number the extraction placed: what a count of placed figures compares
        with the figures a document states."""
        found = set()
        for path, value in _numbers(self.disclosure):
            key = path
            while key and key not in self.provenance:      # a row's provenance covers its cells
                key = _parent(key)
            if key:
                found.add((self.provenance[key][0], value))
        found.update(self.also)
        for path, text in _texts(self.disclosure):     # a figure inside a reason is placed with it
            if path in self.provenance and ("原因" in path.rsplit(".", 1)[-1] or path.endswith("说明")):
                found.update((self.provenance[path][0], figure.value) for figure in figures(text)
                             if figure.value is not None)
        return found

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
            path = _parent(path)
        return None


def _parent(path: str) -> str:
    """"a.b[0].c" → "a.b[0]" → "a.b" → "a" → ""."""
    return re.sub(r"(\.?[^.\[]+|\[\d+\])$", "", path)


def leaves(value, path: str = ""):
    """(path as "a.b[0].c", value) of each value of a disclosure that is not an object or a list."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, f"{path}[{index}]")
    else:
        yield path, value


def _numbers(value):
    return ((path, Decimal(item)) for path, item in leaves(value)
            if isinstance(item, (int, Decimal)) and not isinstance(item, bool))


def _texts(value):
    return ((path, item) for path, item in leaves(value) if isinstance(item, str))


# kinds of document that are not departmental final accounts: refused in one line that says what they are
_REFUSED = {"部门预算": "document.is_budget", "政府决算": "document.is_government"}


def _units(sentences, rows):
    reading = flat.read("单位概况", sentences)
    texts.units_table(reading, rows)
    return reading


def _prose(read, *args):
    """A reader of the section's sentences alone."""
    return lambda sentences, rows, spec, template: read(*args, sentences)


# the reader of each section: (its sentences, its table rows, its part of the schema, the template the
# document follows) → Reading
_READERS = {
    "单位概况": lambda sentences, rows, spec, template: _units(sentences, rows),
    "收入支出决算总体情况": lambda sentences, rows, spec, template: overall.read(sentences, template),
    "收入决算": lambda sentences, rows, spec, template: parts.read(sentences, spec, template),
    "支出决算": lambda sentences, rows, spec, template: parts.read(sentences, spec, template),
    "财政拨款收入支出决算总体情况": lambda sentences, rows, spec, template: appropriations.read(sentences, template),
    "一般公共预算财政拨款支出决算": _prose(functional.read),
    "一般公共预算财政拨款基本支出决算": _prose(economic.read, "一般公共预算财政拨款基本支出决算"),
    "一般公共预算财政拨款项目支出决算": _prose(economic.read, "一般公共预算财政拨款项目支出决算"),
    "三公经费": _prose(sangong.read),
    "预算绩效": lambda sentences, rows, spec, template: performance.read(sentences, rows),
    **{key: _prose(flat.read, key) for key in flat.TABLES if key != "单位概况"},
    **{key: _prose(read) for key, read in texts.READERS.items()},
}


_WRITTEN_END = re.compile(r"(?<=[。！？!?])(?![。！？!?])")


def _row_text(lines: list[str], line: int) -> str:
    """A table row's cells from its line on, as one text ("201 | 一般公共服务支出 | 264.87 …")."""
    cells = []
    for number in range(line, min(line + 40, len(lines) + 1)):
        text = lines[number - 1]
        if not text.startswith("\t"):
            break
        cells.append(normalise(text).strip())
    return " | ".join(cells)


def _shown(item) -> tuple[int, str]:
    """(line, text) of a sentence or table row no reader placed, as the document writes it."""
    return item.line, as_written(item.text, item) if hasattr(item, "original") else item.text


def extract(document: Document, rules_dir=None, year: int | None = None, ruleset=None) -> Extraction:
    """`ruleset(name)` gives a loaded rule set by name (a Checker's, loaded once for many documents);
    by default the set is loaded here."""
    lines = document.lines
    who = read_identity(lines)
    if who.kind in _REFUSED:
        raise DisclosureError(_REFUSED[who.kind], file=document.source, year=who.year or "")
    year = year or who.year
    if year is None:
        raise DisclosureError("document.no_year", file=document.source)
    identity = {**who.fields, "年度": year}
    chosen = select(rules_dir, year, identity.get("地区", {}).get("省"))
    schema = (ruleset or (lambda name: load_named(rules_dir, name)))(chosen.name).schema
    found, unmatched = sections(lines, schema)
    if not found:
        found = titled_section(lines, who.title_line, schema)
    if not found:
        raise DisclosureError("document.no_sections", file=document.source, year=year)

    # a heading that is not one of the template's sections ("十、其他重要事项的情况说明") is no sentence
    # of the section it falls in
    headings = {h.line for h in unmatched}
    all_sentences = [s for s in sentences(lines) if s.line not in headings]
    table_rows = rows(lines)
    table_lines = {cell.line for row in table_rows for cell in row.cells}
    extraction = Extraction(document, chosen.name, {}, unmatched_headings=unmatched, schema=schema,
                            template=who.template)
    values = {}
    restated: list = []       # figures a section states twice, differently: 重复陈述, for the rules
    # the sentences and rows of a section by bisection: a long document has many sections
    sentence_lines = [s.line for s in all_sentences]
    row_lines = [r.line for r in table_rows]

    def between(items, lines, section):
        return items[bisect_right(lines, section.first):bisect_right(lines, section.last)]

    for section in found:
        inside = between(all_sentences, sentence_lines, section)
        section_rows = between(table_rows, row_lines, section)
        if section.key != "预算绩效":      # the other readers read prose only
            inside = [s for s in inside if s.line not in table_lines]
        if section.key not in _READERS:
            continue
        reading = _READERS[section.key](inside, section_rows, schema["properties"][section.key], who.template)
        if inside:
            extraction.present.add(section.key)
        if not reading.value:      # a section that states nothing ("不适用机关运行经费") is left out
            extraction.unused.extend(_shown(item) for item in reading.unused)
            continue
        if section.key in values:     # a section met twice (a table of contents, a repeated heading)
            if not reading.provenance:
                continue
            if isinstance(values[section.key], dict) and isinstance(reading.value, dict):
                reading.value = {**reading.value, **values[section.key]}
        values[section.key] = reading.value
        for path, where in reading.provenance.items():
            extraction.provenance.setdefault(f"{section.key}.{path}", where)   # the first reading of a figure wins
        field, read_also = texts.ALSO.get(section.key, (None, None))
        if field in schema.get("properties", {}):       # a year's schema without the field: not read
            if (more := read_also(inside)).value:
                values.setdefault(field, more.value)
                for path, where in more.provenance.items():
                    extraction.provenance.setdefault(f"{field}{path}", where)
        extraction.also.extend(reading.also)
        for item in reading.restated:
            line, text = item.pop("line")
            item["字段"] = f"{section.key}.{item['字段']}"
            extraction.provenance[f"重复陈述[{len(restated)}]"] = (line, text)
            restated.append(item)
        extraction.unused.extend(_shown(item) for item in reading.unused)
    order = list(schema.get("properties", {}))
    statements = read_statements(lines, table_rows, schema.get("x-tables", {}))
    read_lines = set()
    if statements:
        values["决算表"] = {}
        for statement in statements:
            values["决算表"].setdefault(statement.name, statement.as_data())
            for where, (line, _column) in statement.places.items():
                extraction.provenance.setdefault(f"决算表.{statement.name}.{where}", (line, _row_text(lines, line)))
                read_lines.add(line)
    # a table of amounts that is none of the standard tables (its title not recognised) is listed, not
    # dropped: its first row of figures stands for it (rows a section's reader read are its own)
    listed = set()
    for row in table_rows:
        if row.table in listed or row.line in read_lines or any(cell.line in read_lines for cell in row.cells):
            continue
        if any(re.fullmatch(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+", cell.text) for cell in row.cells) \
                and not any(s.key == "预算绩效" and s.first < row.line <= s.last for s in found):
            listed.add(row.table)
            extraction.unused.append((row.line, f"（表格）{row.text}"))
    # the document's sentences as written, for the rules that read wording (a template's alternative
    # left in, doubled punctuation, a percent without its %): cut after a sentence's end but with a run of
    # marks kept whole ("。。" stays), headings and table cells left out
    written = []
    for number, line in enumerate(lines, start=1):
        if line.startswith("\t") or number in headings or number in table_lines or not line.strip():
            continue
        for piece in _WRITTEN_END.split(line):
            if piece.strip() and re.search(r"[\u4e00-\u9fff]", piece):
                extraction.provenance[f"原文[{len(written)}]"] = (number, piece.strip())
                written.append(piece.strip())
    if written:
        values["原文"] = written
    # the numbered headings and list items, each with the one before it at its level: for the rule on
    # numbering that skips or repeats a number, and on placeholders in headings (原文 has no headings)
    outline = []
    for item in numbering(lines):
        entry = {"编号": _full_width(item.number), "序号": item.value, "文字": item.written}
        if item.previous is not None:
            entry.update({"前一编号": _full_width(item.previous.number), "前一序号": item.previous.value})
        extraction.provenance[f"标题[{len(outline)}]"] = (item.line, item.written)
        outline.append(entry)
    if outline:
        values["标题"] = outline
    merged = {**identity, **values, **({"重复陈述": restated} if restated else {})}
    extraction.disclosure = {key: merged[key] for key in sorted(merged, key=lambda k: order.index(k) if k in order else len(order))}
    extraction.provenance["年度"] = next(((s.line, s.text) for s in all_sentences if f"{year}" in s.text), (1, ""))
    extraction.unused.sort()
    if not claims_whole(lines):
        stated = {section.key for section in found}
        extraction.partial = [key for key in order if key in values and key in stated]
    return extraction


def _full_width(number: str) -> str:
    """"(三)" as the template writes it: "（三）"."""
    return number.replace("(", "（").replace(")", "）")
