"""Regression floor on the held-out set (tests/text/data/holdout.jsonl, see HOLDOUT.md).

Written blind from the README before the analyser was read; its baseline figures are recorded
in HOLDOUT.md. Later rule changes were made with its failures in view, so current figures are
optimistic; the floors sit below those achieved and at least at the hidden-set targets."""
import pytest

from tests.text.labelled_sets import DATA, check_well_formed, metric, score_set

SET = DATA / "holdout.jsonl"
FLOORS = {
    ("themes_micro", "f1"): 0.74,
    ("sentiment_accuracy", None): 0.7,
    ("safeguarding", "recall"): 0.96,
    ("safeguarding", "precision"): 0.6,
    ("pii", "recall"): 0.93,
    ("pii", "precision"): 0.85,
    ("abusive", "recall"): 0.9,
    ("abusive", "precision"): 0.8,
}


@pytest.fixture(scope="module")
def result():
    return score_set(SET)


@pytest.mark.parametrize("name, part", list(FLOORS))
def test_holdout_metric_stays_above_floor(result, name, part):
    assert metric(result, name, part) >= FLOORS[(name, part)]


def test_holdout_set_is_well_formed():
    check_well_formed(SET, 200)
