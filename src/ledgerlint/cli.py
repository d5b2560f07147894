"""The command line: parses arguments, picks what to run and how to render it; no checking logic here."""
import sys
from pathlib import Path as FsPath

import click

from . import __version__
from .errors import LedgerlintError
from .loading import load
from .messages import t
from .paths import format_path
from .rulesets import year_folder
from .schema import load_schema, validate

LANG = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
                    help="输出语言 / output language")
YEAR = click.option("--year", type=int, help="按此年度的规则集检查（默认取文件中的“年度”）")
RULES = click.option("--rules", "rules_dir", type=click.Path(file_okay=False, path_type=FsPath),
                     help="规则文件夹（默认：随 ledgerlint 安装的规则）")
ENCODING = click.option("--encoding", help="文件编码，如 gbk（默认 UTF-8，可带 BOM）")


def _fail(error: LedgerlintError, lang: str) -> None:
    click.echo(error.render(lang), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ledgerlint")
def main():
    """ledgerlint：部门决算公开检查工具 / checks final-accounts disclosures."""


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=FsPath))
@YEAR
@RULES
@LANG
@ENCODING
def validate_cmd(files, year, rules_dir, lang, encoding):
    """只按年度格式（JSON Schema）校验文件。退出码：0 符合，1 不符合，2 无法读取。"""
    unreadable = invalid = problems = 0
    schemas = {}
    for file in files:
        try:
            disclosure = load(file, encoding)
            use_year = year or disclosure.year
            if not isinstance(use_year, int):
                raise LedgerlintError("json.no_year", file=str(file))
            if use_year not in schemas:
                schemas[use_year] = load_schema(year_folder(rules_dir, use_year))
            findings = validate(disclosure, schemas[use_year], lang)
        except LedgerlintError as exc:
            _fail(exc, lang)
            unreadable += 1
            continue
        for f in findings:
            click.echo(f"{file}:{f.line or 1}: {format_path(f.path)}: {f.message}")
        if findings:
            invalid += 1
            problems += len(findings)
        else:
            click.echo(t("validate.ok", lang, file=file, year=use_year))
    click.echo(t("validate.summary", lang, files=len(files), invalid=invalid, problems=problems,
                 unreadable=unreadable))
    sys.exit(2 if unreadable else 1 if invalid else 0)
