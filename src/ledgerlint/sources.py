"""A published document as lines of text, whatever it was published as: .txt, .docx or PDF.

Every source gives the same form (the one a Word file takes when saved as text, see ledgerlint.tables):
paragraphs one per line, tables one cell per line behind a tab. Each line keeps its place in the original
— a line number for text, a page and a line on it for Word and PDF — so a finding can point at it.

Decisions: a .docx has no pages of its own until Word lays it out; its pages are counted at the page
breaks it holds (typed ones, and the ones Word records where it last broke pages), and its lines are the
paragraphs and table cells of each page. python-docx and pdfplumber are imported only when such a file is
read, so checking JSON costs nothing more.
"""
from dataclasses import dataclass
from pathlib import Path as FsPath

from .doctext import read_lines
from .errors import DisclosureError
from .tables import as_lines

DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf")


@dataclass(frozen=True)
class Place:
    page: int | None     # None for plain text
    line: int            # the line (of the page, where there are pages)


@dataclass
class Document:
    source: str
    lines: list[str]
    places: list[Place]

    def place(self, line: int) -> Place:
        """The original place of line `line` (1-based) of the text form."""
        return self.places[line - 1]


def is_document(path) -> bool:
    return FsPath(path).suffix.lower() in DOCUMENT_SUFFIXES


def read_document(path) -> Document:
    path = FsPath(path)
    if not path.exists():
        raise DisclosureError("file.missing", file=str(path))
    suffix = path.suffix.lower()
    if suffix == ".docx":
        pages = _docx_pages(path)
    elif suffix == ".pdf":
        pages = _pdf_pages(path)
    else:
        lines = read_lines(path)
        return Document(str(path), lines, [Place(None, n) for n in range(1, len(lines) + 1)])
    lines, places = [], []
    for page_number, page in enumerate(pages, start=1):
        for line_number, line in enumerate(page, start=1):
            lines.append(line)
            places.append(Place(page_number, line_number))
    return Document(str(path), lines, places)


def _docx_pages(path: FsPath) -> list[list[str]]:
    import zipfile

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:      # pragma: no cover - a dependency of the package
        raise DisclosureError("document.needs", file=str(path), package="python-docx") from None
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DisclosureError("document.unreadable", file=str(path), reason=str(exc) or type(exc).__name__) from None
    pages: list[list[str]] = [[]]
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(block, document)
            text = "".join(_runs_by_page(paragraph, pages))
            pages[-1].append(text)
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            pages[-1].extend(as_lines([_row_cells(row) for row in table.rows]))
    return [page for page in pages if page] or [[]]


_BREAK_TAGS = ("br", "lastRenderedPageBreak")


def _runs_by_page(paragraph, pages: list) -> list[str]:
    """The paragraph's text; a page break inside it starts a new page (the text before stays on the page
    it was on)."""
    pieces = []
    for run in paragraph.runs:
        for child in run._r.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            breaks_page = tag == "lastRenderedPageBreak" or (
                tag == "br" and child.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type") == "page")
            if breaks_page:
                if pieces and "".join(pieces).strip():
                    pages[-1].append("".join(pieces))
                pieces = []
                pages.append([])
            elif tag == "t":
                pieces.append(child.text or "")
            elif tag == "tab":
                pieces.append("\t")
    return pieces


def _row_cells(row) -> list[str]:
    """The row's cells as Word shows them: a cell merged across columns once (python-docx repeats it)."""
    cells, seen = [], None
    for cell in row.cells:
        if cell._tc is seen:
            continue
        seen = cell._tc
        cells.append("\n".join(p.text for p in cell.paragraphs))
    return cells


def _pdf_pages(path: FsPath) -> list[list[str]]:
    try:
        import pdfplumber
    except ImportError:      # pragma: no cover - a dependency of the package
        raise DisclosureError("document.needs", file=str(path), package="pdfplumber") from None
    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:   # pdfminer raises many kinds for a broken file
        raise DisclosureError("document.unreadable", file=str(path), reason=str(exc) or type(exc).__name__) from None
    pages = []
    with pdf:
        for page in pdf.pages:
            pages.append(_pdf_page_lines(page))
    if not any(line.strip() for page in pages for line in page):
        raise DisclosureError("document.no_text", file=str(path))
    return pages


def _pdf_page_lines(page) -> list[str]:
    """The page's text lines with its ruled tables put in the tab-cell form where they stand."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside(obj) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    blocks = []   # (top, lines)
    for line in page.filter(outside).extract_text_lines(layout=False):
        blocks.append((line["top"], [line["text"]]))
    for table in tables:
        cells = [[cell if cell is not None else "" for cell in row] for row in table.extract()]
        blocks.append((table.bbox[1], as_lines(cells)))
    blocks.sort(key=lambda block: block[0])
    return [line for _, lines in blocks for line in lines]
