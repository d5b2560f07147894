"""Reasons are kept whole and as written: over the "；" that cut sentences, up to the "。", but not into
the next statement."""
from ledgerlint.documents.doctext import sentences
from ledgerlint.documents.readers import Reading


def change_in(line):
    reading = Reading()
    first = sentences([line])[0]
    assert reading.put_change(("变动",), first)
    return reading.value["变动"]


def test_a_reason_runs_over_its_semicolons_to_the_full_stop():
    line = "与上年决算相比，增加 5.00万元，增长 10.00%，变动原因：一是人员增加（调入2人）；二是工资调标；三是追加专项。下一句。"
    assert change_in(line)["原因"] == "一是人员增加（调入2人）；二是工资调标；三是追加专项。"


def test_it_stops_where_the_next_statement_begins():
    line = "与年初预算相比，收、支总计各增加 8.00万元，增长 8.00%，变动原因：追加资金；人员增加；与上年决算相比，收、支总计各减少 2.00万元。"
    assert change_in(line)["原因"] == "追加资金；人员增加；"


def test_traditional_characters_become_simplified_and_punctuation_stays_full_width():
    line = "與上年決算相比，減少 1.00萬元，下降 2.00%，變動原因：壓減經費，節約開支。"
    assert change_in(line)["原因"] == "压减经费，节约开支。"
