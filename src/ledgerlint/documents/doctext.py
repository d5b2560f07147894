"""The text of a published disclosure, ready for the extractor: decoded, normalised, cut into sentences
that remember their line, and the figures in each sentence as written.

Groundwork for `ledgerlint extract` (see docs/extract-wording.md for the wording families). Decisions:
- .txt files are UTF-8 (with or without BOM), UTF-16 with a BOM, or GBK/GB18030; the first that decodes
  without error wins, in that order, since GBK decodes many byte strings that are really UTF-8.
- Matching runs on a normalised copy of each line (full-width digits and signs to ASCII, traditional
  characters to simplified, Word's field codes and bookmarks removed); each figure
  keeps its text as written in the original line, so provenance and placeholders are not lost.
- A figure that cannot be read as a number is kept, with its kind: a placeholder ("XX.X%"), a garbled
  unit ("万5.00元") or a blank ("占 %"), so that `check` can report it rather than the extractor hide it.
"""
import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from ledgerlint.limits import MAX_TEXT_BYTES
from ledgerlint.errors import DisclosureError
from ledgerlint.inputs import read_bytes

# Traditional characters (萬元, 經費, 減少, 說明 … on some provinces' pages) become simplified through
# OpenCC's phrase-aware table (t2s): a table of our own would always miss some character of some name.
_CONVERTER = None


def _simplified(text: str) -> str:
    global _CONVERTER
    if _CONVERTER is None:
        import opencc     # loaded on the first document only (a few milliseconds)
        _CONVERTER = opencc.OpenCC("t2s")
    return _CONVERTER.convert(text)


# Word field codes and markers left in text converted from .docx.
_FIELD_CODES = re.compile(r"PAGEREF\s+_Toc\d+\s+\\?h(\s+\d+)?|\[bookmark:[^\]]*\]|HYPERLINK\s+\\l\s+\"[^\"]*\"")

_SENTENCE_END = re.compile(r"[。；;！？]")

# A number as written: sign, thousands separators only in groups of three (NFKC makes "，" a comma, and
# "A，B万元" lists two figures), decimals. PLACEHOLDER is a number left as "XX.X".
NUMBER = r"[-+]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
PLACEHOLDER = r"[Xx×*]+(?:\.[Xx×*]+)?"

_UNITS = "亿元|万元|元|%|个|人次|批次|辆|人|台|家|项|次|套"
# A figure with its unit; the garbled and placeholder shapes are tried first so that "万5.00元" is not
# read as "5.00元".
_FIGURE = re.compile(
    rf"(?P<garbled>万\s*[-+]?\d[\d,]*(?:\.\d+)?\s*元)"
    rf"|(?P<placeholder>{PLACEHOLDER}\s*(?:{_UNITS}))"
    rf"|(?P<number>{NUMBER})\s*(?P<unit>{_UNITS})"
    rf"|(?P<blank>(?<=[占为比长少加降至达])\s+(?:%|万元))")


@dataclass(frozen=True)
class Figure:
    written: str             # exactly as in the document, e.g. "44.10万元", "XX.X%", "万5.00元"
    kind: str                # "number", "placeholder", "garbled" or "blank"
    value: Decimal | None    # the number as written (a kind other than "number" has none)
    unit: str | None
    start: int               # offset in the sentence's normalised text


@dataclass(frozen=True)
class Sentence:
    line: int                # 1-based line of the document
    text: str                # normalised text, the one the extractor matches against
    original: str            # as written in the document

    def figures(self) -> list[Figure]:
        return figures(self.text)


def decode(data: bytes, file: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DisclosureError("document.encoding", file=file)




def read_lines(path, limit: int = MAX_TEXT_BYTES) -> list[str]:
    return decode(read_bytes(path, limit, DisclosureError), str(path)).splitlines()


@functools.lru_cache(maxsize=8192)     # the readers normalise a sentence's line again for each figure
def normalise(text: str) -> str:
    """Full-width forms to ASCII (NFKC), traditional to simplified, field codes removed. NFKC also turns
    “（” into "(" and "：" into ":", which the extractor's patterns expect."""
    text = _FIELD_CODES.sub("", text)
    return _simplified(unicodedata.normalize("NFKC", text))


def sentences(lines: list[str]) -> list[Sentence]:
    """Each line cut at 。；！？, keeping the ending; empty pieces dropped. The seed and the documents seen
    write one paragraph per line, so a sentence never spans lines here."""
    found = []
    for number, line in enumerate(lines, start=1):
        text = normalise(line).strip()
        start = 0
        for match in _SENTENCE_END.finditer(text):
            _add(found, number, text[start:match.end()], line)
            start = match.end()
        _add(found, number, text[start:], line)
    return found


def _add(found: list, line: int, piece: str, original: str) -> None:
    piece = piece.strip()
    if piece:
        found.append(Sentence(line, piece, original))


def figures(text: str) -> list[Figure]:
    found = []
    for match in _FIGURE.finditer(text):
        kind = match.lastgroup if match.lastgroup != "unit" else "number"
        written = match.group(0).strip()
        if kind == "number":
            digits = match.group("number").replace(",", "").replace(" ", "")
            found.append(Figure(written, kind, Decimal(digits), match.group("unit"), match.start()))
        else:
            unit = next((u for u in _UNITS.split("|") if written.endswith(u)), None)
            found.append(Figure(written, kind, None, unit, match.start()))
    return found
