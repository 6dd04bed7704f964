"""Train the learned text model that ships with the code, from the labelled sets only (no database):

    PORTAL_SHARED_DIR=../shared .venv/bin/python tools/train_text_model.py

Writes portal/text/model_files/<version>.json, names it in model_files/ACTIVE and prints the
cross-validated figures. Candidates that also learn from moderators' labels come from
`portal text train` instead. Keeps a 'blind' block of figures given with --blind NAME=FILE.json
(scores measured before the set was trained on), so the model card's history travels with it."""

import argparse
import json
import sys

from portal.text.learned import corpus, training
from portal.text.learned.model import SHIPPED_DIR
from portal.text.taxonomy import BUILTIN_THEMES
from portal.textmodel.commands import figure_lines, version_for


def from_score_py(result):
    """score.py's figures in the shape the model file keeps."""
    return {
        "items": result["items"],
        "themes_micro_f1": result["themes_micro"]["f1"],
        "sentiment_accuracy": result["sentiment_accuracy"],
        **{flag: result[flag] for flag in ("safeguarding", "abusive", "pii")},
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--blind",
        action="append",
        default=[],
        metavar="NAME=FILE",
        help="figures (JSON from portal.text.eval_runner --json) measured before training on NAME",
    )
    parser.add_argument(
        "--save-scores",
        metavar="FILE.json",
        help="also write every labelled item's out-of-fold scores and labels (to study thresholds "
        "without training again)",
    )
    args = parser.parse_args(argv)
    slugs = [theme.slug for theme in BUILTIN_THEMES]
    records = corpus.load_sets(slugs)
    scores = {}
    document, fitted = training.train(
        records,
        version="candidate",
        keep_scores=scores,
        progress=lambda line: print(line, file=sys.stderr),
    )
    if args.save_scores:
        with open(args.save_scores, "w", encoding="utf-8") as handle:
            json.dump(
                {
                    r["id"]: {
                        "record": r,
                        "flags": scores[r["id"]].flags,
                        "sentiment": scores[r["id"]].sentiment,
                        "themes": scores[r["id"]].themes,
                    }
                    for r in records
                    if r["id"] in scores
                },
                handle,
            )
    document["version"] = version_for(document)
    blind = {}
    for item in args.blind:
        name, path = item.split("=", 1)
        blind[name] = from_score_py(json.loads(open(path, encoding="utf-8").read()))
    document["metrics"]["blind"] = blind
    gap = training.check_same_as_sklearn(document, fitted, [r["text"] for r in records])
    print(f"largest difference from scikit-learn's raw scores: {gap:.2e}", file=sys.stderr)
    path = SHIPPED_DIR / f"{document['version']}.json"
    path.write_text(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    (SHIPPED_DIR / "ACTIVE").write_text(document["version"] + "\n", encoding="utf-8")
    print(f"settings: {json.dumps(document['combine'])}")
    for key in ("cross_validated", "model_alone", "rules_alone"):
        print("\n".join(figure_lines(key, document["metrics"][key])))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
