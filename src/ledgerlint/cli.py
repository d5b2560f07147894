"""The command line: parses arguments, picks what to run and how to render it; no checking logic here."""
import os
import sys
from pathlib import Path as FsPath

import click

from ledgerlint.version import __version__
from ledgerlint.errors import LedgerlintError
from ledgerlint.messages import t

LANG = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
                    help="输出语言 / output language")
YEAR = click.option("--year", type=int, help="按此年度的规则集检查（默认取文件中的“年度”）/ use this year's rules")
RULES = click.option("--rules", "rules_dir", type=click.Path(file_okay=False, path_type=FsPath),
                     help="规则文件夹（默认：随 ledgerlint 安装的规则）/ rules folder (default: the shipped rules)")
ENCODING = click.option("--encoding", help="文件编码，如 gbk（默认 UTF-8，可带 BOM）/ file encoding, e.g. gbk")
FILES = click.argument("files", nargs=-1, required=True, type=click.Path(path_type=FsPath))
TARGETS = click.argument("files", nargs=-1, required=True)


PROGRESS_FROM = 50  # a progress bar only for long runs, and only on a terminal


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n):
        pass


def _rulesets_of(reports, options) -> list:
    """The rule sets the reports were made with (for the formats that describe the rules), loaded once;
    in this process they are usually already loaded."""
    from ledgerlint.checking.batch import worker_checker
    checker = worker_checker(options)
    return [checker.ruleset(name) for name in dict.fromkeys(r.ruleset_name for r in reports)]


def _fail(error: LedgerlintError, lang: str) -> None:
    click.echo(error.render(lang), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="ledgerlint")
def main():
    """ledgerlint：部门决算公开检查工具 / checks final-accounts disclosures."""


@main.command("validate")
@FILES
@YEAR
@RULES
@LANG
@ENCODING
def validate_cmd(files, year, rules_dir, lang, encoding):
    """只按年度格式（JSON Schema）校验文件。退出码：0 符合，1 不符合，2 无法读取。

    Validate files against their year's schema only. Exit 0 valid, 1 invalid, 2 unreadable."""
    from ledgerlint.checking.api import Checker
    from ledgerlint.paths import format_path
    from ledgerlint.reports.text import place
    from ledgerlint.checking.validation import validate

    checker = Checker(rules_dir=rules_dir, year=year, lang=lang, encoding=encoding)
    unreadable = invalid = problems = 0
    for file in files:
        try:
            disclosure, extraction = checker.read(file)
            chosen = checker.select(disclosure)
            ruleset = checker.ruleset(chosen.name)
            use_year = chosen.year
            findings = validate(disclosure.with_aliases(ruleset.aliases), ruleset.validator, lang)
            if extraction is not None:      # a published document: its lines, and what was not placed
                findings = checker.cite(findings, extraction, unplaced=False)   # a format check only
        except LedgerlintError as exc:
            _fail(exc, lang)
            unreadable += 1
            continue
        for f in findings:
            click.echo(f"{file}:{place(f.page, f.line or 1, lang)}: {format_path(f.path)}: {f.message}")
        if findings:
            invalid += 1
            problems += len(findings)
        else:
            click.echo(t("validate.ok", lang, file=file, year=use_year))
    click.echo(t("validate.summary", lang, files=len(files), invalid=invalid, problems=problems,
                 unreadable=unreadable))
    sys.exit(2 if unreadable else 1 if invalid else 0)


@main.command("check")
@TARGETS
@YEAR
@RULES
@LANG
@ENCODING
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "junit", "html", "github", "gitlab",
                                                   "xlsx"]),
              default="text", show_default=True,
              help="输出格式（github：GitHub Actions 注释；gitlab：GitLab 代码质量报告；xlsx：Excel 工作簿，须给出 -o）/ output format")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=FsPath),
              help="写入此文件，- 为标准输出（html 格式必须给出）/ write to this file, - for standard output")
@click.option("--force", is_flag=True, help="覆盖已有的输出文件 / replace an existing output file")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="出现此级别及以上的问题时退出码为 1（默认 error）/ exit 1 at or above this severity (default: error)")
@click.option("--exit-zero", is_flag=True, help="发现问题时退出码也为 0（无法读取时仍为 2）/ exit 0 even with findings")
@click.option("--strict", is_flag=True, help="把“未能检查”的规则算作未通过 / count rules that could not be evaluated as failed")
@click.option("--select", multiple=True, help="只报告这些规则（编号或前缀，如 SG- ；可用逗号分隔）/ report only these ids or prefixes")
@click.option("--ignore", multiple=True, help="不报告这些规则（编号或前缀）/ leave out these ids or prefixes")
@click.option("--accepted", "accepted_file", type=click.Path(dir_okay=False, path_type=FsPath),
              help="已接受问题的记录文件（默认：文件旁的 .ledgerlint-accepted.yaml）/ the accepted-findings file")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=FsPath),
              help="只报告不在此基线中的问题 / report only findings not in this baseline")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=FsPath),
              help="把本次的问题写成基线文件 / write today's findings as a baseline")
@click.option("-q", "--quiet", is_flag=True, help="只列出问题，不显示标题和汇总 / print the findings only")
@click.option("--statistics", is_flag=True, help="最后列出每条规则的问题数 / end with the count of findings per rule")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="彩色输出（auto 时遵从 NO_COLOR、FORCE_COLOR）/ coloured output (auto honours NO_COLOR, FORCE_COLOR)")
@click.option("-v", "--verbose", is_flag=True, help="每条问题下列出位置、数字、计算和依据 / show the figures, computation and basis")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="并行检查的进程数（默认：CPU 核数）/ parallel workers (default: cores)")
def check_cmd(files, year, rules_dir, lang, encoding, fmt, fail_on, exit_zero, strict, select, ignore,
              accepted_file, baseline, write_baseline, quiet, statistics, color, verbose, output, force, jobs):
    """按年度规则集检查决算公开文件（- 为标准输入）。退出码：0 通过，1 发现问题，2 文件或规则集无法读取。

    Check disclosures with their year's rules (- reads standard input). Exit 0 clean, 1 findings,
    2 unreadable input."""
    from collections import Counter

    from ledgerlint.checking.batch import expand, iter_checks, iter_stdin
    from ledgerlint.checking.config import find_config
    from ledgerlint.reports.output import BINARY, STREAMED, render
    from ledgerlint.reports.text import JsonStream, Tally, render_statistics, render_table, render_text_file
    from ledgerlint.writing import refuse_inputs, write_new

    stdin = [str(f) for f in files] == ["-"]
    to_stdout = output is not None and str(output) == "-"
    output = None if to_stdout else output
    paths = [] if stdin else expand(files)
    if not paths and not stdin:
        _fail(LedgerlintError("batch.nothing", file=" ".join(map(str, files))), lang)
        sys.exit(2)
    if fmt == "html" and output is None and not to_stdout:
        _fail(LedgerlintError("output.html_needs_file"), lang)
        sys.exit(2)
    if fmt in BINARY and output is None:
        _fail(LedgerlintError("output.needs_file", format=fmt), lang)
        sys.exit(2)
    try:
        config = find_config(FsPath.cwd() if stdin else paths[0])
        triage = _triage(config, select, ignore, accepted_file, baseline, paths)
        for written in filter(None, (output, write_baseline)):
            refuse_inputs(written, paths)       # before the work, not after it
    except LedgerlintError as exc:
        _fail(exc, lang)
        sys.exit(2)
    rules_dir = rules_dir or config.rules
    fail_on = fail_on or config.fail_on or "error"
    streaming = output is None and fmt in STREAMED    # file by file: a long run holds no reports
    # the disclosure itself is kept for the HTML report's tree, which only a report of one file has
    options = {"rules_dir": rules_dir, "year": year, "lang": lang, "strict": strict, "encoding": encoding,
               "keep_data": fmt == "html" and len(paths) <= 1}
    colour = _colour(color) and fmt == "text"
    json_out = JsonStream(lambda text: click.echo(text, nl=False)) if streaming and fmt == "json" else None
    tally = Tally(keep_rows=fmt == "text")
    reports, unreadable, told, per_rule, known = [], [], set(), Counter(), []
    show_bar = sys.stderr.isatty() and len(paths) >= PROGRESS_FROM and not quiet
    results = iter_stdin(options) if stdin else iter_checks(paths, options, jobs)
    with click.progressbar(length=len(paths), file=sys.stderr, label=t("batch.progress", lang)) if show_bar \
            else _NoBar() as bar:
        for result in results:
            bar.update(1)
            if isinstance(result, LedgerlintError):
                _fail(result, lang)
                unreadable.append(result)
                continue
            for notice in result.notices:       # about the run (an overlay left out): once, on stderr
                if notice not in told and not quiet:
                    told.add(notice)
                    click.echo(notice, err=True)
            result = triage.apply(result)
            per_rule.update((f.rule, f.title) for f in result.findings)
            if write_baseline is not None:
                known.append(_Known(result.file, result.findings))
            tally.add(result)
            if json_out is not None:
                json_out.add(result)
            elif streaming and fmt == "github":
                from ledgerlint.reports.github import render_github
                click.echo(render_github([result], lang), nl=False)
            elif streaming:
                if tally.files > 1 and not quiet:
                    click.echo("")  # a blank line between files
                click.echo(render_text_file(result, lang, verbose, colour, quiet), nl=False, color=colour)
            else:
                reports.append(result)
    unused = triage.unused()
    for entry in unused:
        click.echo(t("accepted.unused", lang, file=triage.accepted.path, line=entry.line, rule=entry.rule,
                     target=entry.about or entry.file), err=True)
    if json_out is not None:
        json_out.finish(unreadable, tally.totals(), lang, unused)
    elif streaming and fmt == "text" and not quiet:
        if tally.files > 1:
            click.echo("\n" + t("text.total", lang, **tally.totals()))
        if len(paths) > 1:
            click.echo(render_table(tally, unreadable, lang), nl=False)
    elif not streaming:
        text = render(fmt, reports, unreadable, _rulesets_of(reports, options), lang, verbose, unused)
        if output is None:
            click.echo(text, nl=False)
        else:
            try:
                write_new(output, text, force, paths)
            except LedgerlintError as exc:
                _fail(exc, lang)
                sys.exit(2)
            click.echo(t("output.written", lang, path=output), err=True)
    if statistics:
        click.echo(render_statistics(per_rule, lang), nl=False, err=fmt != "text")
    if write_baseline is not None:
        from ledgerlint.checking.triage import Baseline
        try:
            write_new(write_baseline, Baseline.document(known, write_baseline.resolve().parent), True, paths)
        except LedgerlintError as exc:
            _fail(exc, lang)
            sys.exit(2)
        click.echo(t("baseline.written", lang, path=write_baseline, count=sum(len(k.findings) for k in known)),
                   err=True)
    failed = tally.fails(fail_on) and not exit_zero
    sys.exit(2 if unreadable else 1 if failed else 0)


class _Known:
    """What a baseline keeps of a report: its file and findings."""

    def __init__(self, file, findings):
        self.file, self.findings = file, findings


def _split(values) -> tuple:
    """--select SG-,ZT- --select YB-001: every id or prefix, commas allowed."""
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _triage(config, select, ignore, accepted_file, baseline, paths):
    """What to set aside: the command line first, then the configuration file; the accepted-findings
    file named there, or the one beside the first checked file when it exists."""
    from ledgerlint.checking.triage import ACCEPTED_FILE, AcceptedFile, Baseline, Triage
    accepted = accepted_file or config.accepted
    if accepted is None:
        beside = (paths[0].parent if paths else FsPath.cwd()) / ACCEPTED_FILE
        accepted = beside if beside.is_file() else None
    return Triage(select=_split(select) or config.select, ignore=_split(ignore) + config.ignore,
                  per_file_ignores=config.per_file_ignores, base=config.folder or FsPath.cwd(),
                  accepted=AcceptedFile.read(accepted) if accepted else None,
                  baseline=Baseline.read(baseline) if baseline else None)


def _colour(choice: str) -> bool:
    """--color: always, never, or on a terminal unless NO_COLOR is set (FORCE_COLOR forces it)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


@main.command("extract")
@click.argument("document", type=click.Path(path_type=FsPath))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=FsPath),
              help="写入此 JSON 文件，并在旁边写出 .provenance.json（默认：输出到屏幕）/ write here, with a .provenance.json beside it")
@click.option("--force", is_flag=True, help="覆盖已有的输出文件 / replace existing output files")
@YEAR
@RULES
@LANG
def extract_cmd(document, output, force, year, rules_dir, lang):
    """从公开的决算文档（.txt、.docx、.pdf）提取决算数据为 JSON，并列出未能归入的句子。

    Extract a disclosure from its published document (.txt, .docx, PDF) as JSON; every sentence with
    figures that could not be placed is listed. Exit 0 extracted, 2 unreadable document."""
    from ledgerlint.decimaljson import dumps
    from ledgerlint.documents.extract import extract
    from ledgerlint.writing import write_new
    from ledgerlint.reports.text import place
    from ledgerlint.documents.sources import read_document

    try:
        extraction = extract(read_document(document), rules_dir, year)
    except LedgerlintError as exc:
        _fail(exc, lang)
        sys.exit(2)
    text = dumps(extraction.disclosure, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        beside = output.with_name(output.stem + ".provenance.json")
        try:
            write_new(output, text, force, [document])
            write_new(beside, dumps(extraction.provenance_map(), indent=2) + "\n", force, [document])
        except LedgerlintError as exc:
            _fail(exc, lang)
            sys.exit(2)
        click.echo(t("output.written", lang, path=output), err=True)
        click.echo(t("output.written", lang, path=beside), err=True)
    click.echo(t("extract.summary" if extraction.unused else "extract.summary_all", lang,
                 figures=len(extraction.provenance), ruleset=extraction.ruleset, unplaced=len(extraction.unused)),
               err=True)
    for line, piece in extraction.unused:
        where = extraction.document.place(line)
        click.echo(f"  {document}:{place(where.page, where.line, lang)}: {piece}", err=True)


@main.command("annotate")
@click.argument("document", type=click.Path(dir_okay=False, path_type=FsPath))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=FsPath),
              help="标注后的文件（默认：原文件旁的 名称.checked.pdf / .docx）/ the marked file (default: NAME.checked.pdf or .docx beside it)")
@click.option("--force", is_flag=True, help="覆盖已有的输出文件 / replace an existing output file")
@YEAR
@RULES
@LANG
def annotate_cmd(document, output, force, year, rules_dir, lang):
    """检查 PDF 或 Word 文件，并在原文上标出每个问题（写入新文件，原文件不变）。

    PDF 高亮数字并附批注，书签列出全部问题；Word 在数字处加批注。退出码：0 没有错误，1 有错误，2 文件无法读取。

    Check a published PDF or Word file and mark each finding in it: on a PDF a highlight over the figure
    with the finding as its note and an outline of them all; in a Word file a comment at the figure. The
    input is never changed. Exit 0 no errors, 1 errors found, 2 unreadable file."""
    from ledgerlint import Checker
    from ledgerlint.writing import refuse_inputs, write_new

    suffix = document.suffix.lower()
    output = output or document.with_name(document.stem + ".checked" + suffix)
    try:
        if suffix not in (".pdf", ".docx"):
            raise LedgerlintError("annotate.not_marked", file=str(document))
        refuse_inputs(output, [document])
        checker = Checker(rules_dir=rules_dir, year=year, lang=lang)
        report, extraction = checker.check_with_extraction(document)
        if suffix == ".pdf":
            from ledgerlint.reports.annotated_pdf import annotate_pdf as annotate
        else:
            from ledgerlint.reports.annotated_docx import annotate_docx as annotate
        data, marked = annotate(document, report, extraction.disclosure, lang)
        write_new(output, data, force, [document])
    except LedgerlintError as exc:
        _fail(exc, lang)
        sys.exit(2)
    from ledgerlint.reports.marks import summary
    click.echo(t("output.written", lang, path=output), err=True)
    click.echo(summary(marked, lang), err=True)
    # as `check` exits: 1 where an error was found (warnings and notes are marked, and do not fail)
    sys.exit(1 if any(f.severity == "error" for f, _ in marked) else 0)


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听的地址（0.0.0.0 为局域网内所有机器；没有登录，只在可信的网络中使用）/ address to listen on")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True, help="端口 / port")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=FsPath),
              help="保存历史记录和结果的文件夹（默认：用户数据文件夹下的 ledgerlint）/ where history and results are kept")
@click.option("--threads", type=click.IntRange(1, 64), default=4, show_default=True, help="同时处理的请求数 / request threads")
@RULES
@LANG
def serve_cmd(host, port, data_dir, threads, rules_dir, lang):
    """打开一个网页：拖入文件即可检查，查看结果并下载标注后的文件、报告和 Excel 工作簿。

    A web page to check files on: drop files, watch the progress, read the findings, download the marked
    documents, the HTML report, JSON, SARIF and the workbook. No login: for one machine or a trusted
    network. Needs the serve extra: pip install 'ledgerlint[serve]'."""
    try:
        import waitress
        from ledgerlint.serve.app import create_app
        from ledgerlint.serve.runs import default_data_dir
    except ImportError as exc:
        _fail(LedgerlintError("serve.needs", package=exc.name or "flask"), lang)
        sys.exit(2)
    folder = data_dir or default_data_dir()
    try:
        app = create_app(folder, rules_dir, lang)
    except OSError as exc:
        _fail(LedgerlintError("output.unwritable", file=str(folder), reason=exc.strerror or str(exc)), lang)
        sys.exit(2)
    click.echo(t("serve.listening", lang, url=f"http://{host}:{port}/", folder=folder), err=True)
    waitress.serve(app, host=host, port=port, threads=threads, ident="ledgerlint")


def _ruleset_for(checker, set_name, disclosure=None):
    """The rule set named, or the one that applies to the disclosure, or the newest national year."""
    from ledgerlint.rulesets.ruleset import available_years
    from ledgerlint.rulesets.ruleset import rules_root
    if set_name:
        return checker.ruleset(set_name)
    if disclosure is not None:
        return checker.ruleset(checker.select(disclosure).name)
    if checker.year:
        return checker.ruleset(str(checker.year))
    return checker.ruleset(str(max(available_years(rules_root(checker.rules_dir)))))


SET = click.option("--set", "set_name", help="规则集名称，如 2023 或 内蒙古/2023 / rule set name")


@main.command("explain")
@click.argument("rule_id")
@click.argument("file", required=False, type=click.Path(path_type=FsPath))
@YEAR
@SET
@RULES
@LANG
@ENCODING
@click.option("--all", "show_all", is_flag=True, help="逐项（each）规则列出每一项，默认只列出有问题的项 / every element of an each rule, not only those with a problem")
def explain_cmd(rule_id, file, year, set_name, rules_dir, lang, encoding, show_all):
    """说明一条规则；给出 FILE 时逐步列出它在该文件上的计算过程和结论。

    Explain a rule; with FILE, its evaluation step by step."""
    from ledgerlint.checking.api import Checker
    from ledgerlint.reports.explain import describe_rule, explain_on
    checker = Checker(rules_dir=rules_dir, year=year, lang=lang, encoding=encoding)
    try:
        disclosure, extraction = checker.read(file) if file else (None, None)
        ruleset = _ruleset_for(checker, set_name, disclosure)
        rule = ruleset.rule(rule_id)
        if rule is None:
            from ledgerlint.rulesets.shape import nearest
            ids = [r.id for r in ruleset.rules]
            suggestion = nearest(rule_id.upper(), ids) or nearest(rule_id, ids)   # sg-001 means SG-001
            raise LedgerlintError("explain.no_rule_hint" if suggestion else "explain.no_rule", id=rule_id,
                                  ruleset=ruleset.name, suggestion=suggestion)
    except LedgerlintError as exc:
        _fail(exc, lang)
        sys.exit(2)
    lines = describe_rule(rule, ruleset, lang)
    if disclosure is not None:
        cite = (lambda findings: checker.cite(findings, extraction, unplaced=False)) if extraction else None
        lines += explain_on(rule, ruleset, disclosure, lang, show_all, cite)
    click.echo("\n".join(lines))


@main.command("init-rules")
@click.argument("target", type=click.Path(file_okay=False, path_type=FsPath))
@click.option("--extends", "base", default="2023", show_default=True,
              help="在哪个自带规则集上扩展，如 2023 或 内蒙古/2023 / the shipped set to build on")
@click.option("--force", is_flag=True, help="覆盖已有的文件 / replace existing files")
@LANG
def init_rules_cmd(target, base, force, lang):
    """生成一个本地规则文件夹（继承自带规则，含一条示例规则及其用例）。

    Make a rules folder of your own that extends the shipped rules, with one example rule and its cases."""
    from ledgerlint.rulesets.initfolder import init_rules
    try:
        written = init_rules(target, base, force)
    except LedgerlintError as exc:
        _fail(exc, lang)
        sys.exit(2)
    for path in written:
        click.echo(t("output.written", lang, path=path))


@main.group("rules")
def rules_group():
    """规则集的维护 / maintaining rule sets."""


def _targets(target) -> tuple[FsPath, list[str]]:
    """The rules root and the names of the sets to work on: all of them, one year, or one overlay."""
    from ledgerlint.rulesets.ruleset import RULESET_FILE
    from ledgerlint.rulesets.ruleset import rules_root
    from ledgerlint.rulesets.selection import all_names
    folder = rules_root(target)
    if (folder / RULESET_FILE).is_file():
        root = folder.parent
        names = [n for n in all_names(root) if n == folder.name or n.startswith(folder.name + "/")]
        return root, names
    return folder, all_names(folder)


@rules_group.command("lint")
@click.argument("target", required=False, type=click.Path(path_type=FsPath))
@LANG
def lint_cmd(target, lang):
    """检查规则文件和用例文件：未知的项、重复的编号、无法解析的表达式、格式中没有的名称。

    Lint rule files (TARGET: the rules folder, a year's or a province's folder)."""
    from ledgerlint.checking.cases import lint_cases
    from ledgerlint.rulesets.lint import lint_set
    from ledgerlint.rulesets.selection import load_named
    try:
        root, names = _targets(target)
    except LedgerlintError as exc:
        _fail(exc, lang)
        sys.exit(2)
    seen = set()
    for name in names:
        found = lint_set(root, name)
        try:   # the case files too, without running them
            found += lint_cases(load_named(root, name, []))
        except LedgerlintError:
            pass   # the set cannot be built: lint_set said why
        problems = [p for p in found if (text := p.render(lang)) not in seen and not seen.add(text)]
        for p in problems:
            click.echo(p.render(lang))
        if not problems:
            click.echo(t("lint.ok", lang, folder=name))
    click.echo(t("lint.summary", lang, count=len(seen)))
    sys.exit(1 if seen else 0)


@rules_group.command("test")
@click.argument("target", required=False, type=click.Path(path_type=FsPath))
@LANG
def test_cmd(target, lang):
    """运行规则旁的测试用例，并列出缺少用例的规则。

    Run the rule cases in tests/*.yaml and list rules without a passing and a failing case."""
    from ledgerlint.checking.cases import run_tests
    from ledgerlint.rulesets.selection import load_named
    try:
        root, names = _targets(target)
        runs = [(name, run_tests(load_named(root, name), lang)) for name in names]
    except LedgerlintError as exc:
        _fail(exc, lang)
        sys.exit(2)
    ok = True
    for name, run in runs:
        for p in run.problems:
            click.echo(p.render(lang))
        for r in run.results:
            if not r.ok:
                click.echo(t("ruletest.mismatch", lang, file=r.file, line=r.line, case=r.name, rule=r.rule,
                             expected=r.expected, actual=r.actual))
                if r.detail:
                    click.echo("    " + r.detail)
        for rule, missing in run.uncovered:
            click.echo(t("ruletest.uncovered", lang, file=rule.file, line=rule.line, rule=rule.id,
                         missing="、".join(missing) if lang == "zh" else " and ".join(missing)))
        failed = sum(not r.ok for r in run.results)
        click.echo(t("ruletest.summary", lang, folder=name, cases=len(run.results), failed=failed,
                     uncovered=len(run.uncovered)))
        ok = ok and run.ok
    sys.exit(0 if ok else 1)


@rules_group.command("which")
@click.argument("file", type=click.Path(path_type=FsPath))
@YEAR
@RULES
@LANG
@ENCODING
def which_cmd(file, year, rules_dir, lang, encoding):
    """说明哪个规则集适用于 FILE 及其原因。

    Say which rule set applies to FILE and why (year, province, inheritance)."""
    from ledgerlint.checking.api import Checker
    checker = Checker(rules_dir=rules_dir, year=year, lang=lang, encoding=encoding)
    try:
        chosen = checker.select(checker.read(file)[0])
        ruleset = checker.ruleset(chosen.name)
    except LedgerlintError as exc:
        _fail(exc, lang)
        sys.exit(2)
    click.echo(t("which.header", lang, file=file, name=chosen.name, title=ruleset.title))
    for key, params in chosen.reasons:
        click.echo("  " + t(key, lang, **params))
    click.echo("  " + t("which.chain", lang, chain=" → ".join(ruleset.chain)))
    click.echo("  " + t("which.folders", lang, folders="；".join(str(f) for f in ruleset.folders)))


@rules_group.command("diff")
@click.argument("old")
@click.argument("new")
@RULES
@LANG
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff_cmd(old, new, rules_dir, lang, fmt):
    """比较两个规则集（如 2019 2020，或 2023 内蒙古/2023）。

    Compare two rule sets: rules added, removed and changed, format fields, and sources."""
    import json as _json
    from ledgerlint.rulesets.diff import diff, render_diff
    from ledgerlint.rulesets.selection import load_named
    try:
        a, b = load_named(rules_dir, old), load_named(rules_dir, new)
    except LedgerlintError as exc:
        _fail(exc, lang)
        sys.exit(2)
    result = diff(a, b)
    if fmt == "json":
        click.echo(_json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(render_diff(result, lang), nl=False)


@rules_group.command("list")
@YEAR
@SET
@RULES
@LANG
def list_cmd(year, set_name, rules_dir, lang):
    """列出规则集中的规则。

    List the rules of a set: id, severity, title, section."""
    from ledgerlint.checking.api import Checker
    checker = Checker(rules_dir=rules_dir, year=year, lang=lang)
    try:
        ruleset = _ruleset_for(checker, set_name)
    except LedgerlintError as exc:
        _fail(exc, lang)
        sys.exit(2)
    click.echo(t("list.header", lang, name=ruleset.name, title=ruleset.title, count=len(ruleset.rules)))
    for rule in sorted(ruleset.rules, key=lambda r: (r.section or "", r.id)):
        click.echo(f"{rule.id:<8} {t('severity1.' + rule.severity, lang):<4} {rule.title}  [{rule.section or '-'}]")


@rules_group.command("show")
@click.argument("rule_id")
@YEAR
@SET
@RULES
@LANG
@click.pass_context
def show_cmd(ctx, rule_id, year, set_name, rules_dir, lang):
    """显示一条规则的全部内容。

    Show one rule (as explain RULE_ID)."""
    ctx.invoke(explain_cmd, rule_id=rule_id, file=None, year=year, set_name=set_name, rules_dir=rules_dir,
               lang=lang, encoding=None, show_all=False)


@rules_group.command("catalog")
@YEAR
@SET
@RULES
@LANG
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=FsPath),
              help="输出文件夹（写入 index.md 与 index.html）/ output folder")
@click.option("--force", is_flag=True, help="覆盖已有的文件 / replace existing files")
def catalog_cmd(year, set_name, rules_dir, lang, out_dir, force):
    """由规则文件生成规则目录（Markdown 与 HTML）。

    Write a browsable catalog (Markdown and HTML) generated from the rule files."""
    from ledgerlint.checking.api import Checker
    from ledgerlint.rulesets.catalog import render_catalog_html, render_catalog_md
    from ledgerlint.writing import write_new
    checker = Checker(rules_dir=rules_dir, year=year, lang=lang)
    try:
        ruleset = _ruleset_for(checker, set_name)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, text in (("index.md", render_catalog_md(ruleset, lang)), ("index.html", render_catalog_html(ruleset, lang))):
            write_new(out_dir / name, text, force)
            click.echo(t("output.written", lang, path=out_dir / name))
    except LedgerlintError as exc:
        _fail(exc, lang)
        sys.exit(2)


@rules_group.command("schema")
def schema_cmd():
    """打印规则文件 JSON Schema 的位置。

    Print the path of the rule-file JSON Schema (for editors)."""
    from ledgerlint.rulesets import RULE_FILE_SCHEMA
    click.echo(RULE_FILE_SCHEMA)
