"""Compiling an expression: parse with `ast`, check every node against the allow-list, rewrite every
operator and read into a call of ledgerlint's own operators, compile to a code object.

Imported only when a rule set is compiled (a cached one needs none of this)."""
import ast
import copy
from decimal import Decimal, InvalidOperation

from ledgerlint.language.expressions import DOC, EACH, Expression, ExpressionError, Template, evaluation_globals
from ledgerlint.limits import (MAX_EXPRESSION_DEPTH, MAX_LENGTH, MAX_LITERAL_DIGITS, MAX_NODES, MAX_POWER,
                               MAX_STRING)
from ledgerlint.language.functions import FUNCTIONS, compile_regex
from ledgerlint.language.numbers import Num
from ledgerlint.messages import Localized
from ledgerlint.paths import parse_path

_BINOPS = {ast.Add: "_add", ast.Sub: "_sub", ast.Mult: "_mul", ast.Div: "_div"}
_CMPOPS = {ast.Eq: "_eq", ast.NotEq: "_ne", ast.Lt: "_lt", ast.LtE: "_le", ast.Gt: "_gt", ast.GtE: "_ge"}
_CMP_SYMBOL = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}



# every node the compiler makes is new; placed at creation, so compile() needs no fix_missing_locations
# pass over the tree (a sixth of the cost of compiling a rule set)
_AT = {"lineno": 1, "col_offset": 0, "end_lineno": 1, "end_col_offset": 0}


def _call(name, *args):
    return ast.Call(**_AT, func=ast.Name(**_AT, id=name, ctx=ast.Load()), args=list(args), keywords=[])


def _read_call(base, keys: tuple):
    """base.k1.k2…: one key (an element's field, most reads) through _get, several through _path —
    the same views, budget and trace, one call either way."""
    if len(keys) == 1:
        return _call("_get", base, ast.Constant(keys[0], **_AT))
    return _call("_path", base, ast.Constant(keys, **_AT))


def _key_chain(node, index_as=None):
    """(name, keys) of a chain of reads down from a name (a.b["c"] gives ("a", ("b", "c"))), or None.

    A whole-number subscript stands for `index_as`, or ends the chain when that is None."""
    keys = []
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        if isinstance(node, ast.Attribute):
            keys.append(node.attr)
        elif isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
            keys.append(node.slice.value)
        elif index_as is not None and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, int):
            keys.append(index_as)
        else:
            return None
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return node.id, tuple(reversed(keys))


class _Compiler:
    def __init__(self, source: str, bound: dict, lead: int = 0):
        self.source = source
        self._lines = None      # the source as UTF-8 lines, split once for every literal's text
        self.lead = lead              # the spaces stripped before `source`, for offsets into the text as written
        self.bound = bound            # names bound for the whole expression (`as`) -> static path or None
        self.constants: dict = {}
        self.static_paths: list = []
        self.nodes = 0

    def fail(self, key, node=None, byte_offset=None, **params):
        if byte_offset is None:
            byte_offset = getattr(node, "col_offset", None)
        column = offset = None
        if byte_offset is not None:
            # ast counts UTF-8 bytes; people count characters
            lines = self.source.split("\n")
            number = (getattr(node, "lineno", 1) or 1) - 1
            column = len(lines[number].encode()[:byte_offset].decode(errors="ignore")) + 1
            offset = self.lead + sum(len(line) + 1 for line in lines[:number]) + column - 1
        raise ExpressionError(key, column=column, offset=offset, **params)

    # -- helpers ------------------------------------------------------------------------------------
    def segment(self, node) -> str:
        """The source text of `node` (ast.get_source_segment without splitting the source each time)."""
        if self._lines is None:
            self._lines = self.source.encode().split(b"\n")
        return _segment(self._lines, node)

    def constant(self, value) -> ast.Name:
        name = f"_k{len(self.constants)}"
        self.constants[name] = value
        return ast.Name(**_AT, id=name, ctx=ast.Load())

    def static_path(self, node, scope):
        """The fixed path a chain of reads denotes (('三公经费', '总体情况', '支出决算')), or None."""
        chain = _key_chain(node, index_as=EACH)
        if chain is None:
            return None
        return self._rooted(*chain, scope)

    def _rooted(self, name, keys, scope):
        """The fixed path of `keys` read down from `name` (a bound name stands for its own path), or None."""
        if name in scope:
            base = scope[name]
        elif name in self.bound:
            base = self.bound[name]
        else:
            base = (name,)
        return None if base is None else tuple(base) + tuple(keys)

    def record(self, node, scope):
        path = self.static_path(node, scope)
        if path is not None:
            self.static_paths.append((path, node.col_offset + 1))  # a byte offset: only used for ordering
        return path

    # -- the walk -----------------------------------------------------------------------------------
    def walk(self, node, scope: dict, depth: int = 0, reading: bool = False):
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.fail("expr.too_many_nodes", node, limit=MAX_NODES)
        if depth > MAX_EXPRESSION_DEPTH:
            self.fail("expr.too_deep", node, limit=MAX_EXPRESSION_DEPTH)
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is None:
            self.fail("expr.not_allowed", node, what=type(node).__name__)
        return method(node, scope, depth + 1, reading)

    def visit_Expression(self, node, scope, depth, reading):
        return ast.Expression(body=self.walk(node.body, scope, depth))

    def visit_BoolOp(self, node, scope, depth, reading):
        return ast.BoolOp(**_AT, op=node.op, values=[self.walk(v, scope, depth) for v in node.values])

    def visit_UnaryOp(self, node, scope, depth, reading):
        operand = self.walk(node.operand, scope, depth)
        if isinstance(node.op, ast.Not):
            return ast.UnaryOp(**_AT, op=ast.Not(), operand=operand)
        if isinstance(node.op, ast.USub):
            return _call("_neg", operand)
        if isinstance(node.op, ast.UAdd):
            return _call("_pos", operand)
        self.fail("expr.not_allowed", node, what="~")

    def visit_BinOp(self, node, scope, depth, reading):
        if isinstance(node.op, ast.Pow):
            exponent = node.right
            if not (isinstance(exponent, ast.Constant) and type(exponent.value) is int
                    and abs(exponent.value) <= MAX_POWER):
                self.fail("expr.bad_power", node.right, limit=MAX_POWER)
            return _call("_pow", self.walk(node.left, scope, depth), ast.Constant(exponent.value, **_AT))
        name = _BINOPS.get(type(node.op))
        if name is None:
            self.fail("expr.not_allowed", node, what=type(node.op).__name__)
        for side in (node.left, node.right):
            if isinstance(side, ast.Constant) and isinstance(side.value, str):
                self.fail("expr.text_arithmetic", side)
        return _call(name, self.walk(node.left, scope, depth), self.walk(node.right, scope, depth))

    def visit_Compare(self, node, scope, depth, reading):
        operands = [self.walk(x, scope, depth) for x in [node.left, *node.comparators]]
        parts = []
        for i, op in enumerate(node.ops):
            a, b = operands[i], operands[i + 1]
            if len(node.ops) > 1:    # a chained comparison repeats its middle operands: one node each
                a, b = copy.deepcopy(a), copy.deepcopy(b)
            if isinstance(op, (ast.In, ast.NotIn)):
                test = _call("_in", a, b)
                parts.append(ast.UnaryOp(**_AT, op=ast.Not(), operand=test) if isinstance(op, ast.NotIn) else test)
            elif type(op) in _CMPOPS:
                parts.append(_call(_CMPOPS[type(op)], a, b))
            else:
                self.fail("expr.not_allowed", node, what=type(op).__name__)
        return parts[0] if len(parts) == 1 else ast.BoolOp(**_AT, op=ast.And(), values=parts)

    def visit_IfExp(self, node, scope, depth, reading):
        return ast.IfExp(**_AT, test=self.walk(node.test, scope, depth), body=self.walk(node.body, scope, depth),
                         orelse=self.walk(node.orelse, scope, depth))

    def visit_Constant(self, node, scope, depth, reading):
        value = node.value
        if value is None or isinstance(value, bool):
            return ast.Constant(value, **_AT)
        if isinstance(value, str):
            if len(value) > MAX_STRING:
                self.fail("expr.long_string", node, limit=MAX_STRING)
            return ast.Constant(value, **_AT)
        if isinstance(value, (int, float)):
            text = self.segment(node) or repr(value)
            if sum(ch.isdigit() for ch in text) > MAX_LITERAL_DIGITS:
                self.fail("expr.long_number", node, limit=MAX_LITERAL_DIGITS)
            try:
                number = Decimal(text.replace("_", ""))
            except InvalidOperation:
                self.fail("expr.not_allowed", node, what=text)
            # a few digits with a huge exponent (1e999999999) is as long as its digits written out
            if abs(number.as_tuple().exponent) > MAX_LITERAL_DIGITS or \
                    (number and abs(number.adjusted()) > MAX_LITERAL_DIGITS):
                self.fail("expr.long_number", node, limit=MAX_LITERAL_DIGITS)
            return self.constant(Num.exact(number))
        self.fail("expr.not_allowed", node, what=type(value).__name__)

    def visit_Name(self, node, scope, depth, reading):
        name = node.id
        if name.startswith("_"):
            self.fail("expr.underscore", node, name=name)
        if name in FUNCTIONS:
            self.fail("expr.function_as_value", node, name=name)
        if name in scope or name in self.bound:
            return ast.Name(**_AT, id=name, ctx=ast.Load())
        if not reading:
            self.record(node, scope)
        return _call("_get", ast.Name(**_AT, id=DOC, ctx=ast.Load()), ast.Constant(name, **_AT))

    def _read(self, node, scope, depth, reading, key_node):
        if not reading:
            self.record(node, scope)
            chain = self._constant_chain(node, scope)
            if chain is not None:  # a.b["c"].d in one call: the common case, and the hot path
                base, keys = chain
                self.nodes += len(keys)
                return _read_call(base, keys)
        return _call("_get", self.walk(node.value, scope, depth, reading=True), key_node)

    def _constant_chain(self, node, scope):
        """(base, keys) when `node` reads text keys only, down from a name; else None."""
        chain = _key_chain(node)
        if chain is None:
            return None
        name, keys = chain
        if name.startswith("_") or name in FUNCTIONS or any(key.startswith("_") for key in keys):
            return None  # let the ordinary path refuse it, with its message
        if name in scope or name in self.bound:
            return ast.Name(**_AT, id=name, ctx=ast.Load()), keys
        return ast.Name(**_AT, id=DOC, ctx=ast.Load()), (name, *keys)

    def visit_Attribute(self, node, scope, depth, reading):
        if node.attr.startswith("_"):
            # point at the attribute itself, not at the start of the chain
            self.fail("expr.underscore", node, byte_offset=node.end_col_offset - len(node.attr.encode()), name=node.attr)
        return self._read(node, scope, depth, reading, ast.Constant(node.attr, **_AT))

    def visit_Subscript(self, node, scope, depth, reading):
        if isinstance(node.slice, ast.Slice):
            self.fail("expr.not_allowed", node.slice, what="slice")
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            if key.value.startswith("_"):
                self.fail("expr.underscore", key, name=key.value)
            return self._read(node, scope, depth, reading, ast.Constant(key.value, **_AT))
        return self._read(node, scope, depth, reading, self.walk(key, scope, depth))

    def visit_List(self, node, scope, depth, reading):
        return ast.List(**_AT, elts=[self.walk(e, scope, depth) for e in node.elts], ctx=ast.Load())

    def visit_Tuple(self, node, scope, depth, reading):
        return ast.Tuple(**_AT, elts=[self.walk(e, scope, depth) for e in node.elts], ctx=ast.Load())

    def _comprehension(self, node, scope, depth, kind):
        inner = dict(scope)
        generators = []
        for gen in node.generators:
            if gen.is_async:
                self.fail("expr.not_allowed", node, what="async")
            if not isinstance(gen.target, ast.Name) or gen.target.id.startswith("_"):
                self.fail("expr.bad_target", gen.target)
            if gen.target.id in FUNCTIONS:
                self.fail("expr.function_as_value", gen.target, name=gen.target.id)
            iterator = _call("_iter", self.walk(gen.iter, inner, depth))
            element = self.static_path(gen.iter, inner)
            inner[gen.target.id] = None if element is None else element + (EACH,)
            ifs = [self.walk(cond, inner, depth) for cond in gen.ifs]
            generators.append(ast.comprehension(target=ast.Name(**_AT, id=gen.target.id, ctx=ast.Store()),
                                                iter=iterator, ifs=ifs, is_async=0))
        return kind(**_AT, elt=self.walk(node.elt, inner, depth), generators=generators)

    def visit_ListComp(self, node, scope, depth, reading):
        return self._comprehension(node, scope, depth, ast.ListComp)

    def visit_GeneratorExp(self, node, scope, depth, reading):
        # a generator's frame is unreachable here (no attribute access), but a list is simpler to reason about
        return self._comprehension(node, scope, depth, ast.ListComp)

    def visit_Call(self, node, scope, depth, reading):
        func = node.func
        if not isinstance(func, ast.Name) or func.id not in FUNCTIONS:
            what = func.id if isinstance(func, ast.Name) else ast.get_source_segment(self.source, func) or "?"
            import difflib
            close = difflib.get_close_matches(str(what), list(FUNCTIONS), n=1, cutoff=0.6)
            self.fail("expr.unknown_function", func, name=what, known="、".join(sorted(FUNCTIONS)),
                      suggest=Localized("expr.function_meant") if close else "", suggestion=close[0] if close else "")
        if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            self.fail("expr.call_form", node, name=func.id)
        low, high = FUNCTIONS[func.id].least, FUNCTIONS[func.id].most
        if len(node.args) < low or (high is not None and len(node.args) > high):
            self.fail("expr.arity", node, name=func.id, count=len(node.args))
        if func.id == "exists" and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            return _call("_exists", self._path_reads(node.args[0], scope, depth))
        args = [self.walk(a, scope, depth) for a in node.args]
        if func.id == "matches":
            pattern = node.args[1]
            if not (isinstance(pattern, ast.Constant) and isinstance(pattern.value, str)):
                self.fail("expr.regex_literal", pattern)
            try:
                args[1] = self.constant(compile_regex(pattern.value))
            except Exception as exc:  # re2.error: the pattern is refused at load time
                reason = exc.args[0] if exc.args else exc
                reason = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
                self.fail(*_regex_problem(reason), pattern, pattern=pattern.value, reason=reason)
        if len(args) == FUNCTIONS[func.id].whole_document:
            args.insert(0, ast.Name(**_AT, id=DOC, ctx=ast.Load()))
        return _call("_f_" + func.id, *args)

    def _path_reads(self, literal, scope, depth):
        """exists("a.b[0].c"): the same reads as a.b[0].c, without failing when one is absent."""
        try:
            parts = parse_path(literal.value)
        except ValueError:
            self.fail("expr.bad_path", literal, path=literal.value)
        if not parts or not isinstance(parts[0], str):
            self.fail("expr.bad_path", literal, path=literal.value)
        head = parts[0]
        for part in parts:
            if isinstance(part, str) and part.startswith("_"):
                self.fail("expr.underscore", literal, name=part)
        # a name mistyped in exists("…") would make its rule never apply: the path is checked as any read
        fixed = self._rooted(head, [EACH if isinstance(p, int) else p for p in parts[1:]], scope)
        if fixed is not None:
            self.static_paths.append((fixed, literal.col_offset + 1))
        if head in scope or head in self.bound:
            base, keys = ast.Name(**_AT, id=head, ctx=ast.Load()), tuple(parts[1:])
        else:
            base, keys = ast.Name(**_AT, id=DOC, ctx=ast.Load()), tuple(parts)
        if keys and all(isinstance(p, str) for p in keys):  # text keys only: one call, as for a.b.c
            self.nodes += len(parts)
            return _read_call(base, keys)
        if head in scope or head in self.bound:
            node = ast.Name(**_AT, id=head, ctx=ast.Load())
        else:
            node = _call("_get", ast.Name(**_AT, id=DOC, ctx=ast.Load()), ast.Constant(head, **_AT))
        for part in parts[1:]:
            if isinstance(part, str) and part.startswith("_"):
                self.fail("expr.underscore", literal, name=part)
            key = self.constant(Num.exact(part)) if isinstance(part, int) else ast.Constant(part, **_AT)
            node = _call("_get", node, key)
        self.nodes += len(parts)
        return node


# full-width marks typed with a Chinese input method, and what the rule language writes instead
_FULLWIDTH = {"，": ",", "（": "(", "）": ")", "：": ":", "“": '"', "”": '"', "‘": "'", "’": "'", "＞": ">",
              "＜": "<", "＝": "=", "＋": "+", "－": "-", "×": "*", "÷": "/", "。": ".", "【": "[", "】": "]",
              "！": "!", "　": " ", "≥": ">=", "≤": "<=", "≠": "!=", "、": ","}


def syntax_error(text: str, exc: SyntaxError, lead: int) -> ExpressionError:
    """Python's SyntaxError said in the words of the rule language, at its place: the common slips of
    policy staff (a full-width mark, a bracket or quote left open, = for ==, 1.1万) each by name."""
    lines = text.split("\n")
    number = min(max((exc.lineno or 1) - 1, 0), len(lines) - 1)
    column = min(max(exc.offset or 1, 1), len(lines[number]) + 1)
    at = sum(len(line) + 1 for line in lines[:number]) + column - 1
    if "invalid decimal literal" in exc.msg:
        # a number run into a word (1.1万): Python up to 3.11.4 points at the number's last digit, later
        # ones at the word; the place said is the word's, whichever Python runs
        while at < len(text) and (text[at].isdigit() or text[at] == "."):
            at, column = at + 1, column + 1
    where = {"column": column, "offset": lead + at}
    message, char = exc.msg, text[at] if at < len(text) else ""
    if message.startswith("invalid character"):
        bad = message.split("'")[1] if message.count("'") >= 2 else char
        if bad in _FULLWIDTH:
            return ExpressionError("expr.syntax_fullwidth", char=bad, ascii=_FULLWIDTH[bad], **where)
        return ExpressionError("expr.syntax_character", char=bad, **where)
    if "was never closed" in message:
        return ExpressionError("expr.syntax_unclosed", bracket=message[1], **where)
    if message.startswith("unmatched"):
        return ExpressionError("expr.syntax_unmatched", bracket=message.split("'")[1], **where)
    if "does not match opening parenthesis" in message:
        return ExpressionError("expr.syntax_mismatch", closing=message.split("'")[1],
                               opening=message.split("'")[3], **where)
    if "unterminated" in message:
        return ExpressionError("expr.syntax_quote", **where)
    if char == "=" and text[at + 1:at + 2] != "=" and text[at - 1:at] not in ("<", ">", "!", "="):
        return ExpressionError("expr.syntax_assign", **where)
    if at and text[at - 1].isdigit() and (char.isalpha() or "invalid decimal literal" in message):
        start = at
        while start and (text[start - 1].isdigit() or text[start - 1] == "."):
            start -= 1
        return ExpressionError("expr.syntax_number_word", number=text[start:at], word=char, **where)
    return ExpressionError("expr.syntax", reason=message, **where)


def value_kind(node) -> str | None:
    """What an expression gives, as far as its form tells: "bool", "number", "text", "list", "values" (a
    tuple: several values separated by commas), "none", "value" (not true/false, kind unsaid) or None (a
    field read, or not known before it runs)."""
    if isinstance(node, (ast.Compare,)) or (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)):
        return "bool"
    if isinstance(node, ast.BoolOp) or isinstance(node, ast.IfExp):
        parts = node.values if isinstance(node, ast.BoolOp) else (node.body, node.orelse)
        kinds = [value_kind(part) for part in parts]
        wrong = next((k for k in kinds if k not in (None, "bool")), None)
        return wrong or ("bool" if all(k == "bool" for k in kinds) else None)
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            return "bool"
        return "none" if value is None else "text" if isinstance(value, str) else "number"
    if isinstance(node, ast.Tuple):
        return "values"
    if isinstance(node, (ast.List, ast.ListComp, ast.Set, ast.SetComp, ast.Dict, ast.DictComp, ast.GeneratorExp)):
        return "list"
    if isinstance(node, (ast.BinOp, ast.UnaryOp)):
        return "number"
    if isinstance(node, ast.JoinedStr):
        return "text"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS:
        return FUNCTIONS[node.func.id].gives
    return None


def _comma_in_number(text: str, node) -> str | None:
    """"1,1" when a tuple's comma stands between two figures (a decimal point typed as a comma), else None."""
    for left, right in zip(node.elts, node.elts[1:]):
        while isinstance(left, (ast.BinOp, ast.Compare, ast.BoolOp)):
            left = left.right if isinstance(left, ast.BinOp) else (left.comparators or [left.left])[-1] \
                if isinstance(left, ast.Compare) else left.values[-1]
        while isinstance(right, (ast.BinOp, ast.Compare, ast.BoolOp)):
            right = right.left if not isinstance(right, ast.BoolOp) else right.values[0]
        if all(isinstance(n, ast.Constant) and type(n.value) in (int, float) for n in (left, right)):
            return f"{ast.get_source_segment(text, left)},{ast.get_source_segment(text, right)}"
    return None


def _refuse_non_condition(text: str, body, lead: int) -> None:
    kind = value_kind(body)
    if kind in (None, "bool"):
        return
    at, written, hint = 0, "", {"values": "comma", "list": "list"}.get(kind, "compare")
    if kind == "values":
        written = _comma_in_number(text, body) or ""
        at = text.index(written) + written.index(",") if written else text.index(",")
        hint = "comma_number" if written else "comma"
    raise ExpressionError("expr.not_condition", column=_column(text, at), offset=lead + at,
                          kind=Localized(f"kind.{kind}"), hint=Localized(f"condition_hint.{hint}"), written=written,
                          decimal=written.replace(",", "."))


def _column(text: str, at: int) -> int:
    """The 1-based column, within its line, of character `at` of `text`."""
    return at - (text.rfind("\n", 0, at) + 1) + 1


def _regex_problem(reason: str) -> tuple:
    """The catalog key for RE2's refusal of a pattern (RE2 runs in linear time, so it has no look-around
    and no back-references: the two that patterns copied from elsewhere use)."""
    if any(reason.startswith(f"invalid perl operator: {op}") for op in ("(?=", "(?!", "(?<=", "(?<!")):
        return ("expr.regex_lookaround",)
    if reason.startswith("invalid escape sequence: \\") and reason[-1:].isdigit():
        return ("expr.regex_backreference",)
    if reason.startswith(("missing )", "unexpected )", "missing ]")):
        return ("expr.regex_bracket",)
    if reason.startswith(("bad repetition operator", "missing argument to repetition operator")):
        return ("expr.regex_repetition",)
    return ("expr.bad_regex",)


def compile_expression(source, tolerance=Decimal(0), bound: dict | None = None,
                       with_sides: bool = False, condition: bool = False) -> Expression:
    """Compile one expression; raises ExpressionError for anything outside the language.

    `tolerance` is the extra allowance of == and the order comparisons (None: compare exactly as written);
    `bound` names the variables a rule binds (its `as` name) with the static path of their value;
    a `condition` (assert, when, where) must give true or false: one whose form gives a number, a text, a
    list or several values (`a * 1,1 >= b` is two) is refused, as it would pass every disclosure.
    """
    if not isinstance(source, str):
        raise ExpressionError("expr.not_text")
    if len(source) > MAX_LENGTH:
        raise ExpressionError("expr.too_long", limit=MAX_LENGTH)
    text = source.strip()
    lead = len(source) - len(source.lstrip())
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise syntax_error(text, exc, lead) from None
    except (ValueError, RecursionError, MemoryError):
        raise ExpressionError("expr.too_deep", limit=MAX_EXPRESSION_DEPTH) from None
    compiler = _Compiler(text, dict(bound or {}), lead)
    try:
        rewritten = compiler.walk(tree, {})
    except RecursionError:
        raise ExpressionError("expr.too_deep", limit=MAX_EXPRESSION_DEPTH) from None
    if condition:
        _refuse_non_condition(text, tree.body, lead)
    parameters = tuple(bound or ())
    code = _function_code(rewritten.body, parameters)
    expression = Expression(text, code, evaluation_globals(compiler.constants, tolerance), compiler.static_paths,
                            constants=compiler.constants, tolerance=tolerance, parameters=parameters,
                            size=2 * compiler.nodes)  # a chained comparison reads its middle twice
    body = tree.body
    expression.is_path = compiler.static_path(body, {}) is not None
    if with_sides and isinstance(body, ast.Compare) and len(body.ops) == 1 and type(body.ops[0]) in _CMPOPS:
        # the sides as the comparison's own compiled operands: no second parse or walk of their text
        left, right = rewritten.body.args
        expression.sides = (_side(compiler.segment(body.left), left, compiler.constants, tolerance, parameters),
                            _CMP_SYMBOL[type(body.ops[0])],
                            _side(compiler.segment(body.comparators[0]), right, compiler.constants, tolerance,
                                  parameters))
    return expression


def _segment(lines: list, node) -> str:
    """The text of `node` from the expression's lines as UTF-8 (the parser's columns count bytes):
    ast.get_source_segment's result, without splitting the text again for every node."""
    first, last = node.lineno - 1, node.end_lineno - 1
    if first == last:
        return lines[first][node.col_offset:node.end_col_offset].decode()
    return b"\n".join([lines[first][node.col_offset:], *lines[first + 1:last],
                       lines[last][:node.end_col_offset]]).decode()


def _function_code(body, parameters: tuple):
    """The code of `lambda _doc, <bound names>: body`. An expression runs as that function: the
    document and the rule's element are its arguments (fast locals) and the operators its globals,
    which Python caches at each read; code evaluated in a scope dict looks every name up anew."""
    arguments = ast.arguments(posonlyargs=[], args=[ast.arg(arg=name, **_AT) for name in (DOC, *parameters)],
                              kwonlyargs=[], kw_defaults=[], defaults=[])
    return compile(ast.Expression(body=ast.Lambda(args=arguments, body=body, **_AT)), "<rule>", "eval")


def _side(text: str, node, constants: dict, tolerance, parameters: tuple) -> Expression:
    """One side of a comparison, from its rewritten node, as an expression of its own."""
    return Expression(text, _function_code(node, parameters), evaluation_globals(constants, tolerance),
                      constants=constants, tolerance=tolerance, parameters=parameters)


def compile_template(text, tolerance=Decimal(0), bound=None) -> Template:
    if not isinstance(text, str):
        raise ExpressionError("expr.not_text")
    parts: list = []
    buf = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "{}" and text[i:i + 2] in ("{{", "}}"):
            buf.append(ch)
            i += 2
            continue
        if ch == "}":
            raise ExpressionError("expr.template_brace", column=i + 1, offset=i)
        if ch == "{":
            end = text.find("}", i)
            if end < 0:
                raise ExpressionError("expr.template_brace", column=i + 1, offset=i)
            if buf:
                parts.append("".join(buf))
                buf = []
            try:
                parts.append(compile_expression(text[i + 1:end], tolerance, bound))
            except ExpressionError as exc:
                exc.column = i + 1 + (exc.column or 1)
                exc.offset = i + 1 + (exc.offset or 0)
                raise
            i = end + 1
            continue
        buf.append(ch)
        i += 1
    if buf:
        parts.append("".join(buf))
    return Template(parts)
