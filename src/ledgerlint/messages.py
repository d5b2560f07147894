"""One catalog for the framework's own messages, in Chinese (the default) and English.

Rule titles and messages are written by policy staff in the rule files; this catalog holds only what the
program itself says. `t(key, lang, **params)` formats an entry; a missing English text falls back to Chinese.
"""

CATALOG: dict[str, dict[str, str]] = {
    # reading disclosures
    "file.missing": {"zh": "文件不存在", "en": "file not found"},
    "file.is_dir": {"zh": "这是一个文件夹，不是文件", "en": "this is a directory, not a file"},
    "file.unreadable": {"zh": "无法读取文件：{reason}", "en": "cannot read the file: {reason}"},
    "file.empty": {"zh": "文件是空的", "en": "the file is empty"},
    "file.gbk": {"zh": "文件不是 UTF-8 编码，看起来是 GBK/GB18030；请加 --encoding gbk 读取，或先转换：iconv -f GB18030 -t UTF-8 原文件 > 新文件",
                 "en": "the file is not UTF-8 and looks like GBK/GB18030; pass --encoding gbk, or convert it first: iconv -f GB18030 -t UTF-8 in > out"},
    "file.not_utf8": {"zh": "文件不是 UTF-8 编码（第 {offset} 字节无法解码）",
                      "en": "the file is not UTF-8 (byte {offset} cannot be decoded)"},
    "file.bad_encoding": {"zh": "无法按 {encoding} 解码：{reason}", "en": "cannot decode as {encoding}: {reason}"},
    "json.syntax": {"zh": "JSON 语法错误：{reason}", "en": "JSON syntax error: {reason}"},
    "json.duplicate": {"zh": "键“{key}”在同一对象中出现了两次（{path}）", "en": "key \"{key}\" appears twice in one object ({path})"},
    "json.constant": {"zh": "JSON 中不允许 {value}，数字必须是有限的", "en": "{value} is not allowed in JSON; numbers must be finite"},
    "json.too_deep": {"zh": "JSON 嵌套层数过深", "en": "the JSON is nested too deeply"},
    "json.not_object": {"zh": "文件顶层应为对象 {{…}}，实际是{kind}", "en": "the top level must be an object {{…}}, found {kind}"},
    "json.no_year": {"zh": "缺少“年度”（整数），无法选择规则集；可用 --year 指定",
                     "en": "\"年度\" (an integer) is missing, so no rule set can be chosen; pass --year"},
    # JSON syntax reasons (from the json module's own wording)
    "json.reason.Expecting value": {"zh": "此处应为一个值", "en": "expecting a value"},
    "json.reason.Expecting ',' delimiter": {"zh": "此处缺少逗号", "en": "expecting ','"},
    "json.reason.Expecting ':' delimiter": {"zh": "此处缺少冒号", "en": "expecting ':'"},
    "json.reason.Expecting property name enclosed in double quotes": {"zh": "此处应为用双引号括起的键名", "en": "expecting a key in double quotes"},
    "json.reason.Unterminated string starting at": {"zh": "字符串缺少结束的引号", "en": "unterminated string"},
    "json.reason.Extra data": {"zh": "JSON 结束后还有多余内容", "en": "extra data after the JSON value"},
    "json.reason.Invalid control character at": {"zh": "字符串中有控制字符（如未转义的换行）", "en": "control character inside a string"},
    "json.reason.Invalid \\escape": {"zh": "无效的转义符", "en": "invalid escape"},
    # rule sets
    "ruleset.unknown_year": {"zh": "没有 {year} 年度的规则集（现有：{available}）", "en": "no rule set for {year} (available: {available})"},
    "ruleset.no_dir": {"zh": "规则文件夹不存在：{path}", "en": "rules folder not found: {path}"},
    "ruleset.no_schema": {"zh": "规则集缺少 disclosure.schema.json", "en": "the rule set has no disclosure.schema.json"},
    "ruleset.bad_schema": {"zh": "disclosure.schema.json 无效：{reason}", "en": "disclosure.schema.json is invalid: {reason}"},
    # schema findings
    "schema.title": {"zh": "不符合年度格式", "en": "does not match the year's format"},
    "schema.type": {"zh": "应为{expected}，实际是{actual} {value}", "en": "should be {expected}, found {actual} {value}"},
    "schema.required": {"zh": "缺少必填项“{name}”", "en": "required item \"{name}\" is missing"},
    "schema.additional": {"zh": "有未定义的项“{name}”（名称是否写错？）", "en": "unknown item \"{name}\" (is the name misspelt?)"},
    "schema.enum": {"zh": "值 {value} 不在允许的取值中：{allowed}", "en": "value {value} is not one of: {allowed}"},
    "schema.minimum": {"zh": "值 {value} 小于最小值 {limit}", "en": "value {value} is below the minimum {limit}"},
    "schema.maximum": {"zh": "值 {value} 大于最大值 {limit}", "en": "value {value} is above the maximum {limit}"},
    "schema.pattern": {"zh": "{value} 的格式不对（应符合 {pattern}）", "en": "{value} does not match {pattern}"},
    "schema.other": {"zh": "{message}", "en": "{message}"},
    "type.number": {"zh": "数字", "en": "a number"},
    "type.integer": {"zh": "整数", "en": "an integer"},
    "type.string": {"zh": "文字", "en": "text"},
    "type.object": {"zh": "对象", "en": "an object"},
    "type.array": {"zh": "列表", "en": "a list"},
    "type.boolean": {"zh": "是/否", "en": "true/false"},
    "type.null": {"zh": "空值", "en": "null"},
    # command output
    "validate.ok": {"zh": "{file}：符合 {year} 年度格式", "en": "{file}: valid for {year}"},
    "validate.summary": {"zh": "共 {files} 个文件：{invalid} 个不符合格式（{problems} 处问题），{unreadable} 个无法读取",
                         "en": "{files} file(s): {invalid} invalid ({problems} problem(s)), {unreadable} unreadable"},
}


class Localized(str):
    """A message parameter that is itself a catalog key, rendered in the language of the message."""


def t(key: str, lang: str = "zh", /, **params) -> str:
    entry = CATALOG.get(key)
    if entry is None:
        text = key
    else:
        text = entry.get(lang) or entry["zh"]
    if not params:
        return text
    params = {k: t(v, lang) if isinstance(v, Localized) else v for k, v in params.items()}
    return text.format(**params)


def type_name(json_type: str, lang: str) -> str:
    return t(f"type.{json_type}", lang)
