"""`ledgerlint rules lint`: every problem of a rules folder in one run: the shape of its files, its
expressions, names that the year's disclosure schema does not have (with the nearest it has), and its
case files (see checking.cases.lint_cases)."""
from ledgerlint.errors import LedgerlintError
from ledgerlint.rulesets.selection import load_named


def lint_set(rules_dir, name: str) -> list[LedgerlintError]:
    problems: list = []
    try:
        load_named(rules_dir, name, problems)   # the names are checked as the set is built
    except LedgerlintError as exc:
        return problems + [exc]
    return problems
