"""JSON Lines batch and the click `analyse` command (no app, no database)."""

import io
import json

import pytest
from click.testing import CliRunner

from portal.text.batch import analyse_jsonl
from portal.text.commands import analyse_command

pytestmark = pytest.mark.pure

GOOD = [
    {"id": "a1", "text": "Call me on 07700 900123", "author_role": "parent_carer"},
    {"id": 2, "text": "ur such a weirdo", "channel": "forum"},
]


def to_jsonl(rows):
    return "".join(json.dumps(row) + "\n" for row in rows)


def test_batch_writes_one_record_per_line():
    out = io.StringIO()
    assert analyse_jsonl(io.StringIO(to_jsonl(GOOD) + "\n"), out) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == ["a1", 2]
    assert records[0]["pii"] is True and records[0]["redacted"] == "Call me on [phone]"
    assert records[0]["pii_spans"] == [{"start": 11, "end": 23, "kind": "phone"}]
    assert records[1]["abusive"] is True
    assert set(records[0]) == {
        "id",
        "themes",
        "sentiment",
        "safeguarding",
        "pii",
        "abusive",
        "pii_spans",
        "redacted",
        "model_version",
    }


@pytest.mark.parametrize(
    "bad, message",
    [
        ("{not json", "line 2: not valid JSON"),
        ('{"id": "x"}', "line 2: missing 'text'"),
        ('{"text": "hello"}', "line 2: missing 'id'"),
        ('["a list"]', "line 2: expected a JSON object"),
    ],
)
def test_bad_line_raises_with_its_number(bad, message):
    source = io.StringIO(json.dumps(GOOD[0]) + "\n" + bad + "\n")
    with pytest.raises(ValueError, match=message):
        analyse_jsonl(source, io.StringIO())


def test_command_reads_stdin_and_writes_stdout():
    result = CliRunner().invoke(analyse_command, ["-", "-"], input=to_jsonl(GOOD))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 2
    assert "items/second" in result.stderr


def test_command_with_files(tmp_path):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(to_jsonl(GOOD), encoding="utf-8")
    result = CliRunner().invoke(analyse_command, [str(source), str(target)])
    assert result.exit_code == 0, result.output
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2


def test_command_reports_bad_line_and_fails(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(to_jsonl(GOOD) + "oops\n", encoding="utf-8")
    result = CliRunner().invoke(analyse_command, [str(source), "-"])
    assert result.exit_code == 1
    assert "line 3: not valid JSON" in result.stderr


def test_command_names_the_model_and_can_leave_it_out():
    from portal.text.learned.active import active_version

    result = CliRunner().invoke(analyse_command, ["-", "-"], input=to_jsonl(GOOD))
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {r["model_version"] for r in records} == {active_version()}
    assert f"learned model: {active_version()}" in result.stderr
    result = CliRunner().invoke(analyse_command, ["--rules-only", "-", "-"], input=to_jsonl(GOOD))
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {r["model_version"] for r in records} == {None}
    assert "learned model: none (rules alone)" in result.stderr
