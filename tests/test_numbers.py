"""Rounding semantics: a stated figure is an interval; comparisons hold when the intervals allow it."""
from decimal import Decimal as D

import pytest

from ledgerlint.language import numbers as n
from ledgerlint.language.numbers import Num, NotEvaluated, stated

R = D(0)  # tolerance: rounding (no extra allowance)


def s(text):
    return stated(D(text))


def test_a_stated_figure_stands_for_half_a_unit_either_side():
    x = s("1687.40")
    assert (x.lo, x.hi) == (D("1687.395"), D("1687.405"))
    assert stated(32).is_exact
    y = s("0.8")
    assert (y.lo, y.hi) == (D("0.75"), D("0.85"))


def test_sum_of_four_rounded_items_matches_its_rounded_total():
    total = n.add(n.add(s("17.77"), s("269.83")), n.add(s("655.67"), s("70.00")))
    assert total.value == D("1013.27")
    assert n.eq(total, s("1013.28"), R)
    assert not n.eq(total, s("1013.28"), None)  # tolerance: exact compares as written


def test_a_rate_that_no_rounding_of_its_inputs_reaches_fails():
    rate = n.mul(n.div(s("511.29"), s("437.15")), Num.exact(100))
    assert rate.hi < D("116.965")
    assert not n.eq(rate, s("116.97"), R)
    assert n.eq(rate, s("116.96"), R)


def test_a_one_cent_slip_between_exact_figures_is_caught():
    assert not n.eq(stated(100), Num.exact(D("100.01")), R)
    assert not n.eq(s("10.00"), s("10.02"), R)
    assert n.eq(s("10.00"), s("10.01"), R)  # both rounded: 10.005 could be either


def test_a_numeric_tolerance_widens_the_allowance():
    assert not n.eq(s("10.00"), s("10.03"), R)
    assert n.eq(s("10.00"), s("10.03"), D("0.02"))


def test_order_comparisons_give_the_benefit_of_rounding():
    assert n.le(s("100.00"), s("99.99"), R)       # 99.995 <= 99.995
    assert not n.le(s("100.00"), s("99.98"), R)
    assert n.lt(s("0.00"), Num.exact(0).__class__.exact(D("0.001")), R)
    assert not n.lt(s("5.00"), s("4.00"), R)


def test_subtraction_and_negation_carry_the_bounds():
    d = n.sub(s("23.97"), s("22.95"))
    assert d.value == D("1.02") and (d.lo, d.hi) == (D("1.01"), D("1.03"))
    assert n.eq(d, s("1.03"), R)
    m = n.neg(s("4.79"))
    assert (m.lo, m.hi) == (D("-4.795"), D("-4.785"))


def test_division_by_zero_is_not_evaluated_and_a_near_zero_divisor_allows_anything():
    with pytest.raises(NotEvaluated):
        n.div(s("1.00"), s("0.00"))
    q = n.div(s("1.00"), n.sub(s("1.00"), s("0.99")))  # 0.01 ± 0.01
    assert q.lo == -n.INF and q.hi == n.INF


def test_round_rounds_half_up_at_both_ends():
    r = n.round_num(n.div(Num.exact(2), Num.exact(3)), 2)
    assert r.value == D("0.67")
    assert n.round_num(Num.exact(D("2.345")), 2).value == D("2.35")


def test_format_keeps_stated_figures_and_shortens_quotients():
    assert n.fmt(D("1687.40")) == "1687.40"
    assert n.fmt(D(2) / D(3)) == "0.6667"


def test_division_bounds_are_the_extremes_of_the_four_corners_for_every_sign():
    # div() takes two corners for a positive divisor: they must be the min and max of all four quotients
    import random
    rng = random.Random(7)
    for _ in range(3000):
        a = s(f"{rng.randint(-50000, 50000) / 100:.2f}")
        b = s(f"{rng.randint(-50000, 50000) / 100:.{rng.choice((0, 1, 2))}f}")
        if b.value == 0 or b.lo <= 0 <= b.hi:
            continue
        corners = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi]
        q = n.div(a, b)
        assert (q.lo, q.hi) == (min(corners), max(corners)), (a, b)


@pytest.mark.parametrize("written", ["0", "-0", "0.00", "-0.00", "100", "1E+3", "1.5E+3", "-2.50E+2", "1E-7",
                                     "0.0000001", "0.00005", "-0.000049999", "123.456789", "1687.40",
                                     "12345678901234567890.12", "5E-10", "7.0000"])
def test_figures_are_printed_plainly_and_long_fractions_to_four_places(written):
    # fmt reads the digits from str() where that has no exponent; it must print what format(…, "f") of
    # the figure (or of it at four places, for more decimals than four) prints, for every form
    d = D(written)
    expected = format(d.quantize(D("0.0001")) if d.as_tuple().exponent < -4 else d, "f")
    assert n.fmt(d) == expected
    assert "E" not in n.fmt(d)
