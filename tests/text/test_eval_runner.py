"""The eval runner prints score.py's report, or a clear message without ../shared."""

import pytest

from portal.text import eval_runner

pytestmark = pytest.mark.pure


def test_missing_shared_folder_exits_1_with_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(eval_runner, "EVAL_DIR", tmp_path / "nowhere")
    assert eval_runner.main([]) == 1
    assert eval_runner.MISSING in capsys.readouterr().err


def test_gold_option_is_split_from_scorer_arguments():
    assert eval_runner._split_gold(["--gold", "x.jsonl", "--json"]) == ("x.jsonl", ["--json"])
    assert eval_runner._split_gold(["--gold=y.jsonl"]) == ("y.jsonl", [])
    assert eval_runner._split_gold(["--json"]) == (None, ["--json"])


def test_missing_gold_file_exits_1(tmp_path, capsys):
    if not (eval_runner.EVAL_DIR / "score.py").is_file():
        pytest.skip("../shared/eval/score.py not found beside the repository")
    assert eval_runner.main(["--gold", str(tmp_path / "none.jsonl")]) == 1
    assert "not found" in capsys.readouterr().err


def test_rules_only_really_leaves_the_model_out(tmp_path):
    # A disclosure the rules do not know (the learned layer's own test sentence) and a plain
    # comment.
    if not (eval_runner.EVAL_DIR / "score.py").is_file():
        pytest.skip("../shared/eval/score.py not found beside the repository")
    import json

    gold = tmp_path / "two.jsonl"
    rows = [
        {
            "id": "a",
            "author_role": "young_person",
            "channel": "forum",
            "themes": [],
            "sentiment": "negative",
            "text": "dad says if i tell anyone what happens at night nobody will believe me anyway",
            "safeguarding": True,
            "pii": False,
            "abusive": False,
        },
        {
            "id": "b",
            "author_role": "parent_carer",
            "channel": "survey",
            "themes": [],
            "sentiment": "positive",
            "text": "The new speech therapist is lovely.",
            "safeguarding": False,
            "pii": False,
            "abusive": False,
        },
    ]
    gold.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    score = eval_runner._load_scorer()
    with_model = eval_runner.score_file(gold, score)
    rules_alone = eval_runner.score_file(gold, score, model=False)
    assert with_model["safeguarding"]["recall"] == 1.0
    assert rules_alone["safeguarding"]["recall"] == 0.0
