"""Reading a disclosure file: bytes -> text -> JSON values, numbers kept as written.

Every fraction is parsed as a Decimal with its written precision (1687.40 stays Decimal('1687.40'), which
the rounding rules need); integers stay int. Duplicate keys and NaN/Infinity are refused, since either
would silently lose or invent a figure. ledgerlint only ever reads the file.
"""
import codecs
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path as FsPath

from ledgerlint.limits import MAX_BYTES, MAX_EXPONENT, MAX_FIGURE_DIGITS, MAX_JSON_DEPTH, MAX_VALUES
from ledgerlint.errors import DisclosureError
from ledgerlint.inputs import read_bytes
from ledgerlint.messages import CATALOG, Localized
from ledgerlint.paths import format_path
from ledgerlint.checking.positions import LineMap, find_bare_token
from ledgerlint.checking.printed import as_printed

FULL_WIDTH_DIGITS = "０１２３４５６７８９．，－"


class _Duplicate(Exception):
    pass


class _Constant(Exception):
    pass


def _refuse_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise _Duplicate(key)
        obj[key] = value
    return obj


def _refuse_constant(name):
    raise _Constant(name)


class _Figure(Exception):
    pass


def _bounded_int(text: str) -> int:
    # checked before int(): Python refuses to convert more than 4300 digits, with a ValueError
    if len(text.lstrip("-")) > MAX_FIGURE_DIGITS:
        raise _Figure(text)
    return int(text)


def _bounded_decimal(text: str) -> Decimal:
    if len(text) <= MAX_FIGURE_DIGITS and "e" not in text and "E" not in text:
        return Decimal(text)        # every figure a disclosure states: nothing more to check
    mantissa = text.lower().split("e", 1)[0]
    if sum(ch.isdigit() for ch in mantissa) > MAX_FIGURE_DIGITS:
        raise _Figure(text)
    value = Decimal(text)
    if abs(value.as_tuple().exponent) > MAX_EXPONENT or (value and abs(value.adjusted()) > MAX_EXPONENT):
        raise _Figure(text)
    return value


@dataclass
class Disclosure:
    """One disclosure: its parsed data and where it came from. Lines are computed on first use."""
    source: str
    data: dict
    text: str = field(repr=False, default="")
    _lines: LineMap | None = field(default=None, repr=False)
    renamed: dict = field(default_factory=dict, repr=False)   # canonical key -> key as written
    _printed: tuple | None = field(default=None, repr=False)   # (schema, data as printed), see printed()

    def with_aliases(self, aliases: dict) -> "Disclosure":
        """The same disclosure with top-level keys written under an accepted other name (机关运行经费 for
        机构运行经费) renamed to the schema's own; lines still point at the key as written."""
        renames = {canonical: alias for alias, canonical in aliases.items()
                   if alias in self.data and canonical not in self.data}
        if not renames:
            return self
        back = {alias: canonical for canonical, alias in renames.items()}
        data = {back.get(k, k): v for k, v in self.data.items()}
        return Disclosure(self.source, data, self.text, self._lines, renames)

    def printed(self, schema: dict) -> dict:
        """The data with every whole-number figure at its printed precision (printed.as_printed),
        made once per disclosure and schema: checking, tracing and explaining one file read the same."""
        if self._printed is None or self._printed[0] is not schema:
            self._printed = (schema, as_printed(self.data, schema))
        return self._printed[1]

    @property
    def year(self):
        return self.data.get("年度")

    def line(self, path) -> int | None:
        if not self.text:
            return None
        if self._lines is None:
            self._lines = LineMap(self.text)
        path = tuple(path)
        if path and path[0] in self.renamed:
            path = (self.renamed[path[0]],) + path[1:]
        return self._lines.line(path)


def decode(raw: bytes, source: str, encoding: str | None = None) -> str:
    if encoding:
        try:
            codecs.lookup(encoding)
            text = raw.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise DisclosureError("file.bad_encoding", file=source, encoding=encoding, reason=str(exc)) from None
        return text.lstrip("\ufeff")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            raise DisclosureError("file.not_utf8", file=source, offset=exc.start) from None
        raise DisclosureError("file.gbk", file=source) from None


def _syntax_reason(msg: str) -> str:
    # the json module's messages are stable; map them to catalog keys, keep unknown ones verbatim
    key = f"json.reason.{msg}"
    return key if key in CATALOG else msg


def parse(text: str, source: str) -> Disclosure:
    if not text.strip():
        raise DisclosureError("file.empty", file=source)
    try:
        data = json.loads(text, parse_float=_bounded_decimal, parse_int=_bounded_int,
                          parse_constant=_refuse_constant, object_pairs_hook=_refuse_duplicates)
    except json.JSONDecodeError as exc:
        if text[exc.pos:exc.pos + 1] and text[exc.pos] in FULL_WIDTH_DIGITS:
            raise DisclosureError("json.full_width", file=source, line=exc.lineno, column=exc.colno) from None
        raise DisclosureError("json.syntax", file=source, line=exc.lineno, column=exc.colno,
                              reason=Localized(_syntax_reason(exc.msg))) from None
    except _Duplicate as exc:
        lines = LineMap(text)
        path, offset = lines.duplicates[0] if lines.duplicates else ((exc.args[0],), 0)
        line, col = lines.position(offset)
        raise DisclosureError("json.duplicate", file=source, line=line, column=col,
                              key=exc.args[0], path=format_path(path)) from None
    except _Constant as exc:
        offset = find_bare_token(text, {"NaN", "Infinity", "-Infinity"}) or 0
        line, col = LineMap(text).position(offset)
        raise DisclosureError("json.constant", file=source, line=line, column=col, value=exc.args[0]) from None
    except _Figure as exc:
        written = exc.args[0]
        offset = find_bare_token(text, {written}) or 0
        line, col = LineMap(text).position(offset)
        shown = written if len(written) <= 24 else f"{written[:12]}…{written[-8:]}"
        raise DisclosureError("json.bad_figure", file=source, line=line, column=col, value=shown,
                              digits=MAX_FIGURE_DIGITS, exponent=MAX_EXPONENT) from None
    except RecursionError:
        raise DisclosureError("json.too_deep", file=source) from None
    deep, count, lone = _shape(data)
    if deep is not None:
        line, col = LineMap(text).position(LineMap(text)._offsets.get(deep, 0))
        raise DisclosureError("json.too_deep_at", file=source, line=line, column=col, limit=MAX_JSON_DEPTH)
    if count > MAX_VALUES:
        raise DisclosureError("json.too_many_values", file=source, limit=MAX_VALUES)
    if lone is not None:
        line, col = LineMap(text).position(LineMap(text)._offsets.get(lone, 0))
        raise DisclosureError("json.surrogate", file=source, line=line, column=col, path=format_path(lone))
    if not isinstance(data, dict):
        kind = {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(data), "number")
        raise DisclosureError("json.not_object", file=source, line=1, column=1, kind=Localized(f"type.{kind}"))
    return Disclosure(source=source, data=data, text=text)


def _shape(data):
    """(the path of the first value nested deeper than MAX_JSON_DEPTH, the number of values, the path of the
    first text holding a lone surrogate), walked without recursion; the walk stops once a bound is
    passed. A lone surrogate ("\\ud800", which JSON allows) is no character: no report could write it."""
    stack = [(data, ())]
    count = 0
    while stack:
        value, path = stack.pop()
        count += 1
        if len(path) > MAX_JSON_DEPTH or count > MAX_VALUES:
            return (path if len(path) > MAX_JSON_DEPTH else None), count, None
        if isinstance(value, dict):
            for key, item in value.items():
                if _SURROGATE.search(key):
                    return None, count, path + (key,)
                stack.append((item, path + (key,)))
        elif isinstance(value, list):
            stack.extend((v, path + (i,)) for i, v in enumerate(value))
        elif isinstance(value, str) and _SURROGATE.search(value):
            return None, count, path
    return None, count, None


_SURROGATE = re.compile("[\ud800-\udfff]")


def load(path: str | FsPath, encoding: str | None = None) -> Disclosure:
    """Read and parse one disclosure file; raises DisclosureError with the place on any problem."""
    source = str(path)
    raw = read_bytes(path, MAX_BYTES, DisclosureError)
    return parse(decode(raw, source, encoding), source)
