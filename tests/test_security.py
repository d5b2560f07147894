"""Hostile expressions are refused when the rule file is loaded; none reaches the interpreter."""
import pytest

from ledgerlint.cli import main
from ledgerlint.language.compiler import compile_expression
from ledgerlint.language.expressions import ExpressionError

HOSTILE = {
    "().__class__.__mro__": "expr.underscore",
    "x.__class__": "expr.underscore",
    "x._private": "expr.underscore",
    'x["__class__"]': "expr.underscore",
    '__import__("os")': "expr.unknown_function",
    'exists("a.__class__")': "expr.underscore",
    "getattr(x, 'y')": "expr.unknown_function",
    "open('/etc/passwd')": "expr.unknown_function",
    "eval('1')": "expr.unknown_function",
    "x.y()": "expr.unknown_function",
    "(lambda: 1)()": "expr.unknown_function",
    "lambda: 1": "expr.not_allowed",
    "(y := 1)": "expr.not_allowed",
    "9**9**9": "expr.bad_power",
    "2 ** 100": "expr.bad_power",
    "x ** y": "expr.bad_power",
    "'a' * 10**9": "expr.text_arithmetic",
    "'a' * 1000": "expr.text_arithmetic",
    "f'{x}'": "expr.not_allowed",
    "'{0.__class__}'.format(x)": "expr.unknown_function",
    "[x for x in range(10**9)]": "expr.unknown_function",
    "{'a': 1}": "expr.not_allowed",
    "{1, 2}": "expr.not_allowed",
    "x[1:2]": "expr.not_allowed",
    "sum": "expr.function_as_value",
    "max(sum)": "expr.function_as_value",
    "[sum for sum in x]": "expr.function_as_value",
    "sum(x, start=1)": "expr.call_form",
    "sum(*x)": "expr.call_form",
    "pct(1)": "expr.arity",
    "x is None": "expr.not_allowed",
    "~1": "expr.not_allowed",
    "1 // 2": "expr.not_allowed",
    "1 % 2": "expr.not_allowed",
    "1 << 2": "expr.not_allowed",
    "matches(x, y)": "expr.regex_literal",
    "matches(x, '(')": "expr.regex_bracket",
    "abs(" * 100 + "1" + ")" * 100: "expr.too_deep",
    "(" * 100 + "1" + ")" * 100 + " + x.__class__": "expr.underscore",
    "[" * 100 + "]" * 100: "expr.too_deep",
    "-" * 100 + "1": "expr.too_deep",
    "1" + " + 1" * 300: "expr.too_deep",
    "[" + ", ".join(["1"] * 600) + "]": "expr.too_many_nodes",
    "1" * 30: "expr.long_number",
    "'" + "a" * 600 + "'": "expr.long_string",
    "x" * 2001: "expr.too_long",
    "await x": "expr.not_allowed",
    "[x async for x in y]": "expr.not_allowed",
    "yield x": "expr.syntax",
    "import os": "expr.syntax",
    "x.y = 1": "expr.syntax_assign",
}


@pytest.mark.parametrize("source,key", HOSTILE.items(), ids=lambda v: str(v)[:40])
def test_hostile_expression_is_refused_at_load_time(source, key):
    with pytest.raises(ExpressionError) as info:
        compile_expression(source)
    assert info.value.key == key


def test_compiled_code_sees_no_builtins():
    e = compile_expression("1 + 1")
    assert e.template["__builtins__"] == {}
    assert all(not name.startswith("__") or name == "__builtins__" for name in e.template)


def write_rules(tmp_path, expression):
    folder = tmp_path / "rules" / "2023"
    folder.mkdir(parents=True)
    (folder / "ruleset.yaml").write_text("year: 2023\ntitle: t\n", encoding="utf-8")
    (folder / "bad.yaml").write_text(
        "rules:\n  - id: X-1\n    title: t\n    basis: b\n    assert: " + expression + "\n", encoding="utf-8")
    import shutil
    from helpers import RULES
    shutil.copy(RULES / "2023" / "disclosure.schema.json", folder)
    return folder.parent


@pytest.mark.parametrize("expression", ["().__class__.__mro__", "__import__('os').system('true')",
                                        "9**9**9", "'a'*10**9", "x.__globals__"])
def test_hostile_rule_file_gives_one_line_and_exit_2(runner, tmp_path, expression):
    from helpers import SYNTHETIC
    rules = write_rules(tmp_path, f'"{expression}"')
    result = runner.invoke(main, ["check", "--rules", str(rules), str(SYNTHETIC[0])])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "bad.yaml:5" in lines[0] and "X-1" in lines[0]
    assert "Traceback" not in result.output


def test_regex_runs_in_linear_time():
    from ledgerlint.checking.loading import parse
    from ledgerlint.language.views import build
    doc = build(parse('{"t": "' + "a" * 50000 + '!"}', "x").data)
    assert compile_expression('matches(t, "(a+)+$")').evaluate(doc) is False
