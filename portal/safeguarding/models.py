"""Concern (one possible risk of harm about a contribution) and its notes."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, String, Text, select
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db_types import enum_check
from portal.extensions import db


class ConcernState(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    REFERRED_ON = "referred_on"
    CLOSED = "closed"


class Outcome(StrEnum):
    HANDLED = "handled"  # dealt with; the item is never published
    NO_RISK = "no_risk"  # a lead decided there was no risk: the item goes back to the queue


STATE_LABELS = {
    ConcernState.OPEN: "Open",
    ConcernState.ACKNOWLEDGED: "Acknowledged",
    ConcernState.REFERRED_ON: "Referred on",
    ConcernState.CLOSED: "Closed",
}
OPENED_BY_LABELS = {
    "analysis": "Automatic check",
    "moderator": "Moderator",
    "report": "Forum report",
}


class Concern(db.Model):
    __tablename__ = "safeguarding_concerns"
    __table_args__ = (enum_check("state", ConcernState),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # SET NULL: a safeguarding record outlives the item if that is ever erased.
    contribution_id: Mapped[int | None] = mapped_column(
        ForeignKey("contributions.id", ondelete="SET NULL"), index=True
    )
    state: Mapped[str] = mapped_column(String(12), default=ConcernState.OPEN, index=True)
    opened_by: Mapped[str] = mapped_column(String(12))  # analysis, moderator, report
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    opened_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    alerts_sent: Mapped[int] = mapped_column(default=0)
    last_alerted_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(12))

    contribution = relationship("Contribution")
    acknowledged_by = relationship("User", foreign_keys=[acknowledged_by_id])
    notes = relationship("ConcernNote", order_by="ConcernNote.id", cascade="all, delete-orphan")

    @hybrid_property
    def is_active(self):
        """The one concern rule: a concern is active until a lead closes it. Also a SQL condition
        (`where(Concern.is_active)`), so Python and queries can never disagree."""
        return self.state != ConcernState.CLOSED


def active_concern_exists(contribution_id):
    """SQL EXISTS: a concern that is not closed is about `contribution_id` (a value, or a column
    such as Contribution.id for a correlated filter)."""
    return (
        select(Concern.id)
        .where(Concern.contribution_id == contribution_id, Concern.is_active)
        .exists()
    )


def has_active_concern(contribution_id):
    """True when a concern that is not closed is about the contribution with this id."""
    return bool(db.session.scalar(select(active_concern_exists(contribution_id))))


class ConcernNote(db.Model):
    __tablename__ = "safeguarding_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    concern_id: Mapped[int] = mapped_column(
        ForeignKey("safeguarding_concerns.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    state: Mapped[str | None] = mapped_column(
        String(12)
    )  # the state this note moved the concern to
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author = relationship("User")
