"""One entry point that runs every detector over a comment: analyse(text) -> Analysis.

The rules (portal/text/*.py) always run; the active learned model (portal/text/learned/) adds
its probabilities, combined as the model file says: a flag is raised when either raises it;
sentiment and themes weigh the two as cross-validation chose."""

import re
from dataclasses import dataclass, field

from portal.text.abuse import abuse_reasons
from portal.text.learned import combine
from portal.text.learned.active import ACTIVE, current_model
from portal.text.pii import find_pii, redact
from portal.text.safeguarding import safeguarding_reasons
from portal.text.sentiment import classify
from portal.text.themes import suggest_themes

_ONLY_QUESTIONS = re.compile(r"^[^.!]*\?\s*$")
# What a moderator reads when the learned layer, not a rule, raised a flag.
LEARNED_REASON = {
    "safeguarding": "worded like past disclosures (learned model)",
    "abusive": "worded like past abusive posts (learned model)",
}


@dataclass(frozen=True)
class Analysis:
    """The result of analysing one comment. Spans are (start, end, kind) tuples."""

    themes: list = field(default_factory=list)
    sentiment: str = "neutral"
    polarity: float = 0.0
    pii_spans: list = field(default_factory=list)
    redacted: str = ""
    safeguarding: bool = False
    safeguarding_reasons: list = field(default_factory=list)
    abusive: bool = False
    abuse_reasons: list = field(default_factory=list)
    pii_suspected: bool = False  # the learned layer thinks it holds personal data the spans missed
    model_version: str | None = None  # the learned model used, None for rules alone

    @property
    def pii(self):
        """True when the comment holds personal data to redact before publishing."""
        return bool(self.pii_spans) or self.pii_suspected

    def to_record(self, id):
        """Return the JSON-ready record used by the batch command and the evaluation."""
        return {
            "id": id,
            "themes": [slug for slug, _ in self.themes],
            "sentiment": self.sentiment,
            "safeguarding": self.safeguarding,
            "pii": self.pii,
            "abusive": self.abusive,
            "pii_spans": [{"start": s, "end": e, "kind": k} for s, e, k in self.pii_spans],
            "redacted": self.redacted,
            "model_version": self.model_version,
        }


@dataclass(frozen=True)
class RuleResult:
    spans: list
    safeguarding: list
    abuse: list
    sentiment: str
    polarity: float
    themes: list


def _stance(text, label, polarity, at_risk):
    """A disclosure of risk or an abusive post is not a positive or mixed comment."""
    if (
        at_risk
        and label in ("positive", "mixed")
        or at_risk
        and label == "neutral"
        and not _ONLY_QUESTIONS.match(text.strip())
    ):
        return "negative", min(polarity, -0.05)
    return label, polarity


def run_rules(text, taxonomy=None, settings=None):
    """The rules' answers for one comment (no learned model). `settings`: the schools gazetteer
    regex."""
    safeguarding = safeguarding_reasons(text)
    abuse = abuse_reasons(text)
    if "threat" in abuse and "threat of violence" not in safeguarding:
        # A specific threat to hurt someone is for the safeguarding lead as well as a moderator.
        safeguarding = safeguarding + ["threat of violence"]
    label, polarity = classify(text)
    return RuleResult(
        spans=find_pii(text, settings),
        safeguarding=safeguarding,
        abuse=abuse,
        sentiment=label,
        polarity=polarity,
        themes=suggest_themes(text, taxonomy),
    )


def combined(text, rules, scores=None, settings=None, version=None, taxonomy=None):
    """One Analysis from the rules and, when given, a model's Scores and combination settings."""
    safeguarding, abuse = list(rules.safeguarding), list(rules.abuse)
    label, polarity, themes, pii_suspected = rules.sentiment, rules.polarity, rules.themes, False
    if scores is not None:
        flags = settings["flags"]
        if not safeguarding and combine.flag(
            False, scores.flags["safeguarding"], flags["safeguarding"]
        ):
            safeguarding.append(LEARNED_REASON["safeguarding"])
        veto = settings.get("veto", {}).get("abusive", 0.0)
        if abuse and not combine.flag(True, scores.flags["abusive"], flags["abusive"], veto):
            abuse = []  # the model is sure enough the rules' hit is not abuse (reported, teasing)
        elif not abuse and combine.flag(False, scores.flags["abusive"], flags["abusive"]):
            abuse.append(LEARNED_REASON["abusive"])
        pii_suspected = not rules.spans and combine.flag(False, scores.flags["pii"], flags["pii"])
        new_label = combine.sentiment(rules.sentiment, scores.sentiment, settings["sentiment"])
        if new_label != label:
            label = new_label
            polarity = round(scores.sentiment["positive"] - scores.sentiment["negative"], 3)
        allowed = None if taxonomy is None else {theme.slug for theme in taxonomy}
        probabilities = {
            slug: p for slug, p in scores.themes.items() if allowed is None or slug in allowed
        }
        themes = combine.themes(
            [slug for slug, _ in rules.themes], probabilities, settings["themes"]
        )
    label, polarity = _stance(text, label, polarity, bool(safeguarding or abuse))
    return Analysis(
        themes=themes,
        sentiment=label,
        polarity=polarity,
        pii_spans=[(s.start, s.end, s.kind) for s in rules.spans],
        redacted=redact(text, rules.spans),
        safeguarding=bool(safeguarding),
        safeguarding_reasons=safeguarding,
        abusive=bool(abuse),
        abuse_reasons=abuse,
        pii_suspected=pii_suspected,
        model_version=version,
    )


def analyse(text, *, author_role=None, channel=None, taxonomy=None, settings=None, model=ACTIVE):
    """Analyse one comment.

    Args:
        text: the comment exactly as submitted.
        author_role: parent_carer, young_person or professional (optional; recorded for
            callers, the detectors do not depend on it).
        channel: survey, feedback or forum (optional, likewise).
        taxonomy: a sequence of taxonomy.Theme (default: the built-in taxonomy).
        settings: a regex of known school and setting names from
            portal.text.settings.gazetteer_pattern (default: word cues only).
        model: a learned StoredModel, None for the rules alone, or (default) the active model.
    Returns:
        An Analysis.
    """
    text = text or ""
    model = current_model() if model is ACTIVE else model
    rules = run_rules(text, taxonomy, settings)
    if model is None:
        return combined(text, rules, taxonomy=taxonomy)
    return combined(text, rules, model.scores(text), model.combine, model.version, taxonomy)
