"""Entries, their evidence and public history, and the people who asked for updates."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    ForeignKey,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db_types import enum_check
from portal.extensions import db


class EntryStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_POSSIBLE = "not_possible"


class EntryState(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"


STATUS_LABELS = {
    EntryStatus.PLANNED: "Planned",
    EntryStatus.IN_PROGRESS: "In progress",
    EntryStatus.DONE: "Done",
    EntryStatus.NOT_POSSIBLE: "Not possible",
}
STATUS_TAGS = {
    EntryStatus.PLANNED: "govuk-tag--blue",
    EntryStatus.IN_PROGRESS: "govuk-tag--yellow",
    EntryStatus.DONE: "govuk-tag--green",
    EntryStatus.NOT_POSSIBLE: "govuk-tag--grey",
}
YOUNG_STATUS_LABELS = {
    EntryStatus.PLANNED: "We will do this",
    EntryStatus.IN_PROGRESS: "We are doing this now",
    EntryStatus.DONE: "We have done this",
    EntryStatus.NOT_POSSIBLE: "We cannot do this",
}
STATE_LABELS = {
    EntryState.DRAFT: "Draft",
    EntryState.IN_REVIEW: "Waiting for review",
    EntryState.PUBLISHED: "Published",
}
MAX_QUOTES = 3

entry_themes = Table(
    "ysywd_entry_themes",
    db.metadata,
    Column("entry_id", ForeignKey("ysywd_entries.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True, index=True),
)
entry_localities = Table(
    "ysywd_entry_localities",
    db.metadata,
    Column("entry_id", ForeignKey("ysywd_entries.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "locality_id", ForeignKey("localities.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Entry(db.Model):
    __tablename__ = "ysywd_entries"
    __table_args__ = (
        enum_check("status", EntryStatus),
        enum_check("state", EntryState),
        CheckConstraint(
            "status != 'not_possible' OR not_possible_reason IS NOT NULL", name="reason_given"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(150))
    you_said: Mapped[str] = mapped_column(Text)
    we_did: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True, default=EntryStatus.PLANNED)
    not_possible_reason: Mapped[str | None] = mapped_column(Text)
    owner_organisation: Mapped[str] = mapped_column(String(20))
    due_on: Mapped[date | None]
    completed_on: Mapped[date | None]
    young_title: Mapped[str] = mapped_column(
        String(150), default="", server_default=""
    )  # easy words
    young_text: Mapped[str] = mapped_column(Text, default="")  # easy words, short sentences
    young_checked_on: Mapped[date | None]  # checked by the young people's forum
    # The optional decision record.
    decision: Mapped[str | None] = mapped_column(Text)
    options_considered: Mapped[str | None] = mapped_column(Text)
    what_changed: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_on: Mapped[date | None]
    # Workflow.
    state: Mapped[str] = mapped_column(String(12), index=True, default=EntryState.DRAFT)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    review_requested_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    review_note: Mapped[str | None] = mapped_column(Text)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    themes = relationship("Theme", secondary=entry_themes, lazy="selectin", order_by="Theme.label")
    localities = relationship(
        "Locality", secondary=entry_localities, lazy="selectin", order_by="Locality.position"
    )
    evidence = relationship(
        "Evidence",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="Evidence.contribution_id",
    )
    events = relationship(
        "EntryEvent", cascade="all, delete-orphan", order_by="EntryEvent.id", back_populates="entry"
    )
    created_by = relationship("User", foreign_keys=[created_by_id])
    reviewed_by = relationship("User", foreign_keys=[reviewed_by_id])
    published_by = relationship("User", foreign_keys=[published_by_id])

    @property
    def has_decision(self):
        return bool(self.decision)

    @property
    def is_published(self):
        return self.state == EntryState.PUBLISHED


class Evidence(db.Model):
    """A contribution linked to an entry; `quote_position` (1-3) marks the ones quoted in public."""

    __tablename__ = "ysywd_evidence"
    __table_args__ = (
        UniqueConstraint("entry_id", "contribution_id", name="one_link"),
        CheckConstraint(
            "quote_position IS NULL OR quote_position BETWEEN 1 AND 3", name="quote_position_range"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("ysywd_entries.id", ondelete="CASCADE"), index=True
    )
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), index=True
    )
    quote_position: Mapped[int | None]

    contribution = relationship("Contribution", lazy="joined")


class EntryEvent(db.Model):
    """The public history: publication and every status change after it. Each event notifies
    once."""

    __tablename__ = "ysywd_entry_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("ysywd_entries.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12))  # published | status
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    entry = relationship("Entry", back_populates="events")


class Subscriber(db.Model):
    """Someone who asked for updates: personal data, kept only here and deleted on unsubscribe."""

    __tablename__ = "ysywd_subscribers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    theme_slugs: Mapped[list] = mapped_column(JSON, default=list)  # none chosen: every theme
    locality_slugs: Mapped[list] = mapped_column(JSON, default=list)  # none chosen: every locality
    confirm_token: Mapped[str] = mapped_column(String(64), unique=True)
    unsubscribe_token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(index=True)
