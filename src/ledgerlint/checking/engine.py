"""Running a rule set on a disclosure: pure evaluation, outcomes and findings in, nothing printed.

Each rule gives one outcome (or one per element for `each` rules): passed, failed, not_evaluated (a value
was missing or not a number; the reason is kept) or not_applicable (`when` was false, or `where` left no
element). A rule is first run on the raw data (language/raw_operators.py), which decides whether it
applies, which elements `where` chooses and whether its assertion holds, wherever it can tell; whatever
else (a missing value, a value that is not a number, anything unusual) is evaluated over views of the
data, as if the raw run had not happened. A failure's finding is always made over views: the assertion's
two sides are evaluated apart with a tracing reader, so the finding can name every figure involved and
show both values, their difference and the allowance.
"""
from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from ledgerlint.checking.findings import SEVERITY_RANK, Finding, sort_key
from ledgerlint.language import functions, raw_operators
from ledgerlint.language.expressions import EACH
from ledgerlint.checking.loading import Disclosure
from ledgerlint.messages import t
from ledgerlint.language.numbers import Num, NotEvaluated, fmt
from ledgerlint.language.show import show_value
from ledgerlint.rulesets.ruleset import Rule, RuleSet
from ledgerlint.checking.validation import validate
from ledgerlint.language.views import Arr, Missing, Obj, Text, build

PASSED, FAILED, NOT_EVALUATED, NOT_APPLICABLE = "passed", "failed", "not_evaluated", "not_applicable"


@dataclass(slots=True)
class Outcome:
    rule: Rule
    status: str
    finding: Finding | None = None


@dataclass
class FileReport:
    file: str
    year: int | None
    ruleset: str                   # label: name and title
    findings: list
    checks: list = field(default_factory=list, repr=False)   # (rule id, title, status) per evaluation
    ruleset_name: str = ""         # "内蒙古/2023"
    data: dict | None = field(default=None, repr=False)   # the disclosure, for reports that show it
    notices: list = field(default_factory=list, repr=False)   # about the run, not the file: said once per run
    accepted: list = field(default_factory=list, repr=False)  # (finding, entry) set aside by checking.triage
    ignored: int = 0               # findings left out by --select / --ignore
    baselined: int = 0             # findings already in the baseline

    def summary(self) -> dict:
        counts = {s: 0 for s in (PASSED, FAILED, NOT_EVALUATED)}
        for _rule, _title, status in self.checks:
            if status in counts:
                counts[status] += 1
        severities = {s: 0 for s in ("error", "warning", "info")}
        for f in self.findings:
            severities[f.severity] += 1
        return {"rules": len({rule for rule, _, _ in self.checks}), **counts, **severities}

    def fails(self, threshold: str) -> bool:
        return any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold] for f in self.findings)


def _trace(expression, root, bindings) -> list:
    """Every value read while evaluating `expression` (run again, only for a failure)."""
    functions.TRACE = reads = []
    try:
        expression.evaluate(root, bindings)
    except Exception:  # noqa: S110 - the trace is best effort; the verdict stands
        pass
    finally:
        functions.TRACE = None
    return reads


def _places(reads: list) -> list:
    """The paths a failure involves, the one to point at first: figures before the texts and codes that
    chose them (a filter reads codes first), and whole objects only when nothing else was read."""
    figures = [v.path for v in reads if isinstance(v, Num)]
    leaves = [v.path for v in reads if isinstance(v, (Text, Missing))]
    containers = sorted((v.path for v in reads if isinstance(v, (Obj, Arr))), key=len, reverse=True)
    return _unique(figures + leaves) or _unique(containers)


def _unique(paths):
    seen, out = set(), []
    for p in paths:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


def _sides(rule: Rule, root, bindings, lang):
    """Values of a failed comparison's two sides, with difference and allowance, for the reader; and
    every value read on the way (the two sides read exactly what the comparison read, so the figures of
    the finding come from this one evaluation). (values, text, reads), or reads None when not a comparison."""
    if rule.assertion.sides is None:
        return {}, "", None
    left_expr, symbol, right_expr = rule.assertion.sides
    functions.TRACE = reads = []
    try:
        left, right = left_expr.evaluate(root, bindings), right_expr.evaluate(root, bindings)
    except Exception:  # the assert already failed; the detail is a courtesy, never a crash
        return {}, "", None
    finally:
        functions.TRACE = None
    values = {"left": show_value(left), "right": show_value(right)}
    if symbol == "==" and isinstance(left, Num) and isinstance(right, Num):
        cut = _cut_off(left, right) or _cut_off(right, left)
        if cut:
            values["truncated"], values["rounded"] = cut
    if isinstance(left, Num) and isinstance(right, Num) and left.is_exact and right.is_exact \
            and rule.message is not None:
        return values, "", reads  # counts and codes: the rule's message says it; no allowance to show
    if isinstance(left, Num) and isinstance(right, Num):
        tol = rule.allowance
        allowance = Decimal(0) if tol is None else left.radius() + right.radius() + tol
        values["difference"] = fmt(left.value - right.value)
        values["allowance"] = fmt(allowance)
        key = "finding.sides_exact" if tol is None else "finding.sides_numbers"
        text = t(key, lang, left=values["left"], op=symbol, right=values["right"],
                 diff=values["difference"], allowance=values["allowance"])
    else:
        text = t("finding.sides", lang, left=values["left"], op=symbol, right=values["right"])
    return values, text, reads


def _is_percent(path) -> bool:
    key = str(path[-1]) if path else ""
    return "百分比" in key or "占比" in key or key.endswith("率")


def _cut_off(stated: Num, computed: Num):
    """(stated, rounded) as text when a stated percent is the computed value cut off at its decimals
    instead of rounded (95.45 for 95.4572…: rounded it is 95.46) — a slip of its own, not a wrong figure."""
    if stated.path is None or not _is_percent(stated.path):   # the cheap test first
        return None
    exponent = stated.value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent > 0:
        return None
    unit = Decimal(1).scaleb(exponent)
    if stated.radius() != unit / 2 or stated.value == 0:
        return None
    low, high = (computed.lo.quantize(unit, ROUND_DOWN), computed.hi.quantize(unit, ROUND_DOWN))
    if not low <= stated.value <= high:
        return None
    return fmt(stated.value), fmt(computed.value.quantize(unit, ROUND_HALF_UP))


class Evaluator:
    """Runs the rules of one rule set on one disclosure."""

    def __init__(self, ruleset: RuleSet, disclosure: Disclosure, lang: str = "zh", strict: bool = False,
                 raw_first: bool = True):
        self.raw_first = raw_first     # False: views only (the tests compare both ways)
        self.ruleset = ruleset
        self.disclosure = disclosure
        self.raw = disclosure.printed(ruleset.schema)
        self.root = build(self.raw)
        self.figures: dict = {}        # the raw run's Nums of the figures read (raw_operators.use_figures)
        self.lang = lang
        self.strict = strict

    def _finding(self, rule, status, message, paths, fallback_path, values=None):
        path = paths[0] if paths else (fallback_path or ())
        severity = rule.severity if status == FAILED else "info"
        return Finding(rule=rule.id, severity=severity, title=rule.title, message=message, path=path,
                       paths=tuple(paths) or (path,), line=self.disclosure.line(path), values=values or {},
                       status=status, section=rule.section or "", basis=rule.basis)

    def _not_evaluated(self, rule, reason_key, params, element_path):
        reason = t(reason_key, self.lang, **params)
        at = params.get("at")
        paths = [at] if at is not None else []
        status = FAILED if self.strict else NOT_EVALUATED
        message = t("finding.not_evaluated", self.lang, reason=reason)
        return Outcome(rule, status, self._finding(rule, status, message, paths, element_path))

    def _refused(self, rule, exc: Exception, element_path) -> Outcome:
        """The outcome of an evaluation that raised: the reason it gives (NotEvaluated), or for anything
        else (decimal traps, a type the operators refused) its kind: a check never crashes."""
        if isinstance(exc, NotEvaluated):
            return self._not_evaluated(rule, exc.key, exc.params, element_path)
        return self._not_evaluated(rule, "eval.error", {"reason": type(exc).__name__}, element_path)

    def _guarded(self, rule, expression, bindings, element_path):
        """Evaluate; return (value, None) or (None, Outcome) when the rule cannot be evaluated."""
        try:
            return expression.evaluate(self.root, bindings), None
        except Exception as exc:
            return None, self._refused(rule, exc, element_path)

    def _truth(self, rule, expression, bindings, element_path):
        """(True/False, None), or (None, Outcome) when the rule cannot be evaluated."""
        try:
            return _condition(expression.evaluate(self.root, bindings)), None
        except Exception as exc:
            return None, self._refused(rule, exc, element_path)

    def _check_one(self, rule: Rule, bindings, element_path) -> Outcome:
        try:  # _truth, inlined: this runs once for every rule and element
            held = rule.assertion.evaluate(self.root, bindings)
            if held is True or (held is not False and _condition(held)):
                return Outcome(rule, PASSED)
        except Exception as exc:
            return self._refused(rule, exc, element_path)
        return self._failed(rule, bindings, element_path)

    def _failed(self, rule: Rule, bindings, element_path) -> Outcome:
        """The finding of an assertion known to be false: the figures it read, both sides, the message."""
        values, detail, reads = _sides(rule, self.root, bindings, self.lang)
        if reads is None:
            reads = _trace(rule.assertion, self.root, bindings)
        if rule.message is None:
            message = detail or rule.title
        else:
            message = rule.message.render(self.root, bindings)
            if detail:
                message = t("finding.with_detail", self.lang, message=message, detail=detail)
        finding = self._finding(rule, FAILED, message, _places(reads), element_path, values)
        # cut off instead of rounded: one warning that says so, in place of an error that the figure is wrong
        # (a rule that is a warning already, such as a share adjusted to total 100%, says what it means)
        if "truncated" in values and rule.severity == "error":
            note = t("finding.truncated", self.lang, stated=values["truncated"], rounded=values["rounded"])
            finding = replace(finding, severity="warning", message=f"{message}{note}")
        return Outcome(rule, FAILED, finding)

    def run_rule(self, rule: Rule) -> list[Outcome]:
        with functions.EVALUATING:          # the evaluation state is process-wide (see functions.EVALUATING)
            return self._run_rule(rule)

    def _fast_outcomes(self, rule: Rule) -> list[Outcome] | None:
        """The rule's outcomes, each element decided on the raw data where that run can tell (chosen by
        `where` or not, the assertion true or false: a failure's finding is then made over views), and
        evaluated over views where it cannot (a missing value, anything unusual: raw_operators); None when
        the run on the raw data cannot even tell whether the rule applies or what its elements are: then
        the views decide everything."""
        assertion, when, each, where = rule.assertion.fast(), None, None, None
        if not assertion or (rule.when is not None and not (when := rule.when.fast())) \
                or (rule.each is not None and not (each := rule.each.fast())) \
                or (rule.where is not None and not (where := rule.where.fast())):
            return None
        raw, start = self.raw, raw_operators.start
        raw_operators.use_figures(self.figures)
        try:
            if when is not None:
                start(rule.when.size)
                applicable = when(raw)
                if applicable is False:
                    return [Outcome(rule, NOT_APPLICABLE)]
                if applicable is not True:
                    return None
            if each is None:
                start(rule.assertion.size)
                held = assertion(raw)
            else:
                start(rule.each.size)
                elements = each(raw)
        except Exception:  # noqa: S110 - Bail, or anything the evaluation with views will say properly
            return None
        if each is None:
            if held is True:
                return [Outcome(rule, PASSED)]
            return [self._failed(rule, None, None)] if held is False else None
        if type(elements) is not list:
            return None
        outcomes, views = [], None
        where_size, assertion_size = rule.where.size if where else 0, rule.assertion.size
        for index, element in enumerate(elements):
            try:
                if where is not None:
                    start(where_size)
                    chosen = where(raw, element)
                    if chosen is False:
                        continue
                    if chosen is not True:
                        raise raw_operators.Bail
                start(assertion_size)
                held = assertion(raw, element)
                if held is True:
                    outcomes.append(Outcome(rule, PASSED))
                    continue
            except Exception:  # noqa: S110 - as above: this element is evaluated over views
                held = None
            # false: only its finding is left to make; open: the element is evaluated again. Both over the
            # view of the element, found among the lists the `each` reads, or else in the list of views
            # made below
            view = _view_of(self.root, element, rule.each.static_paths) if views is None else None
            if view is None:
                if views is None:  # made once, for the elements the raw run left open
                    views, outcome = self._guarded(rule, rule.each, None, None)
                    if outcome is not None or not isinstance(views, (Arr, list)) or len(views) != len(elements):
                        return None
                    views = list(views)
                view = views[index]
            if held is False:
                outcomes.append(self._failed(rule, {rule.as_name: view}, getattr(view, "path", None)))
                continue
            outcome = self._element_outcome(rule, view)
            if outcome is not None:
                outcomes.append(outcome)
        return outcomes or [Outcome(rule, NOT_APPLICABLE)]

    def _element_outcome(self, rule: Rule, element) -> Outcome | None:
        """One element of an `each` rule, over views; None when `where` leaves it out."""
        bindings = {rule.as_name: element}
        element_path = getattr(element, "path", None)
        if rule.where is not None:
            try:  # _truth, inlined: this runs for every element
                chosen = rule.where.evaluate(self.root, bindings)
                if chosen is False or (chosen is not True and not _condition(chosen)):
                    return None
            except Exception:  # the same outcomes as _truth gives
                return self._truth(rule, rule.where, bindings, element_path)[1]
        return self._check_one(rule, bindings, element_path)

    def _run_rule(self, rule: Rule) -> list[Outcome]:
        outcomes = self._fast_outcomes(rule) if self.raw_first else None
        if outcomes is not None:
            return outcomes
        if rule.when is not None:
            applicable, outcome = self._truth(rule, rule.when, None, None)
            if outcome is not None:
                return [outcome]
            if not applicable:
                return [Outcome(rule, NOT_APPLICABLE)]
        if rule.each is None:
            return [self._check_one(rule, None, None)]
        elements, outcome = self._guarded(rule, rule.each, None, None)
        if outcome is not None:
            return [outcome]
        if not isinstance(elements, (Arr, list)):
            return [self._not_evaluated(rule, "eval.each_not_list", {}, getattr(elements, "path", None))]
        outcomes = [self._element_outcome(rule, element) for element in elements]
        return [o for o in outcomes if o is not None] or [Outcome(rule, NOT_APPLICABLE)]

    def run(self) -> list[Outcome]:
        with functions.EVALUATING:          # once for the whole rule set, not once for each rule
            return [o for rule in self.ruleset.rules for o in self._run_rule(rule)]


def check(disclosure: Disclosure, ruleset: RuleSet, lang: str = "zh", strict: bool = False) -> FileReport:
    """Validate against the year's schema, then run every rule: one report with everything found."""
    disclosure = disclosure.with_aliases(ruleset.aliases)
    findings = validate(disclosure, ruleset.validator, lang)
    outcomes = Evaluator(ruleset, disclosure, lang, strict).run()
    findings += [o.finding for o in outcomes if o.finding is not None]
    findings.sort(key=sort_key)
    # plain values only, so that a report can travel back from a worker process
    checks = [(o.rule.id, o.rule.title, o.status) for o in outcomes]
    return FileReport(disclosure.source, disclosure.year, ruleset.label, findings, checks, ruleset.name,
                      disclosure.data)


def _view_of(root: Obj, element, static_paths) -> Obj | Arr | None:
    """The view of `element`, an object or list of the raw data that an `each` gave, found by identity in
    the lists its expression reads (static paths, EACH for every element of a list): the same view the
    expression over views gives, without making a view of every other element. None when it is not there
    (an element the expression made itself, or a figure, whose identity says nothing): the views decide."""
    if type(element) is not dict and type(element) is not list:
        return None
    for path, _column in static_paths:
        for where, value in _raw_at(root.raw, path, ()):
            if type(value) is list:
                for index, item in enumerate(value):
                    if item is element:
                        return _view_at(root, where + (index,))
    return None


def _raw_at(value, path: tuple, where: tuple):
    """(path, value) of everything of the raw data at a static path, EACH standing for every index."""
    if not path:
        yield where, value
        return
    key, rest = path[0], path[1:]
    if type(value) is dict and key in value:
        yield from _raw_at(value[key], rest, where + (key,))
    elif type(value) is list and key == EACH:
        for index, item in enumerate(value):
            yield from _raw_at(item, rest, where + (index,))


def _view_at(root: Obj, path: tuple):
    view = root
    for key in path:
        view = view.child(key) if type(view) is Obj else view.items[key]
    return view


def _condition(value) -> bool:
    """A condition's value as true or false. The loader refuses a condition whose form gives something
    else; one that reads a field (`assert: 单位概况.名称`) can still give a text or a number, which is
    not taken for true: the rule is reported as not evaluated, saying why."""
    if value is True or value is False:
        return value
    raise NotEvaluated("eval.not_condition", value=show_value(value, most=40), at=getattr(value, "path", None))
