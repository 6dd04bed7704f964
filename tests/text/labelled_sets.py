"""Scoring a labelled JSON Lines set with ../shared/eval/score.py, shared by the floor tests."""

import importlib.util
import io
import json
from pathlib import Path

import pytest

from portal.text.batch import analyse_jsonl
from portal.text.learned.corpus import SHARED_DIR

DATA = Path(__file__).resolve().parent / "data"
EVAL_DIR = SHARED_DIR / "eval"  # ../shared beside the repository, or PORTAL_SHARED_DIR


def score_set(path):
    """score.py's result for the analyser's predictions on `path` (skips when ../shared is
    absent)."""
    if not (EVAL_DIR / "score.py").is_file():
        pytest.skip("../shared/eval/score.py not found beside the repository")
    spec = importlib.util.spec_from_file_location("score", EVAL_DIR / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    out = io.StringIO()
    with open(path, encoding="utf-8") as source:
        analyse_jsonl(source, out)
    predicted = {str(row["id"]): row for row in map(json.loads, out.getvalue().splitlines())}
    return score.score(predicted, score.load(path))


def metric(result, name, part):
    return result[name] if part is None else result[name][part]


def check_well_formed(path, at_least):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len({row["id"] for row in rows}) >= at_least
    for row in rows:
        assert row["author_role"] in ("parent_carer", "young_person", "professional")
        assert row["channel"] in ("survey", "feedback", "forum")
        assert row["sentiment"] in ("positive", "negative", "mixed", "neutral")
        assert len(row["themes"]) <= 3
