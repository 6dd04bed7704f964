"""Score the analyser on labelled sets: python -m portal.text.eval_runner [--gold PATH] [--json]
[--rules-only].

Without --gold, every labelled set here (../shared/eval/dev.jsonl and tests/text/data/*.jsonl)
is scored side by side, headed by the learned model's version. With --gold PATH, that one set
is scored by ../shared/eval/score.py (its report, or its JSON with --json)."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from portal.text.batch import analyse_jsonl
from portal.text.learned.active import ACTIVE, active_version, load_version
from portal.text.learned.corpus import SHARED_DIR, available_sets

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = SHARED_DIR / "eval"
MISSING = "../shared/eval not found; make eval needs the shared folder beside the repository"
ROWS = [
    ("themes micro F1", "themes_micro", "f1"),
    ("themes macro F1", "themes_macro_f1", None),
    ("sentiment accuracy", "sentiment_accuracy", None),
    ("sentiment macro F1", "sentiment_macro_f1", None),
] + [
    (f"{flag} {part}", flag, part)
    for flag in ("safeguarding", "abusive", "pii")
    for part in ("recall", "precision")
]


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


def _load_scorer():
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", EVAL_DIR / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score


def score_file(path, score, *, model=None):
    """score.py's result for the analyser on one labelled file (model=None: the active model;
    False: the rules alone; else that StoredModel)."""
    import io

    out = io.StringIO()
    with open(path, encoding="utf-8") as source:
        analyse_jsonl(
            source, out, model=ACTIVE if model is None else (None if model is False else model)
        )
    predicted = {str(row["id"]): row for row in map(json.loads, out.getvalue().splitlines())}
    return score.score(predicted, score.load(path))


def side_by_side(results, version):
    names = list(results)
    lines = [
        f"Learned model: {version or 'none (rules alone)'}",
        f"{'':<22}" + "".join(f"{name:>12}" for name in names),
        f"{'items':<22}" + "".join(f"{results[name]['items']:>12}" for name in names),
    ]
    for title, key, part in ROWS:
        values = [
            results[name][key] if part is None else results[name][key][part] for name in names
        ]
        lines.append(f"{title:<22}" + "".join(f"{value:>12.3f}" for value in values))
    return "\n".join(lines)


def cross_validated_lines(version):
    """The model file's own figures: each set scored by a model trained without it."""

    metrics = load_version(version).metrics
    lines = [
        "",
        "The model was trained on the sets above, so those figures are in-sample. Cross-validated",
        "(rules and model, each set scored by a model trained without it; see docs/text-model.md):",
    ]
    for kind in ("cross_validated", "blind"):
        for name, result in metrics.get(kind, {}).items():
            if "safeguarding" not in result:
                continue
            lines.append(
                f"  {kind.replace('_', ' '):<16}{name:<11} themes F1 "
                f"{result.get('themes_micro_f1', 0):.3f}  "
                f"sentiment {result.get('sentiment_accuracy', 0):.3f}  "
                + "  ".join(
                    f"{flag} R {result[flag]['recall']:.3f} P {result[flag]['precision']:.3f}"
                    for flag in ("safeguarding", "abusive", "pii")
                )
            )
    return "\n".join(lines)


def main(argv=None):
    """Print the scores; returns an exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    gold_arg, argv = _split_gold(argv)
    rules_only = "--rules-only" in argv
    argv = [arg for arg in argv if arg != "--rules-only"]
    scorer = EVAL_DIR / "score.py"
    if not scorer.is_file():
        print(MISSING, file=sys.stderr)
        return 1
    if gold_arg is None:
        score = _load_scorer()
        results = {
            name: score_file(path, score, model=False if rules_only else None)
            for name, path in available_sets().items()
        }
        version = None if rules_only else active_version()
        if "--json" in argv:
            print(json.dumps({"model_version": version, "sets": results}, indent=2))
            return 0
        print(side_by_side(results, version))
        if version:
            print(cross_validated_lines(version))
        return 0
    gold = Path(gold_arg)
    if not gold.is_file():
        print(f"{gold} not found", file=sys.stderr)
        return 1
    handle, predictions = tempfile.mkstemp(suffix=".jsonl", prefix="predictions-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out, open(gold, encoding="utf-8") as src:
            if rules_only:
                analyse_jsonl(src, out, model=None)
            else:
                analyse_jsonl(src, out)
        return subprocess.call([sys.executable, str(scorer), predictions, str(gold), *argv])
    finally:
        os.unlink(predictions)


if __name__ == "__main__":
    sys.exit(main())
