"""Sections of a total and its parts with shares (收入决算, 支出决算), read by the section's schema."""
from decimal import Decimal

import pytest

from helpers import RULES, SEED, read_json
from helpers.figures import figure_share, seed_document_section
from ledgerlint.documents.doctext import sentences
from ledgerlint.documents.readers import parts
from ledgerlint.rulesets.selection import load_named


@pytest.fixture(scope="module")
def schema():
    return load_named(RULES, "2023").schema


EXPENSES = {"本年支出合计": Decimal("300.00"), "基本支出": {"金额": Decimal("180.00"), "占比": Decimal("60.00")},
            "项目支出": {"金额": Decimal("120.00"), "占比": Decimal("40.00")},
            "上缴上级支出": {"金额": Decimal("0.00"), "占比": Decimal("0.00")},
            "经营支出": {"金额": Decimal("0.00"), "占比": Decimal("0.00")},
            "对附属单位补助支出": {"金额": Decimal("0.00"), "占比": Decimal("0")}}

LINE_PER_PART = """某局2023年度本年支出决算合计 300.00万元，其中：
本年基本支出 180.00万元，占 60.00%；
本年项目支出 120.00万元，占 40.00%；
本年上缴上级支出 0.00万元，占 0.00%；
本年经营支出 0.00万元，占 0.00%；
本年对附属单位补助支出 0.00万元，占 0%。"""

# all parts in one sentence, without 本年 and 决算, 占比 for 占, full-width digits
ONE_SENTENCE = ("某局2023年度支出合计３００.００万元，其中基本支出180.00万元，占比60.00%，项目支出120.00万元，"
                "占比40.00%，上缴上级支出0.00万元，占比0.00%，经营支出0.00万元，占比0.00%，"
                "对附属单位补助支出0.00万元，占比0%。")


@pytest.mark.parametrize("text", [LINE_PER_PART, ONE_SENTENCE], ids=["line-per-part", "one-sentence"])
def test_the_total_and_every_part_are_read(text, schema):
    reading = parts.read(sentences(text.splitlines()), schema["properties"]["支出决算"])
    assert reading.value == EXPENSES
    assert reading.unused == []


def test_a_part_in_words_the_schema_does_not_know_is_listed(schema):
    text = LINE_PER_PART + "\n本年其他支出 5.00万元，占 1.67%。"
    reading = parts.read(sentences(text.splitlines()), schema["properties"]["支出决算"])
    assert [s.line for s in reading.unused] == [7]


@pytest.mark.parametrize("key", ["收入决算", "支出决算"])
def test_the_seed_documents_sections_read_every_figure(key, schema):
    reading = parts.read(seed_document_section(key), schema["properties"][key])
    assert figure_share(read_json(SEED)[key], reading.value) == (1.0, [])
