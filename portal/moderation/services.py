"""Moderation decisions on contributions. Every decision is audited; only redacted text is
published."""

import logging

from sqlalchemy import and_, case, func, or_, select

from portal.audit.services import record
from portal.clock import utcnow
from portal.contributions.models import REJECTION_REASONS, Contribution, Status
from portal.contributions.services import MAX_TEXT, set_redacted_title
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.safeguarding.models import Concern, active_concern_exists
from portal.safeguarding.services import (
    FOUR_EYES,
    active_concern_for,
    cleared_by,
    cleared_ids,
    open_concern,
)
from portal.textmodel import capture
from portal.themes import tagging
from portal.walls.rules import readable_filter

log = logging.getLogger(__name__)
FLAGS = {
    "safeguarding": "Safeguarding",
    "abusive": "Abusive",
    "personal_data": "Personal data",
    "clean": "Nothing detected",
}


def _has_concern():
    return active_concern_exists(Contribution.id)


def _waiting():
    """Pending items, and escalated ones whose concern is still active. An item whose concern a lead
    closed as dealt with ("handled") stays unpublishable but leaves the queue, so it never sits
    above new disclosures; one closed as no risk is pending again, an ordinary item."""
    ever = select(Concern.id).where(Concern.contribution_id == Contribution.id).exists()
    return or_(
        Contribution.status == Status.PENDING,
        and_(Contribution.status == Status.ESCALATED, or_(_has_concern(), ~ever)),
    )


def queue_query(*, viewer=None, source=None, channel=None, flag=None, locality_id=None):
    """Everything waiting that `viewer` may read (portal/walls): safeguarding first, then oldest
    first."""
    query = select(Contribution).where(_waiting(), readable_filter(viewer))
    if source:
        query = query.where(Contribution.source == source)
    if channel:
        query = query.where(Contribution.channel == channel)
    if locality_id:
        query = query.where(Contribution.locality_id == locality_id)
    if flag == "safeguarding":
        query = query.where(or_(Contribution.safeguarding_flag.is_(True), _has_concern()))
    elif flag == "abusive":
        query = query.where(Contribution.abusive_flag.is_(True))
    elif flag == "personal_data":
        query = query.where(
            or_(
                Contribution.redacted_text != Contribution.text,
                Contribution.redacted_title != Contribution.title,
                Contribution.pii_suspected.is_(True),
            )
        )
    elif flag == "clean":
        query = query.where(_is_clean())
    urgent = case(
        (
            or_(
                Contribution.safeguarding_flag.is_(True),
                Contribution.status == Status.ESCALATED,
                _has_concern(),
            ),
            0,
        ),
        else_=1,
    )
    return query.order_by(urgent, Contribution.created_at, Contribution.id)


def _is_clean():
    return and_(
        Contribution.status == Status.PENDING,
        Contribution.safeguarding_flag.is_(False),
        Contribution.abusive_flag.is_(False),
        Contribution.redacted_text == Contribution.text,
        or_(Contribution.title.is_(None), Contribution.redacted_title == Contribution.title),
        Contribution.pii_suspected.is_(False),
    )


def is_clean(contribution):
    """True when nothing was detected: pending, no flags and no personal data to redact."""
    return (
        contribution.status == Status.PENDING
        and not contribution.safeguarding_flag
        and not contribution.abusive_flag
        and contribution.redacted_text == contribution.text
        and contribution.redacted_title == contribution.title
        and not contribution.pii_suspected
    )  # the learned layer asks a person to look


def queue_summary(viewer=None):
    """(how many items `viewer` may read wait, when the oldest arrived or None)."""
    count, oldest = db.session.execute(
        select(func.count(Contribution.id), func.min(Contribution.created_at)).where(
            _waiting(), readable_filter(viewer)
        )
    ).one()
    return count, oldest


def approve(contribution, *, moderator, redacted_text, redacted_title=None):
    """Publish the contribution with `redacted_text` (the only text anyone else will ever see).

    Refused (NotAllowed) while it carries a safeguarding flag or a concern that is not closed, or
    is escalated, and (four eyes) when `moderator` closed its concern as no risk. Raises
    InvalidTransition unless pending; ValidationFailed for empty text.
    """
    if (
        contribution.safeguarding_flag
        or contribution.status == Status.ESCALATED
        or active_concern_for(contribution) is not None
    ):
        raise NotAllowed("This item has a safeguarding concern and can never be published")
    if cleared_by(contribution, moderator):
        raise NotAllowed(FOUR_EYES)
    if contribution.status != Status.PENDING:
        raise InvalidTransition(f"This item is already {contribution.status}")
    redacted_text = _clean_redaction(redacted_text)
    edited = redacted_text != (contribution.redacted_text or "").strip()
    contribution.redacted_text = redacted_text
    set_redacted_title(contribution, redacted_title)
    _decide(contribution, moderator, Status.APPROVED)
    capture.approved(contribution, original_text=contribution.text)
    record(
        moderator,
        "contribution.approve",
        contribution,
        redaction_edited=edited,
        left_unredacted=redacted_text == contribution.text and bool(contribution.pii_spans),
    )
    db.session.commit()
    log.info("contribution %s approved by %s", contribution.id, moderator.id)
    return contribution


def _clean_redaction(redacted_text):
    redacted_text = (redacted_text or "").strip()
    if not redacted_text:
        raise ValidationFailed(
            "Enter the text to publish", {"redacted_text": "Enter the text to publish"}
        )
    if len(redacted_text) > MAX_TEXT:
        raise ValidationFailed(
            "Too long", {"redacted_text": f"Text must be {MAX_TEXT:,} characters or fewer"}
        )
    return redacted_text


def tag_keeping_redaction(
    contribution, *, moderator, redacted_text, redacted_title=None, confirm=None, remove=None
):
    """Save the moderator's edited redaction, then confirm or remove one theme, in one transaction.

    Theme buttons on a pending item's page submit the text being edited, so changing themes never
    throws edits away. The saved text is what the page shows next, and re-analysis keeps it.
    Raises ValidationFailed (empty or over-long text), InvalidTransition unless pending, NotAllowed.
    Returns the Theme confirmed or removed.
    """

    if contribution.status != Status.PENDING:
        raise InvalidTransition(f"This item is already {contribution.status}")
    redacted_text = _clean_redaction(redacted_text)
    if redacted_text != (contribution.redacted_text or "").strip():
        contribution.redacted_text, contribution.redaction_saved_at = redacted_text, utcnow()
        record(moderator, "contribution.save_redaction", contribution)
    set_redacted_title(contribution, redacted_title)
    if confirm is not None:
        return tagging.confirm_theme(contribution, actor=moderator, theme_id=confirm)
    return tagging.remove_theme(contribution, actor=moderator, theme_id=remove)


def reject(contribution, *, moderator, reason, note=""):
    """Reject (or unpublish) the contribution with a reason code from REJECTION_REASONS."""
    if reason not in REJECTION_REASONS:
        raise ValidationFailed("Choose a reason", {"reason": "Select why it is being rejected"})
    if contribution.status == Status.REJECTED:
        raise InvalidTransition("This item is already rejected")
    contribution.rejection_reason = reason
    capture.rejected(contribution, reason)
    _decide(contribution, moderator, Status.REJECTED)
    record(moderator, "contribution.reject", contribution, reason=reason, note=note.strip()[:500])
    db.session.commit()
    return contribution


def escalate(contribution, *, moderator, reason):
    """A moderator flags possible risk of harm: a concern opens at once and every lead is
    emailed."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed("Say why", {"reason": "Say briefly why you are worried (no names)"})
    capture.escalated(contribution)
    _decide(contribution, moderator, Status.ESCALATED)
    record(moderator, "contribution.escalate", contribution)
    return open_concern(
        contribution, opened_by="moderator", reasons=[reason[:200]], actor=moderator, commit=True
    )


def _decide(contribution, moderator, status):
    contribution.status = status
    contribution.moderated_by_id, contribution.moderated_at = moderator.id, utcnow()


def bulk_approve(ids, *, moderator):
    """Approve every listed item that is clean (see is_clean) and that `moderator` may read, as it
    stands. Returns (approved, skipped)."""
    items = (
        db.session.scalars(
            select(Contribution).where(Contribution.id.in_(ids), readable_filter(moderator))
        ).all()
        if ids
        else []
    )
    mine = cleared_ids(moderator, [c.id for c in items])
    approved = [
        c for c in items if is_clean(c) and active_concern_for(c) is None and c.id not in mine
    ]
    for contribution in approved:
        _decide(contribution, moderator, Status.APPROVED)
        record(moderator, "contribution.approve", contribution, bulk=True)
    db.session.commit()
    return len(approved), len(ids) - len(approved)
