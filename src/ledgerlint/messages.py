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
    "ruleset.no_meta": {"zh": "规则文件夹中没有 ruleset.yaml", "en": "the rules folder has no ruleset.yaml"},
    "ruleset.year_mismatch": {"zh": "ruleset.yaml 写的年度 {year} 与文件夹名 {folder} 不一致",
                              "en": "ruleset.yaml says year {year} but the folder is {folder}"},
    "ruleset.cycle": {"zh": "extends 形成了循环：{chain}", "en": "extends forms a cycle: {chain}"},
    "ruleset.unknown_parent": {"zh": "extends 指向的 {year} 年度规则集不存在", "en": "extends names {year}, which has no rule set"},
    "ruleset.duplicate_id": {"zh": "规则编号 {id} 重复（首次出现在 {first}）", "en": "rule id {id} is used twice (first at {first})"},
    "ruleset.disable_unknown": {"zh": "disable 中的规则 {id} 不存在", "en": "disable names rule {id}, which does not exist"},
    "ruleset.unknown_key": {"zh": "ruleset.yaml 中有未知的项“{name}”", "en": "unknown key \"{name}\" in ruleset.yaml"},
    "ruleset.invalid": {"zh": "ruleset.yaml 的 {where} 不正确：{reason}", "en": "ruleset.yaml {where} is invalid: {reason}"},
    "rulefile.not_mapping": {"zh": "规则文件顶层应为含 rules 列表的映射", "en": "a rule file must be a mapping with a rules list"},
    "rulefile.unknown_key": {"zh": "{where} 中有未知的项“{name}”（规则的项只能是 id、title、severity、basis、section、assert、when、each、as、where、tolerance、message）",
                             "en": "unknown key \"{name}\" in {where} (a rule has only id, title, severity, basis, section, assert, when, each, as, where, tolerance, message)"},
    "rulefile.invalid": {"zh": "{where} 不正确：{reason}", "en": "{where} is invalid: {reason}"},
    "yaml.syntax": {"zh": "YAML 语法错误：{reason}", "en": "YAML syntax error: {reason}"},
    "yaml.duplicate": {"zh": "键“{key}”重复", "en": "key \"{key}\" appears twice"},
    "yaml.bad_key": {"zh": "键必须是文字", "en": "keys must be text"},
    "yaml.bad_number": {"zh": "数字 {value} 不是有限数", "en": "{value} is not a finite number"},
    "rule.prefix": {"zh": "规则 {rule} 的 {field}：", "en": "rule {rule}, {field}: "},
    # expressions refused at load time
    "expr.not_text": {"zh": "表达式必须是文字", "en": "an expression must be text"},
    "expr.too_long": {"zh": "表达式过长（最多 {limit} 个字符）", "en": "the expression is too long (at most {limit} characters)"},
    "expr.syntax": {"zh": "表达式语法错误：{reason}", "en": "syntax error: {reason}"},
    "expr.too_deep": {"zh": "表达式嵌套过深（最多 {limit} 层）", "en": "the expression is nested too deeply (at most {limit} levels)"},
    "expr.too_many_nodes": {"zh": "表达式过大（最多 {limit} 个节点）", "en": "the expression is too large (at most {limit} nodes)"},
    "expr.not_allowed": {"zh": "规则语言中不允许 {what}", "en": "{what} is not allowed in the rule language"},
    "expr.bad_power": {"zh": "** 的指数必须是不超过 {limit} 的整数常量", "en": "the exponent of ** must be an integer constant of at most {limit}"},
    "expr.text_arithmetic": {"zh": "文字不能参与算术运算", "en": "text cannot take part in arithmetic"},
    "expr.long_string": {"zh": "文字常量过长（最多 {limit} 个字符）", "en": "a text constant is too long (at most {limit} characters)"},
    "expr.long_number": {"zh": "数字常量过长（最多 {limit} 位）", "en": "a number constant is too long (at most {limit} digits)"},
    "expr.underscore": {"zh": "不允许使用以下划线开头的名称 {name}", "en": "names starting with an underscore are not allowed: {name}"},
    "expr.function_as_value": {"zh": "函数 {name} 只能调用，不能当作值", "en": "function {name} can only be called, not used as a value"},
    "expr.bad_target": {"zh": "推导式的循环变量必须是一个名称", "en": "a comprehension must bind a single name"},
    "expr.unknown_function": {"zh": "不能调用 {name}；可用的函数：{known}", "en": "{name} cannot be called; the functions are: {known}"},
    "expr.call_form": {"zh": "调用 {name} 时只能按位置传参", "en": "{name} takes positional arguments only"},
    "expr.arity": {"zh": "{name} 的参数个数不对（给了 {count} 个）", "en": "{name} got the wrong number of arguments ({count})"},
    "expr.regex_literal": {"zh": "matches 的正则表达式必须直接写成文字常量", "en": "the pattern of matches must be a text constant"},
    "expr.bad_regex": {"zh": "正则表达式无效：{reason}", "en": "invalid regular expression: {reason}"},
    "expr.bad_path": {"zh": "路径写法不对：{path}", "en": "malformed path: {path}"},
    "expr.template_brace": {"zh": "提示信息中的花括号不成对（字面花括号请写 {{{{ 或 }}}}）", "en": "unbalanced brace in the message (write {{{{ or }}}} for a literal brace)"},
    # why a rule was not evaluated
    "eval.missing": {"zh": "缺少 {path}", "en": "{path} is missing"},
    "eval.not_number": {"zh": "{path} 的值 {value} 不是数字", "en": "{path} is {value}, not a number"},
    "eval.not_finite": {"zh": "{value} 不是有限数", "en": "{value} is not a finite number"},
    "eval.div_zero": {"zh": "除数为零", "en": "division by zero"},
    "eval.overflow": {"zh": "数值超出范围", "en": "number out of range"},
    "eval.iterate_object": {"zh": "{path} 是对象，不能直接遍历；请用 values() 或 keys()", "en": "{path} is an object; use values() or keys() to iterate it"},
    "eval.bad_key": {"zh": "{path} 不能用 {key} 取值", "en": "{path} cannot be indexed with {key}"},
    "eval.not_container": {"zh": "{value} 不能取 {key}", "en": "{value} has no {key}"},
    "eval.not_comparable": {"zh": "{value} 是对象或列表，不能比较", "en": "{value} is an object or a list and cannot be compared"},
    "eval.not_text": {"zh": "{value} 不是文字", "en": "{value} is not text"},
    "eval.not_list": {"zh": "{value} 不是列表", "en": "{value} is not a list"},
    "eval.not_object": {"zh": "{value} 不是对象", "en": "{value} is not an object"},
    "eval.empty": {"zh": "列表为空", "en": "the list is empty"},
    "eval.no_name": {"zh": "{value} 没有键名", "en": "{value} has no key"},
    "eval.unknown_word": {"zh": "无法识别的词 {value}", "en": "unknown word {value}"},
    "eval.each_not_list": {"zh": "each 的值不是列表", "en": "each did not give a list"},
    "eval.error": {"zh": "求值出错：{reason}", "en": "evaluation failed: {reason}"},
    # rules lint and rules test
    "lint.unknown_name": {"zh": "{year} 年度格式中没有“{name}”（{field}）", "en": "the {year} format has no \"{name}\" ({field})"},
    "lint.unknown_name_hint": {"zh": "{year} 年度格式中没有“{name}”（{field}），是否应为“{suggestion}”？",
                               "en": "the {year} format has no \"{name}\" ({field}); did you mean \"{suggestion}\"?"},
    "lint.ok": {"zh": "{folder}：{rules} 条规则，没有发现问题", "en": "{folder}: {rules} rules, no problems"},
    "lint.summary": {"zh": "共发现 {count} 处问题", "en": "{count} problem(s) found"},
    "ruletest.unknown_rule": {"zh": "用例“{case}”期望的规则 {id} 不存在", "en": "case \"{case}\" expects rule {id}, which does not exist"},
    "ruletest.bad_case": {"zh": "用例“{case}”无法构造：{reason}", "en": "case \"{case}\" cannot be built: {reason}"},
    "ruletest.mismatch": {"zh": "{file}:{line}: 用例“{case}”：规则 {rule} 应为 {expected}，实际为 {actual}",
                          "en": "{file}:{line}: case \"{case}\": rule {rule} should {expected}, got {actual}"},
    "ruletest.uncovered": {"zh": "{file}:{line}: 规则 {rule} 缺少 {missing} 的用例",
                           "en": "{file}:{line}: rule {rule} has no {missing} case"},
    "ruletest.summary": {"zh": "{folder}：{cases} 项期望，{failed} 项不符；{uncovered} 条规则缺少用例",
                         "en": "{folder}: {cases} expectations, {failed} not met; {uncovered} rules lack cases"},
    # findings and reports
    "finding.not_evaluated": {"zh": "未能检查：{reason}", "en": "not evaluated: {reason}"},
    "finding.sides_numbers": {"zh": "比较 {left} 与 {right}：相差 {diff}，超出四舍五入可以解释的 ±{allowance}",
                              "en": "{left} against {right}: they differ by {diff}, more than the ±{allowance} that rounding explains"},
    "finding.sides_exact": {"zh": "比较 {left} 与 {right}：相差 {diff}（按所写数字比较，不计四舍五入）",
                            "en": "{left} against {right}: they differ by {diff} (compared as written, without rounding)"},
    "finding.sides": {"zh": "比较 {left} 与 {right}", "en": "{left} against {right}"},
    "value.missing": {"zh": "（缺失）", "en": "(missing)"},
    "severity.error": {"zh": "错误", "en": "errors"},
    "severity.warning": {"zh": "警告", "en": "warnings"},
    "severity.info": {"zh": "提示", "en": "notes"},
    "text.file_header": {"zh": "{file}（规则集：{ruleset}）", "en": "{file} (rule set: {ruleset})"},
    "text.group": {"zh": "{label}（{count}）", "en": "{label} ({count})"},
    "text.at": {"zh": "位置：{path}", "en": "at: {path}"},
    "text.summary": {"zh": "汇总：规则 {rules} 条，通过 {passed} 项，未通过 {failed} 项，未能检查 {not_evaluated} 项；错误 {error}，警告 {warning}，提示 {info}",
                     "en": "summary: {rules} rules, {passed} passed, {failed} failed, {not_evaluated} not evaluated; {error} errors, {warning} warnings, {info} notes"},
    "text.total": {"zh": "合计 {files} 个文件：未通过 {failed} 项，未能检查 {not_evaluated} 项；错误 {error}，警告 {warning}，提示 {info}",
                   "en": "total, {files} files: {failed} failed, {not_evaluated} not evaluated; {error} errors, {warning} warnings, {info} notes"},
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
