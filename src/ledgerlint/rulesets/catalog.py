"""`ledgerlint rules catalog`: the rule set as a browsable document, made from the YAML itself, so what is
published and what runs can never drift apart."""
import html

from ledgerlint.version import __version__
from ledgerlint.messages import t


def _grouped(ruleset):
    groups: dict[str, list] = {}
    for rule in sorted(ruleset.rules, key=lambda r: r.id):
        groups.setdefault(rule.section or t("html.other", "zh"), []).append(rule)
    return sorted(groups.items(), key=lambda kv: min(r.file + f"{r.line:06d}" for r in kv[1]))


def _fields(rule) -> list[tuple[str, str]]:
    out = [("basis", rule.basis), ("severity", rule.severity), ("tolerance", rule.tolerance),
           ("origin", rule.origin)]
    for key in ("when", "each", "where", "assert", "message"):
        if key in rule.expressions:
            out.append((key, " ".join(rule.expressions[key].split())))
    if rule.replaces is not None:
        out.append(("replaces", f"{rule.replaces.origin}: {rule.replaces.title}"))
    return out


def render_catalog_md(ruleset, lang: str = "zh") -> str:
    lines = [f"# {ruleset.name} {ruleset.title}", "",
             t("catalog.intro", lang, count=len(ruleset.rules), version=__version__), ""]
    if ruleset.documents:
        lines += [f"- {d}" for d in ruleset.documents] + [""]
    for section, rules in _grouped(ruleset):
        lines += [f"## {section}", ""]
        for rule in rules:
            # an explicit anchor: SARIF's helpUri links to #<id> on the published page
            lines += [f'<a id="{html.escape(rule.id)}"></a>', "", f"### {rule.id} {rule.title}", ""]
            for key, value in _fields(rule):
                lines.append(f"- **{t('catalog.' + key, lang)}**：`{value}`" if key in
                             ("when", "each", "where", "assert", "message") else
                             f"- **{t('catalog.' + key, lang)}**：{value}")
            lines.append("")
    if ruleset.changes:
        lines += [f"## {t('catalog.changes', lang)}", ""]
        lines += [f"- [{c['set']}] {c['change']}（{c['source']}）" for c in ruleset.changes]
    return "\n".join(lines).rstrip() + "\n"


def render_catalog_html(ruleset, lang: str = "zh") -> str:
    e = lambda s: html.escape(str(s))
    out = ["<!DOCTYPE html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
           f"<title>{e(ruleset.name)} {e(ruleset.title)}</title><style>",
           "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:1000px;margin:24px auto;padding:0 16px}",
           "code{background:#f6f8fa;padding:1px 4px}nav a{margin-right:8px}.rule{border-top:1px solid #ddd;padding:6px 0}",
           "dt{font-weight:bold;float:left;width:7em}dd{margin-left:8em}</style></head><body>",
           f"<h1>{e(ruleset.name)} {e(ruleset.title)}</h1>",
           f"<p>{e(t('catalog.intro', lang, count=len(ruleset.rules), version=__version__))}</p>"]
    groups = _grouped(ruleset)
    out.append("<nav>" + "".join(f'<a href="#s{i}">{e(s)}</a>' for i, (s, _) in enumerate(groups)) + "</nav>")
    for i, (section, rules) in enumerate(groups):
        out.append(f'<h2 id="s{i}">{e(section)}</h2>')
        for rule in rules:
            out.append(f'<div class="rule" id="{e(rule.id)}"><h3>{e(rule.id)} {e(rule.title)}</h3><dl>')
            for key, value in _fields(rule):
                shown = f"<code>{e(value)}</code>" if key in ("when", "each", "where", "assert", "message") else e(value)
                out.append(f"<dt>{e(t('catalog.' + key, lang))}</dt><dd>{shown}</dd>")
            out.append("</dl></div>")
    if ruleset.changes:
        out.append(f"<h2>{e(t('catalog.changes', lang))}</h2><ul>")
        out += [f"<li>[{e(c['set'])}] {e(c['change'])}（{e(c['source'])}）</li>" for c in ruleset.changes]
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def page_of(ruleset, rule) -> str:
    """The published page a rule is on: its overlay's ("内蒙古-2023") or its year's ("2023")."""
    return f"{rule.origin}-{ruleset.year}" if not rule.origin.isdigit() else str(ruleset.year)


def published_pages(root) -> dict[str, str]:
    """docs/catalog: one page per national year with all its rules, one per overlay and year with the
    overlay's own rules (the rest are on the year's page). A test keeps the files equal to this."""
    from dataclasses import replace
    from ledgerlint.rulesets.selection import all_names, load_named
    pages = {}
    for name in all_names(root):
        ruleset = load_named(root, name)
        if "/" in name:
            ruleset = replace(ruleset, rules=[r for r in ruleset.rules if not r.origin.isdigit()])
        pages[f"{name.replace('/', '-')}.md"] = render_catalog_md(ruleset)
    return pages


if __name__ == "__main__":     # python -m ledgerlint.rulesets.catalog docs/catalog: write the published pages
    import sys
    from pathlib import Path
    from ledgerlint.rulesets.ruleset import shipped_rules_dir
    target = Path(sys.argv[1])
    for file, text in published_pages(shipped_rules_dir()).items():
        (target / file).write_text(text, encoding="utf-8")
