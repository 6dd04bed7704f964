"""Score the analyser on a labelled set: python -m portal.text.eval_runner [--gold PATH] [--json].

Without --gold the shared development set (../shared/eval/dev.jsonl) is used."""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from portal.text.batch import analyse_jsonl

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
MISSING = "../shared/eval not found; make eval needs the shared folder beside the repository"


def _split_gold(argv):
    """Pull '--gold PATH' or '--gold=PATH' out of argv; return (path or None, rest)."""
    gold, rest, items = None, [], iter(argv)
    for arg in items:
        if arg == "--gold":
            gold = next(items, None)
            if gold is None:
                raise SystemExit("--gold needs a path")
        elif arg.startswith("--gold="):
            gold = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return gold, rest


def main(argv=None):
    """Write predictions for the gold set to a temp file and print score.py's report.

    Other arguments (such as --json) are passed on to score.py. Returns an exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    gold_arg, argv = _split_gold(argv)
    gold = Path(gold_arg) if gold_arg else EVAL_DIR / "dev.jsonl"
    scorer = EVAL_DIR / "score.py"
    if not scorer.is_file() or not gold.is_file():
        print(MISSING if not scorer.is_file() or not gold_arg else f"{gold} not found",
              file=sys.stderr)
        return 1
    handle, predictions = tempfile.mkstemp(suffix=".jsonl", prefix="predictions-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out, open(gold, encoding="utf-8") as src:
            analyse_jsonl(src, out)
        return subprocess.call([sys.executable, str(scorer), predictions, str(gold), *argv])
    finally:
        os.unlink(predictions)


if __name__ == "__main__":
    sys.exit(main())
