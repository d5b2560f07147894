"""What the tests share: the checkout's folders and files, and a JSON reader that keeps figures exact.

The helpers of particular tests live beside this: documents (Word and PDF files written from a text form),
figures (the extractor's acceptance measure), strategies (Hypothesis strategies of the property tests)."""
import json
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "2023-erguna-waishi" / "disclosure.json"
SYNTHETIC = [EXAMPLES / "2023-synthetic-shiye" / "disclosure.json",
             EXAMPLES / "2023-synthetic-xingzheng" / "disclosure.json"]
RULES = ROOT / "rules"


def read_json(path):
    return json.loads(Path(path).read_text(encoding="utf-8"), parse_float=Decimal)
