"""The change statement in the wordings seen in published disclosures (docs/extract-wording.md, family 1–3);
sentences and figures here are our own."""
from decimal import Decimal

import pytest

from ledgerlint.documents.changes import read_change
from ledgerlint.documents.doctext import normalise


def change(text):
    return read_change(normalise(text))


@pytest.mark.parametrize("text, expected", [
    ("与上年决算相比，增加 52.10万元，增长 7.35%，变动原因：新增两个项目。",
     {"基准": "上年决算", "方向": "增加", "金额": Decimal("52.10"), "百分比方向": "增长",
      "百分比": Decimal("7.35"), "原因": "新增两个项目"}),
    ("与年初预算相比，收、支总计各增加 1,204.06万元，增长 96.20%。",
     {"基准": "年初预算", "方向": "增加", "金额": Decimal("1204.06"), "百分比方向": "增长",
      "百分比": Decimal("96.20"), "各": True}),
    ("与上年决算相比，增加 -3.40万元，变动原因：上年有结转。",
     {"基准": "上年决算", "方向": "增加", "金额": Decimal("-3.40"), "原因": "上年有结转"}),
    ("比上年决算数减少18.6万元，下降29.2%，主要原因是会议减少。",
     {"基准": "上年决算", "方向": "减少", "金额": Decimal("18.6"), "百分比方向": "下降",
      "百分比": Decimal("29.2"), "原因": "会议减少"}),
    ("较2022年度决算減少31%。", {"基准": "2022年度决算", "方向": "减少", "百分比": Decimal(31)}),
    ("与上年相比，减少 6.00万元，下降 XX.X%。",
     {"基准": "上年", "方向": "减少", "金额": Decimal("6.00"), "百分比方向": "下降", "百分比": "XX.X"}),
    ("住房保障支出类决算数为 12.00万元，与年初预算相比增加） 0.80万元。",
     {"基准": "年初预算", "方向": "增加", "金额": Decimal("0.80")}),
])
def test_a_change_reads_into_the_models_shape(text, expected):
    assert change(text) == expected


def test_precision_is_kept_as_written():
    assert str(change("与上年决算相比，减少 4.10万元，减少 5.00%。")["百分比"]) == "5.00"


@pytest.mark.parametrize("text", ["本年收入合计 84.73万元。", "与2022年对比：2022年也无此项收支。", "增加 3.00万元。"])
def test_a_sentence_without_a_change_gives_none(text):
    assert change(text) is None


def test_the_seed_documents_change_statements():
    from ledgerlint.documents.doctext import read_lines, sentences
    from helpers.figures import seed_document
    seed = seed_document()
    found = {(s.line, c["基准"], c["方向"], c.get("金额")) for s in sentences(read_lines(seed))
             if (c := read_change(s.text))}
    assert len(found) == 20
    # the totals' change against the budget (a slip: 1101.95 here, 1,101.91 in section 4) and a
    # negative amount under 增加 (三公 vehicles)
    assert {(23, "年初预算", "增加", Decimal("1101.95")), (59, "年初预算", "增加", Decimal("1101.91")),
            (104, "上年决算", "增加", Decimal("-14.93"))} <= found
