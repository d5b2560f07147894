"""Rendering findings: text for people (Chinese by default), JSON for programs."""
import json

from ledgerlint.checking.findings import SEVERITIES, SEVERITY_RANK
from ledgerlint.messages import t
from ledgerlint.paths import format_path


def finding_dict(f) -> dict:
    found = {"rule": f.rule, "severity": f.severity, "status": f.status, "title": f.title, "message": f.message,
             "path": format_path(f.path), "paths": [format_path(p) for p in f.paths], "line": f.line,
             "values": f.values}
    if f.page is not None:
        found["page"] = f.page
    if f.sources:   # a finding on a published document: where each of its figures was read
        found["sources"] = [{"page": page, "line": line, "text": text} for page, line, text in f.sources]
    return found


def place(page, line, lang) -> str:
    """After "file:" — a line of a file, or a page and line of a Word or PDF document."""
    return str(line) if page is None else t("text.page_line", lang, page=page, line=line)


def where(page, line, lang) -> str:
    """In words — "第12行", or "第3页第12行" on a Word or PDF document."""
    return t("text.line", lang, line=line) if page is None else t("text.page_line", lang, page=page, line=line)


def totals(reports) -> dict:
    keys = ("rules", "passed", "failed", "not_evaluated", "error", "warning", "info")
    total = {k: 0 for k in keys}
    for r in reports:
        for k, v in r.summary().items():
            total[k] += v
    total["files"] = len(reports)
    return total


def file_entry(r) -> dict:
    entry = {"file": r.file, "year": r.year, "ruleset": r.ruleset,
             "findings": [finding_dict(f) for f in r.findings], "summary": r.summary()}
    if r.accepted:      # set aside by a reviewer, with the reason (checking.triage)
        entry["accepted"] = [{**finding_dict(f), "reason": e.reason, "by": e.by, "date": e.date}
                             for f, e in r.accepted]
    if r.baselined:
        entry["baselined"] = r.baselined
    if r.ignored:
        entry["ignored"] = r.ignored
    return entry


def unused_entry(e) -> dict:
    return {"rule": e.rule, "file": e.file, "about": e.about, "line": e.line}


def error_entry(e, lang) -> dict:
    return {"file": e.file, "line": e.line, "message": e.render(lang), "key": e.key}


def render_json(reports, unreadable=(), lang: str = "zh", unused=()) -> str:
    doc = {"version": 1, "files": [file_entry(r) for r in reports],
           "errors": [error_entry(e, lang) for e in unreadable]}
    if unused:    # accepted entries that matched nothing, as the streamed document has them
        doc["unused_accepted"] = [unused_entry(e) for e in unused]
    doc["summary"] = totals(reports)
    return json.dumps(doc, ensure_ascii=False, indent=2)


class JsonStream:
    """The same document as render_json, written file by file: a long run keeps no report in memory."""

    def __init__(self, write):
        self.write = write
        self.count = 0
        write('{\n  "version": 1,\n  "files": [')

    def add(self, report):
        text = json.dumps(file_entry(report), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        self.write(("," if self.count else "") + "\n    " + text)
        self.count += 1

    def finish(self, unreadable, summary: dict, lang, unused=()):
        errors = json.dumps([error_entry(e, lang) for e in unreadable], ensure_ascii=False, indent=2)
        summary = json.dumps(summary, ensure_ascii=False, indent=2)
        stale = ""
        if unused:    # accepted entries that matched nothing
            stale = ',\n  "unused_accepted": ' + json.dumps([unused_entry(e) for e in unused], ensure_ascii=False,
                                                            indent=2).replace("\n", "\n  ")
        self.write(("\n  ]" if self.count else "]") + ',\n  "errors": ' + errors.replace("\n", "\n  ") + stale
                   + ',\n  "summary": ' + summary.replace("\n", "\n  ") + "\n}\n")


_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _detail_lines(f, lang) -> list[str]:
    """What -v adds under a finding: where, every figure involved, the computation, the basis."""
    out = ["      " + t("text.at", lang, path=format_path(f.path))]
    others = [format_path(p) for p in f.paths if p != f.path]
    if others:
        out.append("      " + t("text.also", lang, paths="、".join(others) if lang == "zh" else ", ".join(others)))
    if f.values:
        out.append("      " + t("text.values", lang, values=("；" if lang == "zh" else "; ").join(
            f"{t('value.' + k, lang)} {v}" for k, v in f.values.items())))
    for page, line, text in f.sources:
        out.append("      " + t("text.source", lang, place=where(page, line, lang), text=text))
    if f.basis:
        out.append("      " + t("text.basis", lang, basis=f.basis))
    return out


def render_text(reports, lang: str = "zh", verbose: bool = False, colour: bool = False) -> str:
    """One line per finding, grouped by severity in a stable order; -v adds the figures and the basis."""
    text = "\n".join(render_text_file(r, lang, verbose, colour) for r in reports)
    if len(reports) > 1:
        text += "\n" + t("text.total", lang, **totals(reports)) + "\n"
    return text


def render_text_file(r, lang: str = "zh", verbose: bool = False, colour: bool = False, quiet: bool = False) -> str:
    """A file's findings; `quiet`: the finding lines only, no header, groups or summary."""
    import click
    paint = (lambda text, sev: click.style(text, fg=_COLOURS[sev], bold=sev == "error")) if colour \
        else (lambda text, sev: text)
    lines = [] if quiet else [t("text.file_header", lang, file=r.file, ruleset=r.ruleset)]
    for severity in SEVERITIES:
        group = [f for f in r.findings if f.severity == severity]
        if not group:
            continue
        if not quiet:
            lines.append(paint(t("text.group", lang, label=t(f"severity.{severity}", lang), count=len(group)), severity))
        for f in group:
            where = f"{r.file}:{place(f.page, f.line, lang)}" if f.line else r.file
            sep = "：" if lang == "zh" else ": "
            lines.append(f"{'' if quiet else '  '}{where}: {paint('[' + f.rule + ']', severity)} {f.title}{sep}{f.message}")
            if verbose:
                lines.extend(_detail_lines(f, lang))
    if quiet:
        return "".join(line + "\n" for line in lines)
    lines.append(t("text.summary", lang, name=r.ruleset_name, **r.summary()))
    aside = [t(f"text.aside_{kind}", lang, count=count) for kind, count in
             (("accepted", len(r.accepted)), ("baselined", r.baselined), ("ignored", r.ignored)) if count]
    if aside:
        lines.append(t("text.set_aside", lang, parts=("，" if lang == "zh" else ", ").join(aside)))
    return "\n".join(lines) + "\n"


def render_statistics(per_rule, lang: str = "zh") -> str:
    """--statistics: the count of findings per rule, most first (rule ids, then titles)."""
    if not per_rule:
        return t("stats.none", lang) + "\n"
    rows = sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max(len(rule) for (rule, _title), _n in rows)
    return t("stats.header", lang) + "\n" + "".join(f"{n:>6}  {rule:<{width}}  {title}\n"
                                                     for (rule, title), n in rows)


class Tally:
    """What a run over many files keeps: running totals, the worst severity, and (for the closing table
    of a text run) one short row per file — never the reports themselves."""

    def __init__(self, keep_rows: bool = True):
        self.total = {k: 0 for k in ("rules", "passed", "failed", "not_evaluated", "error", "warning", "info")}
        self.files = 0
        self.worst = -1
        self.rows = [] if keep_rows else None

    def add(self, report) -> None:
        s = report.summary()
        for k, v in s.items():
            self.total[k] += v
        self.files += 1
        self.worst = max([self.worst] + [SEVERITY_RANK[f.severity] for f in report.findings])
        if self.rows is not None:
            self.rows.append((report.file, s["error"], s["warning"], s["info"]))

    def totals(self) -> dict:
        return {**self.total, "files": self.files}

    def fails(self, threshold: str) -> bool:
        return self.worst >= SEVERITY_RANK[threshold]


def _width(text: str) -> int:
    """Columns a text takes on a terminal: CJK characters take two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def render_table(tally, unreadable=(), lang: str = "zh") -> str:
    """The closing table of a run over many files: errors, warnings and notes per file, then totals."""
    rows = tally.rows or []
    total_label = t("table.total", lang, files=tally.files + len(unreadable))
    width = max([_width(f) for f, *_ in rows] + [_width(str(e.file)) for e in unreadable] + [_width(total_label)])
    cells = lambda e, w, i: f"{e:>5} {w:>5} {i:>5}"
    head = " ".join(" " * max(0, 5 - _width(h)) + h for h in t("table.header", lang).split())
    out = [f"{_pad(t('table.file', lang), width)}  {head}"]
    out += [f"{_pad(file, width)}  {cells(e, w, i)}" for file, e, w, i in rows]
    out += [f"{_pad(str(e.file), width)}  {t('table.unreadable', lang)}" for e in unreadable]
    total = tally.totals()
    out.append(f"{_pad(total_label, width)}  {cells(total['error'], total['warning'], total['info'])}")
    return "\n".join(out) + "\n"
