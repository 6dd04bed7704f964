"""MeasureAction: the defined response to a measure that got worse in a reporting period."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db_types import enum_check
from portal.extensions import db
from portal.metrics.deterioration import TRIGGER_LABELS


class ActionState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class MeasureAction(db.Model):
    __tablename__ = "measure_actions"
    __table_args__ = (
        # One action per measure, period and kind of trigger, however many times the check runs.
        UniqueConstraint("measure_id", "period", "trigger", name="uq_measure_actions_once"),
        enum_check("state", ActionState),
        enum_check("trigger", TRIGGER_LABELS),
        CheckConstraint(
            "state = 'open' OR (closed_at IS NOT NULL AND closing_note <> '')",
            name="closed_with_a_note",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), index=True
    )
    period: Mapped[str] = mapped_column(String(12))  # the reporting window's key: "2026-27-Q3"
    period_label: Mapped[str] = mapped_column(String(80))
    trigger: Mapped[str] = mapped_column(String(30))
    evidence: Mapped[str] = mapped_column(Text)  # the figures and the verdict, in words
    figures: Mapped[dict] = mapped_column(JSON, default=dict)
    owner_organisation: Mapped[str | None] = mapped_column(String(20))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    review_by: Mapped[date] = mapped_column(Date, index=True)
    follow_up_period: Mapped[str] = mapped_column(
        String(12)
    )  # the next reporting cycle's window key
    follow_up_label: Mapped[str] = mapped_column(String(80))
    state: Mapped[str] = mapped_column(String(10), default=ActionState.OPEN, index=True)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    closing_note: Mapped[str] = mapped_column(Text, default="")

    measure = relationship("Measure")
    owner = relationship("User", foreign_keys=[owner_id])
    closed_by = relationship("User", foreign_keys=[closed_by_id])

    @property
    def is_open(self):
        return self.state == ActionState.OPEN

    def overdue(self, today):
        """Open past its review date."""
        return self.is_open and self.review_by < today
