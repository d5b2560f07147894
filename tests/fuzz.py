"""Long fuzz runs of the two entry points that take outside input: the expression compiler/evaluator and
the disclosure loader. The test suite runs a short version (test_hardening.py); run this for long ones:

    python tests/fuzz.py expressions --seconds 600
    python tests/fuzz.py loader --seconds 600

It prints how many inputs were tried and stops at the first input that breaks an invariant (an exception
other than the expected refusals, a rule running past its bound, two runs that disagree)."""
import argparse
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import strategies  # noqa: E402
from ledgerlint.errors import DisclosureError  # noqa: E402
from ledgerlint.expressions import ExpressionError, compile_expression  # noqa: E402
from ledgerlint.functions import MAX_SECONDS  # noqa: E402
from ledgerlint.loading import parse  # noqa: E402
from ledgerlint.numbers import NotEvaluated  # noqa: E402
from ledgerlint.views import build  # noqa: E402


def stable(value):
    """A value as text that is the same for equal results (no object addresses)."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(stable(v) for v in value) + "]"
    if hasattr(value, "lo"):
        return f"{value.value}[{value.lo},{value.hi}]"
    if hasattr(value, "path") and not isinstance(value, str):
        return f"{type(value).__name__}:{value.path}"
    return repr(value)


def evaluate_twice(source: str, document: dict):
    """The invariant of the evaluator: refused at load, or the same result (or the same refusal) twice,
    within its time bound, with no other exception."""
    try:
        expression = compile_expression(source, bound={"item": None})
    except ExpressionError:
        return None
    root = build(document)
    results = []
    for _ in range(2):
        started = time.monotonic()
        try:
            value = expression.evaluate(root, {"item": root})
            results.append(("value", stable(value)))
        except NotEvaluated as exc:
            results.append(("not_evaluated", exc.key))
        except (ArithmeticError, TypeError, ValueError, RecursionError) as exc:
            # what the engine turns into "not evaluated" (decimal traps, a type the operators refuse)
            results.append(("error", type(exc).__name__))
        elapsed = time.monotonic() - started
        assert elapsed < MAX_SECONDS + 1.0, (source, elapsed)
    assert results[0] == results[1], (source, results)
    return results[0]


def load_once(data: bytes):
    """The invariant of the loader: a Disclosure or a DisclosureError, nothing else."""
    try:
        parse(data.decode("utf-8", errors="replace"), "fuzz.json")
    except DisclosureError:
        pass


@given(strategies.expressions, strategies.disclosures)
def fuzz_expressions(source, document):
    evaluate_twice(source, document)


@given(st.one_of(st.binary(max_size=400), strategies.disclosures.map(lambda d: strategies.dumps(d).encode())))
def fuzz_loader(data):
    load_once(data)


def main():
    warnings.simplefilter("ignore")  # hypothesis warns about the size of inputs' reprs; not a finding
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=["expressions", "loader"])
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    target = {"expressions": fuzz_expressions, "loader": fuzz_loader}[args.target]
    run = settings(max_examples=500, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))(target)
    stop, rounds = time.monotonic() + args.seconds, 0
    while time.monotonic() < stop:
        run()
        rounds += 1
    print(f"{args.target}: {rounds * 500} inputs in {args.seconds:.0f} s, no invariant broken")


if __name__ == "__main__":
    main()
