"""Creating contributions and storing their analysis. Every free-text route comes through here."""
import logging

from sqlalchemy import select

from portal.accounts.models import utcnow
from portal.contributions.models import Contribution, Source
from portal.extensions import db
from portal.text.analysis import analyse

log = logging.getLogger(__name__)
MAX_TEXT = 10_000
_ANALYSED_HOOKS = []


def on_analysed(hook):
    """Register `hook(contribution, analysis)`, called in the same transaction after analysis.

    Safeguarding registers here so a risky contribution opens a concern at once.
    """
    _ANALYSED_HOOKS.append(hook)
    return hook


def submit_contribution(*, source, text, channel="online", author_role=None, locality=None, age_band=None,
                        cohort=None, entered_by=None, commit=True, **provenance):
    """Save one piece of free text as a pending contribution, analysed before it is stored.

    Args:
        source: a Source value; channel: a Channel value.
        text: the text as given (stored unchanged; escaped wherever it is shown).
        author_role, locality (a Locality or None), age_band, cohort: who said it, broadly.
        entered_by: the staff User who typed it in (paper, phone, insight), else None.
        commit: False when the caller commits as part of a larger transaction (a survey submission).
        provenance: organisation, families_represented, survey_id, response_id, question_key.
    Returns the Contribution. Raises ValueError for empty or over-long text.
    """
    if not text or not text.strip():
        raise ValueError("A contribution needs some text")
    if len(text) > MAX_TEXT:
        raise ValueError(f"A contribution can be at most {MAX_TEXT:,} characters")
    contribution = Contribution(
        source=Source(source), channel=channel, text=text, author_role=author_role,
        locality_id=getattr(locality, "id", locality), age_band=age_band, cohort=cohort,
        entered_by_id=getattr(entered_by, "id", None), **provenance)
    db.session.add(contribution)
    apply_analysis(contribution)
    if commit:
        db.session.commit()
    return contribution


def apply_analysis(contribution, *, keep_confirmed=True):
    """Analyse the contribution's text and store the results and suggested themes on it.

    Staff-confirmed themes are never touched. Runs the registered hooks. Does not commit.
    """
    from portal.reference.services import settings_gazetteer
    from portal.themes.services import active_taxonomy, store_suggestions
    taxonomy, themes_by_slug = active_taxonomy()
    result = analyse(contribution.text, author_role=contribution.author_role,
                     channel=contribution.source, taxonomy=taxonomy, settings=settings_gazetteer())
    contribution.sentiment, contribution.polarity = result.sentiment, result.polarity
    contribution.pii_spans = [{"start": s, "end": e, "kind": k} for s, e, k in result.pii_spans]
    if contribution.redacted_text is None or \
            contribution.status == "pending" and contribution.redaction_saved_at is None:
        contribution.redacted_text = result.redacted
    contribution.safeguarding_flag = result.safeguarding
    contribution.safeguarding_reasons = list(result.safeguarding_reasons)
    contribution.abusive_flag = result.abusive
    contribution.abuse_reasons = list(result.abuse_reasons)
    contribution.pii_suspected = result.pii_suspected
    contribution.analysis_model_version = result.model_version
    contribution.analysed_at = utcnow()
    store_suggestions(contribution, result.themes, themes_by_slug)
    db.session.flush()
    for hook in _ANALYSED_HOOKS:
        hook(contribution, result)
    return result


def get_contribution(contribution_id):
    return db.session.get(Contribution, contribution_id)


def contributions_for_response(response_id):
    return db.session.scalars(select(Contribution).where(Contribution.response_id == response_id)).all()
