"""`ledgerlint explain RULE [FILE]`: a rule in full, and its evaluation on a file step by step.

The rule's own compiled code is run again with operators that also write down what they did: every
figure read (with the interval its rounding allows), every intermediate result, every comparison and
why it held or failed. Nothing about the rule is re-implemented here, so the explanation cannot drift
from what `check` does."""
from ledgerlint.checking.engine import Evaluator
from ledgerlint.messages import t
from ledgerlint.language.numbers import Num
from ledgerlint.paths import format_path
from ledgerlint.language.show import show_value
from ledgerlint.reports.text import where
from ledgerlint.language.views import Missing, Text

_SYMBOLS = {"_add": "+", "_sub": "−", "_mul": "×", "_div": "÷", "_eq": "==", "_ne": "!=", "_lt": "<",
            "_le": "<=", "_gt": ">", "_ge": ">=", "_in": "in", "_neg": "−", "_pow": "**"}


def show_num(value, lang) -> str:
    """A value in an explanation: a rounded figure with its range, a text in quotes, a list cut at 8."""
    return show_value(value, lang, quoted=True, intervals=True, most=8)


class _Recorder:
    def __init__(self, lang):
        self.lang = lang
        self.steps: list[str] = []

    def reader(self, get):
        def logged(container, key):
            value = get(container, key)
            if isinstance(value, (Num, Text, Missing)) and getattr(value, "path", None) is not None:
                self.steps.append(t("explain.read", self.lang, path=format_path(value.path),
                                    value=show_num(value, self.lang)))
            return value
        return logged

    def operator(self, name):
        def wrap(fn):
            def logged(*args):
                result = fn(*args)
                shown = [show_num(a, self.lang) for a in args]
                if len(args) == 2:
                    text = f"{shown[0]} {_SYMBOLS.get(name, name)} {shown[1]}"
                else:
                    text = f"{_SYMBOLS.get(name, name)}{shown[0]}"
                self.steps.append(t("explain.step", self.lang, expr=text, result=show_num(result, self.lang))
                                  + self.why(name, args, result))
                return result
            return logged
        return wrap

    def function(self, name):
        def wrap(fn):
            def logged(*args):
                result = fn(*args)
                shown = ", ".join(show_num(a, self.lang) for a in args)
                self.steps.append(t("explain.step", self.lang, expr=f"{name}({shown})",
                                    result=show_num(result, self.lang)))
                return result
            return logged
        return wrap

    def why(self, name, args, result) -> str:
        if name not in ("_eq", "_ne", "_lt", "_le", "_gt", "_ge") or len(args) != 2:
            return ""
        a, b = args
        if not (isinstance(a, Num) and isinstance(b, Num)) or (a.is_exact and b.is_exact):
            return ""
        if name in ("_eq", "_ne"):
            meets = (name == "_eq") == bool(result)
            return t("explain.meet" if meets else "explain.apart", self.lang)
        return ""

    def overrides(self, expression):
        table = {"_get": self.reader, "_path": self.reader}
        for name in _SYMBOLS:
            table[name] = self.operator(name)
        for name in expression.template:
            if name.startswith("_f_"):
                table[name] = self.function(name[3:])
        return table


def describe_rule(rule, ruleset, lang) -> list[str]:
    lines = [f"{rule.id} {rule.title}",
             "  " + t("explain.severity", lang, severity=t(f"severity1.{rule.severity}", lang),
                      section=rule.section or "-"),
             "  " + t("explain.basis", lang, basis=rule.basis),
             "  " + t("explain.origin", lang, origin=rule.origin, ruleset=ruleset.name, file=rule.file, line=rule.line)]
    if rule.replaces is not None:
        old = rule.replaces
        lines.append("  " + t("explain.replaces", lang, origin=old.origin, file=old.file, line=old.line,
                              title=old.title))
        lines.append("      assert: " + old.expressions.get("assert", ""))
    for key in ("when", "each", "where", "assert", "message"):
        if key in rule.expressions:
            label = f"{key} ({rule.as_name})" if key == "each" else key
            lines.append(f"  {label}: {' '.join(rule.expressions[key].split())}")
    lines.append("  " + t("explain.tolerance", lang, tolerance=rule.tolerance))
    return lines


def explain_on(rule, ruleset, disclosure, lang, show_all=False, cite=None) -> list[str]:
    """The evaluation of `rule` on one disclosure, element by element; `cite` points the findings at a
    published document's lines (Checker.cite), for a disclosure extracted from one."""
    evaluator = Evaluator(ruleset, disclosure.with_aliases(ruleset.aliases), lang)
    root = evaluator.root
    lines = []

    def run(expression, bindings, label):
        recorder = _Recorder(lang)
        try:
            value = expression.evaluate(root, bindings, recorder.overrides(expression))
            outcome = t("explain.value", lang, value=show_num(value, lang))
        except Exception as exc:  # the same failures check reports as "not evaluated"
            reason = t(exc.key, lang, **exc.params) if hasattr(exc, "key") else type(exc).__name__
            outcome = t("explain.stopped", lang, reason=reason)
        lines.append(f"  {label}:")
        lines.extend("    " + s for s in recorder.steps)
        lines.append("    → " + outcome)

    if rule.when is not None:
        run(rule.when, None, "when")
    outcomes = evaluator.run_rule(rule)
    applicable = not (len(outcomes) == 1 and outcomes[0].status == "not_applicable" and rule.each is None)
    if rule.each is None:
        if applicable:
            run(rule.assertion, None, "assert")
        if show_all:   # said, so that --all is never silently the same output
            lines.append("  " + t("explain.all_not_each", lang))
    elif not (rule.when is not None and outcomes[0].status == "not_applicable" and len(outcomes) == 1):
        try:
            elements = list(rule.each.evaluate(root))
        except Exception:  # reported by the verdict below as "not evaluated"
            elements = []
        failing = [o.finding.path for o in outcomes if o.finding is not None]
        shown = 0
        for element in elements:
            path = getattr(element, "path", None)
            involved = any(tuple(p[:len(path)]) == tuple(path) for p in failing) if path else bool(failing)
            if not (show_all or involved or (shown == 0 and not failing)):
                continue
            bindings = {rule.as_name: element}
            lines.append(t("explain.element", lang, element=format_path(path) if path else show_num(element, lang)))
            if rule.where is not None:
                run(rule.where, bindings, "where")
            run(rule.assertion, bindings, "assert")
            shown += 1
    verdicts = {}
    for o in outcomes:
        verdicts[o.status] = verdicts.get(o.status, 0) + 1
    lines.append(t("explain.verdict", lang, verdict="，".join(
        f"{t('status.' + k, lang)} {v}" for k, v in verdicts.items())))
    findings = [o.finding for o in outcomes if o.finding is not None]
    for f in cite(findings) if cite else findings:
        at = where(f.page, f.line, lang) if f.line else "-"
        lines.append("  " + t("explain.finding", lang, where=at, message=f.message))
    return lines
