"""Checking many disclosures: find them, check them in parallel, keep the order they were named in.

Each worker process builds one Checker, so a rule set is loaded and compiled once per worker, not once
per file; reports come back as plain data and are collected in input order, so the output is the same
whatever the number of workers."""
import glob
import os
from pathlib import Path as FsPath

from ledgerlint.checking.api import Checker
from ledgerlint.errors import LedgerlintError

PARALLEL_FROM = 8   # fewer files than this are checked in this process: starting workers costs more

_worker: Checker | None = None


def expand(targets) -> list[FsPath]:
    """Files as named; folders walked for *.json (sorted); shell-style patterns expanded (sorted)."""
    found: list[FsPath] = []
    for target in targets:
        text = str(target)
        path = FsPath(text)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.json") if p.is_file() and not _hidden(p, path))
        elif any(ch in text for ch in "*?[") and not path.exists():
            found += sorted(FsPath(p) for p in glob.glob(text, recursive=True) if FsPath(p).is_file())
        else:
            found.append(path)
    return found


def _hidden(path: FsPath, root: FsPath) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _init(options: dict) -> None:
    global _worker
    _worker = Checker(**options)


def worker_checker(options: dict) -> Checker:
    """This process's Checker for `options` (made by the last serial run, or made now)."""
    if _worker is None or _worker.options() != options:
        _init(options)
    return _worker


def _check_one(path: FsPath):
    try:
        return _worker.check_file(path)
    except LedgerlintError as exc:
        return exc


STDIN = "<stdin>"


def iter_stdin(options: dict):
    """The report of a disclosure read from standard input (JSON; a document needs its file), as
    iter_checks yields it: `check -` in a pipe or an editor integration."""
    import sys
    from ledgerlint.checking.loading import parse
    from ledgerlint.limits import MAX_BYTES
    _init(options)
    try:
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise LedgerlintError("file.too_large", file=STDIN, size=f"> {MAX_BYTES >> 20}", limit=MAX_BYTES >> 20)
        try:
            text = raw.decode(options.get("encoding") or "utf-8-sig")
        except (UnicodeDecodeError, LookupError):
            raise LedgerlintError("stdin.not_utf8", file=STDIN) from None
        if text.lstrip()[:1] not in ("{", ""):
            raise LedgerlintError("stdin.not_json", file=STDIN)
        yield _worker.check(parse(text, STDIN))
    except LedgerlintError as exc:
        yield exc


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def iter_checks(files, options: dict, jobs: int | None = None):
    """A FileReport or a LedgerlintError for each file, yielded in the order of `files` as they are ready,
    so that a run over many files never holds more than a few reports at once."""
    jobs = jobs or default_jobs()
    if jobs <= 1 or len(files) < PARALLEL_FROM:
        _init(options)
        for path in files:
            yield _check_one(path)
        return
    from concurrent.futures import ProcessPoolExecutor  # only a parallel run pays for importing it
    chunk = max(1, min(64, len(files) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(options,)) as pool:
        yield from pool.map(_check_one, files, chunksize=chunk)


def check_many(files, options: dict, jobs: int | None = None, progress=None) -> list:
    """A FileReport or a LedgerlintError for each file, in the order of `files` (all kept in memory).

    `progress`, when given, is called once per file as results arrive."""
    results = []
    for result in iter_checks(files, options, jobs):
        results.append(result)
        if progress:
            progress()
    return results
