"""Disclosures written by ledgerlint keep every figure exactly as held."""
import json
from decimal import Decimal

import pytest

from helpers import SEED, read_json
from helpers.figures import leaves
from ledgerlint.decimaljson import dumps


def test_figures_keep_their_written_precision_and_text_stays_text():
    doc = {"总计": Decimal("1687.40"), "负": Decimal("-4.79"), "整": 3, "文": "#12", "空": None, "真": True,
           "列": [Decimal("0.00"), {"占比": Decimal("100.00")}], "无": {}}
    text = dumps(doc)
    assert '"总计": 1687.40' in text and '"占比": 100.00' in text and '"文": "#12"' in text
    assert json.loads(text, parse_float=Decimal) == doc


@pytest.mark.parametrize("indent", [None, 1, 2])
def test_the_seed_round_trips_exactly(indent):
    seed = read_json(SEED)
    text = dumps(seed, indent)
    assert json.loads(text, parse_float=Decimal) == seed
    written = [(p, str(v)) for p, v in leaves(json.loads(text, parse_float=Decimal)) if isinstance(v, Decimal)]
    assert written == [(p, str(v)) for p, v in leaves(seed) if isinstance(v, Decimal)]


def test_a_value_json_cannot_hold_is_refused():
    with pytest.raises(ValueError):
        dumps({"x": Decimal("NaN")})

