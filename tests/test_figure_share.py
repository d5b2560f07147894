"""The extractor's acceptance measure itself (tests/helpers/figures.py)."""
import copy
from decimal import Decimal

from helpers import SEED, read_json
from helpers.figures import figure_share


def test_the_seed_against_itself_is_all_right():
    seed = read_json(SEED)
    share, misses = figure_share(seed, copy.deepcopy(seed))
    assert (share, misses) == (1.0, [])


def test_a_changed_a_missing_and_a_differently_written_figure():
    expected = {"a": {"b": Decimal("1687.40"), "c": [Decimal("1.5"), 2]}, "d": "XX.X%", "e": "原因", "f": True}
    got = {"a": {"b": Decimal("1687.4"), "c": [Decimal("1.6")]}, "d": "XX.X%", "e": "别的"}
    share, misses = figure_share(expected, got, placeholders={"d"})
    assert misses == [("a.c[0]", Decimal("1.5"), Decimal("1.6")), ("a.c[1]", 2, None)]
    assert share == 0.5   # b and d right, of four figures; text and booleans are not figures


def test_a_number_read_as_text_is_a_miss():
    share, misses = figure_share({"x": Decimal("5.00")}, {"x": "5.00"})
    assert share == 0.0 and misses == [("x", Decimal("5.00"), "5.00")]
