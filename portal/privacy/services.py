"""Applying the retention settings and erasing one person's data. Safeguarding records are kept."""

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
from portal.safeguarding.models import has_active_concern


def _days(name, now):
    return now - timedelta(days=current_app.config[name])


def _delete_contributions(ids):
    """Delete contributions (and their forum posts) unless a safeguarding concern is still active."""
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
    """Apply RETENTION_CONTACT_DAYS, RETENTION_REJECTED_DAYS and RETENTION_SUSPENDED_DAYS.

    Returns {"contacts": n, "rejected": n, "suspended_accounts": n, "kept_for_safeguarding": n}.
    """
    now = now or utcnow()
    contacts = db.session.execute(
        delete(FeedbackContact).where(
            FeedbackContact.created_at < _days("RETENTION_CONTACT_DAYS", now)
        )
    ).rowcount
    rejected_ids = list(
        db.session.scalars(
            select(Contribution.id).where(
                Contribution.status == Status.REJECTED,
                Contribution.moderated_at < _days("RETENTION_REJECTED_DAYS", now),
            )
        )
    )
    rejected, kept = _delete_contributions(rejected_ids)
    suspended = db.session.scalars(
        select(User)
        .join(ForumProfile, ForumProfile.user_id == User.id)
        .where(ForumProfile.suspended_at < _days("RETENTION_SUSPENDED_DAYS", now))
    ).all()
    for user in suspended:
        kept += _erase_member(user)
    counts = {
        "contacts": contacts,
        "rejected": rejected,
        "suspended_accounts": len(suspended),
        "kept_for_safeguarding": kept,
    }
    counts.update({name: step(now) for name, step in wired().purge_steps})
    record(actor, "privacy.purge", None, **counts)
    db.session.commit()
    return counts


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
    """Erase everything linked to an email address (feedback contact details and their messages) or a
    forum username (account, profile, posts, reports). Items with an active safeguarding concern are
    kept for the lead. Staff accounts are never erased here. Returns a dict of counts."""
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
