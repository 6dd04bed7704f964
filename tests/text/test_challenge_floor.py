"""Regression floor on the challenge set (tests/text/data/challenge.jsonl).

The challenge set was written blind from the label definitions in ../shared/eval/README.md,
before the dev set or the analyser's rules were read, as a check on overfitting. Later rule
changes were made with its failures in view, so its figures are optimistic too; the floors
sit a little below those achieved and at least at the hidden-set targets."""
import importlib.util
import io
import json
from pathlib import Path

import pytest

from portal.text.batch import analyse_jsonl

CHALLENGE = Path(__file__).resolve().parent / "data" / "challenge.jsonl"
EVAL_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "eval"

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
    if not (EVAL_DIR / "score.py").is_file():
        pytest.skip("../shared/eval/score.py not found beside the repository")
    spec = importlib.util.spec_from_file_location("score", EVAL_DIR / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = score.load(CHALLENGE)
    out = io.StringIO()
    with open(CHALLENGE, encoding="utf-8") as source:
        analyse_jsonl(source, out)
    predicted = {str(row["id"]): row for row in map(json.loads, out.getvalue().splitlines())}
    return score.score(predicted, gold)


@pytest.mark.parametrize("metric, part", list(FLOORS))
def test_challenge_metric_stays_above_floor(result, metric, part):
    value = result[metric] if part is None else result[metric][part]
    assert value >= FLOORS[(metric, part)]


def test_challenge_set_is_well_formed():
    rows = [json.loads(line) for line in CHALLENGE.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len({row["id"] for row in rows}) >= 240
    for row in rows:
        assert row["author_role"] in ("parent_carer", "young_person", "professional")
        assert row["channel"] in ("survey", "feedback", "forum")
        assert row["sentiment"] in ("positive", "negative", "mixed", "neutral")
        assert len(row["themes"]) <= 3
