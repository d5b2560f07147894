"""SARIF 2.1.0 for code-scanning dashboards: rule metadata in tool.driver.rules, one result per finding
with its level, message and the file and line it points at."""
import json
from pathlib import PurePath
from urllib.parse import quote

from ledgerlint.checking.triage import fingerprint
from ledgerlint.inputs import is_within
from ledgerlint.version import CATALOG, HOMEPAGE, __version__
from ledgerlint.messages import t
from ledgerlint.paths import format_path

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(file: str) -> str:
    return quote(PurePath(file).as_posix())


def _rule_entries(reports, rulesets, lang) -> list[dict]:
    """Every rule that ran, once, plus the framework's own ids (schema, ruleset) when they were used; a
    shipped rule's helpUri is its entry in the published catalog (docs/catalog, `rules catalog`)."""
    from ledgerlint.rulesets.catalog import page_of
    from ledgerlint.rulesets.ruleset import shipped_rules_dir
    shipped = shipped_rules_dir()
    entries: dict[str, dict] = {}
    for rs in rulesets:
        for rule in rs.rules:
            entry = entries.setdefault(rule.id, {
                "id": rule.id,
                "shortDescription": {"text": rule.title},
                "fullDescription": {"text": rule.basis},
                "help": {"text": t("sarif.help", lang, title=rule.title, basis=rule.basis),
                         "markdown": t("sarif.help_md", lang, title=rule.title, basis=rule.basis)},
                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                "properties": {"section": rule.section or "", "ruleset": rs.name, "origin": rule.origin},
            })
            if "helpUri" not in entry and is_within(rule.file, shipped):
                entry["helpUri"] = f"{CATALOG}/{quote(page_of(rs, rule))}.md#{quote(rule.id)}"
    for r in reports:
        for f in r.findings:
            if f.rule not in entries:
                entries[f.rule] = {"id": f.rule, "shortDescription": {"text": f.title},
                                   "defaultConfiguration": {"level": LEVELS[f.severity]}}
    return list(entries.values())


def _location(file, f) -> dict:
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(file)}},
                "logicalLocations": [{"fullyQualifiedName": format_path(f.path), "kind": "member"}]}
    if f.line:
        location["physicalLocation"]["region"] = {"startLine": f.line}
    return location


def render_sarif(reports, rulesets, lang: str = "zh", unreadable=()) -> str:
    """`unreadable`: files that could not be read, each a tool notification of level error."""
    rules = _rule_entries(reports, rulesets, lang)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for r in reports:
        for f in r.findings:
            location = _location(r.file, f)
            properties = {"status": f.status, "values": f.values,
                          "paths": [format_path(p) for p in f.paths], "ruleset": r.ruleset_name}
            if f.page is not None:     # a Word or PDF document: startLine is the line on this page
                properties["page"] = f.page
            results.append({
                "ruleId": f.rule, "ruleIndex": index[f.rule], "level": LEVELS[f.severity],
                "message": {"text": f"{f.title}：{f.message}" if lang == "zh" else f"{f.title}: {f.message}"},
                "locations": [location], "partialFingerprints": {"ledgerlint/v1": fingerprint(f)},
                "properties": properties,
            })
        for f, entry in r.accepted:      # accepted by a reviewer: shown as suppressed, with the reason
            results.append({
                "ruleId": f.rule, "ruleIndex": index[f.rule], "level": LEVELS[f.severity],
                "message": {"text": f"{f.title}：{f.message}" if lang == "zh" else f"{f.title}: {f.message}"},
                "locations": [_location(r.file, f)], "partialFingerprints": {"ledgerlint/v1": fingerprint(f)},
                "suppressions": [{"kind": "external", "status": "accepted",
                                  "justification": f"{entry.reason}（{entry.by}，{entry.date}）" if lang == "zh"
                                  else f"{entry.reason} ({entry.by}, {entry.date})"}],
            })
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "ledgerlint", "version": __version__, "informationUri": HOMEPAGE,
                                "rules": rules,
                                "fullDescription": {"text": t("sarif.tool", lang)}}},
            "artifacts": [{"location": {"uri": _uri(r.file)}} for r in reports],
            "results": results,
            "invocations": [{"executionSuccessful": not unreadable, "toolExecutionNotifications": [
                _notification(exc, lang) for exc in unreadable]}],
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _notification(exc, lang: str) -> dict:
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(exc.file or "")}}}
    if exc.line:
        location["physicalLocation"]["region"] = {"startLine": exc.line}
    return {"level": "error", "message": {"text": exc.render(lang)}, "locations": [location]}
