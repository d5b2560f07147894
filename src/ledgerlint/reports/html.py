"""One self-contained HTML report (no network, no external files): the summary, the findings grouped by
the part of the document they concern, filters by severity, and — for a report of one file — the whole
disclosure as a tree with every finding marked where it points. A report of many files has an index of
the files (most errors first) instead of the trees: a tree is some 170 KB of HTML, and a batch of
thousands would take gigabytes to hold and minutes to open; each finding still shows its place and
figures."""
import html
from decimal import Decimal

from ledgerlint.version import __version__
from ledgerlint.checking.findings import SEVERITIES
from ledgerlint.messages import t
from ledgerlint.paths import format_path
from ledgerlint.language.show import show_value
from ledgerlint.reports.text import where

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#24476b;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.8}
main{padding:16px 24px;max-width:1200px}
.counts span,.badge{display:inline-block;border-radius:4px;padding:2px 8px;margin-right:6px;font-size:13px;color:#fff}
.error{background:#c62828}.warning{background:#b26a00}.info{background:#1565c0}
#filters{margin:12px 0;padding:8px 12px;background:#fff;border:1px solid #d0d7de;border-radius:6px}
#filters label{margin-right:16px;cursor:pointer}
section.file{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px 16px;margin:12px 0}
h2{font-size:18px}h3{font-size:15px;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:18px}
.finding{border-left:4px solid #999;padding:6px 10px;margin:8px 0;background:#fafbfc}
.finding[data-severity=error]{border-color:#c62828}.finding[data-severity=warning]{border-color:#b26a00}.finding[data-severity=info]{border-color:#1565c0}
.finding .msg{margin:4px 0}.finding .meta{color:#57606a;font-size:13px;margin:2px 0}
table.values{border-collapse:collapse;font-size:13px;margin:4px 0}table.values td,table.values th{border:1px solid #d0d7de;padding:2px 8px}
body:not(.show-error) .finding[data-severity=error],body:not(.show-warning) .finding[data-severity=warning],
body:not(.show-info) .finding[data-severity=info]{display:none}
.tree ul{list-style:none;padding-left:18px;margin:0}.tree li{margin:1px 0}.tree .k{color:#0550ae}.tree .v{color:#1f2328}
.tree .s{color:#0a3069}.mark{font-size:12px;text-decoration:none;margin-left:6px;padding:0 4px;border-radius:3px;color:#fff}
.tree li:target{background:#fff8c5}.finding:target{outline:2px solid #fbca04}
table.statement{border-collapse:collapse;font-size:13px;margin:6px 0}table.statement caption{text-align:left;font-weight:bold;margin:4px 0}
table.statement td,table.statement th{border:1px solid #d0d7de;padding:2px 6px;text-align:right}
table.statement td.name,table.statement td.code{text-align:left}table.statement td.marked{background:#ffebe9}
table.statement td:target,table.statement tr:target{outline:2px solid #fbca04}
"""

_JS = """
// a link into the disclosure tree opens it (the tree is collapsed, so that a report opens on its findings)
document.addEventListener('click', function(e){
  var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
  if (!a) return;
  var target = document.getElementById(a.getAttribute('href').slice(1));
  for (var d = target && target.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
});
document.querySelectorAll('#filters input').forEach(function(box){
  box.addEventListener('change', function(){
    document.body.classList.toggle('show-' + box.dataset.severity, box.checked);
    var shown = document.querySelectorAll('.finding').length -
      Array.from(document.querySelectorAll('.finding')).filter(function(f){return f.offsetParent === null;}).length;
    document.getElementById('shown').textContent = shown;
  });
});
"""



def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _value(v) -> str:
    """A value of the document's tree: a text in one colour, anything else in another."""
    css = "s" if isinstance(v, str) else "v"
    return f'<span class="{css}">{_e(show_value(v, quoted=True, as_json=True))}</span>'


def _existing(data, path) -> tuple:
    """The longest part of `path` that is in the document (a missing item points at its parent)."""
    node, found = data, ()
    for part in path:
        if isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) \
                and 0 <= part < len(node):
            node = node[part]
            found += (part,)
        else:
            break
    return found


def _brackets(text: str, lang: str) -> str:
    """（…） in Chinese, " (…)" in English; escaped."""
    return f"（{_e(text)}）" if lang == "zh" else f" ({_e(text)})"


def place_in_words(path, titles: dict, lang: str) -> str:
    """A JSON path as a reader of the document names the place: "一、收入支出决算总体情况 › 支出 ›
    本年支出合计", a list's element as "第 3 项"."""
    if not path:
        return t("html.whole", lang)
    words = [str(titles.get(path[0], path[0]))]
    words += [t("html.nth", lang, n=p + 1) if isinstance(p, int) else str(p) for p in path[1:]]
    return " › ".join(words)


class _Page:
    def __init__(self, lang):
        self.lang = lang
        self.node_ids: dict = {}
        self.basis: dict = {}           # (rule, basis) -> anchor of its entry at the end of the page
        self.out: list[str] = []

    def node_id(self, file_no, path) -> str:
        key = (file_no, tuple(path))
        if key not in self.node_ids:
            self.node_ids[key] = f"n{len(self.node_ids)}"
        return self.node_ids[key]

    def finding(self, file_no, no, f, data, titles=None):
        lang = self.lang
        # the place in the document's own terms (its section, the figure's name); the dotted path on hover
        shown = _e(place_in_words(f.path, titles or {}, lang))
        if data is not None:          # a link into the tree, where there is one
            shown = f'<a href="#{self.node_id(file_no, _existing(data, f.path))}">{shown}</a>'
        anchor = f' id="f{file_no}-{no}"' if data is not None else ""    # the tree's marks link here
        parts = [f'<article class="finding" data-severity="{f.severity}"{anchor}>',
                 f'<span class="badge {f.severity}">{_e(t("severity1." + f.severity, lang))}</span> '
                 f'<b>[{_e(f.rule)}]</b> {_e(f.title)}',
                 f'<p class="msg">{_e(f.message)}</p>',
                 f'<p class="meta">{_e(t("html.at", lang))}{shown}'
                 + (_brackets(where(f.page, f.line, lang), lang) if f.line else "") + self.basis_link(f) + "</p>"]
        if "difference" in f.values:  # a numeric comparison: both sides, the gap, the allowance
            cells = "".join(f"<th>{_e(t('value.' + k, lang))}</th>" for k in f.values)
            vals = "".join(f"<td>{_e(v)}</td>" for v in f.values.values())
            parts.append(f'<table class="values"><tr>{cells}</tr><tr>{vals}</tr></table>')
        others = [p for p in f.paths if p != f.path]
        if others:
            links = "、".join(f'<a href="#{self.node_id(file_no, _existing(data, p))}">{_e(format_path(p))}</a>'
                             if data is not None else _e(format_path(p)) for p in others)
            parts.append(f'<p class="meta">{_e(t("html.also", lang))}{links}</p>')
        parts.append("</article>")
        self.out.append("\n".join(parts))

    def basis_link(self, f) -> str:
        """A link to the rule's basis, which is written once at the end of the page (a batch repeats rules)."""
        if not f.basis:
            return ""
        anchor = self.basis.setdefault((f.rule, f.basis), f"b{len(self.basis)}")
        return f' · <a href="#{anchor}">{_e(t("html.basis_link", self.lang))}</a>'

    def statement(self, file_no, value, path, marks):
        """A 决算表 as the table it is: a row per row, a cell per column, each finding's mark in the cell
        (or the row) it points at."""
        unit = _brackets(t('html.unit', self.lang) + str(value['单位']), self.lang) if value.get("单位") else ""
        caption = f"<caption>{_e(value.get('标题', path[-1]))}{unit}</caption>"
        sides = [("行", value["行"])] if "行" in value else [(side, value.get(side, [])) for side in ("收入", "支出")]
        for side, rows in sides:
            keys = ["科目编码", "科目名称"] if side == "行" else ["项目"]
            columns = keys + [c for c in dict.fromkeys(k for r in rows for k in r if k not in keys and k not in ("类", "款", "项"))]
            head = "".join(f"<th>{_e(c)}</th>" for c in columns)
            label = "" if side == "行" else f"<th colspan='{len(columns)}'>{_e(side)}</th>"
            self.out.append(f'<table class="statement">{caption if side in ("行", "收入") else ""}'
                            + (f"<tr>{label}</tr>" if label else "") + f"<tr>{head}</tr>")
            for i, row in enumerate(rows):
                where = tuple(path) + (side, i)
                row_marks = "".join(f'<a class="mark {sev}" href="#{a}">{_e(rule)}</a>' for rule, sev, a in marks.get(where, []))
                cells = []
                for j, column in enumerate(columns):
                    here = marks.get(where + (column,), [])
                    badges = "".join(f'<a class="mark {sev}" href="#{a}">{_e(rule)}</a>' for rule, sev, a in here)
                    kind = "code" if column in ("科目编码",) else "name" if column in ("科目名称", "项目") else ""
                    shown = _e(format(row[column], "f") if isinstance(row.get(column), Decimal) else row.get(column, ""))
                    classes = " ".join(c for c in (kind, "marked" if here else "") if c)
                    cells.append(f'<td id="{self.node_id(file_no, where + (column,))}" class="{classes}">{shown}'
                                 f'{badges}{row_marks if j == 0 else ""}</td>')
                self.out.append(f'<tr id="{self.node_id(file_no, where)}">{"".join(cells)}</tr>')
            self.out.append("</table>")
        if value.get("说明"):
            self.out.append(f'<p class="meta">{_e(value["说明"])}</p>')

    def tree(self, file_no, value, path, marks):
        if len(path) == 2 and path[0] == "决算表" and isinstance(value, dict) and ("行" in value or "收入" in value):
            self.statement(file_no, value, path, marks)
            return
        here = marks.get(tuple(path), [])
        badges = "".join(f'<a class="mark {sev}" href="#{anchor}">{_e(rule)}</a>' for rule, sev, anchor in here)
        if isinstance(value, dict):
            self.out.append(f'{badges}<ul>')
            for k, v in value.items():
                self.out.append(f'<li id="{self.node_id(file_no, path + (k,))}"><span class="k">{_e(k)}</span>: ')
                self.tree(file_no, v, path + (k,), marks)
                self.out.append("</li>")
            self.out.append("</ul>")
        elif isinstance(value, list):
            self.out.append(f'{badges}<ul>')
            for i, v in enumerate(value):
                self.out.append(f'<li id="{self.node_id(file_no, path + (i,))}"><span class="k">[{i}]</span> ')
                self.tree(file_no, v, path + (i,), marks)
                self.out.append("</li>")
            self.out.append("</ul>")
        else:
            self.out.append(_value(value) + badges)


def render_html(reports, rulesets=(), lang: str = "zh", unreadable=()) -> str:
    """`unreadable`: the errors of the files that could not be read, listed first (never left out)."""
    page = _Page(lang)
    # section titles of the document, from the schema of each rule set used ("一、收入支出决算总体情况")
    schema_titles = {rs.name: {k: v.get("title", k) for k, v in rs.schema.get("properties", {}).items()}
                     for rs in rulesets}
    counts = {s: sum(1 for r in reports for f in r.findings if f.severity == s) for s in SEVERITIES}
    total = sum(counts.values())
    w = page.out.append
    w("<!DOCTYPE html>")
    w(f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
      f'<meta name="viewport" content="width=device-width, initial-scale=1">'
      f'<title>{_e(t("html.title", lang))}</title><style>{_CSS}</style></head>')
    w('<body class="show-error show-warning show-info">')
    w(f'<header><h1>{_e(t("html.title", lang))}</h1><p>ledgerlint {__version__} · '
      f'{_e(t("html.files", lang, count=len(reports)))}</p></header><main>')
    w('<section id="summary"><div class="counts">' + "".join(
        f'<span class="{s}" id="count-{s}">{_e(t("severity1." + s, lang))} {counts[s]}</span>' for s in SEVERITIES)
      + "</div></section>")
    w('<div id="filters">' + "".join(
        f'<label><input type="checkbox" checked data-severity="{s}" id="filter-{s}"> '
        f'{_e(t("severity1." + s, lang))}</label>' for s in SEVERITIES)
      + f'<span>{_e(t("html.shown", lang))}<b id="shown">{total}</b></span></div>')
    if len(reports) + len(unreadable) > 1:
        order = sorted(range(len(reports)), key=lambda i: (-sum(f.severity == "error" for f in reports[i].findings), i))
        rows = "".join(
            f'<tr><td class="name"><a href="#file-{i}">{_e(reports[i].file)}</a></td>' + "".join(
                f"<td>{sum(f.severity == s for f in reports[i].findings)}</td>" for s in SEVERITIES) + "</tr>"
            for i in order)
        heads = "".join(f"<th>{_e(t('severity1.' + s, lang))}</th>" for s in SEVERITIES)
        w(f'<section id="index"><h2>{_e(t("html.index", lang))}</h2><table class="statement">'
          f'<tr><th>{_e(t("html.file", lang))}</th>{heads}</tr>{rows}</table></section>')
    if unreadable:
        w(f'<section class="file unreadable"><h2>{_e(t("html.unreadable", lang, count=len(unreadable)))}</h2><ul>'
          + "".join(f"<li>{_e(exc.render(lang))}</li>" for exc in unreadable) + "</ul></section>")
    for file_no, r in enumerate(reports):
        s = r.summary()
        w(f'<section class="file" id="file-{file_no}"><h2>{_e(r.file)}</h2>')
        w(f'<p class="meta">{_e(t("html.ruleset", lang, ruleset=r.ruleset))}{"；" if lang == "zh" else "; "}'
          f'{_e(t("text.summary", lang, name=r.ruleset_name, **s))}</p>')
        groups: dict[str, list] = {}
        titles = schema_titles.get(r.ruleset_name, {})
        # the part of the document each finding points at, in document order; the most severe first
        for f in sorted(r.findings, key=lambda f: f.line or 0):
            key = titles.get(f.path[0]) if f.path else None
            key = key or f.section or t("html.other", lang)
            groups.setdefault(key, []).append(f)
        marks: dict = {}
        no = 0
        rank = {"error": 0, "warning": 1, "info": 2}
        for section, items in groups.items():
            w(f"<h3>{_e(section)}</h3>")
            for f in sorted(items, key=lambda f: (rank[f.severity], f.line or 0)):
                no += 1
                page.finding(file_no, no, f, r.data, titles)
                place = _existing(r.data, f.path) if r.data is not None else tuple(f.path)
                marks.setdefault(place, []).append((f.rule, f.severity, f"f{file_no}-{no}"))
        if not r.findings:
            w(f'<p>{_e(t("html.clean", lang))}</p>')
        if r.data is not None:
            w(f'<details class="tree"><summary>{_e(t("html.tree", lang))}</summary>')
            page.tree(file_no, r.data, (), marks)
            w("</details>")
        w("</section>")
    if page.basis:
        w(f'<section id="bases"><h2>{_e(t("html.bases", lang))}</h2><dl>' + "".join(
            f'<dt id="{anchor}">[{_e(rule)}]</dt><dd>{_e(basis)}</dd>' for (rule, basis), anchor in page.basis.items())
          + "</dl></section>")
    w(f"</main><script>{_JS}</script></body></html>")
    return "\n".join(page.out) + "\n"
