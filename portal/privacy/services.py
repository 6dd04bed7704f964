"""Applying the retention settings and erasing one person's data. Safeguarding records are kept."""

import logging
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select

from portal.accounts.models import User
from portal.audit.services import record
from portal.clock import utcnow
from portal.contributions.models import Contribution, Status
from portal.extensions import db
from portal.feedback.models import FeedbackContact
from portal.forum.models import ForumProfile, Post, Report, Topic
from portal.hooks import wired
from portal.safeguarding.models import active_concern_exists, has_active_concern

log = logging.getLogger(__name__)


def _days(name, now):
    return now - timedelta(days=current_app.config[name])


def _delete_contributions(ids):
    """Delete contributions (and their forum posts) unless a safeguarding concern is still
    active."""
    kept = [i for i in ids if has_active_concern(i)]
    doomed = [i for i in ids if i not in kept]
    if doomed:
        db.session.execute(
            delete(Report).where(
                Report.post_id.in_(select(Post.id).where(Post.contribution_id.in_(doomed)))
            )
        )
        db.session.execute(delete(Post).where(Post.contribution_id.in_(doomed)))
        for contribution in db.session.scalars(
            select(Contribution).where(Contribution.id.in_(doomed))
        ):
            db.session.delete(contribution)
    return len(doomed), len(kept)


def purge(*, actor=None, now=None):
    """Run every retention step in PURGE_STEPS (portal/wiring.py) once, in one transaction.

    Each step is `step(now) -> rows deleted`. Returns {step name: count}, which is also audited.
    """
    now = now or utcnow()
    counts = {name: step(now) for name, step in wired().purge_steps}
    record(actor, "privacy.purge", None, **counts)
    db.session.commit()
    log.info("purge: %s", counts)
    return counts


def purge_rejected(now):
    """Retention: delete contributions rejected more than RETENTION_REJECTED_DAYS ago, with their
    forum posts (does not commit). Items under an active safeguarding concern are kept.
    Returns how many were deleted."""
    ids = db.session.scalars(
        select(Contribution.id).where(
            Contribution.status == Status.REJECTED,
            Contribution.moderated_at < _days("RETENTION_REJECTED_DAYS", now),
        )
    ).all()
    return _delete_contributions(ids)[0]


def purge_suspended_members(now):
    """Retention: erase forum members suspended more than RETENTION_SUSPENDED_DAYS ago (does not
    commit). A member who wrote a post under an active safeguarding concern is kept whole, so the
    lead still knows who wrote it. Returns how many accounts were erased."""
    under_concern = select(Post.author_id).where(active_concern_exists(Post.contribution_id))
    members = db.session.scalars(
        select(User)
        .join(ForumProfile, ForumProfile.user_id == User.id)
        .where(
            ForumProfile.suspended_at < _days("RETENTION_SUSPENDED_DAYS", now),
            User.id.not_in(under_concern.where(Post.author_id.is_not(None))),
        )
    ).all()
    for user in members:
        _erase_member(user)
    return len(members)


def _erase_member(user):
    ids = list(db.session.scalars(select(Post.contribution_id).where(Post.author_id == user.id)))
    _, kept = _delete_contributions(ids)
    db.session.execute(delete(Report).where(Report.reporter_id == user.id))
    db.session.execute(delete(ForumProfile).where(ForumProfile.user_id == user.id))
    for topic in db.session.scalars(select(Topic).where(Topic.author_id == user.id)):
        if not topic.posts:
            db.session.delete(topic)
    db.session.delete(user)
    return kept


def erase_person(identifier, *, actor):
    """Erase everything linked to an email address (feedback contact details and their messages) or
    a forum username (account, profile, posts, reports). Items with an active safeguarding concern
    are kept for the lead. Staff accounts are never erased here. Returns a dict of counts."""
    identifier = (identifier or "").strip().lower()
    counts = {"contacts": 0, "messages": 0, "accounts": 0, "kept_for_safeguarding": 0}
    if not identifier:
        return counts
    contacts = db.session.scalars(
        select(FeedbackContact).where(func.lower(FeedbackContact.email) == identifier)
    )
    contacts = contacts.all()
    ids = [c.contribution_id for c in contacts if c.contribution_id]
    for contact in contacts:
        db.session.delete(contact)
    counts["contacts"] = len(contacts)
    counts["messages"], counts["kept_for_safeguarding"] = _delete_contributions(ids)
    user = db.session.scalar(
        select(User).where(func.lower(User.username) == identifier, User.role == "young_person")
    )
    if user is not None:
        counts["kept_for_safeguarding"] += _erase_member(user)
        counts["accounts"] = 1
    counts.update({name: step(identifier) for name, step in wired().erasure_steps})
    record(
        actor, "privacy.erase", None, found=any(counts.values()), **counts
    )  # never the identifier itself
    db.session.commit()
    return counts
