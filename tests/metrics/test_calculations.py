"""Tests for portal.metrics: no app, no database, only numbers in and numbers out.

Published reference values are checked to 4 decimal places (abs=1e-4):
  * Wilson: Newcombe RG, Statistics in Medicine 1998;17:857-872, Table I (score method, no
    continuity correction).
  * Difference: Newcombe RG, Statistics in Medicine 1998;17:873-890, Table II, method 10.
"""

from __future__ import annotations

import datetime as dt

import pytest

from portal.metrics.calculations import (
    Cell,
    change_verdict,
    financial_quarter,
    financial_year,
    median_days,
    newcombe_difference,
    proportion,
    rag_status,
    representativeness,
    summary,
    suppress,
    wilson_interval,
)

pytestmark = pytest.mark.pure

# ---------------------------------------------------------------- proportion


@pytest.mark.parametrize(
    ("favourable", "n", "expected"),
    [(0, 0, None), (0, 9, 0.0), (9, 9, 1.0), (7, 10, 0.7), (0, 10, 0.0), (10, 10, 1.0)],
)
def test_proportion(favourable, n, expected):
    assert proportion(favourable, n) == expected


@pytest.mark.parametrize(("favourable", "n"), [(-1, 10), (0, -1), (11, 10), (1, 0)])
def test_proportion_refuses_impossible_counts(favourable, n):
    with pytest.raises(ValueError):
        proportion(favourable, n)


@pytest.mark.parametrize(("favourable", "n"), [(1.5, 10), (True, 10), ("3", 10)])
def test_proportion_refuses_non_integers(favourable, n):
    with pytest.raises(TypeError):
        proportion(favourable, n)


# ---------------------------------------------------------------- Wilson


# Worked by hand for 1/29 at z = 1.959964 (z^2 = 3.841459):
#   p = 1/29 = 0.034483
#   denominator = 1 + z^2/n            = 1 + 3.841459/29              = 1.132464
#   centre      = (p + z^2/2n) / denom = (0.034483 + 0.066232) / 1.132464 = 0.088934
#   root        = sqrt(p(1-p)/n + z^2/4n^2) = sqrt(0.0011481 + 0.0011419)  = 0.047854
#   half width  = z * root / denom     = 1.959964 * 0.047854 / 1.132464   = 0.082821
#   interval    = 0.088934 -/+ 0.082821 = (0.0061, 0.1718), as Newcombe's Table I prints.
@pytest.mark.parametrize(
    ("favourable", "n", "low", "high"),
    [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_matches_newcombe_table_1(favourable, n, low, high):
    assert wilson_interval(favourable, n) == pytest.approx((low, high), abs=1e-4)


def test_wilson_is_none_without_data():
    assert wilson_interval(0, 0) is None


@pytest.mark.parametrize("n", [1, 9, 10, 20, 1000])
def test_wilson_boundaries_are_exact(n):
    none_low, none_high = wilson_interval(0, n)
    all_low, all_high = wilson_interval(n, n)
    assert none_low == 0.0 and 0.0 < none_high < 1.0
    assert all_high == 1.0 and 0.0 < all_low < 1.0
    assert all_low == pytest.approx(1 - none_high)


@pytest.mark.parametrize(("favourable", "n"), [(1, 9), (5, 9), (1, 10), (5, 10), (9, 10)])
def test_wilson_brackets_the_proportion(favourable, n):
    low, high = wilson_interval(favourable, n)
    assert 0.0 < low < favourable / n < high < 1.0


def test_wilson_five_of_ten_is_symmetric():
    assert wilson_interval(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)


def test_wilson_narrower_z_gives_narrower_interval():
    wide = wilson_interval(30, 100)
    narrow = wilson_interval(30, 100, z=1.0)
    assert wide[0] < narrow[0] < narrow[1] < wide[1]


@pytest.mark.parametrize("z", [0, -1.96])
def test_wilson_refuses_non_positive_z(z):
    with pytest.raises(ValueError):
        wilson_interval(3, 10, z=z)


# ---------------------------------------------------------------- Newcombe

# Newcombe 1998, Table II, method 10. Note example (a): 56/70 - 48/80 is 0.8 - 0.6 = 0.2000,
# and the published interval is 0.0524 to 0.3339.
NEWCOMBE_TABLE_2 = [
    ((56, 70, 48, 80), 0.2000, 0.0524, 0.3339),
    ((9, 10, 3, 10), 0.6000, 0.1705, 0.8090),
    ((6, 7, 2, 7), 4 / 7, 0.0582, 0.8062),
    ((5, 56, 0, 29), 5 / 56, -0.0381, 0.1926),
    ((0, 10, 0, 20), 0.0, -0.1611, 0.2775),
    ((0, 10, 0, 10), 0.0, -0.2775, 0.2775),
    ((10, 10, 0, 20), 1.0, 0.6791, 1.0000),
    ((10, 10, 0, 10), 1.0, 0.6075, 1.0000),
]


@pytest.mark.parametrize(("counts", "difference", "low", "high"), NEWCOMBE_TABLE_2)
def test_newcombe_matches_table_2(counts, difference, low, high):
    assert newcombe_difference(*counts) == pytest.approx((difference, low, high), abs=1e-4)


@pytest.mark.parametrize("counts", [(0, 0, 5, 10), (5, 10, 0, 0), (0, 0, 0, 0)])
def test_newcombe_is_none_when_either_group_is_empty(counts):
    assert newcombe_difference(*counts) is None


def test_newcombe_swapping_groups_negates_the_interval():
    difference, low, high = newcombe_difference(56, 70, 48, 80)
    assert newcombe_difference(48, 80, 56, 70) == pytest.approx((-difference, -high, -low))


def test_newcombe_refuses_impossible_counts():
    with pytest.raises(ValueError):
        newcombe_difference(11, 10, 3, 10)


# ---------------------------------------------------------------- change verdict


@pytest.mark.parametrize(
    ("interval", "polarity", "expected"),
    [
        ((0.0524, 0.3339), "higher_is_better", "improved"),
        ((0.2, 0.0524, 0.3339), "higher_is_better", "improved"),
        ((0.2, 0.0524, 0.3339), "lower_is_better", "worse"),
        ((-0.3339, -0.0524), "higher_is_better", "worse"),
        ((-0.3339, -0.0524), "lower_is_better", "improved"),
        ((-0.1611, 0.2775), "higher_is_better", "no clear change"),
        ((-0.1611, 0.2775), "lower_is_better", "no clear change"),
        ((0.0, 0.3), "higher_is_better", "no clear change"),
        ((-0.3, 0.0), "lower_is_better", "no clear change"),
        (None, "higher_is_better", None),
    ],
)
def test_change_verdict(interval, polarity, expected):
    assert change_verdict(interval, polarity) == expected


def test_change_verdict_reads_newcombe_output():
    assert change_verdict(newcombe_difference(9, 10, 3, 10)) == "improved"
    assert change_verdict(newcombe_difference(6, 10, 5, 10)) == "no clear change"


@pytest.mark.parametrize(
    ("interval", "polarity"),
    [((0.1, 0.2), "sideways"), ((0.3, 0.1), "higher_is_better"), ((0.1,), "higher_is_better")],
)
def test_change_verdict_refuses_bad_input(interval, polarity):
    with pytest.raises(ValueError):
        change_verdict(interval, polarity)


# ---------------------------------------------------------------- suppression


def _cells(*sizes):
    """Cells keyed "a", "b", ... with the given n and half of each favourable."""
    return [Cell(chr(97 + i), f"Area {i}", n // 2, n) for i, n in enumerate(sizes)]


def _reasons(results):
    return {result.key: result.reason for result in results if result.suppressed}


@pytest.mark.parametrize(
    ("sizes", "total_shown", "expected"),
    [
        # Nothing small: nothing hidden.
        ((10, 40, 30), True, {}),
        # n of 9 is hidden, n of 10 is shown; one small cell takes the next smallest with it.
        ((9, 40, 30, 50), True, {"a": "small", "c": "complementary"}),
        ((10, 40, 30, 50), True, {}),
        # Without a shown total there is nothing to subtract from.
        ((5, 40, 30, 50), False, {"a": "small"}),
        # Two small cells that together reach the threshold are safe as they are.
        ((4, 6, 40, 50), True, {"a": "small", "b": "small"}),
        # Two small cells still under 10 together: a third is hidden.
        ((3, 4, 40, 30, 50), True, {"a": "small", "b": "small", "d": "complementary"}),
        # Three tiny cells, combined 6: the fourth (smallest large) goes too.
        ((1, 2, 3, 12, 20), True, {"a": "small", "b": "small", "c": "small", "d": "complementary"}),
        # A cell with no data hides nothing, so it takes nothing with it.
        ((0, 40, 30), True, {"a": "no data"}),
        # ...but it does not count as the second cell of a hidden group either.
        ((0, 3, 40, 30), True, {"a": "no data", "b": "small", "d": "complementary"}),
        # Two cells, one small: both hidden.
        ((3, 80), True, {"a": "small", "b": "complementary"}),
        # Everything small: everything hidden, nothing left to add.
        ((1, 2), True, {"a": "small", "b": "small"}),
        # Ties for the next smallest go to the cell that comes first.
        ((5, 30, 30), True, {"a": "small", "b": "complementary"}),
        ((), True, {}),
    ],
)
def test_suppress(sizes, total_shown, expected):
    assert _reasons(suppress(_cells(*sizes), total_shown=total_shown)) == expected


def test_suppress_threshold_is_a_setting():
    assert _reasons(suppress(_cells(4, 5, 6), threshold=5)) == {"a": "small", "b": "complementary"}


def test_suppress_keeps_order_and_hides_figures():
    cells = [Cell("n", "North", 3, 5), Cell("s", "South", 30, 40), Cell("e", "East", 9, 45)]
    results = suppress(cells)
    assert [result.key for result in results] == ["n", "s", "e"]
    north, south, east = results
    assert (north.suppressed, north.n, north.favourable, north.value) == (True, None, None, None)
    assert (south.suppressed, south.n, south.favourable, south.value) == (True, None, None, None)
    assert (east.suppressed, east.reason, east.n, east.favourable, east.value) == (
        False,
        None,
        45,
        9,
        0.2,
    )


def test_suppress_never_shows_a_small_cell():
    for sizes in [(1, 9, 9, 10), (9, 11), (0, 0, 9), (2, 3, 4, 100, 200)]:
        for result, cell in zip(suppress(_cells(*sizes)), _cells(*sizes), strict=True):
            assert result.suppressed or cell.n >= 10


@pytest.mark.parametrize(
    ("cells", "threshold"),
    [(_cells(20, 30), 0), ([Cell("a", "A", 1, 20), Cell("a", "A again", 2, 20)], 10)],
)
def test_suppress_refuses_bad_settings(cells, threshold):
    with pytest.raises(ValueError):
        suppress(cells, threshold=threshold)


@pytest.mark.parametrize(("favourable", "n"), [(11, 10), (-1, 10), (0, -1)])
def test_cell_refuses_impossible_counts(favourable, n):
    with pytest.raises(ValueError):
        Cell("a", "A", favourable, n)


# ---------------------------------------------------------------- financial periods


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2027, 3, 31), ("2026/27", "Q4")),
        (dt.date(2027, 4, 1), ("2027/28", "Q1")),
        (dt.date(2026, 4, 1), ("2026/27", "Q1")),
        (dt.date(2026, 6, 30), ("2026/27", "Q1")),
        (dt.date(2026, 7, 1), ("2026/27", "Q2")),
        (dt.date(2026, 9, 30), ("2026/27", "Q2")),
        (dt.date(2026, 10, 1), ("2026/27", "Q3")),
        (dt.date(2026, 12, 31), ("2026/27", "Q3")),
        (dt.date(2027, 1, 1), ("2026/27", "Q4")),
        (dt.date(2029, 3, 31), ("2028/29", "Q4")),
        (dt.date(2099, 5, 1), ("2099/00", "Q1")),
        (dt.datetime(2026, 9, 30, 23, 59), ("2026/27", "Q2")),
    ],
)
def test_financial_quarter(day, expected):
    assert financial_quarter(day) == expected
    assert financial_year(day) == expected[0]


@pytest.mark.parametrize("day", ["2026-04-01", None, 20260401])
def test_financial_periods_need_a_date(day):
    with pytest.raises(TypeError):
        financial_quarter(day)
    with pytest.raises(TypeError):
        financial_year(day)


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([], None),
        ([(dt.date(2026, 5, 1), None)], None),
        ([(dt.date(2026, 5, 1), dt.date(2026, 5, 1))], 0.0),
        ([(dt.date(2026, 5, 1), dt.date(2026, 5, 11))], 10.0),
        (
            [
                (dt.date(2026, 5, 1), dt.date(2026, 5, 4)),
                (dt.date(2026, 5, 1), dt.date(2026, 5, 21)),
                (dt.date(2026, 12, 31), dt.date(2027, 1, 7)),
                (dt.date(2026, 6, 1), None),
            ],
            7.0,
        ),
        (
            [
                (dt.date(2026, 5, 1), dt.date(2026, 5, 2)),
                (dt.date(2026, 5, 1), dt.date(2026, 5, 5)),
            ],
            2.5,
        ),
        ([(dt.datetime(2026, 5, 1, 23, 0), dt.datetime(2026, 5, 2, 1, 0))], 1.0),
    ],
)
def test_median_days(pairs, expected):
    assert median_days(pairs) == expected


def test_median_days_refuses_an_end_before_its_start():
    with pytest.raises(ValueError):
        median_days([(dt.date(2026, 5, 2), dt.date(2026, 5, 1))])


# ---------------------------------------------------------------- RAG


@pytest.mark.parametrize(
    ("value", "target", "polarity", "expected"),
    [
        (0.70, 0.70, "higher_is_better", "green"),
        (0.71, 0.70, "higher_is_better", "green"),
        (0.69, 0.70, "higher_is_better", "amber"),
        (0.65, 0.70, "higher_is_better", "amber"),
        (0.6499, 0.70, "higher_is_better", "red"),
        (0.75, 0.80, "higher_is_better", "amber"),
        (0.55, 0.60, "higher_is_better", "amber"),
        (0.0, 0.05, "higher_is_better", "amber"),
        (0.95, 1.0, "higher_is_better", "amber"),
        (0.10, 0.10, "lower_is_better", "green"),
        (0.05, 0.10, "lower_is_better", "green"),
        (0.15, 0.10, "lower_is_better", "amber"),
        (0.1501, 0.10, "lower_is_better", "red"),
        (0.65, 0.70, "lower_is_better", "green"),
        (0.75, 0.70, "lower_is_better", "amber"),
        (0.80, 0.70, "lower_is_better", "red"),
    ],
)
def test_rag_boundaries(value, target, polarity, expected):
    assert rag_status(value, target, polarity=polarity) == expected


@pytest.mark.parametrize(
    ("value", "target", "suppressed"),
    [(0.9, 0.7, True), (None, 0.7, False), (0.9, None, False), (float("nan"), 0.7, False)],
)
def test_rag_grey(value, target, suppressed):
    assert rag_status(value, target, suppressed=suppressed) == "grey"


def test_rag_margin_is_a_setting():
    assert rag_status(0.62, 0.70, amber_margin=0.10) == "amber"
    assert rag_status(0.69, 0.70, amber_margin=0.0) == "red"


@pytest.mark.parametrize(
    ("value", "interval", "polarity", "expected"),
    [
        (
            0.61,
            (0.43, 0.79),
            "higher_is_better",
            "unclear",
        ),  # the case: below target, but the range holds it
        (
            0.74,
            (0.66, 0.81),
            "higher_is_better",
            "unclear",
        ),  # above target, not yet shown to meet it either
        (0.61, (0.55, 0.67), "higher_is_better", "red"),
        (0.80, (0.70, 0.88), "higher_is_better", "green"),
        (0.65, (0.62, 0.67), "higher_is_better", "amber"),
        (0.60, (0.50, 0.70), "lower_is_better", "unclear"),
        (0.72, (0.69, 0.76), "lower_is_better", "amber"),
        (0.61, (None, None), "higher_is_better", "red"),  # no interval: the point value decides
    ],
)
def test_rag_is_unclear_when_the_interval_contains_the_target(value, interval, polarity, expected):
    assert rag_status(value, 0.68, polarity=polarity, interval=interval) == expected


@pytest.mark.parametrize(("polarity", "margin"), [("sideways", 0.05), ("higher_is_better", -0.01)])
def test_rag_refuses_bad_settings(polarity, margin):
    with pytest.raises(ValueError):
        rag_status(0.5, 0.6, amber_margin=margin, polarity=polarity)


# ---------------------------------------------------------------- summary


@pytest.mark.parametrize(("favourable", "n"), [(0, 0), (0, 9), (5, 9), (9, 9)])
def test_summary_hides_small_numbers(favourable, n):
    result = summary(favourable, n)
    assert result.suppressed is True
    assert result.n == n
    assert (result.value, result.favourable, result.ci_low, result.ci_high) == (None,) * 4


@pytest.mark.parametrize(
    ("favourable", "n", "value", "low", "high"),
    [
        (0, 10, 0.0, 0.0, 0.2775),
        (10, 10, 1.0, 0.7225, 1.0),
        (5, 10, 0.5, 0.2366, 0.7634),
        (81, 263, 81 / 263, 0.2553, 0.3662),
    ],
)
def test_summary_shows_value_and_interval(favourable, n, value, low, high):
    result = summary(favourable, n)
    assert result.suppressed is False
    assert (result.n, result.favourable) == (n, favourable)
    shown = (result.value, result.ci_low, result.ci_high)
    assert shown == pytest.approx((value, low, high), abs=1e-4)


def test_summary_threshold_is_a_setting_and_serialises():
    assert summary(3, 5, threshold=5).as_dict() == {
        "value": 0.6,
        "n": 5,
        "favourable": 3,
        "ci_low": pytest.approx(0.2307, abs=1e-4),
        "ci_high": pytest.approx(0.8824, abs=1e-4),
        "suppressed": False,
    }
    assert summary(0, 0, threshold=1).suppressed is True


@pytest.mark.parametrize(("favourable", "n", "threshold"), [(11, 10, 10), (-1, 10, 10), (1, 10, 0)])
def test_summary_refuses_bad_input(favourable, n, threshold):
    with pytest.raises(ValueError):
        summary(favourable, n, threshold=threshold)


# ---------------------------------------------------------------- representativeness


def _by_name(result):
    return {share.locality: share for share in result.localities}


def test_representativeness_against_fair_shares():
    result = representativeness(
        {"North": 60, "South": 30, "East": 10},
        {"North": 400, "South": 300, "East": 300},
    )
    north, south, east = (_by_name(result)[name] for name in ("North", "South", "East"))
    assert (north.responses, north.response_share, north.population_share) == (60, 0.6, 0.4)
    assert north.index == pytest.approx(1.5) and not north.under_represented
    assert south.index == pytest.approx(1.0) and not south.under_represented
    assert east.index == pytest.approx(1 / 3) and east.under_represented
    assert (result.represented, result.total_localities, result.total_responses) == (3, 3, 100)
    assert result.all_represented is True
    assert result.under_represented == ["East"]


def test_representativeness_exactly_half_is_not_flagged():
    result = _by_name(representativeness({"A": 25, "B": 75}, {"A": 50, "B": 50}))
    assert result["A"].index == pytest.approx(0.5) and not result["A"].under_represented


def test_representativeness_with_missing_population():
    result = representativeness(
        {"North": 50, "South": 30, "West": 20, "Elsewhere": 5},
        {"North": 500, "South": 500, "West": None, "East": 200},
    )
    shares = _by_name(result)
    assert list(shares) == ["North", "South", "West", "East", "Elsewhere"]
    for name in ("West", "Elsewhere"):
        assert shares[name].population is None and shares[name].population_share is None
        assert shares[name].index is None and not shares[name].under_represented
    assert shares["West"].response_share == pytest.approx(20 / 105)
    # Index compares shares among localities with a figure: North 50/80 of responses, 500/1200
    # of population.
    assert shares["North"].index == pytest.approx((50 / 80) / (500 / 1200))
    assert shares["South"].index == pytest.approx((30 / 80) / (500 / 1200))
    assert shares["East"].responses == 0 and shares["East"].index == 0.0
    assert shares["East"].under_represented
    assert (result.represented, result.total_localities) == (4, 5)
    assert result.all_represented is False


@pytest.mark.parametrize(
    ("responses", "population"),
    [
        ({}, {"A": 100, "B": 50}),
        ({"A": 0, "B": 0}, {"A": 0, "B": 0}),
        ({"A": 4}, {"A": 0, "B": None}),
    ],
)
def test_representativeness_with_zero_totals(responses, population):
    result = representativeness(responses, population)
    for share in result.localities:
        assert not share.under_represented
        assert share.index is None or share.index >= 0.5
    assert result.total_localities == 2


def test_representativeness_zero_responses_everywhere():
    result = representativeness({}, {"A": 100, "B": 50})
    assert result.total_responses == 0 and result.represented == 0
    assert all(s.response_share is None and s.index is None for s in result.localities)
    assert _by_name(result)["A"].population_share == pytest.approx(2 / 3)


def test_representativeness_with_no_localities():
    result = representativeness({}, {})
    assert (result.localities, result.represented, result.all_represented) == ([], 0, False)


@pytest.mark.parametrize(
    ("responses", "population"), [({"A": -1}, {"A": 10}), ({"A": 1}, {"A": -10})]
)
def test_representativeness_refuses_negative_figures(responses, population):
    with pytest.raises(ValueError):
        representativeness(responses, population)
