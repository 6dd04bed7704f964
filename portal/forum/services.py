"""Boards, topics, posts and reports. Every post is a contribution and waits for a moderator."""

import logging

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from portal.audit.services import record
from portal.clock import utcnow
from portal.contributions.models import AuthorRole, Contribution, Source, Status
from portal.contributions.services import submit_contribution
from portal.errors import NotAllowed, ValidationFailed
from portal.extensions import db
from portal.forum.members import profile_for
from portal.forum.models import REPORT_REASONS, Board, Post, Report, Topic
from portal.idempotency.services import store_once
from portal.safeguarding.services import active_concern_for, open_concern

log = logging.getLogger(__name__)
DEFAULT_BOARDS = [
    (
        "have-your-say",
        "Have your say",
        "Questions from the people who run SEND services. Tell them what you think.",
    ),
    ("school-and-college", "School and college", "Lessons, support, exams, friends at school."),
    ("health-and-wellbeing", "Health and wellbeing", "Feeling OK, getting help, appointments."),
    ("free-time", "Free time and getting out", "Clubs, transport, things to do."),
]
DELETED_TEXT = "[deleted by its author]"


def ensure_boards():
    """Create the default boards that are missing (idempotent)."""
    existing = set(db.session.scalars(select(Board.slug)))
    for position, (slug, name, description) in enumerate(DEFAULT_BOARDS):
        if slug not in existing:
            db.session.add(Board(slug=slug, name=name, description=description, position=position))
    db.session.commit()


def boards():
    return db.session.scalars(select(Board).order_by(Board.position)).all()


def can_post(user):
    """Staff may always post; a young person needs a profile (house rules agreed) and no
    suspension."""
    if user.is_staff:
        return True
    profile = profile_for(user)
    return profile is not None and not profile.is_suspended


def _add_post(topic, author, text, title=None):
    if not can_post(author):
        raise NotAllowed("Your account cannot post at the moment")
    profile = None if author.is_staff else profile_for(author)
    contribution = submit_contribution(
        source=Source.FORUM,
        text=text,
        title=title,
        author_role=AuthorRole.PROFESSIONAL if author.is_staff else AuthorRole.YOUNG_PERSON,
        age_band=getattr(profile, "age_band", None),
        commit=False,
    )
    post = Post(
        topic=topic, author_id=author.id, contribution=contribution, by_staff=author.is_staff
    )
    db.session.add(post)
    if (
        author.is_staff
        and contribution.status == Status.PENDING
        and not contribution.safeguarding_flag
    ):
        # Staff posts are published at once: the author is a moderator, accountable and audited.
        contribution.redacted_text, contribution.redacted_title = (
            contribution.text,
            contribution.title,
        )
        contribution.status, contribution.moderated_by_id, contribution.moderated_at = (
            Status.APPROVED,
            author.id,
            utcnow(),
        )
        record(author, "forum.staff_post", post)
    return post


def start_topic(board, *, author, title, text, form_token=None):
    """Open a topic with its first post, whose contribution carries the title through analysis and
    moderation. Staff topics are "have your say" questions. Returns the Post.

    `form_token` is the form's one-time token: sent again, it returns the first sending's post.
    """
    title = (title or "").strip()
    if not title or len(title) > 120:
        raise ValidationFailed("Title", {"title": "Enter a title of 120 characters or fewer"})

    def store():
        topic = Topic(board_id=board.id, author_id=author.id, have_your_say=author.is_staff)
        db.session.add(topic)
        return _add_post(topic, author, text, title=title)  # the title is analysed with the post

    return _once(form_token, author, store)


def reply(topic, *, author, text, form_token=None):
    """Add a reply; it waits for a moderator unless the author is staff. Returns the Post.

    `form_token` is the form's one-time token: sent again, it returns the first sending's post.
    """
    return _once(form_token, author, lambda: _add_post(topic, author, text))


def _once(form_token, author, store):
    post, _ = store_once("forum_post", form_token, store, Post)
    if post is None or post.author_id != author.id:  # erased since, or another person's token
        raise NotAllowed("This form has already been sent. Go back to the forum to see your post.")
    return post


def visible_posts(topic, viewer):
    """Posts `viewer` may see: approved ones, plus their own whatever the state (not deleted)."""
    return [
        p
        for p in topic.posts
        if p.deleted_at is None
        and (p.contribution.status == Status.APPROVED or p.author_id == viewer.id)
    ]


def visible_topics(board, viewer):
    """Topics whose opening post is approved, or that the viewer started; newest first."""
    other = aliased(Post)
    first_post = (
        select(func.min(other.id))
        .where(other.topic_id == Topic.id)
        .correlate(Topic)
        .scalar_subquery()
    )
    query = (
        select(Topic)
        .join(Post, Post.id == first_post)
        .join(Contribution)
        .where(
            Topic.board_id == board.id,
            Post.deleted_at.is_(None),
            or_(Contribution.status == Status.APPROVED, Topic.author_id == viewer.id),
        )
        .order_by(Topic.have_your_say.desc(), Topic.created_at.desc())
    )
    return db.session.scalars(query).all()


def topic_title_for(topic, viewer):
    """The author sees their own title; everyone else sees the moderator-approved redacted one."""
    opening = topic.opening
    if opening is not None and topic.author_id == viewer.id and opening.title:
        return opening.title
    return getattr(opening, "redacted_title", None) or "Untitled"


def post_author_for(contribution):
    """The young person who wrote the forum post behind `contribution` (any status), or None for
    staff."""
    post = db.session.scalar(select(Post).where(Post.contribution_id == contribution.id))
    return (
        post.author if post is not None and post.author is not None and not post.by_staff else None
    )


def delete_own_post(post, *, user):
    """A member deletes their post: hidden at once and its text removed, unless a safeguarding
    concern is active (then the text is kept for the lead, still never shown). Raises NotAllowed."""
    if post.author_id != user.id:
        raise NotAllowed("You can only delete your own posts")
    post.deleted_at = utcnow()
    contribution = post.contribution
    if active_concern_for(contribution) is None and not contribution.safeguarding_flag:
        contribution.text = contribution.redacted_text = DELETED_TEXT
        contribution.pii_spans, contribution.status = [], Status.REJECTED
        contribution.rejection_reason = "deleted_by_author"
    record(user, "forum.delete_own_post", post)
    db.session.commit()


def report_post(post, *, reporter, reason, details=""):
    """Report a post. "I'm worried about someone" opens a safeguarding concern at once. Returns
    Report."""
    if reason not in REPORT_REASONS:
        raise ValidationFailed("Reason", {"reason": "Select why you are reporting this post"})
    if not can_post(reporter):
        raise NotAllowed("Your account cannot report at the moment")
    report = Report(
        post_id=post.id,
        reporter_id=reporter.id,
        reason=reason,
        details=(details or "").strip()[:1000],
    )
    db.session.add(report)
    record(reporter, "forum.report", post, reason=reason)
    if reason == "worried":
        open_concern(
            post.contribution, opened_by="report", reasons=["A member is worried about someone"]
        )
    db.session.commit()
    return report


def open_reports():
    return db.session.scalars(
        select(Report).where(Report.resolved_at.is_(None)).order_by(Report.created_at)
    ).all()


def resolve_report(report, *, moderator):
    """Mark a report dealt with (the moderator has acted on the post separately)."""
    report.resolved_at, report.resolved_by_id = utcnow(), moderator.id
    record(moderator, "forum.resolve_report", report)
    db.session.commit()
