"""Long fuzz runs of the two entry points that take outside input: the expression compiler/evaluator and
the disclosure loader. The test suite runs a short version (test_hardening.py); run this for long ones:

    python tests/fuzz.py expressions --seconds 600
    python tests/fuzz.py loader --seconds 600
    python tests/fuzz.py cache --seconds 600

It prints how many inputs were tried and stops at the first input that breaks an invariant (an exception
other than the expected refusals, a rule running past its bound, two runs that disagree; for the cache, a
damaged entry giving other findings than a clean run, or any error)."""
import argparse
import atexit
import os
import shutil
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from helpers import strategies  # noqa: E402
from ledgerlint.errors import DisclosureError  # noqa: E402
from ledgerlint.language.compiler import compile_expression  # noqa: E402
from ledgerlint.language.expressions import ExpressionError  # noqa: E402
from ledgerlint.language.functions import MAX_SECONDS  # noqa: E402
from ledgerlint.checking.loading import parse  # noqa: E402
from ledgerlint.language.numbers import NotEvaluated  # noqa: E402
from ledgerlint.language.views import build  # noqa: E402


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


def findings_of(checker, document):
    return [(f.rule, f.line, f.status, f.message) for f in checker.check_file(document).findings]


def flip_cache_once(entry: Path, warm: bytes, expected, check, rng: random.Random) -> None:
    """The invariant of the cache: one byte of a warm entry changed at random gives the findings of a clean
    run (the entry is refused and the set built again), never an error or other findings."""
    damaged = bytearray(warm)
    at = rng.randrange(len(damaged))
    damaged[at] = (damaged[at] + rng.randrange(1, 256)) % 256
    entry.write_bytes(bytes(damaged))
    assert check() == expected, f"byte {at} of {entry.name}"
    # the damaged entry was the one read, refused and built again (a changed key would test nothing)
    assert entry.read_bytes() != bytes(damaged), f"byte {at} of {entry.name}: the entry was not rebuilt"
    entry.write_bytes(warm)         # back to the warm one


def fuzz_cache(seconds: float) -> int:
    from ledgerlint import Checker
    seed = Path(__file__).resolve().parent.parent / "examples" / "2023-erguna-waishi" / "disclosure.json"
    os.environ["LEDGERLINT_CACHE_DIR"] = folder = tempfile.mkdtemp(prefix="ledgerlint-fuzz-cache-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ.pop("LEDGERLINT_NO_CACHE", None)
    expected = findings_of(Checker(), seed)                   # builds and stores
    [entry] = [p for p in Path(os.environ["LEDGERLINT_CACHE_DIR"]).glob("*.pickle") if not p.name.startswith("scope-")]
    warm, rng, tried = entry.read_bytes(), random.Random(), 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        flip_cache_once(entry, warm, expected, lambda: findings_of(Checker(), seed), rng)
        tried += 1
    return tried


@given(strategies.expressions, strategies.disclosures)
def fuzz_expressions(source, document):
    evaluate_twice(source, document)


@given(st.one_of(st.binary(max_size=400), strategies.disclosures.map(lambda d: strategies.dumps(d).encode())))
def fuzz_loader(data):
    load_once(data)


def main():
    warnings.simplefilter("ignore")  # hypothesis warns about the size of inputs' reprs; not a finding
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=["expressions", "loader", "cache"])
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    if args.target == "cache":
        tried = fuzz_cache(args.seconds)
        print(f"cache: {tried} damaged entries in {args.seconds:.0f} s, each gave the clean run's findings")
        return
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
