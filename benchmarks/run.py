"""ledgerlint's performance, as ratios against baselines measured in the same run (the machine is shared
and noisy, so absolute times mean little). Not part of the test suite:

    python benchmarks/run.py              # everything (the batch part checks 10,000 files: minutes)
    python benchmarks/run.py --quick      # smaller batches

Prints each figure with its target:
  evaluation  ledgerlint vs the same 52 checks written by hand in Python with Decimal (≤ 2x),
              and vs simpleeval's simple_eval parsing each rule's text every time (≥ 20x faster)
  batch       --jobs 2 vs --jobs 1 on generated disclosures (≥ 1.8x), time per file for growing runs
  start-up    `ledgerlint check` of the bundled example vs `python -c "import yaml, click, jsonschema,
              simpleeval"` (≤ 1.5x), with the rule-set cache warm
  memory      peak memory of the checking process for growing runs (flat)
  documents   `check` on a published document (extract, then check) vs `check` on the JSON it restates,
              for the test documents in tests/documents (≤ 3x: reading a document costs about as much
              as checking it)
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from handwritten import CHECKS  # noqa: E402
from ledgerlint.decimaljson import dumps  # noqa: E402

SEED = ROOT / "examples" / "2023-erguna-waishi" / "disclosure.json"
CLEAN = [ROOT / "examples" / "2023-synthetic-shiye" / "disclosure.json",
         ROOT / "examples" / "2023-synthetic-xingzheng" / "disclosure.json"]


def best_of(fn, repeat=7, number=30):
    fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - started) / number)
    return min(times)


def line(name, value, target, ok):
    print(f"  {name:<58} {value:>10}   target {target:<10} {'met' if ok else 'NOT MET'}")


def evaluation():
    from ledgerlint import Checker
    from ledgerlint.checking.engine import Evaluator
    from ledgerlint.checking.loading import load
    from simpleeval import SimpleEval

    ruleset = Checker().ruleset("内蒙古/2023")
    rules = [ruleset.rule(rule_id) for rule_id in CHECKS]
    checked = 0
    for path in [SEED, *CLEAN]:
        disclosure = load(path)
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        evaluator = Evaluator(ruleset, disclosure)
        for rule, check in zip(rules, CHECKS.values()):
            ours = [o.status for o in evaluator.run_rule(rule)]
            assert ours == check(data), (path.name, rule.id, ours, check(data))
        checked += 1
    disclosure = load(SEED)
    data = disclosure.data

    def with_ledgerlint():
        evaluator = Evaluator(ruleset, disclosure)
        for rule in rules:
            evaluator.run_rule(rule)

    def by_hand():
        for check in CHECKS.values():
            check(data)

    # simpleeval, parsing each rule's assert every time, over plain Decimals (no rounding intervals)
    class Node(dict):
        __getattr__ = dict.__getitem__

    def nodes(value):
        if isinstance(value, dict):
            return Node({k: nodes(v) for k, v in value.items()})
        if isinstance(value, list):
            return [nodes(v) for v in value]
        return value

    plain = nodes(data)
    functions = {"sum": lambda xs: sum(xs, Decimal(0)), "len": len, "abs": abs, "min": min, "max": max,
                 "pct": lambda a, b: a / b * 100 if b else Decimal(0), "values": lambda o: list(o.values()),
                 "exists": lambda p: True, "coalesce": lambda a, b: a, "is_number": lambda x: True,
                 "direction": lambda w: 1, "signed_amount": lambda c: c.get("金额", 0), "wan": lambda a: a,
                 "contains": lambda a, b: b in a, "round": round}
    # as many evaluations of each rule as ledgerlint makes (one per element of an `each` rule)
    evaluations = [len(Evaluator(ruleset, disclosure).run_rule(rule)) for rule in rules]
    sources = [(rule, " ".join(rule.expressions["assert"].split()), n) for rule, n in zip(rules, evaluations)]

    def with_simple_eval():
        for rule, source, count in sources:
            for _ in range(count):
                evaluator = SimpleEval(names={**plain, rule.as_name: plain}, functions=functions)
                try:
                    evaluator.eval(source)
                except Exception:  # noqa: S110 - only the cost of parsing and walking matters here
                    pass

    ours, hand, simple = best_of(with_ledgerlint), best_of(by_hand), best_of(with_simple_eval)
    print(f"evaluation: {len(rules)} rules ({sum(evaluations)} evaluations) on the bundled example; same "
          f"verdicts as the hand-written checks on {checked} disclosures")
    line("ledgerlint / hand-written Python with Decimal", f"{ours / hand:.2f}x", "≤ 2x", ours / hand <= 2)
    line("simple_eval each time / ledgerlint", f"{simple / ours:.1f}x", "≥ 20x", simple / ours >= 20)
    return {"ratio_hand": ours / hand, "ratio_simpleeval": simple / ours,
            "ms": {"ledgerlint": ours * 1000, "hand": hand * 1000, "simpleeval": simple * 1000}}



def generate(folder: Path, count: int):
    rng = random.Random(count)
    bases = [json.loads(p.read_text(encoding="utf-8"), parse_float=Decimal) for p in CLEAN]
    texts = [dumps(b) for b in bases]
    for i in range(count):
        sub = folder / f"u{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        if i % 5 == 0:
            doc = json.loads(texts[i % 2], parse_float=Decimal)
            doc["收入决算"]["本年收入合计"] += Decimal(rng.choice(["0.37", "1.00", "-2.15"]))
            text = dumps(doc)
        else:
            text = texts[i % 2]
        (sub / f"d{i:05d}.json").write_text(text, encoding="utf-8")


def run_check(folder, jobs):
    """Wall time and peak memory (KB) of `ledgerlint check --format json` over a folder, in a child."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run([sys.executable, '-m', 'ledgerlint', 'check', '--format', 'json', '--jobs', "
            f"'{jobs}', '{folder}'], stdout=subprocess.DEVNULL); "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1])


def batch(sizes):
    print("batch: generated disclosures (one in five with a total changed), JSON output")
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = Path(tmp) / str(size)
            generate(folder, size)
            one, mem1 = run_check(folder, 1)
            two, mem2 = run_check(folder, 2)
            figures[size] = {"jobs1_s": one, "jobs2_s": two, "per_file_ms": two / size * 1000,
                             "peak_kb_jobs1": mem1}
            print(f"  {size:>6} files: --jobs 1 {one:7.1f} s, --jobs 2 {two:7.1f} s "
                  f"({one / two:.2f}x), {two / size * 1000:.2f} ms per file, peak memory {mem1 / 1024:.0f} MB")
    largest = max(sizes)
    speedup = figures[largest]["jobs1_s"] / figures[largest]["jobs2_s"]
    line(f"--jobs 1 / --jobs 2 at {largest} files", f"{speedup:.2f}x", "≥ 1.8x", speedup >= 1.8)
    per_file = [figures[s]["per_file_ms"] for s in sizes]
    growth = per_file[-1] / per_file[0]
    line(f"time per file, {sizes[-1]} files / {sizes[0]} files", f"{growth:.2f}x", "flat", growth <= 1.2)
    memory = figures[sizes[-1]]["peak_kb_jobs1"] / figures[sizes[0]]["peak_kb_jobs1"]
    line(f"peak memory, {sizes[-1]} files / {sizes[0]} files", f"{memory:.2f}x", "flat", memory <= 1.2)
    return figures


def startup(runs=15):
    env = {**os.environ}
    command = [sys.executable, "-m", "ledgerlint", "check", str(SEED)]
    subprocess.run(command, capture_output=True, env=env)  # warm the rule-set cache
    base = [sys.executable, "-c", "import yaml, click, jsonschema, simpleeval"]

    def timed(cmd):
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    ours, deps = timed(command), timed(base)
    print(f"start-up: median of {runs} runs, rule-set cache warm")
    line("`ledgerlint check` example / importing the dependencies", f"{ours / deps:.2f}x", "≤ 1.5x",
         ours / deps <= 1.5)
    return {"ledgerlint_s": ours, "imports_s": deps, "ratio": ours / deps}


def documents(runs=5):
    """Each test document against the example JSON it restates, in this process, rule sets loaded."""
    from ledgerlint import Checker
    folder = ROOT / "tests" / "documents"
    cases = json.loads((folder / "cases.json").read_text(encoding="utf-8"))
    checker = Checker()

    def timed(path):
        checker.check_file(path)   # warm: rule sets loaded, patterns compiled
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            checker.check_file(path)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    ratios = []
    print(f"documents: median of {runs} runs each, in one process")
    for name, case in sorted(cases.items()):
        on_document = timed(folder / name)
        on_json = timed(ROOT / "examples" / case["example"] / "disclosure.json")
        ratios.append(on_document / on_json)
        print(f"  {name:<34} {on_document * 1000:6.1f} ms vs {on_json * 1000:5.1f} ms on the JSON ({ratios[-1]:.2f}x)")
    worst = max(ratios)
    line("check on a document / check on its JSON (worst)", f"{worst:.2f}x", "≤ 3x", worst <= 3)
    return {"ratios": ratios}


def main():
    parser = argparse.ArgumentParser(description="ledgerlint benchmarks (ratios in one run)")
    parser.add_argument("--quick", action="store_true", help="batches of 100 and 1,000 files only")
    parser.add_argument("--only", choices=["evaluation", "batch", "startup", "documents"])
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if args.only in (None, "evaluation"):
        evaluation()
    if args.only in (None, "startup"):
        startup()
    if args.only in (None, "documents"):
        documents()
    if args.only in (None, "batch"):
        batch([100, 1000] if args.quick else [100, 1000, 10000])


if __name__ == "__main__":
    main()
