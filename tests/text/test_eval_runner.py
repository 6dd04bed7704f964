"""The eval runner prints score.py's report, or a clear message without ../shared."""
from portal.text import eval_runner


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
        return
    assert eval_runner.main(["--gold", str(tmp_path / "none.jsonl")]) == 1
    assert "not found" in capsys.readouterr().err
