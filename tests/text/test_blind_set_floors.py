"""Regression floors on the two sets written blind from the label definitions in
../shared/eval/README.md, before the analyser's rules were read, as checks on overfitting:
tests/text/data/challenge.jsonl and holdout.jsonl (its baseline figures are in HOLDOUT.md).

Later rule changes were made with their failures in view, so current figures are optimistic;
the floors sit a little below those achieved and at least at the hidden-set targets.

corpus.jsonl (ids n001-n450, a copy of /work/corpus/train.jsonl) was written blind by another
engineer and scored by the frozen model 2026-12-01-18aa77cc before any training on it (figures in
docs/text-model.md); the shipped model is now trained on it, so these floors are in-sample checks
against regression, set at the issue's goals or a little below the figures achieved. young, family
and mixed.jsonl are likewise in-sample now (see their floors below).

unseen.jsonl and unseen2.jsonl were out-of-sample (never trained or tuned on; UNSEEN.md, UNSEEN2.md)
until model 2026-12-02-b6e64c03 had been scored on them. Round 2 of issue 14 spent them: the span
finder's round-2 changes were made with unseen2's misses described, and the model after b6e64c03 is
trained on both (each its own cross-validation group). Their floors are now IN-SAMPLE regression
checks only, like every other set's here; they say nothing about new wording. (History: unseen's
floors were set under 2026-12-01-9c67b772; b6e64c03 lowered abusive precision to 0.62 and
personal-data precision to 0.80 on unseen after both sets confirmed that trade; unseen2's floors sat
just under its one blind scoring.) forum2.jsonl and parents2.jsonl (FORUM2.md, PARENTS2.md) were
scored blind by b6e64c03 before any training (docs/text-model.md) and are in-sample now too. The
out-of-sample check is the lead's sealed set, scored after the model is frozen. abuse2.jsonl
(ABUSE2.md, round 3) was scored blind by 3b59576a and is in-sample since db7a56cf; banter3 and care3
(round 4) were scored blind by db7a56cf and are in-sample since 5d7bf4a1. unseen3, unseen4 and
unseen5 were each sealed while a model was built and have never been trained on: their floors are
the out-of-sample checks."""

import pytest

from tests.text.labelled_sets import DATA, check_well_formed, metric, score_set

pytestmark = pytest.mark.pure

SETS = {
    "challenge": {
        "min_items": 240,
        "floors": {
            ("themes_micro", "f1"): 0.75,
            ("sentiment_accuracy", None): 0.72,
            ("safeguarding", "recall"): 0.96,
            ("safeguarding", "precision"): 0.6,
            ("pii", "recall"): 0.94,
            ("pii", "precision"): 0.85,
            ("abusive", "recall"): 0.9,
            ("abusive", "precision"): 0.8,
        },
    },
    "holdout": {
        "min_items": 200,
        "floors": {
            ("themes_micro", "f1"): 0.74,
            ("sentiment_accuracy", None): 0.7,
            ("safeguarding", "recall"): 0.96,
            ("safeguarding", "precision"): 0.6,
            ("pii", "recall"): 0.93,
            ("pii", "precision"): 0.85,
            ("abusive", "recall"): 0.9,
            ("abusive", "precision"): 0.8,
        },
    },
    "corpus": {
        "min_items": 450,
        "floors": {
            ("themes_micro", "f1"): 0.74,
            ("sentiment_accuracy", None): 0.9,
            ("safeguarding", "recall"): 0.98,
            ("safeguarding", "precision"): 0.8,
            ("pii", "recall"): 0.95,
            ("pii", "precision"): 0.9,
            ("abusive", "recall"): 0.95,
            ("abusive", "precision"): 0.9,
        },
    },
    # Written blind by three other engineers on 2026-12-02 (tests/text/data/YOUNG.md, FAMILY.md,
    # MIXED.md), scored by the then-shipped model before any training on them (docs/text-model.md);
    # now trained on, so in-sample regression checks a little below the figures of model
    # 2026-12-02-b6e64c03.
    "young": {
        "min_items": 300,
        "floors": {
            ("themes_micro", "f1"): 0.8,
            ("sentiment_accuracy", None): 0.92,
            ("safeguarding", "recall"): 0.97,
            ("safeguarding", "precision"): 0.75,
            ("pii", "recall"): 0.95,
            ("pii", "precision"): 0.85,
            ("abusive", "recall"): 0.95,
            ("abusive", "precision"): 0.8,
        },
    },
    "family": {
        "min_items": 300,
        "floors": {
            ("themes_micro", "f1"): 0.83,
            ("sentiment_accuracy", None): 0.93,
            ("safeguarding", "recall"): 0.97,
            ("safeguarding", "precision"): 0.65,
            ("pii", "recall"): 0.95,
            ("pii", "precision"): 0.9,
            ("abusive", "recall"): 0.85,
            ("abusive", "precision"): 0.9,
        },
    },
    "mixed": {
        "min_items": 400,
        "floors": {
            ("themes_micro", "f1"): 0.82,
            ("sentiment_accuracy", None): 0.95,
            ("safeguarding", "recall"): 0.97,
            ("safeguarding", "precision"): 0.72,
            ("pii", "recall"): 0.95,
            ("pii", "precision"): 0.83,
            ("abusive", "recall"): 0.95,
            ("abusive", "precision"): 0.85,
        },
    },
    # Spent blind sets (UNSEEN.md, UNSEEN2.md), trained on since round 2: in-sample regression
    # checks only. Floors unchanged from their blind scorings (the in-sample figures are higher).
    "unseen": {
        "min_items": 220,
        "floors": {
            ("themes_micro", "f1"): 0.72,
            ("sentiment_accuracy", None): 0.74,
            ("safeguarding", "recall"): 0.98,
            ("safeguarding", "precision"): 0.6,
            ("pii", "recall"): 0.9,
            ("pii", "precision"): 0.8,
            ("abusive", "recall"): 0.75,
            ("abusive", "precision"): 0.62,
        },
    },
    "unseen2": {
        "min_items": 300,
        "floors": {
            ("themes_micro", "f1"): 0.70,
            ("sentiment_accuracy", None): 0.82,
            ("safeguarding", "recall"): 0.96,
            ("safeguarding", "precision"): 0.54,
            ("pii", "recall"): 0.9,
            ("pii", "precision"): 0.8,
            ("abusive", "recall"): 0.8,
            ("abusive", "precision"): 0.78,
        },
    },
    # Sealed while 3b59576a was built and scored once after it was frozen (UNSEEN3.md); never
    # trained on: floors just under the figures measured then.
    "unseen3": {
        "min_items": 300,
        "floors": {
            ("themes_micro", "f1"): 0.70,
            ("sentiment_accuracy", None): 0.76,
            ("safeguarding", "recall"): 0.95,
            ("safeguarding", "precision"): 0.65,
            ("pii", "recall"): 0.95,
            ("pii", "precision"): 0.77,
            ("abusive", "recall"): 0.88,
            ("abusive", "precision"): 0.58,
        },
    },
    # Sealed while db7a56cf was built and scored once after it was frozen (UNSEEN4.md); never
    # trained on: floors just under the figures measured then.
    "unseen4": {
        "min_items": 300,
        "floors": {
            ("themes_micro", "f1"): 0.72,
            ("sentiment_accuracy", None): 0.76,
            ("safeguarding", "recall"): 0.95,
            ("safeguarding", "precision"): 0.5,
            ("pii", "recall"): 0.95,
            ("pii", "precision"): 0.8,
            ("abusive", "recall"): 0.94,
            ("abusive", "precision"): 0.72,
        },
    },
    # Sealed while 5d7bf4a1 was built and scored once after it was frozen (UNSEEN5.md); never
    # trained on: floors just under the figures measured then.
    "unseen5": {
        "min_items": 300,
        "floors": {
            ("themes_micro", "f1"): 0.74,
            ("sentiment_accuracy", None): 0.78,
            ("safeguarding", "recall"): 0.95,
            ("safeguarding", "precision"): 0.65,
            ("pii", "recall"): 0.95,
            ("pii", "precision"): 0.85,
            ("abusive", "recall"): 0.94,
            ("abusive", "precision"): 0.8,
        },
    },
    # Written blind for round 2 (FORUM2.md, PARENTS2.md), scored blind by b6e64c03, then trained on:
    # in-sample regression checks, set just under the BLIND figures (the in-sample ones are higher).
    "forum2": {
        "min_items": 300,
        "floors": {
            ("themes_micro", "f1"): 0.5,
            ("sentiment_accuracy", None): 0.8,
            ("safeguarding", "recall"): 0.93,
            ("safeguarding", "precision"): 0.5,
            ("pii", "recall"): 0.8,
            ("pii", "precision"): 0.75,
            ("abusive", "recall"): 0.66,
            ("abusive", "precision"): 0.8,
        },
    },
    "parents2": {
        "min_items": 300,
        "floors": {
            ("themes_micro", "f1"): 0.73,
            ("sentiment_accuracy", None): 0.9,
            ("safeguarding", "recall"): 0.96,
            ("safeguarding", "precision"): 0.36,
            ("pii", "recall"): 0.94,
            ("pii", "precision"): 0.78,
            ("abusive", "recall"): 0.9,
            ("abusive", "precision"): 0.84,
        },
    },
    # Written blind for round 3 (ABUSE2.md: forum abuse and its look-alikes), scored blind by
    # 3b59576a (docs/text-model.md), then trained on: in-sample regression checks a little under
    # the figures of model 2026-12-02-db7a56cf.
    "abuse2": {
        "min_items": 300,
        "floors": {
            ("themes_micro", "f1"): 0.72,
            ("sentiment_accuracy", None): 0.93,
            ("safeguarding", "recall"): 0.97,
            ("safeguarding", "precision"): 0.55,
            ("pii", "recall"): 0.97,
            ("pii", "precision"): 0.9,
            ("abusive", "recall"): 0.97,
            ("abusive", "precision"): 0.93,
        },
    },
    # Written blind for round 4 (BANTER3.md, CARE3.md), scored blind by db7a56cf
    # (docs/text-model.md), then trained on: in-sample regression checks a little under the figures
    # of 5d7bf4a1.
    "banter3": {
        "min_items": 300,
        "floors": {
            ("themes_micro", "f1"): 0.68,
            ("sentiment_accuracy", None): 0.93,
            ("safeguarding", "recall"): 0.96,
            ("safeguarding", "precision"): 0.6,
            ("pii", "recall"): 0.95,
            ("pii", "precision"): 0.9,
            ("abusive", "recall"): 0.95,
            ("abusive", "precision"): 0.9,
        },
    },
    "care3": {
        "min_items": 300,
        "floors": {
            ("themes_micro", "f1"): 0.8,
            ("sentiment_accuracy", None): 0.9,
            ("safeguarding", "recall"): 0.98,
            ("safeguarding", "precision"): 0.72,
            ("pii", "recall"): 0.96,
            ("pii", "precision"): 0.95,
            ("abusive", "recall"): 0.95,
            ("abusive", "precision"): 0.95,
        },
    },
}
CASES = [
    (name, metric_name, part) for name, spec in SETS.items() for metric_name, part in spec["floors"]
]


@pytest.fixture(scope="module")
def results():
    return {}


@pytest.mark.parametrize("set_name, name, part", CASES)
def test_metric_stays_above_floor(results, set_name, name, part):
    if set_name not in results:
        results[set_name] = score_set(DATA / f"{set_name}.jsonl")
    assert metric(results[set_name], name, part) >= SETS[set_name]["floors"][(name, part)]


@pytest.mark.parametrize("set_name", list(SETS))
def test_set_is_well_formed(set_name):
    check_well_formed(DATA / f"{set_name}.jsonl", SETS[set_name]["min_items"])
