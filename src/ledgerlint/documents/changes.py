"""The template's change statement, read from a sentence of the published text.

The same shape recurs in every section: a comparison base, a direction with an amount, often a second
direction with a percent, and a reason —

    与上年决算相比，增加 A万元，增长 P%，变动原因：…
    比上年决算数减少A万元，下降P%。            较2022年度决算减少P%
    与年初预算相比，收、支总计各增加 A万元，增长 P%

It becomes the model's comparison object ({方向, 金额, 百分比方向, 百分比, 原因}, as in the disclosure
schema) plus the base it was made against. A figure that is a placeholder ("XX.X") is kept as written, a
string, so that `check` reports it. Input is a normalised sentence (doctext.normalise: ASCII commas and
colons, simplified characters); 原因 is therefore in normalised form too, and the extractor still has to
map it back to the document's own punctuation before writing it out.
"""
import re
from decimal import Decimal

from ledgerlint.documents.doctext import NUMBER, PLACEHOLDER
from ledgerlint.limits import MAX_FIGURE_DIGITS

_DIRECTIONS = "增加|减少|增长|下降|上升|降低"
# a direction word, with the template's other word left beside it where the writer forgot to delete it
# ("下降（增长）27.78%": kept as written, so that the slip is reported, not resolved by a guess)
_DIRECTION = rf"(?:{_DIRECTIONS})(?:\s*\((?:{_DIRECTIONS})\))?"
_NUMBER = f"{NUMBER}|{PLACEHOLDER}"

_CHANGE = re.compile(
    r"(?:与|比|较)\s*(?P<base>上年决算|上一?年度?决算|上一?年度|上年|年初预算|全年预算|年度预算|调整预算"
    r"|\d{4}\s*年度?决算|\d{4}\s*年度?)(?:数)?"
    r"\s*(?:相比|比较|对比)?\s*,?"
    r"(?P<subject>[^,;。]{0,20}?)"                       # "收、支总计各", "增加）" slips and the like
    rf"(?:(?P<dir>{_DIRECTION})\s*\)?\s*"                 # a stray ")" after the word is a slip seen
    # "各增加A万元、B万元，各增长P%、Q%" (Sichuan): one change stated for both totals; the first is kept
    rf"(?:(?P<amount>{_NUMBER})\s*(?:万元)?(?:\s*[、,]\s*(?P<amount2>{_NUMBER}))?\s*万元"
    rf"(?:\s*,?\s*各?(?P<pdir>{_DIRECTION})\s*(?:(?P<pct1>{_NUMBER})\s*%(?:\s*[、,]\s*(?P<pct1b>{_NUMBER})\s*%)?"
    # "增长--（基数为0，不可比）": no percent, and why
    rf"|[-—]+\s*\((?P<nopct>[^)]*不可比[^)]*)\))?)?"
    rf"|(?P<pct2>{_NUMBER})\s*%)"
    r"|(?P<flat>(?:基本)?持平|无变化|无增减))"          # "…总计持平", "与上一年度持平": no amount
    # the reason: "变动原因：…", "主要原因是…", or said without the word: "主要是…", "主要由于…"
    r"(?:\s*,?\s*(?:[^,;。]{0,6}?原因(?:是|为|:)|主要(?:是|由于|因为)|是由于|由于)\s*(?P<reason>[^。]*))?")


def as_figure(text: str):
    """The number as written — an int where it has no decimals (a count, a score: exact, as in the JSON
    model), else a Decimal with its precision — or the text itself when it is a placeholder."""
    cleaned = text.replace(",", "").replace(" ", "")
    # a run of more digits than any amount (as the JSON loader's bound) is kept as written: check reports
    # it as no number, where int() would refuse more than 4,300 digits with an error of its own
    if not cleaned[-1:].isdigit() or sum(ch.isdigit() for ch in cleaned) > MAX_FIGURE_DIGITS:
        return text
    return Decimal(cleaned) if "." in cleaned else int(cleaned)


def read_change(sentence: str) -> dict | None:
    """The first change statement in the sentence, or None. Keys: 基准 (the base as written), 方向,
    and those of 金额, 百分比方向, 百分比, 原因 that the sentence states, and 各 when one change is
    stated for several totals at once ("收、支总计各增加"), 百分比说明 where a percent is said not to be
    comparable, and 再次 ({金额, 百分比}) for the second figures of "各增加A、B万元，各增长P%、Q%"."""
    match = _CHANGE.search(sentence)
    if match is None:
        return None
    found = {"基准": re.sub(r"\s+", "", match["base"])}
    if match["flat"] is not None:
        found["方向"] = "持平"
    else:
        found["方向"] = re.sub(r"\s+", "", match["dir"])
    if match["flat"] is not None:
        pass
    elif match["amount"] is not None:
        found["金额"] = as_figure(match["amount"])
        if match["pct1"] is not None:
            found["百分比方向"] = re.sub(r"\s+", "", match["pdir"])
            found["百分比"] = as_figure(match["pct1"])
        elif match["nopct"] is not None:
            found["百分比方向"] = re.sub(r"\s+", "", match["pdir"])
            found["百分比说明"] = match["nopct"].strip()
        # "各减少A、B万元，各下降P%、Q%": the second of each, for the other total, as a restatement
        again = {key: as_figure(match[group]) for key, group in (("金额", "amount2"), ("百分比", "pct1b"))
                 if match[group] is not None}
        if again:
            found["再次"] = again
    else:
        found["百分比"] = as_figure(match["pct2"])
    if match["reason"]:
        found["原因"] = match["reason"].strip()
    if match["subject"].endswith("各"):
        found["各"] = True
    return found
