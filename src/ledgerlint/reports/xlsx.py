"""An Excel workbook of a run (`check --format xlsx -o FILE`), for reviewers who sort and filter in a
spreadsheet: a summary sheet with one row per file and its counts (the same counts as `--format json`),
a sheet of every finding with its file, place and figures, and a sheet of the files that could not be
read. Headers are frozen and every sheet has a filter. Written with openpyxl (imported only here)."""
import io

from ledgerlint.paths import format_path
from ledgerlint.reports.text import totals

_SHEETS = {"zh": ("汇总", "全部问题", "无法读取"), "en": ("Summary", "Findings", "Unreadable")}
_HEADERS = {
    "zh": (("文件", "年度", "规则集", "错误", "警告", "提示", "规则数", "通过", "未通过", "未能检查"),
           ("文件", "规则", "级别", "标题", "说明", "页", "行", "位置（JSON 路径）", "状态"),
           ("文件", "行", "原因")),
    "en": (("file", "year", "rule set", "errors", "warnings", "notes", "rules", "passed", "failed", "not evaluated"),
           ("file", "rule", "severity", "title", "message", "page", "line", "path", "status"),
           ("file", "line", "reason")),
}
_SEVERITY = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
             "en": {"error": "error", "warning": "warning", "info": "note"}}
_COUNTS = ("error", "warning", "info", "rules", "passed", "failed", "not_evaluated")
_WIDTHS = (48, 8, 14, 8, 8, 8, 8, 8, 8, 10)


def _sheet(book, title: str, header: tuple, rows, widths=(), footer=()):
    """A sheet with a bold, frozen header and a filter over its rows; `footer` rows (a total) below it."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    sheet = book.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    count = 0
    for row in rows:
        sheet.append(row)
        count += 1
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
    for row in footer:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    return sheet


def render_xlsx(reports, unreadable=(), lang: str = "zh") -> bytes:
    from openpyxl import Workbook
    book = Workbook()
    book.remove(book.active)
    names, headers, severity = _SHEETS[lang], _HEADERS[lang], _SEVERITY[lang]
    summary = []
    for r in reports:
        counts = r.summary()
        summary.append((r.file, r.year, r.ruleset, *(counts.get(k, 0) for k in _COUNTS)))
    total = totals(reports)
    footer = [(("合计" if lang == "zh" else "total") + f" ({total['files']})", None, None,
               *(total[k] for k in _COUNTS))]
    _sheet(book, names[0], headers[0], summary, _WIDTHS, footer)
    findings = ((r.file, f.rule, severity[f.severity], f.title, f.message, f.page, f.line, format_path(f.path),
                 f.status) for r in reports for f in r.findings)
    _sheet(book, names[1], headers[1], findings, (40, 10, 8, 36, 80, 6, 6, 48, 14))
    _sheet(book, names[2], headers[2], ((e.file, e.line, e.render(lang)) for e in unreadable), (48, 6, 80))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
