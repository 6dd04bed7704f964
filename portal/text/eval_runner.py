"""Score the analyser on the shared development set: python -m portal.text.eval_runner."""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from portal.text.batch import analyse_jsonl

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
MISSING = "../shared/eval not found; make eval needs the shared folder beside the repository"


def main(argv=None):
    """Write predictions for ../shared/eval/dev.jsonl to a temp file and print score.py's report.

    Extra arguments (such as --json) are passed on to score.py. Returns an exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    gold, scorer = EVAL_DIR / "dev.jsonl", EVAL_DIR / "score.py"
    if not (gold.is_file() and scorer.is_file()):
        print(MISSING, file=sys.stderr)
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
