"""Where on a PDF page a figure is printed: the box that `annotate` marks.

A finding knows the page and the visual line its figure was read from (the extraction's provenance). The
page is opened again and its visual lines rebuilt exactly as the reader built them (layout.text_lines),
so line N is the same line; the figure's printed text (1687.40, or 1,687.40) is then searched for from
that line down its paragraph. Where it is not found — a text field, a figure printed in another form —
the box is the line itself: the place is never guessed beyond what the provenance says.
"""
import re
from dataclasses import dataclass
from decimal import Decimal

# a figure is looked for this many visual lines below the line its sentence starts on (a paragraph
# wrapped over several lines); further down it would be another sentence's
_PARAGRAPH_LINES = 8


@dataclass(frozen=True)
class Box:
    page: int          # 1-based
    x0: float          # pdfplumber's coordinates: points from the page's left and top
    top: float
    x1: float
    bottom: float
    exact: bool        # the figure itself (True) or the line it was read from (False)


def printed_forms(value) -> re.Pattern | None:
    """A pattern for a figure as a document prints it: digits grouped with commas or not, the decimals as
    the figure has them, not inside a longer number."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        return None
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    digits = ",?".join([whole, *groups])
    number = re.escape(sign) + digits + (r"\." + fraction if fraction else "")
    return re.compile(rf"(?<![\d.,]){number}(?![\d]|\.\d)")


def locate(pdf_path, wanted: list) -> list:
    """For each (page, line, value) the Box where it is printed, or None where the page or line is not in
    the file. One pass over the pages that are asked for."""
    from ledgerlint.documents.layout import text_lines
    by_page: dict = {}
    for index, (page, line, value) in enumerate(wanted):
        by_page.setdefault(page, []).append((index, line, value))
    found: list = [None] * len(wanted)
    for number, page, words in _pages(pdf_path, list(by_page)):
        lines = text_lines(page.chars, (round(page.width), round(page.height)))
        # in reading order once per page: each figure is the first match from its line down
        words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
        for index, line, value in by_page[number]:
            if not line or not 1 <= line <= len(lines):
                continue
            found[index] = _box(number, lines, line, words, printed_forms(value))
    return found


def _pages(pdf_path, numbers: list):
    """(number, page content, words) for each page number asked that the file has, read as the reader
    read it: with PDFium where it reads the page as pdfplumber would, else with pdfplumber."""
    import os

    from pdfplumber.utils import extract_words

    from ledgerlint.documents.pdfium_page import PageContent, opened
    read: dict = {}
    count = None
    if os.environ.get("LEDGERLINT_PDF_READER", "pdfium") == "pdfium":
        try:
            with opened(pdf_path) as document:
                if document is not None:
                    count, page_at = document
                    read = {n: page_at(n - 1) for n in numbers if n and 1 <= n <= count}
        except Exception:      # PDFium cannot read it: pdfplumber reads every page asked for, below
            read, count = {}, None
    missing = [n for n in numbers if read.get(n) is None and (count is None or (n and 1 <= n <= count))]
    if missing:
        import pdfplumber
        with pdfplumber.open(str(pdf_path)) as pdf:
            for number in missing:
                if number and 1 <= number <= len(pdf.pages):
                    plumbed = pdf.pages[number - 1]
                    read[number] = PageContent.of(plumbed)
                    plumbed.close()
    for number in numbers:
        if read.get(number) is not None:
            yield number, read[number], extract_words(read[number].chars, return_chars=True)


def _box(page: int, lines: list, line: int, words: list, pattern) -> Box:
    start = lines[line - 1]
    below = lines[min(line - 1 + _PARAGRAPH_LINES, len(lines) - 1)].bottom
    if pattern is not None:
        for word in (w for w in words if start.top - 2 <= w["top"] <= below + 2):
            hit = pattern.search(word["text"])
            if hit is None:
                continue
            # the figure's own characters (a word such as "1687.40万元" holds the figure and its unit)
            chars = word.get("chars") or []
            if len(chars) == len(word["text"]):
                first, last = chars[hit.start()], chars[hit.end() - 1]
                return Box(page, first["x0"], min(c["top"] for c in chars[hit.start():hit.end()]), last["x1"],
                           max(c["bottom"] for c in chars[hit.start():hit.end()]), True)
            return Box(page, word["x0"], word["top"], word["x1"], word["bottom"], True)
    return Box(page, start.x0, start.top, start.x1, start.bottom, False)
