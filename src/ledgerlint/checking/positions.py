"""Where each value of a JSON text starts: a map from JSON path to line number.

The standard json module parses fast but forgets positions, so the positions come from a second,
lightweight pass over the tokens, made only when a line is first asked for (a clean file never pays).
The same pass finds the place of a duplicate key or a NaN that the parser refused.
"""
import json
import re
from bisect import bisect_right

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


class _Frame:
    __slots__ = ("is_object", "key", "index", "seen", "path")

    def __init__(self, is_object: bool, path: tuple):
        self.is_object = is_object
        self.key = None
        self.index = 0
        self.seen: set[str] = set()
        self.path = path


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def scan(text: str):
    """Yield (event, path, offset) for every value ('value') and every repeated key ('duplicate')."""
    stack: list[_Frame] = []
    expecting_key = False
    for m in _TOKEN.finditer(text):
        tok = m.group()
        ch = tok[0]
        if ch == ":" or ch == ",":
            if ch == "," and stack:
                top = stack[-1]
                if top.is_object:
                    expecting_key = True
                else:
                    top.index += 1
            continue
        if ch == "}" or ch == "]":
            if stack:
                stack.pop()
            expecting_key = False
            continue
        if expecting_key and ch == '"':
            key = json.loads(tok) if "\\" in tok else tok[1:-1]
            top = stack[-1]
            if key in top.seen:
                yield "duplicate", top.path + (key,), m.start()
            top.seen.add(key)
            top.key = key
            expecting_key = False
            continue
        # a value starts here
        if stack:
            top = stack[-1]
            path = top.path + ((top.key,) if top.is_object else (top.index,))
        else:
            path = ()
        yield "value", path, m.start()
        if ch == "{":
            stack.append(_Frame(True, path))
            expecting_key = True
        elif ch == "[":
            stack.append(_Frame(False, path))


class LineMap:
    """Line (1-based) and column of each JSON path in a text."""

    def __init__(self, text: str):
        self._starts = _line_starts(text)
        self._offsets: dict[tuple, int] = {}
        self.duplicates: list[tuple[tuple, int]] = []
        for event, path, offset in scan(text):
            if event == "value":
                self._offsets.setdefault(path, offset)
            else:
                self.duplicates.append((path, offset))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line(self, path: tuple) -> int | None:
        """The line of `path`, or of its nearest ancestor that exists in the text."""
        path = tuple(path)
        while True:
            offset = self._offsets.get(path)
            if offset is not None:
                return self.position(offset)[0]
            if not path:
                return None
            path = path[:-1]


def find_bare_token(text: str, words: set[str]) -> int | None:
    """Offset of the first token outside strings that is one of `words` (e.g. NaN)."""
    for m in _TOKEN.finditer(text):
        if m.group() in words:
            return m.start()
    return None
