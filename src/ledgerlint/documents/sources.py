"""A published document as lines of text, whatever it was published as: .txt, .docx or PDF.

Every source gives the same form (the one a Word file takes when saved as text, see ledgerlint.documents.tables):
paragraphs one per line, tables one cell per line behind a tab. Each line keeps its place in the original
— a line number for text, a page and a line on it for Word and PDF — so a finding can point at it.

Decisions: a .docx has no pages of its own until Word lays it out; its pages are counted at the page
breaks it holds (typed ones, and the ones Word records where it last broke pages), and its lines are the
paragraphs and table cells of each page. python-docx and pdfplumber are imported only when such a file is
read, so checking JSON costs nothing more.
"""
import bisect
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path as FsPath

from ledgerlint.limits import MAX_DOCX_XML, MAX_FILE_BYTES, MAX_PAGES, MAX_TEXT_CHARS
from ledgerlint.errors import DisclosureError
from ledgerlint.inputs import check_regular

# doctext and tables (their patterns take a few milliseconds to compile) are imported where a document
# is read; whether a path is a document at all is asked of the package (documents.is_document)


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


def read_document(path) -> Document:
    path = FsPath(path)
    suffix = path.suffix.lower()
    if suffix in (".docx", ".pdf"):
        # a regular file within its size, checked before a reader opens it (a FIFO would hang it)
        check_regular(path, MAX_FILE_BYTES, DisclosureError)
        pages = _docx_pages(path) if suffix == ".docx" else _pdf_pages(path)
        lines, places = [], []
        for page_number, page in enumerate(pages, start=1):
            for line_number, line in page:
                lines.append(line)
                places.append(Place(page_number, line_number))
    else:
        from ledgerlint.documents.doctext import read_lines
        lines, starts = unwrap(read_lines(path))
        places = [Place(None, n) for n in starts]
    if sum(len(line) for line in lines) > MAX_TEXT_CHARS:
        raise DisclosureError("document.too_long", file=str(path), limit=MAX_TEXT_CHARS)
    return Document(str(path), lines, places)


_SENTENCE_END = "。；;！？!?"
# a page number on a line of its own: "- 3 -", "—3—", "第3页", "第3页 共12页", "3/12" (a bare "3" too in a
# PDF's top or bottom margin)
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,3})\s*$")
_TEXT_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)\s*$")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text.rstrip())


def unwrap(lines: list[str]) -> tuple[list[str], list[int]]:
    """Text copied out of a PDF breaks every line at the page's width, inside sentences and even between
    a figure and its unit. Where most lines of a file stop at one width, a line that reaches that width
    and does not end a sentence is joined with the next; each joined line keeps the number of its first
    line. A file written a paragraph per line (lines of every length) is left as it is."""
    widths = [_width(line) for line in lines if line.strip() and not line.startswith("\t")]
    if len(widths) < 10:
        return lines, list(range(1, len(lines) + 1))
    # the page width: the most common width of long lines; wrapped text has many lines at it and
    # hardly any wider (a Chinese character is two columns, so a full line may stop one short)
    full = Counter(w for w in widths if w >= 20).most_common(1)
    wrap = max((w for w in widths if full and full[0][0] <= w <= full[0][0] + 1), default=0)
    at_width = sum(1 for w in widths if wrap - 2 <= w <= wrap)
    wider = sum(1 for w in widths if w > wrap)
    if not wrap or at_width < 0.25 * len(widths) or wider > 0.05 * len(widths):
        return lines, list(range(1, len(lines) + 1))
    joined, starts = [], []
    carry = False
    for number, line in enumerate(lines, start=1):
        if carry and _TEXT_PAGE_NUMBER.match(line):
            continue       # a page number between the two halves of a paragraph
        if carry and line.strip() and not line.startswith("\t"):
            joined[-1] += line
        else:
            joined.append(line)
            starts.append(number)
        text = joined[-1].rstrip()
        carry = bool(text) and not line.startswith("\t") and _width(line) >= wrap - 3 and text[-1] not in _SENTENCE_END
    return joined, starts


def _docx_pages(path: FsPath) -> list[list[tuple]]:
    """Pages of (line on the page, text): a line of a Word page is its paragraph or table cell, counted
    from the top of the page."""
    return [list(enumerate((text for text, _ in page), start=1)) for page in docx_lines(open_docx(path))]


def open_docx(path: FsPath):
    """The Word file opened with python-docx, once its parts are known to unpack within the bound."""
    import zipfile

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:      # pragma: no cover - a dependency of the package
        raise DisclosureError("document.needs", file=str(path), package="python-docx") from None
    from lxml.etree import XMLSyntaxError
    try:
        with zipfile.ZipFile(path) as package:       # what the parts unpack to, before anything unpacks them
            unpacked = sum(part.file_size for part in package.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise DisclosureError("document.unreadable", file=str(path), reason=str(exc) or type(exc).__name__) from None
    if unpacked > MAX_DOCX_XML:
        raise DisclosureError("document.unpacks_too_large", file=str(path), size=f"{unpacked / 1024 / 1024:.0f}",
                              limit=f"{MAX_DOCX_XML / 1024 / 1024:g}")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        # lxml refuses entity declarations (a "billion laughs") with an XMLSyntaxError
        raise DisclosureError("document.unreadable", file=str(path), reason=str(exc) or type(exc).__name__) from None


def docx_lines(document) -> list[list[tuple]]:
    """Pages of (text, anchor): the anchor is the python-docx Paragraph or table _Cell the line is the
    text of (what `annotate` puts a comment on)."""
    import docx
    from ledgerlint.documents.tables import placed_lines
    pages: list[list[tuple]] = [[]]
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(block, document)
            text, broke = _runs_by_page(paragraph, pages)
            if text or not broke:      # a paragraph that only holds a page break is no line
                pages[-1].append((text, paragraph))
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            pages[-1].extend(placed_lines([_row_cells(row) for row in table.rows]))
    return pages


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _runs_by_page(paragraph, pages: list) -> tuple[str, bool]:
    """The paragraph's text after its last page break, and whether it had one; a break starts a new page
    (the text before it stays on the page it was on). Word records where it last broke pages as well as
    the breaks typed: a break on a page still empty is the same break, not another page."""
    pieces, broke = [], False
    for child in paragraph._p.iter():     # runs inside hyperlinks and fields too; deleted text is delText
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "lastRenderedPageBreak" or (tag == "br" and child.get(_W + "type") == "page"):
            broke = True
            if "".join(pieces).strip():
                pages[-1].append(("".join(pieces).lstrip("\t"), paragraph))
            pieces = []
            if pages[-1]:
                pages.append([])
        elif tag == "t":
            pieces.append(child.text or "")
        elif tag == "tab":
            pieces.append("\t")
    # a leading tab is indentation in a paragraph; in the text form it would mean a table cell
    return "".join(pieces).lstrip("\t"), broke


def _row_cells(row) -> list[tuple]:
    """The row's cells as Word shows them, (text, cell): a cell merged across columns once (python-docx
    repeats it)."""
    cells, seen = [], None
    for cell in row.cells:
        if cell._tc is seen:
            continue
        seen = cell._tc
        cells.append(("\n".join(p.text for p in cell.paragraphs), cell))
    return cells


def _pdf_pages(path: FsPath, reader: str | None = None) -> list[list[tuple]]:
    """Pages of (line on the page, text). A paragraph wrapped over several lines of the page (its lines
    run to the right edge) is joined into one line again, so that a sentence is never cut by the layout;
    it keeps the number of its first line. Ruled tables become tab-cell lines at the line they start on.

    Each page is read with PDFium where it reads it as pdfplumber would (ledgerlint.documents.pdfium_page),
    else with pdfplumber. `reader="pdfplumber"`, or LEDGERLINT_PDF_READER=pdfplumber in the environment,
    reads every page with pdfplumber: the tests compare the two, and a user can rule PDFium out."""
    reader = reader or os.environ.get("LEDGERLINT_PDF_READER", "pdfium")
    pages = _pdfium_pages(path) if reader == "pdfium" else None
    if pages is None or None in pages:
        pages = _pdfplumber_pages(path, pages)
    if not any(text.strip() for page in pages for _, text, _ in page):
        raise DisclosureError("document.no_text", file=str(path))
    return _join_wrapped(pages)


def _pdfium_pages(path: FsPath) -> list | None:
    """The lines of each page PDFium reads as pdfplumber would, None for each page it does not; None for
    the whole file where PDFium cannot open it or reads a page in a way the layout cannot use."""
    from ledgerlint.documents.pdfium_page import opened
    try:
        with opened(path) as document:
            if document is None:
                return None
            count, read = document
            if count > MAX_PAGES:
                raise DisclosureError("document.too_many_pages", file=str(path), pages=count, limit=MAX_PAGES)
            pages = []
            for index in range(count):     # page by page: one page's characters are held at a time
                content = read(index)
                pages.append(None if content is None else _pdf_page_lines(content))
    except DisclosureError:
        raise
    except Exception:      # pdfplumber reads the file
        return None
    return pages


def _pdfplumber_pages(path: FsPath, pages: list | None) -> list:
    """The lines of every page with pdfplumber, or of the pages still None in `pages`."""
    try:
        import pdfplumber
    except ImportError:      # pragma: no cover - a dependency of the package
        raise DisclosureError("document.needs", file=str(path), package="pdfplumber") from None
    try:
        pdf = pdfplumber.open(str(path))
        with pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise DisclosureError("document.too_many_pages", file=str(path), pages=len(pdf.pages),
                                      limit=MAX_PAGES)
            if pages is None or len(pages) != len(pdf.pages):
                pages = [None] * len(pdf.pages)
            from ledgerlint.documents.pdfium_page import PageContent
            for index, page in enumerate(pdf.pages):
                if pages[index] is None:
                    pages[index] = _pdf_page_lines(PageContent.of(page))
                page.close()        # its characters and objects are freed once its lines are read
    except DisclosureError:
        raise
    except Exception as exc:   # pdfminer raises many kinds for a broken file
        raise DisclosureError("document.unreadable", file=str(path), reason=str(exc) or type(exc).__name__) from None
    return pages


def _pdf_page_lines(page) -> list[tuple]:
    """The lines of a page's content (a pdfium_page.PageContent, from either reader): (line number on
    the page, text, TextLine or None for a table's line) in reading order. Lines are
    built from the characters' positions (ledgerlint.documents.layout); a line number counts the
    page's visual lines from the top, tables included."""
    from ledgerlint.documents.layout import SETTINGS, text_lines
    from ledgerlint.documents.tables import placed_lines
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside(char) -> bool:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    size = (round(page.width), round(page.height))
    chars = page.chars
    visual = text_lines(chars, size)
    tops = [line.top for line in visual]

    def line_at(top: float) -> int:
        return min(bisect.bisect_left(tops, top - 2) + 1, max(len(tops), 1))

    found = []   # (top, order, line number, text, layout)
    margin = page.height * SETTINGS.page_margin
    # without tables every character is outside one: the page's lines are the visual lines, built once
    for line in (text_lines([c for c in chars if outside(c)], size) if boxes else visual):
        if _PAGE_NUMBER.match(line.text) and not margin < line.top < page.height - margin:
            continue    # "- 3 -" in the foot of the page: not text, and it would cut a paragraph or a table
        found.append((line.top, 0, line_at(line.top), line.text, line))
    for table in tables:
        rows = []
        for row, texts in zip(table.rows, table.extract()):
            # a cell's text wrapped over lines is one text: the PDF does not tell a wrap from a new paragraph
            rows.append([("".join((text or "").splitlines()), line_at(cell[1]) if cell else line_at(row.bbox[1]))
                         for cell, text in zip(row.cells, texts)])
        for order, (text, where) in enumerate(placed_lines(rows), start=1):
            found.append((table.bbox[1], order, where, text, None))
    found.sort(key=lambda item: (item[0], item[1]))
    return [(number, text, layout) for _, _, number, text, layout in found]


# a heading's numbering alone on its line ("三、", "（一）", "第三部分"): its title is on the next line
_NUMBERING_ONLY = re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\s*[、.]|[（(][一二三四五六七八九十]+[)）])\s*$")


def _join_wrapped(pages: list) -> list[list]:
    """Visual lines back into paragraphs. A line continues on the next one where the layout broke it
    (see layout.wrapped), and a heading's numbering alone on a line continues with its title. A
    paragraph over a page break stays where it began; table lines are never joined."""
    from ledgerlint.documents.layout import margins, wrapped
    edges = margins(pages)
    joined: list[list] = [[] for _ in pages]
    running = None   # [page index, line number, text, layout of its last line] of a paragraph not yet ended

    def close():
        nonlocal running
        if running is not None:
            joined[running[0]].append((running[1], running[2]))
            running = None

    for index, page in enumerate(pages):
        for number, text, layout in page:
            if layout is None:          # a table line
                close()
                joined[index].append((number, text))
                continue
            if running is not None and (_NUMBERING_ONLY.match(running[2]) or wrapped(running[3], layout, edges)):
                running[2] += text
                running[3] = layout
                continue
            close()
            running = [index, number, text, layout]
    close()
    return joined
