"""Reading disclosure files: numbers as written, and a clear refusal of every bad input."""
import codecs
from decimal import Decimal

import pytest

from ledgerlint.errors import DisclosureError
from ledgerlint.checking.loading import load, parse


def write(tmp_path, data: bytes, name="d.json"):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def refusal(path, **kw) -> DisclosureError:
    with pytest.raises(DisclosureError) as info:
        load(path, **kw)
    return info.value


def test_fractions_keep_their_written_precision_and_integers_stay_int():
    d = parse('{"a": 1687.40, "b": 0.00, "c": 32, "d": -4.79, "e": 1e2}', "x")
    assert isinstance(d.data["a"], Decimal) and str(d.data["a"]) == "1687.40"
    assert str(d.data["b"]) == "0.00"
    assert d.data["c"] == 32 and type(d.data["c"]) is int
    assert d.data["d"] == Decimal("-4.79")
    assert d.data["e"] == Decimal("1E+2")


def test_duplicate_key_is_refused_with_its_line_and_path(tmp_path):
    p = write(tmp_path, '{"收入决算": {"本年收入合计": 1.00,\n  "本年收入合计": 2.00}}'.encode())
    err = refusal(p)
    assert err.key == "json.duplicate"
    assert (err.line, err.column) == (2, 3)
    assert "收入决算.本年收入合计" in err.render("zh")


@pytest.mark.parametrize("word", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_refused(tmp_path, word):
    p = write(tmp_path, f'{{"a": 1,\n "b": {word}}}'.encode())
    err = refusal(p)
    assert err.key == "json.constant" and err.line == 2
    assert word in err.render("en")


def test_utf8_with_bom_is_accepted(tmp_path):
    p = write(tmp_path, codecs.BOM_UTF8 + '{"年度": 2023}'.encode())
    assert load(p).data == {"年度": 2023}


def test_gbk_file_gets_a_message_naming_the_encoding_and_the_fix(tmp_path):
    p = write(tmp_path, '{"单位": {"名称": "测试单位"}}'.encode("gbk"))
    err = refusal(p)
    assert err.key == "file.gbk"
    assert "--encoding gbk" in err.render("zh") and "iconv" in err.render("en")


def test_gbk_file_is_read_when_the_encoding_is_given(tmp_path):
    p = write(tmp_path, '{"单位": {"名称": "测试单位"}}'.encode("gbk"))
    assert load(p, encoding="gbk").data["单位"]["名称"] == "测试单位"


def test_bytes_that_are_neither_utf8_nor_gbk_are_refused(tmp_path):
    p = write(tmp_path, b'{"a": "\xff\xfe\xff"}')
    assert refusal(p).key == "file.not_utf8"


def test_unknown_encoding_name_is_refused(tmp_path):
    p = write(tmp_path, b"{}")
    assert refusal(p, encoding="no-such-codec").key == "file.bad_encoding"


@pytest.mark.parametrize("content,key", [
    (b"", "file.empty"),
    (b"  \n", "file.empty"),
    (b'{"a": [1, 2', "json.syntax"),
    (b'[1, 2]', "json.not_object"),
    (b'"text"', "json.not_object"),
])
def test_broken_files_are_refused_with_a_reason(tmp_path, content, key):
    assert refusal(write(tmp_path, content)).key == key


def test_syntax_error_has_line_and_column_and_a_chinese_reason(tmp_path):
    p = write(tmp_path, b'{\n  "a": 1\n  "b": 2\n}')
    err = refusal(p)
    assert (err.line, err.column) == (3, 3)
    assert err.render("zh").endswith("JSON 语法错误：此处缺少逗号")
    assert err.render("en").endswith("JSON syntax error: expecting ','")


def test_missing_file_and_directory_are_refused(tmp_path):
    assert refusal(tmp_path / "nope.json").key == "file.missing"
    assert refusal(tmp_path).key == "file.is_dir"


def test_line_of_a_path_and_of_its_nearest_ancestor():
    d = parse('{\n "a": {\n  "b": [\n   1,\n   {"c": 2}\n  ]\n }\n}', "x")
    assert d.line(("a",)) == 2
    assert d.line(("a", "b", 0)) == 4
    assert d.line(("a", "b", 1, "c")) == 5
    assert d.line(("a", "b", 1, "missing")) == 5
