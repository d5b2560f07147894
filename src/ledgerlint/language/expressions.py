"""The expression compiler: Python expression syntax, an allow-list of AST nodes, compiled once.

Each expression is parsed with `ast`, checked against an allow-list (node types, names, functions, and
limits on length, size and depth), then rewritten so that every operator, attribute read and subscript
becomes a call to one of the operators in functions.py, and compiled to a code object. The code runs with
empty builtins and sees only those operators, the documented functions and read-only views of the
disclosure: there is no attribute of any Python object left to reach. Anything not on the list is refused
when the rule file is loaded, with the column where it stands.
"""
import marshal
from dataclasses import dataclass, field
from decimal import Decimal

from ledgerlint.language import functions, raw_operators
from ledgerlint.language.functions import FUNCTIONS, OPERATORS, make_comparisons
from ledgerlint.language.show import show_value


DOC = "_doc"
EACH = "[]"              # marks "an element of this list" in a static path

class ExpressionError(Exception):
    """An expression refused at load time; `key` names the catalog message, `column` where (1-based, in
    its line of the expression) and `offset` the same place as a 0-based index into the text as written
    (with its leading spaces), from which the loader finds the line and column in the rule file."""

    def __init__(self, key: str, /, column: int | None = None, offset: int | None = None, **params):
        super().__init__(key)
        self.key = key
        self.column = column
        self.offset = offset
        self.params = params


@dataclass
class Expression:
    source: str
    code: object = field(repr=False)
    template: dict = field(repr=False)  # the globals every evaluation starts from
    static_paths: list = field(default_factory=list)   # (path, column) of fixed reads, for `rules lint`
    sides: tuple | None = None          # (left, symbol, right) when the expression is one comparison
    is_path: bool = False               # the whole expression is one chain of reads (a.b["c"].d)
    constants: dict = field(default_factory=dict, repr=False)
    tolerance: object = Decimal(0)
    parameters: tuple = ()              # the names a rule binds (its `as`): the function's arguments after _doc
    size: int = 0                       # at least as many as the reads of one run outside loops (compiler)
    _function: object = field(default=None, repr=False, compare=False)
    _fast: object = field(default=None, repr=False, compare=False)

    # Compiled expressions are cached between runs (rulesets/cache.py): the code object travels through marshal,
    # the constants as data (a regular expression as its pattern), and the globals are rebuilt here.
    def __getstate__(self):
        constants = {k: ("re2", v.pattern) if hasattr(v, "search") else ("num", v) for k, v in self.constants.items()}
        return {"source": self.source, "code": marshal.dumps(self.code), "constants": constants,
                "tolerance": self.tolerance, "static_paths": self.static_paths, "sides": self.sides,
                "is_path": self.is_path, "parameters": self.parameters, "size": self.size}

    def __setstate__(self, state):
        constants = {k: functions.Pattern(v) if kind == "re2" else v for k, (kind, v) in state["constants"].items()}
        self.__init__(state["source"], marshal.loads(state["code"]), evaluation_globals(constants, state["tolerance"]),
                      state["static_paths"], state["sides"], state["is_path"], constants, state["tolerance"],
                      state["parameters"], state["size"])

    def function(self, overrides=None):
        """The expression as a function of (document, *bound values), its globals the operators."""
        if overrides:  # `explain` swaps in operators that also record each step, in globals of its own
            scope = dict(self.template)
            scope.update({k: v(scope[k]) for k, v in overrides.items() if k in scope})
            return eval(self.code, scope)  # noqa: S307 - code built from an allow-listed, rewritten AST
        if self._function is None:
            self._function = eval(self.code, dict(self.template))  # noqa: S307 - as above
        return self._function

    def fast(self):
        """The same code as a function of the raw data (raw_operators), or False when the expression
        calls a function that has no raw version (one that needs the paths of views)."""
        if self._fast is None:
            names = _names(self.code)
            if all(name[3:] in raw_operators.FUNCTIONS for name in names if name.startswith("_f_")):
                self._fast = eval(self.code, raw_globals(self.constants, self.tolerance))  # noqa: S307 - as above
            else:
                self._fast = False
        return self._fast

    def evaluate(self, root, bindings=None, overrides=None):
        functions._left = functions.MAX_OPERATIONS   # a fresh budget; this runs for every element
        functions._deadline = 0.0
        run = self._function
        if run is None or overrides:
            run = self.function(overrides)
        parameters = self.parameters
        if not parameters:
            return run(root)
        try:
            if len(parameters) == 1:      # a rule's `as` element: the common case, without a list
                element = bindings[parameters[0]]
            else:
                values = [bindings[name] for name in parameters]
        except (KeyError, TypeError):   # a name nothing bound: not evaluated (eval.error), as Python says it
            raise NameError(next(name for name in parameters if not bindings or name not in bindings)) from None
        return run(root, element) if len(parameters) == 1 else run(root, *values)


_BASES: dict = {}   # the globals shared by every expression with the same tolerance


def evaluation_globals(constants: dict, tolerance) -> dict:
    base = _BASES.get(tolerance)
    if base is None:
        base = {"__builtins__": {}}
        base.update(OPERATORS)
        base.update(make_comparisons(tolerance))
        base.update({"_f_" + name: fn.call for name, fn in FUNCTIONS.items()})
        _BASES[tolerance] = base
    return {**base, **constants} if constants else dict(base)


def _names(code) -> set:
    """Every global name the code (and the comprehensions inside it) reads."""
    names = set(code.co_names)
    for constant in code.co_consts:
        if hasattr(constant, "co_names"):
            names |= _names(constant)
    return names


_RAW_BASES: dict = {}


def raw_globals(constants: dict, tolerance) -> dict:
    """The globals of the fast evaluation: raw_operators' in place of functions.py's."""
    base = _RAW_BASES.get(tolerance)
    if base is None:
        base = {"__builtins__": {}}
        base.update(raw_operators.OPERATORS)
        base.update(raw_operators.make_comparisons(tolerance))
        base.update({"_f_" + name: fn for name, fn in raw_operators.FUNCTIONS.items()})
        _RAW_BASES[tolerance] = base
    return {**base, **constants}


@dataclass
class Template:
    """A message with {expressions} evaluated the same safe way; {{ and }} are literal braces."""
    parts: list

    def render(self, root, bindings=None) -> str:
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            try:
                out.append(show_value(part.evaluate(root, bindings)))
            except Exception:  # a message must never stop a check; show that this piece had no value
                out.append("{?}")
        return "".join(out)
