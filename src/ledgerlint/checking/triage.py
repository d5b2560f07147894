"""What reviewers have decided about findings, applied after checking and before reporting:

- `--select` / `--ignore` and per-file ignores: rule ids or prefixes (`SG-`, `SG-001`);
- accepted findings: a YAML file kept beside the disclosures, each entry a rule, the file, what the finding
  is about (a path or a figure), the reason, who and when; an entry that matches nothing is reported;
- a baseline: the fingerprints of the findings known on a day, so that a run reports only new ones.

A finding's fingerprint does not change when lines move: it is made of its rule, the paths it is about and
its values, never its line or page. The same fingerprint goes into SARIF's partialFingerprints.
"""
import datetime
import fnmatch
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath

from ledgerlint.errors import LedgerlintError, RuleSetError
from ledgerlint.inputs import read_bytes
from ledgerlint.limits import MAX_YAML_BYTES
from ledgerlint.paths import format_path

ACCEPTED_FILE = ".ledgerlint-accepted.yaml"
_ACCEPTED_SCHEMA = {
    "type": "object",
    "properties": {"accepted": {"type": "array", "items": {
        "type": "object",
        "properties": {"rule": {"type": "string", "minLength": 1, "title": "规则编号"},
                       "file": {"type": "string", "minLength": 1, "title": "文件"},
                       "about": {"type": "string", "minLength": 1, "title": "所指的路径或数字"},
                       "reason": {"type": "string", "minLength": 1, "title": "接受的理由"},
                       "by": {"type": "string", "minLength": 1, "title": "谁决定的"},
                       "date": {"type": "string", "minLength": 1, "title": "日期"}},
        "required": ["rule", "file", "reason", "by", "date"], "additionalProperties": False}}},
    "required": ["accepted"], "additionalProperties": False,
}


def fingerprint(finding) -> str:
    """Stable across runs and line moves: the rule, what the finding is about and its values."""
    about = [format_path(p) for p in finding.paths] or [format_path(finding.path)]
    text = json.dumps([finding.rule, about, sorted((str(k), str(v)) for k, v in finding.values.items())],
                      ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def rule_matches(rule_id: str, patterns) -> bool:
    """An id is matched by itself or by any prefix of it (`SG-`, `SG`, `SG-00`)."""
    return any(rule_id.startswith(p) for p in patterns)


@dataclass
class Accepted:
    rule: str
    file: str               # as written: a path or glob relative to the accepted file's folder
    about: str | None
    reason: str
    by: str
    date: str
    line: int
    used: int = 0

    def matches(self, finding, relative: str) -> bool:
        if finding.rule != self.rule or not fnmatch.fnmatchcase(relative, self.file):
            return False
        if self.about is None:
            return True
        paths = {format_path(p) for p in (finding.paths or (finding.path,))}
        return self.about in paths or self.about in finding.message or \
            any(self.about == str(v) for v in finding.values.values())


@dataclass
class AcceptedFile:
    path: FsPath
    entries: list

    @classmethod
    def read(cls, path: FsPath) -> "AcceptedFile":
        from ledgerlint.rulesets.shape import shape_problems
        from ledgerlint.rulesets.yamlfiles import read_yaml
        data = read_yaml(path)
        if data is None:
            data = {"accepted": []}
        for entry in data.get("accepted", []) if isinstance(data, dict) and isinstance(data.get("accepted"), list) else ():
            if isinstance(entry, dict) and isinstance(entry.get("date"), datetime.date):
                entry["date"] = entry["date"].isoformat()      # date: 2026-12-01 is a date in YAML
        problems = shape_problems(data, _ACCEPTED_SCHEMA, str(path), "accepted") if isinstance(data, dict) \
            else [RuleSetError("accepted.not_mapping", file=str(path), line=1)]
        if problems:
            raise problems[0]
        entries = [Accepted(rule=e["rule"], file=e["file"], about=e.get("about"), reason=e["reason"],
                            by=e["by"], date=str(e["date"]), line=e.line) for e in data["accepted"]]
        return cls(FsPath(path), entries)

    def relative(self, file: str) -> str:
        return _relative(file, self.path.parent)


@dataclass
class Baseline:
    path: FsPath
    known: Counter          # (file relative to the baseline's folder, fingerprint) -> how many

    @classmethod
    def read(cls, path: FsPath) -> "Baseline":
        raw = read_bytes(path, MAX_YAML_BYTES * 16, LedgerlintError)
        try:
            data = json.loads(raw.decode("utf-8-sig"))
            known = Counter((str(e["file"]), str(e["fingerprint"])) for e in data["findings"])
        except (ValueError, KeyError, TypeError):
            raise LedgerlintError("baseline.invalid", file=str(path)) from None
        return cls(FsPath(path), known)

    @staticmethod
    def document(reports, folder: FsPath) -> str:
        """A baseline of these reports' findings, with paths relative to `folder` (where it is written)."""
        entries = [{"file": _relative(r.file, folder), "rule": f.rule, "fingerprint": fingerprint(f),
                    "about": format_path(f.path), "message": f.message}
                   for r in reports for f in r.findings]
        return json.dumps({"version": 1, "tool": "ledgerlint", "written": datetime.date.today().isoformat(),
                           "findings": entries}, ensure_ascii=False, indent=2) + "\n"


@dataclass
class Triage:
    select: tuple = ()
    ignore: tuple = ()
    per_file_ignores: dict = field(default_factory=dict)    # glob (relative to `base`) -> rule patterns
    base: FsPath | None = None
    accepted: AcceptedFile | None = None
    baseline: Baseline | None = None
    checked: set = field(default_factory=set)     # the files seen, relative to the accepted file's folder

    @property
    def active(self) -> bool:
        return bool(self.select or self.ignore or self.per_file_ignores or self.accepted or self.baseline)

    def apply(self, report):
        """The report with only the findings to show; what was set aside is counted on it."""
        if not self.active:
            return report
        kept, accepted, ignored, baselined = [], [], 0, 0
        relative = _relative(report.file, self.base) if self.base else report.file
        ignores = list(self.ignore) + [p for glob, patterns in self.per_file_ignores.items()
                                       if fnmatch.fnmatchcase(relative, glob) for p in patterns]
        remaining = Counter(self.baseline.known) if self.baseline else None
        in_baseline = _relative(report.file, self.baseline.path.parent) if self.baseline else None
        in_accepted = self.accepted.relative(report.file) if self.accepted else None
        self.checked.add(in_accepted)
        for f in report.findings:
            entry = next((e for e in self.accepted.entries if e.matches(f, in_accepted)), None) \
                if self.accepted else None
            if (self.select and not rule_matches(f.rule, self.select)) or rule_matches(f.rule, ignores):
                ignored += 1
                if entry is not None:
                    entry.used += 1     # not reported, but the entry still describes a finding
                continue
            if entry is not None:
                entry.used += 1
                accepted.append((f, entry))
                continue
            if remaining is not None and remaining[(in_baseline, fingerprint(f))] > 0:
                remaining[(in_baseline, fingerprint(f))] -= 1
                baselined += 1
                continue
            kept.append(f)
        return replace(report, findings=kept, accepted=accepted, ignored=ignored, baselined=baselined)

    def unused(self) -> list:
        """Accepted entries for a file of this run that matched no finding: fixed, or the entry is wrong."""
        if not self.accepted:
            return []
        return [e for e in self.accepted.entries
                if not e.used and any(fnmatch.fnmatchcase(seen, e.file) for seen in self.checked if seen)]


def _relative(file: str, folder: FsPath) -> str:
    path = FsPath(file)
    try:
        return path.resolve().relative_to(FsPath(folder).resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()
