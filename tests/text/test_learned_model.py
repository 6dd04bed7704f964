"""The learned layer: stored as plain JSON, scored without scikit-learn exactly as scikit-learn
scores it, combined with the rules by 'either flags it', and refusing malformed files."""

import json
from pathlib import Path

import numpy as np
import pytest

from portal.text.analysis import LEARNED_REASON, analyse, run_rules
from portal.text.learned import active, combine, corpus, training
from portal.text.learned.model import SHIPPED_DIR, ModelFileError, StoredModel
from portal.text.taxonomy import BUILTIN_THEMES

pytestmark = pytest.mark.pure

SLUGS = [theme.slug for theme in BUILTIN_THEMES]
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def small_fit():
    """A model fitted by scikit-learn on one shipped set (challenge)."""
    records = corpus.load_sets(SLUGS, {"challenge": corpus.DATA_DIR / "challenge.jsonl"})
    fitted = training.fit(records, SLUGS)
    document = training.to_document(*fitted, SLUGS, version="test-1")
    return records, fitted, json.loads(json.dumps(document))  # through JSON text, as stored


def test_stored_model_scores_equal_scikit_learns(small_fit):
    records, (vectoriser, coef, intercept), document = small_fit
    texts = [r["text"] for r in records[:60]] + [
        "",
        "🙂",
        "ALL CAPS!!! and   spaces",
        "unseen zqxj words",
    ]
    expected = np.asarray(vectoriser.transform(texts) @ coef.T + intercept)
    stored = StoredModel(document)
    got = np.vstack([stored.decision(text) for text in texts])
    assert np.abs(expected - got).max() < 1e-3  # coefficients are stored to 5 decimals
    # and the decisions (which side of a threshold) agree on every text
    assert ((expected > 0) == (got > 0)).mean() > 0.999


def test_scikit_learn_is_not_needed_to_score(small_fit):
    import sys

    _, _, document = small_fit
    blocked = {
        name: sys.modules.pop(name) for name in list(sys.modules) if name.startswith("sklearn")
    }
    sys.modules["sklearn"] = None  # any import of scikit-learn now fails
    try:
        scores = StoredModel(document).scores("nobody listens to us")
    finally:
        del sys.modules["sklearn"]
        sys.modules.update(blocked)
    assert set(scores.sentiment) == {"negative", "mixed", "neutral", "positive"}
    assert abs(sum(scores.sentiment.values()) - 1) < 1e-9


def test_shipped_model_is_plain_json_named_by_active_and_versioned():
    files = sorted(path.name for path in SHIPPED_DIR.iterdir())
    assert all(name.endswith(".json") or name == "ACTIVE" for name in files)
    version = active.shipped_default_version()
    data = json.loads((SHIPPED_DIR / f"{version}.json").read_text(encoding="utf-8"))
    assert data["version"] == version and data["format"] == 1
    assert len(data["vocabulary"]) == len(data["idf"]) == len(data["coef"][0])
    assert set(data["combine"]["flags"]) == {"safeguarding", "abusive", "pii"}
    assert data["metrics"]["cross_validated"]  # its figures travel with it


def test_no_pickle_or_joblib_anywhere_in_the_portal():
    for path in (REPO / "portal").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import pickle" not in source and "joblib" not in source, path


@pytest.mark.parametrize(
    "change",
    [
        {"format": 99},
        {"coef": [[0.0]]},
        {"idf": []},
    ],
)
def test_malformed_model_is_refused(small_fit, change):
    _, _, document = small_fit
    with pytest.raises(ModelFileError):
        StoredModel({**document, **change})


def test_unreadable_file_is_refused(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelFileError):
        StoredModel.load(bad)


@pytest.mark.parametrize(
    "version", ["../../etc/passwd", "..", "a/b", "", ".hidden", "no-such-version"]
)
def test_model_path_refuses_traversal_and_unknown_versions(version):
    with pytest.raises(ModelFileError):
        active.model_path(version)


def test_either_flags_it():
    assert combine.flag(True, 0.0, 0.9) and combine.flag(False, 0.95, 0.9)
    assert not combine.flag(False, 0.5, 0.9)


def test_rule_themes_pass_the_threshold_and_at_most_three_are_kept():
    setting = {"model_weight": 1.0, "rule_weight": 0.5, "threshold": 0.6}
    # An editor's new keyword: the model gives the theme no weight, the rules suggest it; it is
    # kept.
    chosen = [
        slug
        for slug, _ in combine.themes(["being-heard"], {"ehcp": 0.9, "transport": 0.1}, setting)
    ]
    assert chosen == ["ehcp", "being-heard"]
    probabilities = {"ehcp": 0.9, "transport": 0.8, "therapies": 0.7, "communication": 0.65}
    chosen = [slug for slug, _ in combine.themes([], probabilities, setting)]
    assert chosen == ["ehcp", "transport", "therapies"]


def test_rules_alone_when_no_model():
    text = "i keep thinking it would be easier if i just didnt wake up"
    result = analyse(text, model=None)
    assert result.model_version is None and result.safeguarding
    assert result.safeguarding_reasons == run_rules(text).safeguarding


def test_learned_layer_catches_a_disclosure_the_rules_miss():
    model = active.current_model()
    text = "dad says if i tell anyone what happens at night nobody will believe me anyway"
    assert not run_rules(text).safeguarding  # new wording the phrases do not know
    result = analyse(text, model=model)
    assert result.safeguarding and result.safeguarding_reasons == [LEARNED_REASON["safeguarding"]]
    assert result.sentiment == "negative" and result.model_version == model.version


def test_hyperbole_is_not_flagged_by_either():
    result = analyse("this paperwork is killing me lol, could murder a coffee")
    assert not result.safeguarding and not result.abusive


def test_long_junk_tokens_are_scored_but_not_remembered():
    model = active.current_model()
    junk = "x" * 5000 + "qz"
    before = len(model._token_cache)
    first, second = model.decision(junk + " hello"), model.decision(junk + " hello")
    assert np.array_equal(first, second)
    assert junk not in model._token_cache and len(model._token_cache) <= before + 1


def test_realistic_weights_bring_each_set_to_the_portal_rate():
    # set a: 1 of 4 positive (25%); set b: 1 of 2 (50%). At 10%, a's negatives weigh 1*0.9/(0.1*3) =
    # 3 and b's 1*0.9/(0.1*1) = 9, so each set's positives are a tenth of its weighted total.
    truth = [True, False, False, False, True, False]
    weights = training.realistic_weights(truth, ["a", "a", "a", "a", "b", "b"], 0.1)
    assert weights == pytest.approx([1, 3, 3, 3, 1, 9])
    # a flag that fires on one true and one false item is 50% precise on the set, 25% at the real
    # rate
    pred = [True, True, False, False, False, False]
    assert training.realistic_precision(pred, truth, weights) == pytest.approx(0.25)
    # a set with no positives keeps weight 1 rather than dividing by zero
    assert training.realistic_weights([False, False], ["c", "c"], 0.1) == [1.0, 1.0]


def test_recall_first_threshold_is_the_most_precise_meeting_the_recall_goal():
    # 24 disclosures the rules miss, scored 0.50-0.96, one more scored 0.02; 80 others, scored
    # 0.00-0.79 (many above most disclosures). Recall >= 0.96 needs 24 of 25, so the threshold is
    # the highest keeping those 24: 0.5, not lower (more false alarms) and not higher (misses).
    truth = [True] * 25 + [False] * 80
    scores = [0.5 + 0.02 * i for i in range(24)] + [0.02] + [i / 100 for i in range(80)]
    rules = [False] * 105
    assert training.choose_flag_threshold("safeguarding", truth, scores, rules, ["s"] * 105) == 0.5
    # the rules finding the 0.02 one does not lower it either
    rules[24] = True
    assert training.choose_flag_threshold("safeguarding", truth, scores, rules, ["s"] * 105) == 0.5


def test_precision_first_threshold_for_personal_data_keeps_realistic_precision():
    # 10 with personal data, scored 0.9; 10 more scored 0.3 among 80 without, scored 0.3 too:
    # reaching them would make the flag fire on most comments, so the threshold stays above 0.3.
    truth = [True] * 20 + [False] * 80
    scores = [0.9] * 10 + [0.3] * 90
    threshold = training.choose_flag_threshold("pii", truth, scores, [False] * 100, ["s"] * 100)
    assert 0.3 < threshold <= 0.9


def test_word_only_heads_are_stored_and_scored_as_scikit_learn_does(small_fit):
    records, (vectoriser, coef, intercept), _ = small_fit
    words, heads = training.fit_word_heads(records, vectoriser)
    document = json.loads(
        json.dumps(
            training.to_document(
                vectoriser, coef, intercept, SLUGS, version="test-2", word_heads=heads
            )
        )
    )
    texts = [r["text"] for r in records[:40]] + ["", "🙂", "!!!", "zqxj", "ALL CAPS and   spaces"]
    gap = training.check_same_as_sklearn(
        document, (vectoriser, coef, intercept, words, heads), texts
    )
    assert gap < 1e-3
    stored = StoredModel(document)
    full = StoredModel(training.to_document(vectoriser, coef, intercept, SLUGS, version="test-3"))
    text = "i dont want to be here anymore"
    # the flag's probability is the mean of the full head's and the word-only head's
    word_p = 1 / (1 + np.exp(-stored.word_decision(text)["safeguarding"]))
    expected = (full.scores(text).flags["safeguarding"] + word_p) / 2
    assert abs(stored.scores(text).flags["safeguarding"] - expected) < 1e-9
    assert stored.scores(text).flags["abusive"] == full.scores(text).flags["abusive"]


def test_a_word_head_with_mismatched_sizes_is_refused(small_fit):
    _, _, document = small_fit
    broken = {
        **document,
        "word_heads": {"safeguarding": {"index": [0, 1], "coef": [0.5], "intercept": 0.0}},
    }
    with pytest.raises(ModelFileError):
        StoredModel(broken)


def test_the_model_may_veto_a_rule_hit_below_its_veto():
    assert combine.flag(True, 0.25, 0.6, veto=0.2) and not combine.flag(True, 0.1, 0.6, veto=0.2)
    assert combine.flag(False, 0.7, 0.6, veto=0.2)  # the model alone, as before
    assert combine.flag(True, 0.0, 0.6)  # no veto (older model files): the rules always count


def _scores(abusive):
    from portal.text.learned.model import Scores

    return Scores(
        flags={"safeguarding": 0.0, "abusive": abusive, "pii": 0.0},
        sentiment={"negative": 0.1, "mixed": 0.1, "neutral": 0.7, "positive": 0.1},
        themes={},
    )


SETTINGS = {
    "flags": {"safeguarding": 0.5, "abusive": 0.6, "pii": 0.9},
    "veto": {"abusive": 0.2},
    "sentiment": {"model_weight": 1.0, "rule_weight": 0.3},
    "themes": {"model_weight": 1.0, "rule_weight": 0.5, "threshold": 0.6},
}


def test_a_vetoed_abuse_rule_hit_is_not_abusive_but_a_threat_still_reaches_safeguarding():
    from portal.text.analysis import combined

    text = "if he touches my switch again i swear ill end him"
    rules = run_rules(text)
    assert "threat" in rules.abuse and "threat of violence" in rules.safeguarding
    vetoed = combined(text, rules, _scores(0.05), SETTINGS)
    assert not vetoed.abusive and vetoed.abuse_reasons == []
    assert vetoed.safeguarding  # safeguarding is never vetoed
    kept = combined(text, rules, _scores(0.3), SETTINGS)
    assert kept.abusive and kept.abuse_reasons == rules.abuse
    old = {key: value for key, value in SETTINGS.items() if key != "veto"}
    assert combined(text, rules, _scores(0.05), old).abusive  # older model files: no veto


def test_veto_is_the_highest_keeping_nearly_all_the_rules_true_hits():
    # 100 true rule hits: one scored 0.12, the rest 0.5; 99% must stay, so one may be vetoed and
    # the veto is the highest grid value above 0.12 that keeps the other 99: 0.4 (the grid's top).
    truth, rules = [True] * 100 + [False] * 10, [True] * 110
    scores = [0.12] + [0.5] * 99 + [0.01] * 10
    assert training.choose_veto(truth, scores, rules) == 0.4
    # two low ones (0.07 and 0.12): only one may go, so the veto stays between them
    scores[1] = 0.07
    assert training.choose_veto(truth, scores, rules) == 0.1
    # a veto counts in the threshold choice: the false rule hits it removes raise precision
    threshold = training.choose_flag_threshold(
        "abusive", truth, scores, rules, ["s"] * 110, veto=0.05
    )
    assert threshold >= 0.01


def test_shipped_model_vetoes_abuse_only():
    model = active.current_model()
    assert set(model.combine.get("veto", {})) <= {"abusive"}
