"""GitLab Code Quality (the `codequality` report of a CI job): a JSON list, one issue per finding, each
with a fingerprint that stays the same when lines move (so merge requests show only new ones)."""
import hashlib
import json
from pathlib import PurePath

from ledgerlint.checking.triage import fingerprint

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render_gitlab(reports, lang: str = "zh") -> str:
    issues, seen = [], {}
    for r in reports:
        path = PurePath(r.file).as_posix()
        for f in r.findings:
            key = f"{path}\0{fingerprint(f)}"
            seen[key] = seen.get(key, 0) + 1          # the same finding twice in a file: still two issues
            unique = hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()
            sep = "：" if lang == "zh" else ": "
            issues.append({"description": f"[{f.rule}] {f.title}{sep}{f.message}", "check_name": f.rule,
                           "fingerprint": unique, "severity": SEVERITIES[f.severity],
                           "location": {"path": path, "lines": {"begin": f.line or 1}}})
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
