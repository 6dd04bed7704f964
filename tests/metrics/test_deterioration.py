"""The deterioration rule as a pure function: which figures open which actions."""

from datetime import date

import pytest

from portal.metrics.deterioration import (
    RAG_DROP,
    WORSE_THAN_BASELINE,
    WORSE_THAN_PREVIOUS,
    deterioration,
    rag_dropped,
)

pytestmark = pytest.mark.pure

AFTER = {"date_from": date(2026, 10, 1), "baseline": {"date_to": date(2026, 9, 30)}}


def _figure(favourable, n, rag="grey", change=None, **extra):
    return {
        "favourable": favourable,
        "n": n,
        "suppressed": False,
        "rag": rag,
        "change": change,
        **extra,
    }


@pytest.mark.parametrize(
    "before, after, dropped",
    [
        ("green", "amber", True),
        ("green", "red", True),
        ("amber", "red", True),
        ("amber", "green", False),
        ("red", "amber", False),
        ("green", "green", False),
        ("green", "unclear", False),
        ("unclear", "red", False),
        ("grey", "red", False),
        ("green", "grey", False),
        (None, "red", False),
    ],
)
def test_rag_drop(before, after, dropped):
    assert rag_dropped(before, after) is dropped


def test_worse_than_the_baseline_only_after_the_baseline_period():
    worse = {"difference": -0.3, "ci_low": -0.45, "ci_high": -0.12, "verdict": "worse"}
    kinds = [
        t.kind
        for t in deterioration(_figure(40, 100, change=worse, **AFTER), None, "higher_is_better")
    ]
    assert kinds == [WORSE_THAN_BASELINE]
    before = {**AFTER, "date_from": date(2026, 4, 1)}
    assert deterioration(_figure(40, 100, change=worse, **before), None, "higher_is_better") == []
    unclear = {**worse, "ci_high": 0.01, "verdict": "no clear change"}
    assert deterioration(_figure(40, 100, change=unclear, **AFTER), None, "higher_is_better") == []


@pytest.mark.parametrize(
    "polarity, now, then, worse",
    [
        ("higher_is_better", 40, 80, True),  # fell, higher is better: worse
        ("higher_is_better", 80, 40, False),  # rose: better
        ("lower_is_better", 80, 40, True),  # rose, lower is better: worse
        ("higher_is_better", 50, 55, False),  # interval holds zero: no clear change
    ],
)
def test_worse_than_the_previous_period_in_the_measures_polarity(polarity, now, then, worse):
    found = deterioration(_figure(now, 100), _figure(then, 100), polarity)
    assert [t.kind for t in found] == ([WORSE_THAN_PREVIOUS] if worse else [])
    if worse:
        assert found[0].ci_low < found[0].ci_high and (found[0].ci_high < 0 or found[0].ci_low > 0)


def test_a_hidden_period_is_never_compared():
    hidden = {"favourable": None, "n": None, "suppressed": True, "rag": "grey", "change": None}
    assert deterioration(_figure(10, 100), hidden, "higher_is_better") == []
    assert deterioration(hidden, _figure(90, 100), "higher_is_better") == []


def test_a_status_drop_is_its_own_trigger():
    found = deterioration(
        _figure(None, 3, rag="red"), _figure(None, 3, rag="green"), "lower_is_better"
    )
    assert [(t.kind, t.rag_before, t.rag_after) for t in found] == [(RAG_DROP, "green", "red")]
