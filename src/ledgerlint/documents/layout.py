"""The layout of a PDF page: its text lines built from the characters' positions, and paragraphs that
the layout wrapped over several lines joined again.

Why positions and not the PDF's text order: published PDFs lie about reading order. A document typeset
with the digits in another font (Times New Roman figures in FangSong text) puts the figures a few points
lower than their words; a text extractor that groups characters by top edge then writes "收入支出总计
万元" on one line and "2995.39" on the next. Here a character belongs to a line when its box overlaps the
line's box vertically by at least half its height, and a line's characters are read left to right.

Why per page geometry: tables sit on landscape pages (842 pt wide) and prose on portrait ones (595 pt).
A line of prose is full when it reaches the right edge of the prose on pages of its own size, not the
widest line of the whole file, or no portrait line would ever count as wrapped.
"""
import bisect
import re
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class LayoutSettings:
    """The numbers the layout depends on, in PDF points or as shares, in one place."""
    line_overlap: float = 0.5      # share of a character's height that must overlap the line's band
    space_gap: float = 3.0         # a gap between characters wider than this (pt) is a space (pdfplumber's x_tolerance)
    page_margin: float = 0.1       # share of the page height at its top and at its bottom (page numbers live there)
    full_line_slack: float = 0.5   # of a character's height: justified lines stop a little before or after the edge
    long_line: int = 15            # characters: lines this long tell where the prose's edges are
    indent: float = 1.2            # a line starting this many character heights right of the edge begins a paragraph


SETTINGS = LayoutSettings()


@dataclass
class TextLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first_piece: float          # width of the line's first unbreakable piece (a number, a Latin word, one 汉字)
    size: tuple                 # (width, height) of its page: lines of pages of one size share a right edge


def text_lines(chars: list[dict], page_size: tuple, settings: LayoutSettings = SETTINGS) -> list[TextLine]:
    """The characters (pdfplumber's dicts) as lines, top to bottom, each read left to right.

    A line is made of its visible characters: its box is their ink, not a space after the last word
    (a trailing space would make a short line look full). A space character only says where a space
    goes between two of them, and a run of spaces is one space: PDF readers disagree on how many of a
    run they keep (PDFium drops repeated and trailing ones), and no figure or word depends on it."""
    bands: list[list] = []      # [top, bottom, chars, spaces] of each line, in order of their top
    spaces = []
    for char in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if not char["text"].strip():
            if char["text"] == " ":
                spaces.append(char)
            continue
        home = _band(bands, char, settings)
        if home is None:
            bands.append([char["top"], char["bottom"], [char], []])
        else:
            home[2].append(char)
    for space in spaces:        # after every line has its band: a space may sort before its line's first character
        home = _band(bands, space, settings, everywhere=True)
        if home is not None:
            home[3].append(space)
    return [_line(band[2], band[3], page_size, settings) for band in bands]


def unique_chars(chars: list[dict]) -> list[dict]:
    """The characters with each one printed twice on itself kept once: a font without a bold face is
    made bold by printing the text again a fraction of a point aside, which a text layer reads as
    "本本年年支支出出". A duplicate is the same character at the same size whose box starts within 0.07
    of the font size of one already kept (PDFium's own test for it, so both readers agree)."""
    kept: list = []
    near: dict = {}           # (text, size, whole point of top) → characters kept there
    for char in chars:
        text, top, x0 = char["text"], char["top"], char["x0"]
        size = round(char.get("size") or (char["bottom"] - top), 1)
        row = int(top)
        if _printed_on(near, text, size, row, x0, top):
            continue
        near.setdefault((text, size, row), []).append(char)
        kept.append(char)
    return kept


def _printed_on(near: dict, text: str, size: float, row: int, x0: float, top: float) -> bool:
    """A character of `text` at `size` is kept within 0.07 of the size of (x0, top)."""
    if not text.strip():
        return False
    limit = 0.07 * size
    for band in (row - 1, row, row + 1):
        for other in near.get((text, size, band), ()):
            if abs(other["x0"] - x0) < limit and abs(other["top"] - top) < limit:
                return True
    return False


def _band(bands: list, char: dict, settings: LayoutSettings, everywhere: bool = False) -> list | None:
    """The line whose band the character overlaps by enough of its height: among the last ones while
    the characters come by their top, else among all."""
    height = max(char["bottom"] - char["top"], 0.1)
    for band in reversed(bands if everywhere else bands[-8:]):
        overlap = min(band[1], char["bottom"]) - max(band[0], char["top"])
        # to a thousandth of a point: readers differ in float precision, and a row of a table whose
        # cells sit half a line apart is exactly on the threshold
        if overlap >= settings.line_overlap * min(height, band[1] - band[0]) - 0.001:
            return band
    return None


def _line(chars: list[dict], spaces: list[dict], page_size: tuple, settings: LayoutSettings) -> TextLine:
    chars = sorted(chars, key=lambda c: c["x0"])
    middles = sorted((space["x0"] + space["x1"]) / 2 for space in spaces)
    pieces, previous = [], None
    for char in chars:
        if previous is not None and (char["x0"] - previous["x1"] > settings.space_gap
                                     or _between(middles, previous, char)):
            pieces.append(" ")
        pieces.append(char["text"])
        previous = char
    return TextLine("".join(pieces), chars[0]["x0"], max(c["x1"] for c in chars), min(c["top"] for c in chars),
                    max(c["bottom"] for c in chars), _first_piece(chars), page_size)


def _between(middles: list, before: dict, after: dict) -> bool:
    """A space character's middle lies between the middles of two neighbouring characters."""
    start = bisect.bisect_right(middles, (before["x0"] + before["x1"]) / 2)
    return start < len(middles) and middles[start] < (after["x0"] + after["x1"]) / 2


_OPENING = "（([“‘《〈【"
_CLOSING = "）)]”’》〉】。，、；：！？,.;:!?%"


def _first_piece(chars: list[dict]) -> float:
    """How wide the start of the line is up to where the line could have been broken: digits and Latin
    letters are one piece, a Chinese character a piece of its own (as Word and WPS break lines), and by
    the rules of Chinese typesetting an opening bracket stays with what follows it and a closing mark
    with what precedes it ("（项）。" moves to the next line whole)."""
    visible = [c["text"] for c in chars if c["text"].strip()]
    if not visible:
        return 0.0
    shown = [c for c in chars if c["text"].strip()]
    end = 0
    while end + 1 < len(visible) and visible[end] in _OPENING:
        end += 1
    if visible[end].isascii() and visible[end].isalnum():
        while end + 1 < len(visible) and visible[end + 1].isascii() and (visible[end + 1].isalnum() or visible[end + 1] in ".,"):
            end += 1
    while end + 1 < len(visible) and (visible[end + 1] in _CLOSING or visible[end] in _OPENING):
        end += 1
    return shown[end]["x1"] - shown[0]["x0"]


def margins(pages: list[list]) -> dict:
    """(left, right) edge of the prose on pages of each size: where most long lines start and stop. A
    justified paragraph's lines all stop at one x; the widest line of the pages (a hanging punctuation
    mark, a wider table title) would make every real line look short."""
    starts: dict = {}
    stops: dict = {}
    for page in pages:
        for _, _, line in page:
            if line is not None and len(line.text) >= SETTINGS.long_line:
                starts.setdefault(line.size, Counter())[round(line.x0)] += 1
                stops.setdefault(line.size, Counter())[round(line.x1)] += 1
    return {size: (starts[size].most_common(1)[0][0], stops[size].most_common(1)[0][0]) for size in stops}


_SENTENCE_END = "。；;！？!?:："
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")
_NEW_ITEM = re.compile(r"^\s*(?:\d+\s*[、.．]|[一二三四五六七八九十]+\s*、|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十]+部分)")


def wrapped(before: TextLine, after: TextLine, edges: dict, settings: LayoutSettings = SETTINGS) -> bool:
    """The layout broke the line there: the next line's first piece would not have fit after it (a full
    line is the usual case: any piece overflows it), and the next line is not indented as a new
    paragraph is."""
    left, right = edges.get(before.size, (before.x0, before.x1))
    if _HEADING.match(after.text) or (before.text.rstrip()[-1:] in _SENTENCE_END and _NEW_ITEM.match(after.text)):
        return False              # "…预期。" then "6、…": a numbered item starts at the left edge too
    if after.x0 > left + settings.indent * (after.bottom - after.top):
        return False
    return before.x1 + after.first_piece > right - settings.full_line_slack * (before.bottom - before.top)
