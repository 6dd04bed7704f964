"""One entry point that runs every detector over a comment: analyse(text) -> Analysis."""
import re
from dataclasses import dataclass, field

from portal.text.abuse import abuse_reasons
from portal.text.pii import find_pii, redact
from portal.text.safeguarding import safeguarding_reasons
from portal.text.sentiment import classify
from portal.text.themes import suggest_themes

_ONLY_QUESTIONS = re.compile(r"^[^.!]*\?\s*$")


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

    @property
    def pii(self):
        """True when the comment holds personal data to redact before publishing."""
        return bool(self.pii_spans)

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
        }


def _stance(text, label, polarity, at_risk):
    """A disclosure of risk or an abusive post is not a positive or mixed comment."""
    if at_risk and label in ("positive", "mixed") or \
            at_risk and label == "neutral" and not _ONLY_QUESTIONS.match(text.strip()):
        return "negative", min(polarity, -0.05)
    return label, polarity


def analyse(text, *, author_role=None, channel=None, taxonomy=None, settings=None):
    """Analyse one comment.

    Args:
        text: the comment exactly as submitted.
        author_role: parent_carer, young_person or professional (optional; recorded for
            callers, the detectors do not depend on it).
        channel: survey, feedback or forum (optional, likewise).
        taxonomy: a sequence of taxonomy.Theme (default: the built-in taxonomy).
        settings: a regex of known school and setting names from
            portal.text.settings.gazetteer_pattern (default: word cues only).
    Returns:
        An Analysis.
    """
    text = text or ""
    spans = find_pii(text, settings)
    safeguarding = safeguarding_reasons(text)
    abuse = abuse_reasons(text)
    if "threat" in abuse and "threat of violence" not in safeguarding:
        # A specific threat to hurt someone is for the safeguarding lead as well as a moderator.
        safeguarding = safeguarding + ["threat of violence"]
    label, polarity = classify(text)
    label, polarity = _stance(text, label, polarity, bool(safeguarding or abuse))
    return Analysis(
        themes=suggest_themes(text, taxonomy),
        sentiment=label,
        polarity=polarity,
        pii_spans=[(s.start, s.end, s.kind) for s in spans],
        redacted=redact(text, spans),
        safeguarding=bool(safeguarding),
        safeguarding_reasons=safeguarding,
        abusive=bool(abuse),
        abuse_reasons=abuse,
    )
