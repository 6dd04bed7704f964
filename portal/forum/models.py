"""Forum member profiles, boards, topics, posts (each a contribution) and reports.

A topic's title belongs to the contribution of its first post (portal/contributions).
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.extensions import db

AGE_BANDS = {
    "under-13": "12 or younger",
    "13-15": "13 to 15",
    "16-18": "16 to 18",
    "19-25": "19 to 25",
}
REPORT_REASONS = {
    "worried": "I'm worried about someone",
    "unkind": "It is unkind or bullying",
    "personal_information": "It shares personal information",
    "upsetting": "It upset me",
    "spam": "It is spam or off topic",
    "other": "Something else",
}


class ForumProfile(db.Model):
    """A young person's forum details, kept apart from the users table."""

    __tablename__ = "forum_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    age_band: Mapped[str] = mapped_column(String(20))
    under_13: Mapped[bool] = mapped_column(default=False)
    parental_consent_at: Mapped[datetime | None]  # a parent or carer confirmed, for under-13s
    house_rules_accepted_at: Mapped[datetime] = mapped_column(default=utcnow)
    suspended_at: Mapped[datetime | None] = mapped_column(index=True)
    suspended_reason: Mapped[str | None] = mapped_column(Text)
    suspended_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    user = relationship("User", foreign_keys=[user_id])

    @property
    def is_suspended(self):
        return self.suspended_at is not None


class Board(db.Model):
    __tablename__ = "forum_boards"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)


class Topic(db.Model):
    __tablename__ = "forum_topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(
        ForeignKey("forum_boards.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    have_your_say: Mapped[bool] = mapped_column(default=False)  # opened by staff to ask a question
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    board = relationship("Board")
    author = relationship("User")
    posts = relationship(
        "Post", order_by="Post.id", back_populates="topic", cascade="all, delete-orphan"
    )

    @property
    def opening(self):
        """The contribution of the topic's first post: it holds the title (as given and
        redacted)."""
        return self.posts[0].contribution if self.posts else None


class Post(db.Model):
    __tablename__ = "forum_posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("forum_topics.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), unique=True
    )
    by_staff: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[datetime | None]

    topic = relationship("Topic", back_populates="posts")
    author = relationship("User")
    contribution = relationship("Contribution")


class Report(db.Model):
    __tablename__ = "forum_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(
        ForeignKey("forum_posts.id", ondelete="CASCADE"), index=True
    )
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(30))
    details: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(index=True)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    post = relationship("Post")
