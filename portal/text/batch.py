"""Analyse JSON Lines: one comment object in, one analysis record out, per line."""

import json

from portal.text.analysis import analyse
from portal.text.learned.active import ACTIVE, current_model


def _parse(line, number):
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"line {number}: not valid JSON ({error.msg})") from None
    if not isinstance(item, dict):
        raise ValueError(f"line {number}: expected a JSON object")
    if "id" not in item:
        raise ValueError(f"line {number}: missing 'id'")
    if not isinstance(item.get("text"), str):
        raise ValueError(f"line {number}: missing 'text' (a string is required)")
    return item


def analyse_jsonl(in_stream, out_stream, *, taxonomy=None, model=ACTIVE):
    """Read objects with id, text and optional author_role and channel from in_stream;
    write one analysis record per line to out_stream.

    The learned model is looked up once (default: the active one), not per line.
    Blank lines are ignored. Returns the number of records written.
    Raises ValueError naming the line number for invalid JSON or a missing id or text."""
    model = current_model() if model is ACTIVE else model
    count = 0
    for number, line in enumerate(in_stream, 1):
        if not line.strip():
            continue
        item = _parse(line, number)
        result = analyse(
            item["text"],
            author_role=item.get("author_role"),
            channel=item.get("channel"),
            taxonomy=taxonomy,
            model=model,
        )
        out_stream.write(json.dumps(result.to_record(item["id"]), ensure_ascii=False) + "\n")
        count += 1
    return count
