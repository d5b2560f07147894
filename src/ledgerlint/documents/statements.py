"""The nine tables (决算表) a published disclosure carries, read from its table rows into the disclosure's
决算表: each table by its standard name, with its unit, its columns and its rows as written.

A table is found by its title, the prose line just above its rows ("收入决算表", "表 2：高等学校收入决算表");
the names provinces and years use are aliases kept as data in the schema (`x-tables`). Rows that follow on
the next page without a title of their own (a page number at most between them) continue the table above.

Three layouts are read:
- by code ("功能分类"): a header of one or more rows (column names; a name over several columns is carried
  over the columns under it), then rows of 科目编码, 科目名称 and one value per column — 收入决算表,
  支出决算表, 一般公共预算财政拨款支出决算表, the funds' tables, the universities' tables;
- two-sided ("总表"): 收入 on the left, 支出 on the right, each 项目 with its 决算数 (收入支出决算总表,
  财政拨款收入支出决算总表);
- economic triples ("经济分类"): (科目编码, 科目名称, 决算数) repeated side by side (基本支出决算表);
the 三公 table (several header rows over one row of figures) is read by code as well, with no code.

A value is kept as written: a number with its precision, a blank cell left out (neither 0 nor an error),
any other text as text. Every cell keeps its place (line of the row, column), so a finding points at it.
"本表无数据" / "故本表无数据" under a table is kept as its 说明.
"""
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ledgerlint.documents.doctext import normalise

_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_CODE_AND_NAME = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s+(\S.*)$")
_UNIT = re.compile(r"单位\s*:\s*(万元|元|千元)")
_NO_DATA = re.compile(r"(?:故|因此)?本表无数据|本表为空表|为空表")
_TOTAL_ROWS = ("合计", "总计")


@dataclass
class Statement:
    name: str                       # the standard name ("收入决算表")
    title: str                      # as written
    title_line: int
    layout: str
    unit: str | None = None
    columns: list = field(default_factory=list)
    rows: list = field(default_factory=list)          # dicts: 科目编码, 科目名称 / 项目, then columns
    places: dict = field(default_factory=dict)        # "行[3].基本支出" → (line, column index)
    note: str | None = None
    last_line: int = 0
    names: list = field(default_factory=list)          # the header's name of every column
    group: int = 0                                     # columns of one (code, name, value) group (经济分类)

    def as_data(self) -> dict:
        data = {"标题": self.title}
        if self.unit:
            data["单位"] = self.unit
        data["列"] = self.columns
        if self.layout == "总表":
            data["收入"] = [r for r in self.rows if r["_side"] == "收入"]
            data["支出"] = [r for r in self.rows if r["_side"] == "支出"]
            for side in ("收入", "支出"):
                data[side] = [{k: v for k, v in r.items() if k != "_side"} for r in data[side]]
        else:
            data["行"] = self.rows
        if self.note:
            data["说明"] = self.note
        return data


def _value(text: str):
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if _NUMBER.match(text):
        return Decimal(text.replace(",", ""))
    return text


def _title(lines: list[str], first: int, aliases: dict) -> tuple:
    """(standard name, title as written, its line, unit) from the prose just above a table's first row:
    the nearest line that is not only the unit ("单位：万元") or a page number is the title; a table whose
    title is no standard table's has none (a line further up belongs to something else)."""
    unit = None
    for number in range(first - 1, max(0, first - 5), -1):
        line = lines[number - 1]
        if line.startswith("\t"):
            break
        text = normalise(line).strip()
        if not text or re.fullmatch(r"[-—\s]*\d{1,3}[-—\s]*", text):
            continue
        if unit is None and (found := _UNIT.search(text)):
            unit = found[1]
        bare = re.sub(r"单位\s*:.*$|单位名称\s*:?", "", text).strip()
        if not bare:
            continue
        bare = re.sub(r"^(?:表\s*\d+\s*[:：]?|[一二三四五六七八九十]+、)\s*", "", bare)
        key = _standard(bare, aliases)
        return (key, bare, number, unit) if key else (None, None, None, unit)
    return None, None, None, unit


def _standard(text: str, aliases: dict) -> str | None:
    """The standard name a title stands for: the longest alias (or name) the title ends with."""
    text = re.sub(r"\s+", "", text)
    found = [(len(alias), key) for alias, key in aliases.items() if text.endswith(re.sub(r"\s+", "", normalise(alias)))]
    return max(found)[1] if found else None


def _is_header(texts: list[str]) -> bool:
    """A row that names columns (编码, 科目名称, 项目, 栏次, 预算数/决算数 …)."""
    return any(re.search(r"编码|科目名称|^项目|栏次|预算数|决算数|^收入$|^支出$", c.strip()) for c in texts)


def _is_data(texts: list[str]) -> bool:
    """A row of figures (or of a code and a name), not one of the header's rows."""
    cells = [t.strip() for t in texts]
    if any(re.search(r"编码|科目名称|^项目$|栏次|预算数|决算数", c) for c in cells):
        return False
    return any(_CODE.match(c) for c in cells[:4]) or any(_NUMBER.match(c) for c in cells)


_GENERAL = ("项目", "收入", "支出", "小计", "金额")
_AMOUNTS = ("预算数", "决算数")


def _header_names(header: list[list[str]], width: int, layout: str) -> list[str]:
    """One name per column from header rows: the lowest name over the column; 小计 and 金额 take their
    group's name, 预算数/决算数 and "其中：" are qualified by it ("公务接待费决算数", "事业收入其中:教育收费");
    a group's name is carried over the columns below it."""
    # the row that numbers the columns ("栏次 | 1 | 栏次 | 2") names nothing
    header = [row for row in header if not any(c.strip() == "栏次" for c in row)]
    grid = [[(row[j] if j < len(row) else "").strip() for j in range(width)] for row in header]
    written = [[bool(cell) for cell in row] for row in grid]
    for r in range(len(grid) - 1):      # carry a group's name over the columns it spans
        for j in range(1, width):
            if not grid[r][j] and grid[r][j - 1] and not any(written[a][j] for a in range(r)) \
                    and any(grid[b][j] for b in range(r + 1, len(grid))) \
                    and any(grid[b][j - 1] for b in range(r + 1, len(grid))):
                grid[r][j] = grid[r][j - 1]
    names = []
    for j in range(width):
        stack = [grid[r][j] for r in range(len(grid)) if grid[r][j]]
        if not stack:
            names.append("")
            continue
        name = stack[-1]
        groups = [g for g in stack[:-1] if g not in _GENERAL and "三公" not in g]
        parent = groups[-1] if groups else None
        if layout == "总表" or parent is None:
            pass
        elif name in ("小计", "金额", "合计"):
            name = parent
        elif name in _AMOUNTS:
            name = parent + name
        elif name.startswith("其中"):
            name = parent + "其中:" + re.sub(r"^其中\s*:?\s*", "", name)
        names.append(name)
    return names


def read_statements(lines: list[str], table_rows: list, spec: dict) -> list[Statement]:
    """Every standard table among the document's table rows, continuations joined. `spec` is the
    schema's `x-tables`: each standard name with its aliases and layout."""
    aliases = {name: name for name in spec}
    aliases.update({alias: name for name, entry in spec.items() for alias in entry.get("aliases", ())})
    layouts = {name: entry.get("layout", "功能分类") for name, entry in spec.items()}
    groups: dict[int, list] = {}
    for row in table_rows:
        groups.setdefault(row.table, []).append(row)
    found: list[Statement] = []
    current = None
    for index in sorted(groups):
        rows = groups[index]
        name, title, at, unit = _title(lines, rows[0].line, aliases)
        if name is None:
            if current is not None and _continues(lines, current.last_line, rows[0].line):
                _read_rows(current, rows, continuation=True)
                current.last_line = _end(rows)
                _note(lines, current, current.last_line)
            else:
                current = None
            continue
        if current is not None and name == current.name and _continues(lines, current.last_line, at):
            # the title repeated over the next page's rows: the same table goes on
            _read_rows(current, rows, continuation=True)
            current.last_line = _end(rows)
            _note(lines, current, current.last_line)
            continue
        current = Statement(name, title, at, layouts[name], unit)
        _read_rows(current, rows, continuation=False)
        current.last_line = _end(rows)
        _note(lines, current, current.last_line)
        found.append(current)
    return found


def _end(rows: list) -> int:
    return max(cell.line for cell in rows[-1].cells)


def _continues(lines: list[str], last: int, first: int) -> bool:
    """Rows with nothing but blank lines, table lines and page numbers between them and the table above
    (a table that runs over a page, its header repeated or not)."""
    for number in range(last + 1, first):
        line = lines[number - 1]
        text = normalise(line).strip()
        if line.startswith("\t") or not text or re.fullmatch(r"[-—\s]*\d{1,3}[-—\s]*", text):
            continue
        return False
    return True


def _note(lines: list[str], statement: Statement, last: int) -> None:
    for number in range(last + 1, min(last + 6, len(lines)) + 1):
        if lines[number - 1].startswith("\t"):
            return
        text = normalise(lines[number - 1]).strip()
        if _NO_DATA.search(text):
            said = next(s for s in re.split(r"(?<=[。])", text) if _NO_DATA.search(s))
            statement.note = re.sub(r"^(?:.*[:：])?", "", said.strip()) if ":" in said else said.strip()
            return


def _read_rows(statement: Statement, rows: list, continuation: bool) -> None:
    texts = [row.texts() for row in rows]
    width = max(len(t) for t in texts)
    if not continuation:
        header = []
        while texts and not _is_data(texts[0]):
            header.append(texts.pop(0))
            rows = rows[1:]
        names = _header_names(header, width, statement.layout)
        statement.columns = _value_columns(statement, names, header)
        statement.names = names
        if statement.layout == "经济分类":
            groups = max(1, sum(1 for row in header for c in row if "科目名称" in c))
            statement.group = width // groups if width % groups == 0 else 3
    else:
        # a page that repeats the header: its rows name columns, they are no rows of figures
        while texts and _is_header(texts[0]):
            texts.pop(0)
            rows = rows[1:]
    for row, cells in zip(rows, texts):
        if statement.layout == "总表":
            _two_sided(statement, row, cells)
        elif statement.layout == "经济分类":
            _triples(statement, row, cells)
        else:
            _by_code(statement, row, cells)


def _value_columns(statement: Statement, names: list[str], header: list) -> list[str]:
    if statement.layout == "经济分类":
        return ["决算数"]
    if statement.layout == "总表":
        return [n for n in names if n not in ("项目", "")]
    return [n for n in names if n and n not in ("类", "款", "项") and not re.search(r"编码|科目名称|^项目$|栏次", n)]


def _place(statement: Statement, key: str, row, column: int) -> None:
    statement.places[key] = (row.cells[min(column, len(row.cells) - 1)].line, column)


def _by_code(statement: Statement, row, cells: list[str]) -> None:
    cells = [c.strip() for c in cells]
    if not any(cells):
        return
    columns = statement.columns
    values = cells[len(cells) - len(columns):] if len(cells) >= len(columns) else cells
    head = cells[:len(cells) - len(columns)]
    # "201 一般公共服务支出" in one cell: the code and the name
    head = [part for cell in head for part in (_CODE_AND_NAME.match(cell).groups() if _CODE_AND_NAME.match(cell) else (cell,))]
    entry = {}
    code = next((c for c in head if _CODE.match(c)), None)
    # 类 | 款 | 项 in columns of their own ("201 | 06 | 01"): the code is the three together, as the
    # classification writes it (2010601); the parts are kept as written too
    parts = [c for c in head[:3] if re.fullmatch(r"\d{2,3}", c)]
    if parts and len(parts[0]) == 3 and all(len(p) == 2 for p in parts[1:]) and len(parts) > 1:
        code = "".join(parts)
        entry.update(zip(("类", "款", "项"), parts))
    # "类 | 款 | 项" stand in the code columns of the total row of some tables: they name nothing
    name = next((c for c in head if c and not c.isdigit() and c not in ("类", "款", "项")), None)
    if code:
        entry = {"科目编码": code, **entry}
    if name:
        entry["科目名称"] = name
    if not code and not name and not any(values):
        return
    position = len(statement.rows)
    for offset, (column, text) in enumerate(zip(columns, values)):
        value = _value(text)
        if value is not None and column:
            entry[column] = value
            _place(statement, f"行[{position}].{column}", row, len(head) + offset)
    statement.places[f"行[{position}]"] = (row.line, 0)
    statement.rows.append(entry)


def _two_sided(statement: Statement, row, cells: list[str]) -> None:
    """收入 项目 | 决算数 | 支出 项目 | 决算数 (| more columns): each side's rows apart."""
    cells = [c.strip() for c in cells]
    names = statement.names
    split = next((j for j in range(1, len(names)) if names[j].startswith("项目")), len(cells) // 2)
    for side, part, offset in (("收入", cells[:split], 0), ("支出", cells[split:], split)):
        if not part or not part[0]:
            continue
        entry = {"项目": part[0], "_side": side}
        for j, text in enumerate(part[1:], start=1):
            column = names[offset + j] if offset + j < len(names) else ""
            value = _value(text)
            if value is not None:
                entry[column or "决算数"] = value
        where = f"{side}[{sum(1 for r in statement.rows if r['_side'] == side)}]"
        statement.places[where] = (row.line, offset)
        statement.rows.append(entry)


def _triples(statement: Statement, row, cells: list[str]) -> None:
    """(科目编码, 科目名称, 决算数) repeated across the row; the code may stand in two columns (类 | 款:
    "303 | 05"), so a group is as wide as the header says (its columns over the number of 科目名称)."""
    cells = [c.strip() for c in cells]
    width = statement.group or 3
    for start in range(0, len(cells) - width + 1, width):
        part = cells[start:start + width]
        *head, text = part
        digits = [c for c in head if c.isdigit()]
        name = next((c for c in head if c and not c.isdigit()), None)
        if not digits and not name:
            continue
        code = "".join(digits) if len(digits) > 1 and len(digits[0]) == 3 else (digits[0] if digits else None)
        entry = {"科目编码": code} if code and _CODE.match(code) else {}
        if len(digits) > 1:
            entry.update(zip(("类", "款"), digits))
        entry["科目名称"] = name or code
        value = _value(text)
        position = len(statement.rows)
        if value is not None:
            entry["决算数"] = value
            _place(statement, f"行[{position}].决算数", row, start + width - 1)
        statement.places[f"行[{position}]"] = (row.line, start)
        statement.rows.append(entry)
