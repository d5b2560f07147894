"""Figures printed as whole numbers stand for ±0.5 of their unit, as "1687.40" stands for ±0.005: a
document printed with whole percents, or with one decimal, is as correct as the one printed with two, and
a slip in it is still found. Counts, 0 and a rule's constants stay exact."""
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from ledgerlint.checking.api import Checker
from ledgerlint.checking.printed import as_printed
from ledgerlint.rulesets.selection import load_named

DOCUMENT = Path(__file__).resolve().parent / "documents" / "template2020-shanghai-style.txt"


def test_whole_amounts_and_percents_are_rounded_counts_and_zero_are_exact():
    schema = load_named(None, "2023").schema
    data = {"收入决算": {"本年收入合计": 300, "事业收入": {"金额": 200, "占比": 67}, "其他收入": {"金额": 0, "占比": 0}},
            "三公经费": {"具体情况": {"因公出国（境）费": {"团组数": 2, "人次": 6}}}}
    printed = as_printed(data, schema)
    income = printed["收入决算"]
    assert type(income["本年收入合计"]) is Decimal and type(income["事业收入"]["占比"]) is Decimal
    assert income["其他收入"]["金额"] == 0 and type(income["其他收入"]["金额"]) is int
    trips = printed["三公经费"]["具体情况"]["因公出国（境）费"]
    assert type(trips["团组数"]) is int and type(trips["人次"]) is int
    assert type(data["收入决算"]["本年收入合计"]) is int          # the disclosure itself is not changed


def _printed(places: int) -> str:
    """The document with every percent printed to `places` decimals (rounded half up, as a computer prints)."""
    unit = Decimal(1).scaleb(-places)
    text = DOCUMENT.read_text(encoding="utf-8")
    return re.sub(r"(\d+\.\d{2})%", lambda m: f"{Decimal(m[1]).quantize(unit, ROUND_HALF_UP)}%", text)


@pytest.mark.parametrize("places", [0, 1])
def test_a_correct_document_printed_with_whole_or_one_decimal_percents_has_no_finding(tmp_path, places):
    path = tmp_path / f"printed-{places}.txt"
    path.write_text(_printed(places), encoding="utf-8")
    assert ("占 98%" if places == 0 else "占 98.3%") in path.read_text(encoding="utf-8")
    report = Checker().check_file(path)
    assert [(f.rule, f.message) for f in report.findings if f.severity in ("error", "warning")] == []


@pytest.mark.parametrize("places, said, slip", [(0, "占 66%", "占 64%"), (1, "占 66.1%", "占 64.1%")])
def test_one_slip_in_such_a_document_is_exactly_that_slip(tmp_path, places, said, slip):
    text = _printed(places)
    assert text.count(said) == 1
    path = tmp_path / "slip.txt"
    path.write_text(text.replace(said, slip), encoding="utf-8")
    report = Checker().check_file(path)
    assert {f.rule for f in report.findings if f.severity in ("error", "warning")} == {"ZC-002", "ZC-004"}


@pytest.mark.parametrize("printed, severity", [("45.61", "warning"), ("45.60", "error"), ("45.62", None)])
def test_a_percent_cut_off_instead_of_rounded_is_a_warning_that_says_so(tmp_path, printed, severity):
    """456.19 of 1000.00 is 45.619%: printed 45.61 it is cut off (a warning that says so), 45.60 is wrong (an
    error), 45.62 is right."""
    from ledgerlint.decimaljson import dumps
    data = {"年度": 2023, "单位": {"名称": "示例局", "性质": "行政单位"}, "地区": {"省": "示例省"},
            "支出决算": {"本年支出合计": Decimal("1000.00")},
            "一般公共预算财政拨款支出决算": {"支出决算": Decimal("456.19"), "占本年支出合计百分比": Decimal(printed), "类": []}}
    path = tmp_path / "d.json"
    path.write_text(dumps(data), encoding="utf-8")
    found = [f for f in Checker().check_file(path).findings if f.rule == "YB-010"]
    assert [f.severity for f in found] == ([severity] if severity else [])
    if severity == "warning":
        assert "所写 45.61 是计算值截去末位所得，四舍五入应为 45.62" in found[0].message
    if severity == "error":
        assert "截去" not in found[0].message


def test_the_compiled_plan_gives_what_a_walk_of_the_whole_schema_gives():
    # as_printed walks only the branches of a schema that can hold an amount or a percent; a plain walk
    # of the whole schema, written out here, must agree on every value of the example disclosures
    from decimal import Decimal
    from helpers import EXAMPLES, read_json
    from ledgerlint.checking.printed import as_printed
    from ledgerlint.rulesets.selection import load_named

    def plain(value, node, defs):
        while isinstance(node, dict) and "$ref" in node:
            if node["$ref"] in ("#/$defs/金额", "#/$defs/百分比"):
                return Decimal(value) if type(value) is int and value != 0 else value
            node = defs.get(node["$ref"].rsplit("/", 1)[-1])
        if isinstance(value, dict) and isinstance(node, dict):
            props, extra = node.get("properties", {}), node.get("additionalProperties")
            return {k: plain(v, props.get(k, extra if isinstance(extra, dict) else None), defs) for k, v in value.items()}
        if isinstance(value, list) and isinstance(node, dict) and isinstance(node.get("items"), dict):
            return [plain(v, node["items"], defs) for v in value]
        return value

    def typed(value):   # Decimal("12") and 12 compare equal: compare the types too
        if isinstance(value, dict):
            return {k: typed(v) for k, v in value.items()}
        if isinstance(value, list):
            return [typed(v) for v in value]
        return (type(value).__name__, str(value))

    whole = 0
    for path in sorted(EXAMPLES.glob("*/disclosure.json")):
        data = read_json(path)
        schema = load_named(None, str(data["年度"])).schema
        converted = as_printed(data, schema)
        assert typed(converted) == typed(plain(data, schema, schema.get("$defs", {}))), path.name
        whole += sum(type(a) is int and type(b) is Decimal for a, b in zip(_leaves(data), _leaves(converted)))
    assert whole     # some whole-number amounts were there to convert


def _leaves(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    else:
        yield value
