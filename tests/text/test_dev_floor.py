"""Regression floor: the analyser must keep its scores on ../shared/eval/dev.jsonl.

The floors sit a little below the figures achieved when they were set, so a change that
makes any metric worse fails here. The rules were written with the dev set in view, so
these figures are optimistic; the hidden set is the real judge."""

import importlib.util
import io
import json

import pytest

from portal.text.batch import analyse_jsonl
from portal.text.learned.corpus import SHARED_DIR

pytestmark = pytest.mark.pure

EVAL_DIR = SHARED_DIR / "eval"  # ../shared beside the repository, or PORTAL_SHARED_DIR

FLOORS = {
    ("themes_micro", "f1"): 0.78,
    ("sentiment_accuracy", None): 0.85,
    ("safeguarding", "recall"): 1.0,
    ("safeguarding", "precision"): 0.7,
    ("pii", "recall"): 0.95,
    ("pii", "precision"): 0.9,
    ("abusive", "recall"): 1.0,
    ("abusive", "precision"): 0.8,
}


@pytest.fixture(scope="module")
def result():
    if not (EVAL_DIR / "dev.jsonl").is_file():
        pytest.skip("../shared/eval/dev.jsonl not found beside the repository")
    spec = importlib.util.spec_from_file_location("score", EVAL_DIR / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = score.load(EVAL_DIR / "dev.jsonl")
    out = io.StringIO()
    with open(EVAL_DIR / "dev.jsonl", encoding="utf-8") as source:
        analyse_jsonl(source, out)
    predicted = {str(row["id"]): row for row in map(json.loads, out.getvalue().splitlines())}
    return score.score(predicted, gold)


@pytest.mark.parametrize("metric, part", list(FLOORS))
def test_dev_metric_stays_above_floor(result, metric, part):
    value = result[metric] if part is None else result[metric][part]
    assert value >= FLOORS[(metric, part)]


def test_every_dev_item_is_predicted(result):
    assert result["predicted"] == result["items"] == 160
