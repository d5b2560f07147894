"""`ledgerlint rules diff A B`: what differs between two rule sets, and where each change comes from."""
from ledgerlint.messages import t
from ledgerlint.rulesets.ruleset import RuleSet
from ledgerlint.rulesets.schemas import resolve

_RULE_FIELDS = ("title", "severity", "basis", "section", "tolerance")


def _rule_view(rule) -> dict:
    view = {f: getattr(rule, f) for f in _RULE_FIELDS}
    view.update(rule.expressions)
    return view


def schema_fields(schema: dict) -> tuple[set, set]:
    """Every field path the schema describes ("三公经费.总体情况.支出决算", lists as "类[]"), and the
    required ones."""
    fields, required = set(), set()

    def walk(node, prefix, depth):
        node = resolve(schema, node)
        if depth > 12:
            return
        for key in node.get("required", []):
            required.add(prefix + key)
        for key, sub in node.get("properties", {}).items():
            if key == "$schema":
                continue
            fields.add(prefix + key)
            walk(sub, prefix + key + ".", depth + 1)
        items = node.get("items")
        if isinstance(items, dict) and prefix:
            walk(items, prefix[:-1] + "[].", depth + 1)

    walk(schema, "", 0)
    return fields, required


def diff(a: RuleSet, b: RuleSet) -> dict:
    ra, rb = {r.id: r for r in a.rules}, {r.id: r for r in b.rules}
    brief = lambda r: {"id": r.id, "title": r.title, "severity": r.severity, "set": r.origin, "file": r.file}
    changed = []
    for rule_id in sorted(set(ra) & set(rb)):
        va, vb = _rule_view(ra[rule_id]), _rule_view(rb[rule_id])
        fields = {k: [va.get(k), vb.get(k)] for k in sorted(set(va) | set(vb)) if va.get(k) != vb.get(k)}
        if fields:
            changed.append({**brief(rb[rule_id]), "fields": fields})
    fa, qa = schema_fields(a.schema)
    fb, qb = schema_fields(b.schema)
    only = lambda xs, ys: [c for c in xs if c["set"] not in {y["set"] for y in ys}]
    return {
        "old": a.name, "new": b.name,
        "added": [brief(rb[i]) for i in sorted(set(rb) - set(ra))],
        "removed": [brief(ra[i]) for i in sorted(set(ra) - set(rb))],
        "changed": changed,
        "fields_added": sorted(fb - fa), "fields_removed": sorted(fa - fb),
        "required_added": sorted(qb - qa), "required_removed": sorted(qa - qb),
        "aliases": {"old": a.aliases, "new": b.aliases} if a.aliases != b.aliases else {},
        # the recorded changes (with their sources) of the sets that only one side is made from
        "sources": only(b.changes, a.changes) + only(a.changes, b.changes),
    }


def render_diff(d: dict, lang: str = "zh") -> str:
    lines = [t("diff.header", lang, old=d["old"], new=d["new"])]

    def section(key, items, show):
        lines.append(t(key, lang, count=len(items)))
        lines.extend("  " + show(x) for x in items)

    rule = lambda r: f"{r['id']} {r['title']}（{r['severity']}，{r['set']}）"
    section("diff.added", d["added"], rule)
    section("diff.removed", d["removed"], rule)
    lines.append(t("diff.changed", lang, count=len(d["changed"])))
    for c in d["changed"]:
        lines.append(f"  {c['id']} {c['title']}（{c['set']}）")
        for field, (old, new) in c["fields"].items():
            lines.append(f"      {field}: {old} → {new}")
    section("diff.fields_added", d["fields_added"], str)
    section("diff.fields_removed", d["fields_removed"], str)
    section("diff.required_added", d["required_added"], str)
    section("diff.required_removed", d["required_removed"], str)
    lines.append(t("diff.sources", lang, count=len(d["sources"])))
    for c in d["sources"]:
        mark = t("diff.uncertain", lang) if c.get("uncertain") else ""
        lines.append(f"  [{c['set']}] {c['change']}{mark}")
        lines.append("      " + t("diff.source", lang, source=c["source"]))
    return "\n".join(lines) + "\n"
