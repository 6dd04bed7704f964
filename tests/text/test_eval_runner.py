"""The eval runner prints score.py's report, or a clear message without ../shared."""
from portal.text import eval_runner


def test_missing_shared_folder_exits_1_with_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(eval_runner, "EVAL_DIR", tmp_path / "nowhere")
    assert eval_runner.main([]) == 1
    assert eval_runner.MISSING in capsys.readouterr().err
