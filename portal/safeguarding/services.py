"""Opening, alerting, re-alerting and working safeguarding concerns. The emails never hold the
text."""

import logging
from datetime import timedelta

from flask import current_app
from sqlalchemy import case, func, select

from portal.accounts.services import safeguarding_leads
from portal.audit.services import record
from portal.clock import utcnow
from portal.contributions.models import Contribution, Status
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.formatting import format_datetime
from portal.mail.services import messages_with_prefix, queue_email
from portal.safeguarding.models import (
    OPENED_BY_LABELS,
    Concern,
    ConcernNote,
    ConcernState,
    Outcome,
    has_active_concern,
)
from portal.textmodel import capture

log = logging.getLogger(__name__)
LEAD_ONLY = (
    "Only a safeguarding lead can acknowledge, refer on or close a concern. You can add a note."
)
FOUR_EYES = (
    "You closed this item's safeguarding concern as no risk of harm, so another moderator "
    "must decide whether to approve it"
)


def is_lead(user):
    """True for an active staff account flagged as a safeguarding lead."""
    return bool(getattr(user, "is_safeguarding_lead", False) and getattr(user, "active", False))


def _require_lead(actor):
    if not is_lead(actor):
        raise NotAllowed(LEAD_ONLY)


def _no_risk_closures(user_id):
    return (
        select(Concern.contribution_id)
        .join(ConcernNote, ConcernNote.concern_id == Concern.id)
        .where(
            Concern.outcome == Outcome.NO_RISK,
            ConcernNote.state == ConcernState.CLOSED,
            ConcernNote.author_id == user_id,
        )
    )


def cleared_by(contribution, user):
    """True when `user` closed a concern about `contribution` as no risk (so may not approve it)."""
    if contribution.id is None or getattr(user, "id", None) is None:
        return False
    return (
        db.session.scalar(
            _no_risk_closures(user.id).where(Concern.contribution_id == contribution.id).limit(1)
        )
        is not None
    )


def cleared_ids(user, ids):
    """The subset of contribution `ids` whose concern `user` closed as no risk."""
    if not ids or getattr(user, "id", None) is None:
        return set()
    return set(
        db.session.scalars(_no_risk_closures(user.id).where(Concern.contribution_id.in_(ids)))
    )


def active_concern_for(contribution):
    """The contribution's concern that is not closed yet, or None.

    Flagged answers of one survey response share one concern: a second flagged answer joins the
    concern opened for the first (its reasons added, no second alert), so this returns that concern
    for it too."""
    own = db.session.scalar(
        select(Concern).where(Concern.contribution_id == contribution.id, Concern.is_active)
    )
    shares = contribution.response_id is not None and (
        contribution.safeguarding_flag or contribution.status == Status.ESCALATED
    )
    if own is not None or not shares:
        return own  # an ordinary answer beside a disclosure is moderated as usual
    return db.session.scalar(
        select(Concern)
        .join(Contribution, Concern.contribution_id == Contribution.id)
        .where(Contribution.response_id == contribution.response_id, Concern.is_active)
        .order_by(Concern.id)
        .limit(1)
    )


def related_contributions(concern):
    """Other answers of the same survey response as the concern's contribution (they share it)."""
    item = concern.contribution
    if item is None or item.response_id is None:
        return []
    return db.session.scalars(
        select(Contribution)
        .where(
            Contribution.response_id == item.response_id,
            Contribution.id != item.id,
            Contribution.safeguarding_flag.is_(True) | (Contribution.status == Status.ESCALATED),
        )
        .order_by(Contribution.id)
    ).all()


def open_concern(contribution, *, opened_by, reasons, actor=None, commit=False):
    """Open a concern about `contribution` (or add reasons to its active one) and alert every lead.

    The contribution is escalated so it can never be approved while the concern is active.
    `opened_by` is analysis, moderator or report. Does not commit unless `commit`.
    Returns the Concern.
    """
    concern = active_concern_for(contribution)
    if concern is not None:
        concern.reasons = list(dict.fromkeys([*concern.reasons, *reasons]))
    else:
        concern = Concern(
            contribution_id=contribution.id,
            opened_by=opened_by,
            reasons=list(reasons),
            opened_by_user_id=getattr(actor, "id", None),
        )
        db.session.add(concern)
        db.session.flush()
        record(
            actor,
            "safeguarding.open",
            concern,
            contribution=contribution.id,
            opened_by=opened_by,
            reasons=list(reasons),
        )
        alert_leads(concern)
    contribution.status = Status.ESCALATED
    if commit:
        db.session.commit()
    return concern


def _has_own_active_concern(contribution):
    return has_active_concern(contribution.id)


def _ever_had_concern(contribution):
    """True when the contribution, or another answer of its survey response, ever had a concern:
    a lead has looked at that response (its concern page lists every flagged answer)."""
    if contribution.id is None:
        return False
    if (
        db.session.scalar(
            select(Concern.id).where(Concern.contribution_id == contribution.id).limit(1)
        )
        is not None
    ):
        return True
    if contribution.response_id is None:
        return False
    closed_for_response = (
        select(Concern.id)
        .join(Contribution, Concern.contribution_id == Contribution.id)
        .where(
            Contribution.response_id == contribution.response_id,
            Concern.state == ConcernState.CLOSED,
        )
        .limit(1)
    )
    return db.session.scalar(closed_for_response) is not None


def flag_from_analysis(contribution, analysis):
    """A safeguarding flag from analysis opens a concern in the same transaction as the save.

    Never a second one: when the contribution has ever had a concern (re-analysis), a person has
    already looked at it, so nothing is opened or re-opened.
    """
    if analysis.safeguarding and not _ever_had_concern(contribution):
        open_concern(contribution, opened_by="analysis", reasons=analysis.safeguarding_reasons)


def concern_url(concern):
    return f"{current_app.config['PUBLIC_BASE_URL'].rstrip('/')}/staff/safeguarding/{concern.id}"


def alert_leads(concern, *, reminder=False):
    """Queue one email to every active safeguarding lead: reasons and a link only, never the
    text."""
    concern.alerts_sent += 1
    concern.last_alerted_at = utcnow()
    leads = safeguarding_leads()
    if not leads:
        log.error("Safeguarding concern %s opened but no safeguarding lead exists", concern.id)
    subject = (
        f"{'Reminder: ' if reminder else ''}Safeguarding concern {concern.id} needs a lead today"
    )
    body = "\n".join(
        [
            f"A possible safeguarding concern (number {concern.id}) was raised by: "
            f"{OPENED_BY_LABELS.get(concern.opened_by, concern.opened_by)}.",
            f"Raised: {format_datetime(concern.opened_at)} (UTC).",
            f"Reasons: {', '.join(concern.reasons) or 'not given'}.",
            *(["Nobody has acknowledged it yet."] if reminder else []),
            "",
            f"Open the concern: {concern_url(concern)}",
            "",
            "This email does not include what was written or who wrote it. Sign in to read it.",
        ]
    )
    for lead in leads:
        queue_email(
            lead.email,
            subject,
            body,
            key=f"concern-{concern.id}-alert-{concern.alerts_sent}-to-{lead.id}",
        )


def alert_key_prefix(concern):
    return f"concern-{concern.id}-alert-"


def alert_delivery(concern):
    """What happened to the alert emails, in plain words for the concern page.

    Returns {"latest": [lines about the latest alert], "earlier": line or None, "problem": bool}.
    "Delivered" means the mail server accepted it; nothing is claimed that has not happened.
    """
    prefix = alert_key_prefix(concern)
    by_alert = {}
    for message in messages_with_prefix(prefix):
        number = message.key[len(prefix) :].split("-", 1)[0]
        by_alert.setdefault(int(number) if number.isdigit() else 0, []).append(message)
    if not by_alert:
        return {
            "latest": [
                "No alert email was sent: there is no active safeguarding lead to send it to."
            ],
            "earlier": None,
            "problem": True,
        }
    latest_number = max(by_alert)
    lines, problem = _alert_lines(by_alert[latest_number], reminder=latest_number > 1)
    earlier = None
    if problem:
        delivered = [m for n, ms in by_alert.items() if n < latest_number for m in ms if m.sent_at]
        if delivered:
            last = max(m.sent_at for m in delivered)
            earlier = (
                f"An earlier alert was delivered to {_leads(len(delivered))} at {_when(last)}."
            )
    return {"latest": lines, "earlier": earlier, "problem": problem}


def _leads(count):
    return f"{count} lead{'' if count == 1 else 's'}"


def _when(moment):
    return f"{moment:%H:%M} on {format_datetime(moment).split(' at ')[0]} (UTC)"


def _alert_lines(messages, *, reminder):
    what = "Reminder" if reminder else "Alert"
    sent = [m for m in messages if m.sent_at]
    queued = [m for m in messages if not m.sent_at and not m.failed_at]
    failed = [m for m in messages if m.failed_at and not m.sent_at]
    lines = []
    if sent:
        lines.append(
            f"{what} delivered to {_leads(len(sent))} at {_when(max(m.sent_at for m in sent))}."
        )
    if queued:
        prefix = (
            f"{what} not delivered yet"
            if not sent
            else f"Not yet delivered to {_leads(len(queued))}"
        )
        lines.append(f"{prefix}, waiting since {_when(min(m.created_at for m in queued))}.")
    if failed:
        lines.append(
            f"{what} could not be delivered to {_leads(len(failed))}: the mail server refused it "
            "or "
            f"kept failing, and it was set aside. An admin can retry it from the outbox."
        )
    return lines, bool(queued or failed)


def _move(concern, *, actor, state, note, allowed_from):
    if concern.state not in allowed_from:
        raise InvalidTransition(f"This concern is {concern.state.replace('_', ' ')}")
    concern.state = state
    concern.notes.append(ConcernNote(author_id=actor.id, state=state, text=note.strip()))
    record(actor, f"safeguarding.{state}", concern, note=bool(note.strip()))


def acknowledge(concern, *, actor, note=""):
    """Say a lead has seen the concern (stops re-alerts). Raises NotAllowed unless `actor` is a
    safeguarding lead, InvalidTransition unless open."""
    _require_lead(actor)
    _move(
        concern,
        actor=actor,
        state=ConcernState.ACKNOWLEDGED,
        note=note,
        allowed_from={ConcernState.OPEN},
    )
    concern.acknowledged_at, concern.acknowledged_by_id = utcnow(), actor.id
    db.session.commit()


def refer_on(concern, *, actor, note):
    """Record that the concern was referred to another service (a note saying where is required).
    Raises NotAllowed unless `actor` is a safeguarding lead."""
    _require_lead(actor)
    if not note.strip():
        raise ValidationFailed(
            "Say who it was referred to", {"note": "Say who it was referred to and when"}
        )
    if concern.acknowledged_at is None:
        concern.acknowledged_at, concern.acknowledged_by_id = utcnow(), actor.id
    _move(
        concern,
        actor=actor,
        state=ConcernState.REFERRED_ON,
        note=note,
        allowed_from={ConcernState.OPEN, ConcernState.ACKNOWLEDGED},
    )
    db.session.commit()


def close(concern, *, actor, outcome, note):
    """Close the concern. NO_RISK clears the flag and returns the item to the queue; HANDLED keeps
    it unpublishable for ever. A note is required. Only safeguarding leads may close (NotAllowed);
    whoever closes as NO_RISK may not then approve the item (see cleared_by).
    Raises ValidationFailed or InvalidTransition."""
    _require_lead(actor)
    if not note.strip():
        raise ValidationFailed("Add a note", {"note": "Say why the concern is being closed"})
    outcome = Outcome(outcome)
    _move(
        concern,
        actor=actor,
        state=ConcernState.CLOSED,
        note=note,
        allowed_from={ConcernState.OPEN, ConcernState.ACKNOWLEDGED, ConcernState.REFERRED_ON},
    )
    concern.closed_at, concern.outcome = utcnow(), outcome
    if concern.acknowledged_at is None:
        concern.acknowledged_at, concern.acknowledged_by_id = concern.closed_at, actor.id
    if outcome == Outcome.NO_RISK and concern.contribution is not None:
        for item in [concern.contribution, *related_contributions(concern)]:
            if item is concern.contribution or not _has_own_active_concern(item):
                capture.cleared(item)
                item.safeguarding_flag, item.status = False, Status.PENDING
    db.session.commit()


def add_note(concern, *, actor, text):
    """Add a note (who and when are recorded). Raises ValidationFailed for an empty note."""
    if not text.strip():
        raise ValidationFailed("Enter a note", {"note": "Enter a note"})
    concern.notes.append(ConcernNote(author_id=actor.id, text=text.strip()))
    record(actor, "safeguarding.note", concern)
    db.session.commit()


def realert_due(now=None):
    """Email the leads again about every concern still open SAFEGUARDING_REALERT_MINUTES after the
    last alert. Returns how many concerns were re-alerted."""
    now = now or utcnow()
    cutoff = now - timedelta(minutes=current_app.config["SAFEGUARDING_REALERT_MINUTES"])
    due = db.session.scalars(
        select(Concern).where(Concern.state == ConcernState.OPEN, Concern.last_alerted_at <= cutoff)
    ).all()
    for concern in due:
        alert_leads(concern, reminder=True)
        record(None, "safeguarding.realert", concern, alert=concern.alerts_sent)
    db.session.commit()
    return len(due)


def list_concerns(*, active_only=True):
    """Concerns, open ones first then oldest first."""
    query = select(Concern)
    if active_only:
        query = query.where(Concern.is_active)
    order = case((Concern.state == ConcernState.OPEN, 0), else_=1)
    return db.session.scalars(query.order_by(order, Concern.opened_at)).all()


def count_open():
    return db.session.scalar(
        select(func.count(Concern.id)).where(Concern.state == ConcernState.OPEN)
    )
