"""Tables in a document's text, row by row.

Every source is turned into the form a Word file takes when saved as text, which is the form the seed
document came in: one cell per line, each cell line starting with a tab, a blank line after each row;
a cell's own further lines ("（万元）" under "项目资金", a numbered list of goals) follow without a tab,
so any line without a tab inside a row continues the cell before it. The .docx and PDF readers
(ledgerlint.documents.sources) write their tables in that form too, so one table reader serves every source.
"""
from dataclasses import dataclass

from ledgerlint.documents.doctext import normalise


@dataclass(frozen=True)
class Cell:
    line: int        # 1-based line of the document
    text: str        # normalised, stripped
    original: str    # the line as written

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Row:
    cells: tuple
    table: int = 0     # rows with only blank lines between them are one table; prose starts another

    @property
    def line(self) -> int:
        return self.cells[0].line

    @property
    def text(self) -> str:
        return " | ".join(self.texts())

    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]


def rows(lines: list[str], first: int = 1, last: int | None = None) -> list[Row]:
    """The table rows between lines `first` and `last` (1-based, inclusive)."""
    last = len(lines) if last is None else last
    found, current, table = [], [], 0
    for number in range(first, last + 1):
        line = lines[number - 1]
        if line.startswith("\t"):
            current.append(Cell(number, normalise(line).strip(), line))
        elif current and line.strip():
            previous = current[-1]
            current[-1] = Cell(previous.line, previous.text + "\n" + normalise(line).strip(),
                               previous.original + "\n" + line)
        elif current:
            found.append(Row(tuple(current), table))
            current = []
        elif line.strip():
            table += 1
    if current:
        found.append(Row(tuple(current), table))
    return found


def as_lines(table: list[list[str]]) -> list[str]:
    """A table (rows of cell texts) in the text form above, for the sources that read real tables."""
    return [line for line, _ in placed_lines([[(cell, None) for cell in row] for row in table])]


def placed_lines(table: list[list[tuple]]) -> list[tuple]:
    """The same for cells that carry a place: rows of (text, place) → (line, place) pairs; a cell's further
    lines and the blank line after a row keep the place of the cell and the row."""
    lines = []
    for row in table:
        for cell, where in row:
            first, *more = (cell or "").splitlines() or [""]
            lines.append(("\t" + first, where))
            lines.extend((line.strip(), where) for line in more if line.strip())
        lines.append(("", row[-1][1] if row else None))
    return lines
