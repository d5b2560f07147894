"""Rendering findings: text for people (Chinese by default), JSON for programs."""
import json

from .findings import SEVERITIES
from .messages import t
from .numbers import Num, fmt
from .paths import format_path
from .views import Arr, Missing, Obj


def show_value(value) -> str:
    if isinstance(value, Num):
        return fmt(value.value)
    if isinstance(value, Missing):
        return t("value.missing")
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return "null"
    if isinstance(value, (Obj, Arr)):
        return format_path(value.path)
    if isinstance(value, (list, tuple)):
        return "[" + "、".join(show_value(v) for v in value) + "]"
    return str(value)


def finding_dict(f) -> dict:
    return {"rule": f.rule, "severity": f.severity, "status": f.status, "title": f.title, "message": f.message,
            "path": format_path(f.path), "paths": [format_path(p) for p in f.paths], "line": f.line,
            "values": f.values}


def totals(reports) -> dict:
    keys = ("rules", "passed", "failed", "not_evaluated", "error", "warning", "info")
    total = {k: 0 for k in keys}
    for r in reports:
        for k, v in r.summary().items():
            total[k] += v
    total["files"] = len(reports)
    return total


def render_json(reports, unreadable=(), lang: str = "zh") -> str:
    doc = {"version": 1,
           "files": [{"file": r.file, "year": r.year, "ruleset": r.ruleset,
                      "findings": [finding_dict(f) for f in r.findings], "summary": r.summary()} for r in reports],
           "errors": [{"file": e.file, "line": e.line, "message": e.render(lang), "key": e.key} for e in unreadable],
           "summary": totals(reports)}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def render_text(reports, lang: str = "zh") -> str:
    lines = []
    for r in reports:
        lines.append(t("text.file_header", lang, file=r.file, ruleset=r.ruleset))
        for severity in SEVERITIES:
            group = [f for f in r.findings if f.severity == severity]
            if not group:
                continue
            lines.append(t("text.group", lang, label=t(f"severity.{severity}", lang), count=len(group)))
            for f in group:
                where = f"{r.file}:{f.line}" if f.line else r.file
                lines.append(f"  {where}: [{f.rule}] {f.title}：{f.message}" if lang == "zh"
                             else f"  {where}: [{f.rule}] {f.title}: {f.message}")
                lines.append("      " + t("text.at", lang, path=format_path(f.path)))
        s = r.summary()
        lines.append(t("text.summary", lang, name=r.ruleset_name, **s))
        lines.append("")
    if len(reports) > 1:
        lines.append(t("text.total", lang, **totals(reports)))
    return "\n".join(lines).rstrip() + "\n"
