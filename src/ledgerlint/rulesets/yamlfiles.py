"""Reading YAML the way rule files need it: numbers keep their written precision, duplicate keys are
refused, and every mapping remembers the line of each of its keys (for messages that point at a place).
Loading rule sets is the only place where YAML is read."""
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path as FsPath

from ledgerlint.limits import MAX_FIGURE_DIGITS, MAX_YAML_BYTES, MAX_YAML_NODES
from ledgerlint.errors import RuleSetError
from ledgerlint.inputs import read_bytes
from ledgerlint.messages import Localized



class LineDict(dict):
    """A YAML mapping with the place of the mapping, of each key and of each key's value, and the file's
    text lines (shared by every mapping of the file), so that a message can point into a value."""
    line: int = 0
    column: int = 1
    lines: dict            # key -> line (1-based)
    columns: dict          # key -> column of the key (1-based)
    marks: dict            # key -> (start line, start column, end line, end column, style) of the value, 0-based
    source: list = []      # the file's lines


def _mapping(loader, node):
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.column = node.start_mark.column + 1
    result.lines, result.columns, result.marks = {}, {}, {}
    result.source = loader.source_lines
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int)):
            raise RuleSetError("yaml.bad_key", file=loader.name, line=key_node.start_mark.line + 1)
        if key in result:
            raise RuleSetError("yaml.duplicate", file=loader.name, line=key_node.start_mark.line + 1,
                               column=key_node.start_mark.column + 1, key=key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
        result.columns[key] = key_node.start_mark.column + 1
        start, end = value_node.start_mark, value_node.end_mark
        result.marks[key] = (start.line, start.column, end.line, end.column,
                            getattr(value_node, "style", None) or None)    # libyaml says "" for plain
    return result


def _decimal(loader, node):
    text = loader.construct_scalar(node).replace("_", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is not None and value.is_finite() and (
            sum(ch.isdigit() for ch in text.lower().split("e", 1)[0]) > MAX_FIGURE_DIGITS
            or abs(value.as_tuple().exponent) > MAX_FIGURE_DIGITS or (value and abs(value.adjusted()) > MAX_FIGURE_DIGITS)):
        value = None       # beyond any figure: 1e999999999 would be written out digit by digit
    if value is None or not value.is_finite():
        raise RuleSetError("yaml.bad_number", file=loader.name, line=node.start_mark.line + 1, value=text)
    return value


def _int(loader, node):
    text = loader.construct_scalar(node)
    if sum(ch.isdigit() for ch in text) > MAX_FIGURE_DIGITS:
        raise RuleSetError("yaml.bad_number", file=loader.name, line=node.start_mark.line + 1, value=text[:40])
    return loader.construct_yaml_int(node)


_LOADER: list = []


def _loader_class():
    """PyYAML's safe loader with our mappings and numbers; yaml is imported only when YAML is read (a
    cached rule set needs none)."""
    if not _LOADER:
        import yaml

        class Loader(yaml.SafeLoader):
            nodes = 0

            def compose_node(self, parent, index):
                # an alias (*name) repeats a node: nested, a few lines expand to billions ("billion
                # laughs"); rule files have no use for them, so none is accepted
                if self.check_event(yaml.events.AliasEvent):
                    event = self.peek_event()
                    raise RuleSetError("yaml.alias", file=self.name, line=event.start_mark.line + 1)
                self.nodes += 1
                if self.nodes > MAX_YAML_NODES:
                    raise RuleSetError("yaml.too_many_nodes", file=self.name, limit=MAX_YAML_NODES)
                return super().compose_node(parent, index)

        _LOADER.append(_with_constructors(Loader))
        # libyaml's parser, where PyYAML has it: the same constructors, a rule set built several times
        # faster; any alias, bound or error sends the file to the loader above, which says it exactly
        _LOADER.append(_with_constructors(type("FastLoader", (yaml.CSafeLoader,), {}))
                       if getattr(yaml, "__with_libyaml__", False) else None)
    return _LOADER[0]


def _with_constructors(loader):
    import yaml
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    loader.add_constructor("tag:yaml.org,2002:float", _decimal)
    loader.add_constructor("tag:yaml.org,2002:int", _int)
    return loader


_SLOW = object()     # the fast path cannot tell: read the file with the pure-Python loader
# what libyaml lets pass and the pure-Python parser refuses (found by mutating the shipped rule files):
# a tab, a stray BOM, a comment glued to a block scalar's header (">-#"), a tag ("!" but for "!="); and,
# seen in the node tree, a "?" in a plain value inside brackets or at a value's start (a key indicator)
_LENIENT = re.compile(r"[\t\ufeff]|[|>][-+0-9]*#|!(?!=)")


def _fast_load(text: str, source: str, lines: list):
    """The document read with libyaml, or _SLOW. The node tree is walked first: a node met twice is an
    alias, and a tree past the bound is refused — both by the pure-Python loader, with the place."""
    import yaml
    _loader_class()
    fast = _LOADER[1]
    if fast is None or _LENIENT.search(text) or not text.endswith("\n"):   # (libyaml ends the last
        # value of a file without a final line break a line further on)
        return _SLOW
    loader = fast(text)
    loader.name, loader.source_lines = source, lines
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        seen, stack = set(), [(node, False)]
        while stack:
            item, in_flow = stack.pop()
            if id(item) in seen or len(seen) >= MAX_YAML_NODES:
                return _SLOW
            seen.add(id(item))
            if isinstance(item, yaml.ScalarNode):
                if not item.style and "?" in item.value and (in_flow or item.value.startswith("?")):
                    return _SLOW
            elif isinstance(item, yaml.MappingNode):
                stack.extend((part, in_flow or bool(item.flow_style)) for pair in item.value for part in pair)
            else:
                stack.extend((part, in_flow or bool(item.flow_style)) for part in item.value)
        return loader.construct_document(node)
    except yaml.YAMLError:
        return _SLOW
    finally:
        loader.dispose()


def yaml_problem(problem: str) -> str:
    """The catalog key for PyYAML's account of a syntax error: the slips of hand-edited rule files by name
    (a ": " inside a text, a tab, an indentation out of line, a quote or bracket left open)."""
    if problem.startswith("mapping values are not allowed"):
        return "yaml.colon"
    if problem.startswith("found character '\\t'"):
        return "yaml.tab"
    if problem.startswith("found character") and "cannot start any token" in problem:
        return "yaml.start_character"
    if problem.startswith("expected <block end>") or problem.startswith("did not find expected"):
        return "yaml.indent"
    if problem.startswith("found unexpected end of stream"):
        return "yaml.quote"
    if problem.startswith("found unknown escape character"):
        return "yaml.escape"
    if problem.startswith("expected ',' or"):
        return "yaml.flow"
    return "yaml.syntax"


def _rule_above(lines: list, line: int) -> str | None:
    """The id of the rule a line of a file that cannot be parsed is in: the nearest `- id:` above it."""
    for number in range(min(line, len(lines) - 1), -1, -1):
        found = _ID_LINE.match(lines[number])
        if found:   # the nearest rule's start; its id, when it is written as one
            written = _RULE_ID.fullmatch(found.group(1).split(" #")[0].strip().strip("'\""))
            return written.group(0) if written else None
    return None


_ID_LINE = re.compile(r"^\s*-\s+id:(.*)$")
_RULE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def read_yaml(path: FsPath):
    source = str(path)
    try:
        text = read_bytes(path, MAX_YAML_BYTES, RuleSetError).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleSetError("file.not_utf8", file=source, offset=exc.start) from None
    import yaml
    lines = text.split("\n")
    found = _fast_load(text, source, lines)
    if found is not _SLOW:
        return found
    loader = _loader_class()(text)
    loader.name = source
    loader.source_lines = lines
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if (exc.problem or "").startswith("found unexpected end of stream") and exc.context_mark:
            mark = exc.context_mark    # where the quote that is never closed opens
        near = _rule_above(loader.source_lines, mark.line) if mark else None
        raise RuleSetError(yaml_problem(exc.problem or ""), file=source, line=mark.line + 1 if mark else None,
                           column=mark.column + 1 if mark else None, reason=exc.problem or str(exc),
                           within=Localized("yaml.within") if near else "", near=near or "") from None
    except yaml.YAMLError as exc:
        raise RuleSetError("yaml.syntax", file=source, reason=str(exc), within="") from None
    finally:
        loader.dispose()


def value_place(mapping: LineDict, key, offset: int | None) -> tuple[int, int | None]:
    """(line, column), 1-based, of character `offset` of the text value `mapping[key]` in the file: through
    a folded (>-) or literal (|) block, a plain value over several lines, or a quoted one on one line. When
    the value's layout cannot be followed exactly, the line of the key and no column."""
    fallback = (mapping.lines.get(key, mapping.line), None)
    value, mark = mapping.get(key), getattr(mapping, "marks", {}).get(key)
    if offset is None or mark is None or not isinstance(value, str) or not mapping.source:
        return fallback
    pieces = _pieces(mapping.source, *mark)
    if pieces is None:
        return fallback
    joiner = "\n" if mark[4] == "|" else " "
    if joiner.join(text for _line, _column, text in pieces).rstrip("\n") != value.rstrip("\n"):
        return fallback     # escapes, blank lines or folding we do not follow: better no column than a wrong one
    at = 0
    for line, column, text in pieces:
        if offset <= at + len(text):
            return line + 1, column + offset - at + 1
        at += len(text) + 1
    return fallback


def _pieces(lines: list, start_line, start_column, end_line, end_column, style):
    """The value's text as (line, column, text) runs of the file, all 0-based; None for a layout not followed."""
    if style in ('"', "'"):
        if start_line != end_line:
            return None
        return [(start_line, start_column + 1, lines[start_line][start_column + 1:end_column - 1])]
    if style in ("|", ">"):
        runs, indent = [], None
        for number in range(start_line + 1, min(end_line + 1, len(lines))):
            raw = lines[number]
            if not raw.strip():
                if runs and number < end_line:
                    return None     # a blank line inside a block folds to a line break: not followed
                continue
            spaces = len(raw) - len(raw.lstrip(" "))
            if indent is None:
                indent = spaces
            elif spaces < indent:
                break           # the block ended: the next key
            runs.append((number, indent, raw[indent:]))
        return runs
    runs = []
    for number in range(start_line, min(end_line + 1, len(lines))):
        raw = lines[number]
        first = start_column if number == start_line else len(raw) - len(raw.lstrip())
        last = end_column if number == end_line else len(raw)
        runs.append((number, first, raw[first:last].strip()))
    return runs
