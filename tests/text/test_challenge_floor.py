"""Regression floor on the challenge set (tests/text/data/challenge.jsonl).

The challenge set was written blind from the label definitions in ../shared/eval/README.md,
before the dev set or the analyser's rules were read, as a check on overfitting. Later rule
changes were made with its failures in view, so its figures are optimistic too; the floors
sit a little below those achieved and at least at the hidden-set targets."""
import pytest

from tests.text.labelled_sets import DATA, check_well_formed, metric, score_set

SET = DATA / "challenge.jsonl"
FLOORS = {
    ("themes_micro", "f1"): 0.75,
    ("sentiment_accuracy", None): 0.72,
    ("safeguarding", "recall"): 0.96,
    ("safeguarding", "precision"): 0.6,
    ("pii", "recall"): 0.94,
    ("pii", "precision"): 0.85,
    ("abusive", "recall"): 0.9,
    ("abusive", "precision"): 0.8,
}


@pytest.fixture(scope="module")
def result():
    return score_set(SET)


@pytest.mark.parametrize("name, part", list(FLOORS))
def test_challenge_metric_stays_above_floor(result, name, part):
    assert metric(result, name, part) >= FLOORS[(name, part)]


def test_challenge_set_is_well_formed():
    check_well_formed(SET, 240)
