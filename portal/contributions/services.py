"""Creating contributions and storing their analysis. Every free-text route comes through here."""

import logging
from dataclasses import replace

from sqlalchemy import select

from portal.audit.services import record
from portal.clock import utcnow
from portal.contributions.models import Contribution, Source
from portal.errors import TextNotAccepted, ValidationFailed
from portal.extensions import db
from portal.hooks import wired
from portal.reference.services import settings_gazetteer
from portal.text.analysis import analyse
from portal.themes.services import active_taxonomy, store_suggestions

log = logging.getLogger(__name__)
MAX_TEXT = 10_000
MAX_TITLE = 120


def author_of(contribution):
    """The member who wrote `contribution`, when its source keeps one (a forum post), else None.

    The forum's lookup is wired in (portal/wiring.py), so moderation can offer to suspend a member
    without importing the forum."""
    lookup = dict(wired().author_lookups).get(contribution.source)
    return lookup(contribution) if lookup is not None else None


def submit_contribution(
    *,
    source,
    text,
    title=None,
    channel="online",
    author_role=None,
    locality=None,
    age_band=None,
    cohort=None,
    entered_by=None,
    commit=True,
    field="text",
    **provenance,
):
    """Save one piece of free text as a pending contribution, analysed before it is stored.

    Args:
        source: a Source value; channel: a Channel value.
        text: the text as given (stored unchanged; escaped wherever it is shown).
        title: a title given with the text (a forum topic's), analysed and moderated with it, or
        None. author_role, locality (a Locality or None), age_band, cohort: who said it, broadly.
        entered_by: the staff User who typed it in (paper, phone, insight), else None.
        commit: False when the caller commits as part of a larger transaction (a survey submission).
        field: the form field the text came from, named in TextNotAccepted.
        provenance: organisation, families_represented, survey_id, response_id, question_key.
    Returns the Contribution. Raises TextNotAccepted (a ValidationFailed) for empty or over-long
    text or title: the one translation of bad text into a message for the person who wrote it.
    """
    if not text or not text.strip():
        raise TextNotAccepted("A contribution needs some text", field)
    if len(text) > MAX_TEXT:
        raise TextNotAccepted(f"A contribution can be at most {MAX_TEXT:,} characters", field)
    if title is not None and (not title.strip() or len(title.strip()) > MAX_TITLE):
        raise TextNotAccepted(f"Enter a title of {MAX_TITLE} characters or fewer", "title")
    contribution = Contribution(
        source=Source(source),
        channel=channel,
        text=text,
        title=title.strip() if title else None,
        author_role=author_role,
        locality_id=getattr(locality, "id", locality),
        age_band=age_band,
        cohort=cohort,
        entered_by_id=getattr(entered_by, "id", None),
        **provenance,
    )
    db.session.add(contribution)
    apply_analysis(contribution)
    if commit:
        db.session.commit()
    return contribution


def apply_analysis(contribution, *, keep_confirmed=True):
    """Analyse the contribution's text (and title) and store the results and suggested themes on it.

    A title is analysed with the same checks: its flags count as the contribution's, its redaction
    is kept beside the text's. Staff-confirmed themes are never touched. Runs the registered hooks
    (they see the title's flags too). Does not commit.
    """

    taxonomy, themes_by_slug = active_taxonomy()
    result = analyse(
        contribution.text,
        author_role=contribution.author_role,
        channel=contribution.source,
        taxonomy=taxonomy,
        settings=settings_gazetteer(),
    )
    contribution.sentiment, contribution.polarity = result.sentiment, result.polarity
    contribution.pii_spans = [{"start": s, "end": e, "kind": k} for s, e, k in result.pii_spans]
    fresh = contribution.status == "pending" and contribution.redaction_saved_at is None
    if contribution.redacted_text is None or fresh:
        contribution.redacted_text = result.redacted
    if contribution.title:
        result = _with_title(
            contribution,
            analyse(
                contribution.title,
                author_role=contribution.author_role,
                channel=contribution.source,
                settings=settings_gazetteer(),
            ),
            result,
            fresh,
        )
    contribution.safeguarding_flag = result.safeguarding
    contribution.safeguarding_reasons = list(result.safeguarding_reasons)
    contribution.abusive_flag = result.abusive
    contribution.abuse_reasons = list(result.abuse_reasons)
    contribution.pii_suspected = result.pii_suspected
    contribution.analysis_model_version = result.model_version
    contribution.analysed_at = utcnow()
    store_suggestions(contribution, result.themes, themes_by_slug)
    db.session.flush()
    for hook in wired().on_analysed:
        hook(contribution, result)
    return result


def _with_title(contribution, title, result, fresh):
    """Store the title's analysis; return the text's analysis with the title's flags added."""
    contribution.title_pii_spans = [
        {"start": s, "end": e, "kind": k} for s, e, k in title.pii_spans
    ]
    if contribution.redacted_title is None or fresh:
        contribution.redacted_title = title.redacted
    extra = [r for r in title.safeguarding_reasons if r not in result.safeguarding_reasons]
    abuse = [r for r in title.abuse_reasons if r not in result.abuse_reasons]
    return replace(
        result,
        safeguarding=result.safeguarding or title.safeguarding,
        safeguarding_reasons=[*result.safeguarding_reasons, *extra],
        abusive=result.abusive or title.abusive,
        abuse_reasons=[*result.abuse_reasons, *abuse],
    )


def set_redacted_title(contribution, redacted_title):
    """Store a moderator's redaction of the contribution's title (ignored when it has none or it is
    blank).

    A changed title counts as a saved redaction: re-analysis keeps it, as it keeps edited text."""
    redacted_title = (redacted_title or "").strip()[:MAX_TITLE]
    if (
        contribution.title is not None
        and redacted_title
        and redacted_title != contribution.redacted_title
    ):
        contribution.redacted_title, contribution.redaction_saved_at = redacted_title, utcnow()


def get_contribution(contribution_id):
    return db.session.get(Contribution, contribution_id)


def contributions_for_response(response_id):
    return db.session.scalars(
        select(Contribution).where(Contribution.response_id == response_id)
    ).all()


def log_insight(
    *, moderator, text, channel, organisation, locality, families_represented, author_role=None
):
    """Record SENDIASS, PCF, event or phone intelligence as a contribution (aggregate themes only).

    The logging moderator's organisation owns the text (see portal/walls/rules.py).

    Raises ValidationFailed for a missing count or bad text (TextNotAccepted from
    submit_contribution).
    """
    if not families_represented or families_represented < 1:
        raise ValidationFailed(
            "How many families", {"families_represented": "Enter how many families, 1 or more"}
        )
    contribution = submit_contribution(
        source=Source.INSIGHT,
        text=text,
        channel=channel,
        author_role=author_role or None,
        locality=locality,
        entered_by=moderator,
        organisation=organisation,
        families_represented=families_represented,
        owner_organisation=moderator.organisation or None,
        commit=False,
    )
    record(
        moderator,
        "contribution.log_insight",
        contribution,
        channel=channel,
        organisation=organisation,
        owner=contribution.owner_organisation,
    )
    db.session.commit()
    return contribution
