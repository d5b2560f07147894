"""Word and PDF files written from a document's text form, for the tests that read them back
(ledgerlint.documents.sources): paragraphs stay paragraphs, the tab-cell rows become real tables, and each
"第X部分" starts a new page, so that pages and lines are exercised."""
import re
from pathlib import Path

from ledgerlint.documents.tables import rows as table_rows

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")   # Debian fonts-wqy-microhei: TrueType outlines, which fpdf2 embeds so that a PDF reader gets the text back


def blocks(lines: list[str]) -> list:
    """("paragraph", text) and ("table", [[cell, …], …]) in document order; rows of one table are those
    with nothing but blank lines between them. A cell's further lines stay in the cell."""
    starts = {row.line: row for row in table_rows(lines)}
    found, number, table = [], 1, None
    while number <= len(lines):
        line = lines[number - 1]
        if number in starts:
            row = starts[number]
            if table is None:
                table = []
                found.append(("table", table))
            table.append([cell.original.strip("\t").replace("\n\t", "\n") if "\n" in cell.original else cell.text
                          for cell in row.cells])
            number = max(cell.line for cell in row.cells) + 1
            while number <= len(lines) and lines[number - 1].strip() and not lines[number - 1].startswith("\t"):
                number += 1       # the last cell's further lines
            continue
        if line.strip():
            table = None
            found.append(("paragraph", line.replace("\t", " ")))
        number += 1
    return found


def _padded(table):
    width = max(len(row) for row in table)
    return [row + [""] * (width - len(row)) for row in table]


def _new_page(text: str) -> bool:
    return bool(re.match(r"^\s*第[一二三四五六七八九十]+部分", text))


def build_docx(lines: list[str], path: Path) -> Path:
    import docx
    document = docx.Document()
    for kind, content in blocks(lines):
        if kind == "paragraph":
            if _new_page(content) and len(document.paragraphs) > 1:
                document.add_page_break()
            document.add_paragraph(content)
        else:
            table = _padded(content)
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, cells in zip(grid.rows, table):
                for cell, text in zip(row.cells, cells):
                    cell.text = text
    document.save(str(path))
    return path


def build_pdf(lines: list[str], path: Path) -> Path:
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    class Numbered(FPDF):
        def footer(self):             # "- 3 -" at the foot of each page, as published PDFs have
            self.set_y(-12)
            self.cell(0, 5, f"- {self.page_no()} -", align="C")

    pdf = Numbered(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("cjk", fname=str(FONT))
    pdf.set_font("cjk", size=9)
    pdf.add_page()
    for kind, content in blocks(lines):
        if kind == "paragraph":
            if _new_page(content) and pdf.page_no() >= 1 and pdf.get_y() > 30:
                pdf.add_page()
            # lines broken at any character, as Word and WPS break Chinese text
            pdf.multi_cell(0, 5, content.strip() or " ", new_x="LMARGIN", new_y="NEXT", wrapmode=WrapMode.CHAR)
        else:
            width = max(len(row) for row in content)
            with pdf.table(first_row_as_headings=False, line_height=5) as grid:
                for cells in content:
                    row = grid.row()
                    for at, text in enumerate(cells):   # a short row's last cell spans the rest, as in Word
                        row.cell(text, colspan=width - at if at == len(cells) - 1 else 1)
    pdf.output(str(path))
    return path
