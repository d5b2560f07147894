"""ledgerlint's performance, as ratios against baselines measured in the same run (the machine is shared
and noisy, so absolute times mean little). Not part of the test suite:

    python benchmarks/run.py              # everything (the batch part checks 10,000 files: minutes)
    python benchmarks/run.py --quick      # smaller batches

Prints each figure with its target:
  evaluation  ledgerlint vs the same 52 checks written by hand in Python with Decimal (≤ 1.5x),
              and vs simpleeval's simple_eval parsing each rule's text every time (≥ 30x faster);
              both get the loaded disclosure: its preparation, done once per file (validation, whole
              numbers at their printed precision), is not evaluation, and the document benchmarks
              below count it
  batch       --jobs 2 vs --jobs 1 on generated disclosures (≥ 1.8x), time per file for growing runs
  start-up    `ledgerlint check` of the bundled example vs `python -c "import yaml, click, jsonschema,
              simpleeval"` (≤ 1.2x), with the rule-set cache warm; and with an empty cache (≤ 2x warm)
  memory      peak memory of the checking process for growing runs (flat)
  documents   `check` on a published document (extract, then check) vs `check` on the JSON it restates,
              for the test documents in tests/documents (≤ 3x: reading a document costs about as much
              as checking it)
  pdf         `check` on each real PDF of ../shared/realdocs vs pdfplumber alone reading its text and
              tables once (≤ 1.2x), and vs the public peer's rule engine on the same file (≤ 0.5x;
              `--peer DIR` with a checkout of GovBudgetChecker, which needs pip install rapidfuzz numpy)
  batch       also 10 and 50 real PDFs: --jobs 2 vs --jobs 1 (≥ 1.8x), time per file flat

Every ratio is the median of interleaved rounds (the compared runs take turns), and the rounds are printed.
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


def interleaved(fns: dict, rounds=5, number=1) -> dict:
    """Seconds per call of each function, one figure per round; the functions take turns within each
    round (in a rotated order), so that a slow spell of the machine falls on all of them alike."""
    names = list(fns)
    for fn in fns.values():
        fn()                      # warm: caches filled, patterns compiled
    times = {name: [] for name in names}
    for r in range(rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            started = time.perf_counter()
            for _ in range(number):
                fns[name]()
            times[name].append((time.perf_counter() - started) / number)
    return times


def ratios(top: list, bottom: list) -> list:
    return [a / b for a, b in zip(top, bottom)]


def show_rounds(values: list, fmt="{:.2f}") -> str:
    return "rounds " + ", ".join(fmt.format(v) for v in values)


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

    times = interleaved({"ledgerlint": with_ledgerlint, "hand": by_hand, "simpleeval": with_simple_eval},
                        rounds=7, number=30)
    hand_ratio = ratios(times["ledgerlint"], times["hand"])
    simple_ratio = ratios(times["simpleeval"], times["ledgerlint"])
    print(f"evaluation: {len(rules)} rules ({sum(evaluations)} evaluations) on the bundled example; same "
          f"verdicts as the hand-written checks on {checked} disclosures; 7 interleaved rounds of 30 runs")
    median = statistics.median(hand_ratio)
    line("ledgerlint / hand-written Python with Decimal", f"{median:.2f}x", "≤ 1.5x", median <= 1.5)
    print("      " + show_rounds(hand_ratio))
    median_simple = statistics.median(simple_ratio)
    line("simple_eval each time / ledgerlint", f"{median_simple:.1f}x", "≥ 30x", median_simple >= 30)
    print("      " + show_rounds(simple_ratio, "{:.1f}"))
    ours = statistics.median(times["ledgerlint"])
    print(f"      one evaluation: {ours / sum(evaluations) * 1e6:.1f} µs")
    return {"ratio_hand": hand_ratio, "ratio_simpleeval": simple_ratio}



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


def batch_rounds(target, rounds) -> tuple[list, list, list]:
    """(seconds with --jobs 1, with --jobs 2, peak KB with --jobs 1), one of each per round; the two take
    turns, the one going first alternating, so that a slow spell of the machine falls on both alike."""
    ones, twos, peaks = [], [], []
    for r in range(rounds):
        for jobs in ((1, 2) if r % 2 == 0 else (2, 1)):
            seconds, peak = run_check(target, jobs)
            if jobs == 1:
                ones.append(seconds)
                peaks.append(peak)
            else:
                twos.append(seconds)
    return ones, twos, peaks


def batch(sizes, rounds=5):
    print(f"batch: generated disclosures (one in five with a total changed), JSON output; median of {rounds} "
          "interleaved rounds")
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = Path(tmp) / str(size)
            generate(folder, size)
            ones, twos, peaks = batch_rounds(folder, rounds)
            one, two, peak = (statistics.median(x) for x in (ones, twos, peaks))
            speedups = ratios(ones, twos)
            figures[size] = {"speedup": statistics.median(speedups), "per_file_ms": two / size * 1000,
                             "peak_kb_jobs1": peak}
            print(f"  {size:>6} files: --jobs 1 {one:7.1f} s, --jobs 2 {two:7.1f} s "
                  f"({figures[size]['speedup']:.2f}x; {show_rounds(speedups)}), {two / size * 1000:.2f} ms per "
                  f"file, peak memory {peak / 1024:.0f} MB")
    largest = max(sizes)
    speedup = figures[largest]["speedup"]
    line(f"--jobs 1 / --jobs 2 at {largest} files", f"{speedup:.2f}x", "≥ 1.8x", speedup >= 1.8)
    per_file = [figures[s]["per_file_ms"] for s in sizes]
    growth = per_file[-1] / per_file[0]
    line(f"time per file, {sizes[-1]} files / {sizes[0]} files", f"{growth:.2f}x", "flat", growth <= 1.2)
    memory = figures[sizes[-1]]["peak_kb_jobs1"] / figures[sizes[0]]["peak_kb_jobs1"]
    line(f"peak memory, {sizes[-1]} files / {sizes[0]} files", f"{memory:.2f}x", "flat", memory <= 1.2)
    return figures


def startup(runs=9):
    env = {**os.environ}
    command = [sys.executable, "-m", "ledgerlint", "check", str(SEED)]
    subprocess.run(command, capture_output=True, env=env)  # warm the rule-set cache
    base = [sys.executable, "-c", "import yaml, click, jsonschema, simpleeval"]

    def timed(cmd, count):
        times = []
        for _ in range(count):
            started = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=env)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    def cold():
        with tempfile.TemporaryDirectory() as fresh:    # an empty cache: every rule set built again
            started = time.perf_counter()
            subprocess.run(command, capture_output=True, env={**env, "LEDGERLINT_CACHE_DIR": fresh})
            return time.perf_counter() - started

    warm_runs, deps_runs, cold_runs = [], [], []
    for _ in range(runs):      # interleaved: each round times all three
        deps_runs.append(timed(base, 1))
        warm_runs.append(timed(command, 1))
        cold_runs.append(cold())
    ours, deps, fresh = (statistics.median(x) for x in (warm_runs, deps_runs, cold_runs))
    print(f"start-up: median of {runs} interleaved rounds")
    line("`ledgerlint check` example, warm cache / importing the deps", f"{ours / deps:.2f}x", "≤ 1.2x",
         ours / deps <= 1.2)
    print("      " + show_rounds(ratios(warm_runs, deps_runs)))
    line("`ledgerlint check`, cold cache / warm cache", f"{fresh / ours:.2f}x", "≤ 2x", fresh / ours <= 2)
    print("      " + show_rounds(ratios(cold_runs, warm_runs)))
    return {"ledgerlint_s": ours, "imports_s": deps, "cold_s": fresh}


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


REALDOCS = ROOT.parent / "shared" / "realdocs"


def plumber_once(path):
    """What pdfplumber alone costs for a file: open it, each page's text and tables once."""
    import pdfplumber
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.close()


def pdfs(peer_dir=None, rounds=5):
    """`check` of each real PDF against pdfplumber's own cost, and against the public peer's rule engine
    (GovBudgetChecker, offline) when a checkout of it is given; in this process, rule sets loaded."""
    from ledgerlint import Checker
    files = sorted(REALDOCS.glob("*.pdf")) if REALDOCS.is_dir() else []
    if not files:
        print(f"pdf: skipped — {REALDOCS} is absent (the real documents are kept beside the checkout)")
        return {}
    from peer import load_peer
    peer, why = load_peer(peer_dir)
    checker = Checker()
    print(f"pdf: {len(files)} real documents, median of {rounds} interleaved rounds each"
          + ("" if peer else f"; the peer is not measured: {why}"))
    worst_plumber, worst_peer, figures = 0.0, 0.0, {}
    from ledgerlint.errors import LedgerlintError

    def ours(path):
        try:
            checker.check_file(path)
        except LedgerlintError:      # the budget is read, then refused: reading is what is timed
            pass

    for path in files:
        fns = {"ledgerlint": lambda: ours(path), "pdfplumber": lambda: plumber_once(path)}
        if peer:
            fns["peer"] = lambda: peer(path)
        times = interleaved(fns, rounds=rounds)
        by_plumber = ratios(times["ledgerlint"], times["pdfplumber"])
        worst_plumber = max(worst_plumber, statistics.median(by_plumber))
        text = (f"  {path.name:<36} check {statistics.median(times['ledgerlint']):5.2f} s, pdfplumber "
                f"{statistics.median(times['pdfplumber']):5.2f} s ({statistics.median(by_plumber):.2f}x; "
                f"{show_rounds(by_plumber)})")
        if peer:
            by_peer = ratios(times["ledgerlint"], times["peer"])
            worst_peer = max(worst_peer, statistics.median(by_peer))
            text += f", peer {statistics.median(times['peer']):5.2f} s ({statistics.median(by_peer):.2f}x)"
        print(text)
        figures[path.name] = times
    line("check / pdfplumber text and tables once (worst file)", f"{worst_plumber:.2f}x", "≤ 1.2x",
         worst_plumber <= 1.2)
    if peer:
        line("check / the peer's engine on the same file (worst)", f"{worst_peer:.2f}x", "≤ 0.5x", worst_peer <= 0.5)
    return figures


def pdf_batch(counts=(10, 50), rounds=5):
    """Real PDFs in a batch (the five 决算 documents, repeated): --jobs 2 against 1, time per file."""
    finals = [p for p in sorted(REALDOCS.glob("*.pdf")) if "budget" not in p.name] if REALDOCS.is_dir() else []
    if not finals:
        print("pdf batch: skipped — no real documents beside the checkout")
        return {}
    figures = {}
    print(f"pdf batch: the five 决算 documents of {REALDOCS.name}, repeated; median of {rounds} interleaved rounds")
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            folder = Path(tmp) / str(count)
            folder.mkdir()
            for i in range(count):
                target = folder / f"d{i:03d}{finals[i % len(finals)].suffix}"
                os.symlink(finals[i % len(finals)], target)
            ones, twos, _ = batch_rounds(folder / "*.pdf", rounds)
            one, two = statistics.median(ones), statistics.median(twos)
            speedups = ratios(ones, twos)
            figures[count] = (statistics.median(speedups), two)
            print(f"  {count:>4} PDFs: --jobs 1 {one:6.1f} s, --jobs 2 {two:6.1f} s ({figures[count][0]:.2f}x; "
                  f"{show_rounds(speedups)}), {two / count:.2f} s per file")
    largest, smallest = max(counts), min(counts)
    speedup = figures[largest][0]
    line(f"PDFs: --jobs 1 / --jobs 2 at {largest} files", f"{speedup:.2f}x", "≥ 1.8x", speedup >= 1.8)
    growth = (figures[largest][1] / largest) / (figures[smallest][1] / smallest)
    line(f"PDFs: time per file, {largest} / {smallest} files", f"{growth:.2f}x", "flat", growth <= 1.2)
    return figures


def bytecode():
    """ledgerlint's modules compiled to bytecode first, as installing a wheel does: in a checkout with
    PYTHONDONTWRITEBYTECODE set (or a read-only one) every child process would otherwise compile the
    package's source again, and the start-up and PDF figures would measure that."""
    import compileall
    import ledgerlint
    compileall.compile_dir(str(Path(ledgerlint.__file__).parent), quiet=1)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("  (PYTHONDONTWRITEBYTECODE is set: the package's bytecode was compiled once, before measuring)")


def main():
    parser = argparse.ArgumentParser(description="ledgerlint benchmarks (ratios in one run)")
    parser.add_argument("--quick", action="store_true", help="batches of 100 and 1,000 files only")
    parser.add_argument("--only", choices=["evaluation", "batch", "startup", "documents", "pdf"])
    parser.add_argument("--peer", type=Path, help="a checkout of GovBudgetChecker, to measure its rule engine "
                                                  "on the same PDFs (needs: pip install rapidfuzz numpy)")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    bytecode()
    if args.only in (None, "evaluation"):
        evaluation()
    if args.only in (None, "startup"):
        startup()
    if args.only in (None, "documents"):
        documents()
    if args.only in (None, "pdf"):
        pdfs(args.peer)
    if args.only in (None, "batch"):
        batch([100, 1000] if args.quick else [100, 1000, 10000])
        pdf_batch((5, 10) if args.quick else (10, 50))


if __name__ == "__main__":
    main()
