"""The runs of `ledgerlint serve`: files uploaded together, checked one after another in a thread of
their own, and what a reviewer downloads afterwards.

Uploads are written to the run's own folder under the data folder's uploads/ (under names of our own:
the number and the suffix; the name the user gave is kept for display only), read by the same readers
as `check`, and deleted as soon as the run has read them; what a run stopped mid-way (the server shut
down) left there is deleted when the server starts again. What stays, in the data folder, is what the run produced: each document
annotated, the HTML report, JSON, SARIF and the workbook, and a row of counts in history.sqlite3; a run
deleted from the history page takes its folder with it. Nothing uploaded is ever executed.
"""
import json
import shutil
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from ledgerlint.errors import LedgerlintError

ACCEPTED = (".pdf", ".docx", ".txt", ".json")
MAX_FILES = 200                     # in one run
MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # one file (the checker's own bound for a document)
MAX_RUN_BYTES = 500 * 1024 * 1024    # one run, all files


@dataclass
class Run:
    id: str
    names: list                       # as the user gave them
    lang: str
    done: int = 0
    finished: bool = False
    files: list = field(default_factory=list)   # per file: what the results page shows


def default_data_dir() -> FsPath:
    import os
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return FsPath(base) / "ledgerlint"


class RunStore:
    def __init__(self, folder: FsPath, rules_dir=None):
        self.folder = FsPath(folder)
        (self.folder / "runs").mkdir(parents=True, exist_ok=True, mode=0o700)
        # uploads of runs cut short by a stop of the server, and those runs' partial results
        shutil.rmtree(self.folder / "uploads", ignore_errors=True)
        (self.folder / "uploads").mkdir(mode=0o700)
        for run in (self.folder / "runs").iterdir():
            if run.is_dir() and not (run / "results.json").is_file():
                shutil.rmtree(run, ignore_errors=True)
        self.rules_dir = rules_dir
        self.live: dict[str, Run] = {}
        self._lock = threading.Lock()
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS runs (id TEXT PRIMARY KEY, created REAL, files INTEGER, "
                       "errors INTEGER, warnings INTEGER, notes INTEGER, unreadable INTEGER, names TEXT)")

    def _db(self):
        return sqlite3.connect(self.folder / "history.sqlite3", timeout=10)

    def start(self, uploads: list, lang: str = "zh") -> Run | list:
        """A run of (name, readable stream) uploads, checked in a thread: each is copied to the run's
        inbox a block at a time (never held whole in memory) and refused past MAX_UPLOAD_BYTES. The
        Run, or the names refused (the run is then not started and its inbox removed)."""
        run = Run(uuid.uuid4().hex[:16], [name for name, _ in uploads], lang)
        inbox = self.folder / "uploads" / run.id
        inbox.mkdir(mode=0o700)
        stored, too_large = [], []
        for index, (name, stream) in enumerate(uploads):
            path = inbox / f"{index:03d}{FsPath(name).suffix.lower()}"
            if not _copy_bounded(stream, path, MAX_UPLOAD_BYTES):
                too_large.append(name)
            stored.append(path)
        if too_large:
            shutil.rmtree(inbox, ignore_errors=True)
            return too_large
        with self._lock:
            self.live[run.id] = run
        threading.Thread(target=self._work, args=(run, inbox, stored), daemon=True).start()
        return run

    def _work(self, run: Run, inbox: FsPath, stored: list) -> None:
        from ledgerlint import Checker
        out = self.folder / "runs" / run.id
        out.mkdir(mode=0o700)
        checker = Checker(rules_dir=self.rules_dir, lang=run.lang)
        reports, unreadable = [], []
        try:
            for index, (name, path) in enumerate(zip(run.names, stored)):
                run.files.append(self._check_one(checker, index, name, path, out, run.lang, reports, unreadable))
                run.done += 1
            self._reports(checker, reports, unreadable, out, run.lang)
            (out / "results.json").write_text(json.dumps(run.files, ensure_ascii=False), encoding="utf-8")
            self._record(run)
        finally:
            shutil.rmtree(inbox, ignore_errors=True)      # the uploads are gone once read
            run.finished = True

    def _check_one(self, checker, index, name, path, out, lang, reports, unreadable) -> dict:
        from ledgerlint.reports.text import finding_dict
        entry = {"index": index, "name": name, "findings": [], "error": None, "annotated": None}
        try:
            report, extraction = checker.check_with_extraction(path)
        except Exception as exc:  # noqa: BLE001 - one file's failure is its line on the page, not the run's end
            if not isinstance(exc, LedgerlintError):
                exc = LedgerlintError("serve.failed", file=str(path), reason=type(exc).__name__)
            exc.file = name     # the CLI's one line, at the name the user knows instead of ours
            entry["error"] = exc.render(lang)
            unreadable.append(exc)
            return entry
        report.file = name
        reports.append(report)
        entry["findings"] = [finding_dict(f) for f in report.findings]
        entry["summary"] = report.summary()
        entry["ruleset"] = report.ruleset
        suffix = path.suffix
        if suffix in (".pdf", ".docx") and extraction is not None:
            try:
                if suffix == ".pdf":
                    from ledgerlint.reports.annotated_pdf import annotate_pdf
                    data, _ = annotate_pdf(path, report, extraction.disclosure, lang)
                else:
                    from ledgerlint.reports.annotated_docx import annotate_docx
                    data, _ = annotate_docx(path, report, extraction.disclosure, lang)
                target = f"{index:03d}.checked{suffix}"
                (out / target).write_bytes(data)
                entry["annotated"] = target
            except Exception as exc:  # noqa: BLE001 - the findings stand without the marked copy, which says why
                entry["not_annotated"] = type(exc).__name__
        return entry

    def _reports(self, checker, reports, unreadable, out, lang) -> None:
        from ledgerlint.reports.output import render
        rulesets = [checker.ruleset(n) for n in dict.fromkeys(r.ruleset_name for r in reports)]
        for fmt, name in (("html", "report.html"), ("json", "report.json"), ("sarif", "report.sarif"),
                          ("xlsx", "report.xlsx")):
            made = render(fmt, reports, unreadable, rulesets, lang)
            (out / name).write_bytes(made if isinstance(made, bytes) else made.encode("utf-8"))

    def _record(self, run: Run) -> None:
        counts = {"error": 0, "warning": 0, "info": 0}
        for entry in run.files:
            for key in counts:
                counts[key] += (entry.get("summary") or {}).get(key, 0)
        with self._db() as db:
            db.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (run.id, time.time(), len(run.files), counts["error"], counts["warning"], counts["info"],
                        sum(1 for e in run.files if e["error"]), json.dumps(run.names, ensure_ascii=False)))

    def get(self, run_id: str) -> Run | None:
        """A run of this process, or one from the history (its results read back)."""
        if run_id in self.live:
            return self.live[run_id]
        folder = self.folder / "runs" / run_id
        if not _is_id(run_id) or not (folder / "results.json").is_file():
            return None
        files = json.loads((folder / "results.json").read_text(encoding="utf-8"))
        return Run(run_id, [f["name"] for f in files], "zh", len(files), True, files)

    def output(self, run_id: str, name: str) -> FsPath | None:
        """A file the run produced, by its name; nothing outside the run's folder."""
        if not _is_id(run_id) or "/" in name or "\\" in name or name.startswith("."):
            return None
        path = self.folder / "runs" / run_id / name
        return path if path.is_file() else None

    def history(self) -> list:
        with self._db() as db:
            rows = db.execute("SELECT id, created, files, errors, warnings, notes, unreadable, names FROM runs "
                              "ORDER BY created DESC LIMIT 200").fetchall()
        return [dict(zip(("id", "created", "files", "errors", "warnings", "notes", "unreadable", "names"), r))
                for r in rows]

    def delete(self, run_id: str) -> None:
        if not _is_id(run_id):
            return
        with self._db() as db:
            db.execute("DELETE FROM runs WHERE id = ?", (run_id,))
        shutil.rmtree(self.folder / "runs" / run_id, ignore_errors=True)
        self.live.pop(run_id, None)


def _is_id(text: str) -> bool:
    return len(text) == 16 and all(c in "0123456789abcdef" for c in text)


def _copy_bounded(stream, path: FsPath, limit: int) -> bool:
    """Copy `stream` to `path`; False (and nothing kept) once it passes `limit` bytes."""
    written = 0
    with open(path, "wb") as out:
        while True:
            block = stream.read(1 << 20)
            if not block:
                return True
            written += len(block)
            if written > limit:
                break
            out.write(block)
    path.unlink()
    return False
