"""Readers of the published document's sections: each takes the sentences of one
section (doctext.Sentence, normalised) and returns the section's object in the schema's shape, the
provenance of every figure (path → line and sentence) and the sentences with figures it did not use."""
import re
import unicodedata
from decimal import Decimal
from dataclasses import dataclass, field

from ledgerlint.documents.changes import read_change
from ledgerlint.documents.doctext import NUMBER, PLACEHOLDER, normalise

# a figure as written, placeholders kept (changes.as_figure turns it into a Decimal or keeps the text)
FIGURE = f"({NUMBER}|{PLACEHOLDER})"
# the word before a share: "占 P%", "占比P%", "占本年收入的P%", "占“三公”经费的P%"
SHARE = r"占(?:比)?[^,;。\d%]{0,10}?"
# a function class with its amount and share: "教育支出 425,287.27 万元，占总支出的 92.92%"
CLASS_SHARE = re.compile(rf"([^\s,、;:0-9]+?支出)\s*:?\s*{FIGURE}\s*万元\s*,\s*{SHARE}\s*{FIGURE}\s*%")
_CHANGE_KEYS = ("方向", "金额", "百分比方向", "百分比", "百分比说明", "原因")
_BASES = {"年初预算": "与年初预算比较", "上年决算": "与上年决算比较", "上年": "与上年决算比较",
          "上年度": "与上年决算比较", "上一年度": "与上年决算比较", "上年度决算": "与上年决算比较",
          "上一年度决算": "与上年决算比较", "全年预算": "与全年预算比较", "年度预算": "与全年预算比较",
          "调整预算": "与全年预算比较"}


# a sentence that is only the reason of the change stated before it: "主要原因：…", "变动原因是…"
# (a short subject may come first: "公务接待费支出减少的主要原因是…")
_REASON_ALONE = re.compile(r"^(?:[^,;。\d]{0,16}?的)?(?:其|该项)?(?:主要|变动|增减变动|变化的?|增加的?|减少的?|差异的?)?原因(?:是|为|:)\s*(.*)$")


@dataclass
class Reading:
    value: dict = field(default_factory=dict)
    provenance: dict = field(default_factory=dict)    # "a.b.c" → (line, sentence text)
    unused: list = field(default_factory=list)        # sentences with figures that no pattern placed
    # the change put last, whose reason may follow in a sentence (or a line) of its own; "pending" once
    # the reason's words were read but the reason itself is on the next line ("主要原因：" at a line's end)
    last_change: tuple | None = None
    pending: bool = False
    also: list = field(default_factory=list)          # (line, value) of figures stated again, the same
    restated: list = field(default_factory=list)      # figures stated again, differently (see restate)

    def put(self, path: tuple, value, sentence) -> None:
        """`value` at `path`. A figure stated again (a total restated in the next paragraph) is not put
        twice: the same figure again is noted as placed there too; another figure is kept beside the
        first as a restatement, for `check` to compare (never silently overwritten)."""
        node = self.value
        for key in path[:-1]:
            node = node.setdefault(key, {})
        where = (sentence.line, as_written(sentence.text, sentence))
        dotted = ".".join(path)
        if _is_figure(node.get(path[-1])) and _is_figure(value) and dotted in self.provenance:
            self.restate(dotted, node[path[-1]], value, where)
            return
        node[path[-1]] = value
        self.provenance[dotted] = where

    def restate(self, dotted: str, first, again, where: tuple) -> None:
        """The figure at `dotted` (a JSON path) stated again, at `where` (line, text)."""
        if Decimal(first) == Decimal(again):
            self.also.append((where[0], Decimal(again)))
        else:
            self.restated.append({"字段": dotted, "首次": first, "再次": again, "line": where})

    def put_change(self, path: tuple, sentence, change: dict | None = None) -> bool:
        """The sentence's change statement (or `change`, read from it by the caller), if any, under
        `path`; whether there was one."""
        change = change or read_change(sentence.text)
        if change is None:
            return False
        if change.get("原因"):
            change["原因"] = whole_reason(change["原因"], sentence)
        for key in _CHANGE_KEYS:
            if key in change:
                self.put(path + (key,), change[key], sentence)
        where = (sentence.line, as_written(sentence.text, sentence))
        for key, value in change.get("再次", {}).items():      # "各增加A、B万元": B restates A for the other total
            if key in change and not isinstance(value, str) and not isinstance(change[key], str):
                self.restate(".".join(path + (key,)), change[key], value, where)
        # "…持平。主要原因：" with the reason on the next line
        self.last_change = path
        self.pending = not change.get("原因") and re.search(r"原因\s*:?\s*$", sentence.text) is not None
        return True

    def follow_reason(self, sentence) -> bool:
        """The sentence is the reason of the change put just before it (the next sentence, or the next
        line after an empty "主要原因："): put it there, as written, and say so."""
        if self.last_change is None:
            return False
        node = self.value
        for key in self.last_change:
            node = node.get(key, {}) if isinstance(node, dict) else {}
        if not isinstance(node, dict) or node.get("原因"):
            self.last_change = None
            return False
        if self.pending:
            reason = sentence.text
        else:
            match = _REASON_ALONE.match(sentence.text)
            if match is None:
                self.last_change = None
                return False
            reason = match[1]
            if not reason.strip():
                self.pending = True
                return True
        self.put(self.last_change + ("原因",), whole_reason(reason, sentence), sentence)
        self.last_change, self.pending = None, False
        return True

    def put_base_change(self, sentence) -> bool:
        """"与年初预算相比，收、支总计各增加…" — a section's own change, put under the base it names. The
        template states it first; a later change against the same base is about something else (其他收入)
        and is left to be listed as unused."""
        change = read_change(sentence.text)
        if change is None:
            return False
        # "较2022年度决算数": a year named as the base is last year's accounts in these documents
        base = "上年决算" if re.match(r"\d{4}", change["基准"]) else change["基准"]
        if base not in _BASES or _BASES[base] in self.value:
            return False
        return self.put_change((_BASES[base],), sentence)

    def note_unused(self, sentence) -> None:
        """A sentence no pattern of the reader placed: the reason of the change before it, or listed."""
        if self.follow_reason(sentence):
            return
        if re.search(r"\d", sentence.text) and re.search(r"万元|元|%|人次|批次|辆", sentence.text):
            self.unused.append(sentence)


def _is_figure(value) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def as_written(text: str, sentence) -> str:
    """A piece of the normalised text as the document writes it (full-width brackets, colons and commas:
    "维修（护）费"), for names and reasons that become strings of the disclosure — but in simplified
    characters, since rules and the schema name things in simplified Chinese."""
    original = sentence.original
    normalised = normalise(original)
    if len(normalised) == len(original):        # the usual case: normalising maps one character to one
        at = normalised.find(text)
        if at >= 0:
            return _written(original, normalised, at, at + len(text))
    found = re.search("".join(_either_width(ch) for ch in text), original)
    return found[0] if found else text


def _written(original: str, normalised: str, start: int, end: int) -> str:
    """Each character as written where it differs from the normalised one only in width ("（", "："),
    the normalised one where it is a traditional character (or an odd space)."""
    return "".join(o if unicodedata.normalize("NFKC", o) == n and o not in "\u00a0\u3000" else n
                   for o, n in zip(original[start:end], normalised[start:end]))


def whole_reason(reason: str, sentence) -> str:
    """A reason as the document writes it, to the end of its statement. Sentences are cut at "；", but a
    reason often runs on ("一是…；二是…；三是…。"): it is followed over each "；" up to its "。", unless
    what follows a "；" is a statement of its own (a change against a base: "…；与上年决算相比，…"). The
    closing mark is kept, as written."""
    original = sentence.original
    line = normalise(original)
    reason = reason.rstrip(";")
    start = line.find(reason, max(line.find(sentence.text), 0))
    if len(line) != len(original) or not reason or start < 0:
        return as_written(reason, sentence)
    end = start + len(reason)
    while (mark := _CLAUSE_END.search(line, end)) is not None:
        end = mark.end()
        following = re.split(r"[。;]", line[end:], maxsplit=1)[0]
        if mark[0] == "。" or not following.strip() or read_change(following) is not None:
            break
    return _written(original, line, start, end).strip()


_CLAUSE_END = re.compile(r"[。;]")


def _either_width(ch: str) -> str:
    if ch.isspace():
        return r"\s*"
    if "!" <= ch <= "~":     # ASCII: its full-width form (U+FF01…) matches too
        return "[" + re.escape(ch) + re.escape(chr(ord(ch) + 0xFEE0)) + "]"
    return re.escape(ch)
