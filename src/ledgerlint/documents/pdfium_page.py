"""A PDF page read with PDFium (pypdfium2, installed with pdfplumber): the characters and the ruling
lines that pdfplumber would give for it, in pdfplumber's own form, about twenty times faster.

Why: reading a published PDF was almost all pdfminer's work (its content-stream parser is pure Python),
and bureau staff read hundreds of them. PDFium parses in C. Either reader's page becomes a PageContent
(size, characters, ruling lines), which is all ledgerlint.documents.sources reads of a page, so one line
builder serves both, and the tables are found by pdfplumber's own table finder over these edges: the
cells are the ones pdfplumber finds.

What it reproduces of pdfminer, so that both readers give the same lines (a test compares them on the
real documents): a character's box runs from its origin to its advance across, and from the font's
descent below the baseline to one font size above it; the spaces PDFium generates between words are
left out (pdfplumber only has the document's own), and the ones its text page drops (text objects with
no ink) are put back; a path becomes the edges pdfminer's lines, rects and curves give it (a two-point
path is a line, whatever its slope; a curve keeps only its axis-aligned sides); a page turned by
/Rotate is read as it is shown, as pdfminer turns it. A page this does not cover the same way —
cropped or off the origin, text shown sideways or mirrored, a character without Unicode — is None,
and the caller reads that page with pdfplumber.

PDFium is not thread-safe: every call into it holds one lock (`ledgerlint serve` checks in threads).
"""
import ctypes
import threading
from contextlib import contextmanager

from ledgerlint.documents.layout import unique_chars

LOCK = threading.Lock()

_MOVETO, _BEZIERTO = 2, 1    # FPDFPathSegment_GetType's kinds (the third, 0, is a line)
_SPACE = 0.25                 # of the font size: the width given to a space PDFium's text page left out


class PageContent:
    """What ledgerlint.documents.sources reads of a PDF page — its size, characters and ruling lines —
    from PDFium's parse of it or from pdfplumber's; a character printed twice on itself is kept once."""

    def __init__(self, width: float, height: float, chars: list, edges: list):
        self.width = width
        self.height = height
        self.chars = unique_chars(chars)
        self.edges = edges
        self.bbox = (0, 0, width, height)

    @classmethod
    def of(cls, page) -> "PageContent":
        """A pdfplumber page's content, read by pdfminer."""
        return cls(page.width, page.height, page.chars, page.edges)

    def find_tables(self):
        from pdfplumber.table import TableFinder
        return TableFinder(self).tables       # the default settings, as pdfplumber's page.find_tables()


@contextmanager
def opened(path):
    """The PDF opened with PDFium, LOCK held until the block ends: (its page count, a function of a page's
    index giving its PageContent, or None where only pdfplumber reads that page the same way); None
    where PDFium cannot open the file (a broken file, or one it refuses: pdfplumber's reason is then
    the one users get, or pdfplumber reads it after all)."""
    try:
        import pypdfium2
    except ImportError:      # pragma: no cover - installed with pdfplumber
        yield None
        return
    with LOCK:
        try:
            document = pypdfium2.PdfDocument(str(path))
        except Exception:
            document = None
        try:
            yield None if document is None else (len(document), lambda index: read_page(document, index))
        finally:
            if document is not None:
                document.close()


def read_page(document, index: int) -> "PageContent | None":
    """Page `index` of a pypdfium2 PdfDocument, or None where only pdfplumber reads it the same way.
    Call with LOCK held."""
    import pypdfium2.raw as raw
    page = document[index]
    try:
        width, height = page.get_size()           # as shown: a turned page's are swapped
        rotation = page.get_rotation() % 360
        across, up = (width, height) if rotation in (0, 180) else (height, width)
        if rotation not in _TURNS or not _at_origin(raw, page.raw, across, up):
            return None
        turn = _TURNS[rotation](across, up)
        chars = _chars(raw, page, height, turn)
        if chars is None:
            return None
        edges: list = []
        _objects(raw, page.raw, height, chars, edges, turn)
        return PageContent(width, height, chars, edges)
    finally:
        page.close()


# a page turned by /Rotate is read as it is shown: pdfminer's matrix from the page's own space (its size
# across and up before turning) to the space shown
_UNTURNED = (1, 0, 0, 1, 0, 0)
_TURNS = {0: lambda across, up: _UNTURNED,
          90: lambda across, up: (0, -1, 1, 0, 0, across),
          180: lambda across, up: (-1, 0, 0, -1, across, up),
          270: lambda across, up: (0, 1, -1, 0, up, 0)}


def _at_origin(raw, page, width: float, height: float) -> bool:
    """The page's boxes (its own, or those it inherits) begin at the origin and are the page's size:
    then PDFium's coordinates are pdfplumber's."""
    box = raw.FS_RECTF()
    if not raw.FPDF_GetPageBoundingBox(page, ctypes.byref(box)):
        return False
    if (box.left, box.bottom, box.right, box.top) != (0, 0, width, height):
        return False
    edges = [ctypes.c_float() for _ in range(4)]
    for own in (raw.FPDFPage_GetMediaBox, raw.FPDFPage_GetCropBox):
        if own(page, *edges) and tuple(edge.value for edge in edges) != (0, 0, width, height):
            return False
    return True


def _chars(raw, page, height: float, turn: tuple) -> list | None:
    """pdfplumber's character dicts (the keys its table text and our layout read), or None where a
    character is turned (as shown) or has no Unicode."""
    a, b, c, d, e, f = turn
    turned = turn != _UNTURNED
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        box = raw.FS_RECTF()
        matrix = raw.FS_MATRIX()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        descents: dict = {}
        chars = []
        for k in range(raw.FPDFText_CountChars(handle)):
            if raw.FPDFText_IsGenerated(handle, k):
                continue          # a space or line break PDFium inferred; pdfplumber only has real ones
            code = raw.FPDFText_GetUnicode(handle, k)
            if raw.FPDFText_HasUnicodeMapError(handle, k) == 1 or code in (0, 0xFFFE, 0xFFFF):
                return None       # pdfminer writes such a character as "(cid:N)"
            raw.FPDFText_GetMatrix(handle, k, ctypes.byref(matrix))
            shown = (matrix.a, matrix.b, matrix.c, matrix.d, 0, 0)
            if turned:
                shown = _compose(shown, turn)
            if shown[1] or shown[2] or shown[0] <= 0 or shown[3] <= 0:
                return None       # turned or mirrored text as shown: pdfminer's box of it is another shape
            raw.FPDFText_GetLooseCharBox(handle, k, ctypes.byref(box))
            raw.FPDFText_GetCharOrigin(handle, k, ox, oy)
            left, right = sorted((a * box.left + c * box.bottom + e, a * box.right + c * box.top + e))
            baseline = b * ox.value + d * oy.value + f
            size = raw.FPDFText_GetFontSize(handle, k)
            below = _descent(raw, raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(handle, k)), size, descents)
            if below is None:
                return None
            chars.append(_char(chr(code), left, right, baseline, below, size, shown[3], height))
        return chars
    finally:
        textpage.close()


def _address(handle) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value


def _descent(raw, font, size: float, known: dict) -> float | None:
    """How far the font reaches below the baseline at `size`, in text space (negative), as pdfminer
    takes it from the font descriptor; one font serves many characters."""
    key = (_address(font), size)
    if key not in known:
        descent = ctypes.c_float()
        if not raw.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(descent)):
            return None
        known[key] = -abs(descent.value)     # pdfminer forces a descent below the baseline
    return known[key]


def _char(text: str, x0: float, x1: float, baseline: float, descent: float, size: float, scale: float,
          height: float) -> dict:
    """pdfminer's box of a character: from its descent below the baseline to one font size above."""
    bottom = height - (baseline + descent * scale)
    top = bottom - size * scale
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top, "size": size * scale, "upright": True}


def _objects(raw, container, height: float, chars: list, edges: list, outer: tuple, depth: int = 0) -> None:
    """The edges of every path on the page, those inside form XObjects too (their matrix composed with
    the form's), into `edges`; a space for every text object with no ink, into `chars`.

    Why the spaces: PDFium's text page leaves out a text object whose glyphs have no extent (less than
    0.01 pt across, its own test) — the runs of spaces Word writes apart from the words — where
    pdfplumber has their space characters; the line builder needs to know a space stood between two
    words ("合计 1,234.56"). Should a PDFium keep such an object after all, its space joins a run of
    spaces, which the line builder writes as one."""
    if depth > 8:
        return                # forms nested deeper than any real document: left out, not looped over
    in_form = depth > 0
    count = raw.FPDFFormObj_CountObjects(container) if in_form else raw.FPDFPage_CountObjects(container)
    matrix = raw.FS_MATRIX()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    size = ctypes.c_float()
    descents: dict = {}
    for i in range(count):
        obj = raw.FPDFFormObj_GetObject(container, i) if in_form else raw.FPDFPage_GetObject(container, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_TEXT):
            continue
        raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
        here = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            _objects(raw, obj, height, chars, edges, here, depth + 1)
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            for points, shape in _subpaths(raw, obj, here):
                edges.extend(_edges(points, shape, height))
        elif raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top) and abs(right.value - left.value) < 0.01 \
                and raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)) and not here[1] and not here[2]:
            below = _descent(raw, raw.FPDFTextObj_GetFont(obj), size.value, descents)
            if below is not None:     # a space a quarter of an em wide: its own advance is not told
                start = here[4]
                chars.append(_char(" ", start, start + _SPACE * size.value * here[0], here[5], below, size.value,
                                   here[3], height))


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix of applying `inner`, then `outer` (PDF matrices, row vectors)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _subpaths(raw, path, m: tuple):
    """Each subpath as (points in page space, shape): the shape is pdfminer's string of operators
    ("m", "l", "c" for a Bézier's end point, "h" for a close, which repeats the start point)."""
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list = []
    shape: list = []
    bezier = 0
    for i in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, i)
        kind = raw.FPDFPathSegment_GetType(segment)
        raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = (m[0] * x.value + m[2] * y.value + m[4], m[1] * x.value + m[3] * y.value + m[5])
        if kind == _MOVETO:
            if points:
                yield points, shape
            points, shape, bezier = [point], ["m"], 0
            continue
        if not points:
            points, shape = [point], ["m"]          # a path that does not begin with a move: its own start
            continue
        if kind == _BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue      # a control point: pdfminer keeps only where the curve ends
            shape.append("c")
        else:
            shape.append("l")
        points.append(point)
        if raw.FPDFPathSegment_GetClose(segment):
            shape.append("h")
            points.append(points[0])
    if points:
        yield points, shape


def _edges(points: list, shape: list, height: float) -> list:
    """pdfplumber's edges of one subpath, as its page.edges gives them for pdfminer's line, rect or
    curve of it."""
    shape = "".join(shape)
    if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
        shape = shape[:-2] + "h"          # pdfminer drops a closing "l" that returns to the start
        points = points[:-2] + points[-1:]
    if shape in ("ml", "mlh"):
        (x0, y0), (x1, y1) = points[0], points[1]
        return [_edge(x0, y0, x1, y1, height, "h" if y0 == y1 else "v")]
    found = []
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        orientation = "v" if x0 == x1 else ("h" if y0 == y1 else None)
        if orientation is not None:       # a slanted side is no ruling line: pdfplumber filters it out
            found.append(_edge(x0, y0, x1, y1, height, orientation))
    return found


def _edge(x0: float, y0: float, x1: float, y1: float, height: float, orientation: str) -> dict:
    top, bottom = height - max(y0, y1), height - min(y0, y1)
    left, right = min(x0, x1), max(x0, x1)
    return {"object_type": "edge", "x0": left, "x1": right, "top": top, "bottom": bottom, "doctop": top,
            "width": right - left, "height": bottom - top, "orientation": orientation}
