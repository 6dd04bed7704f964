"""A month's insight summary and every version of its text (versions are never changed once
published)."""

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.extensions import db

PARTS = (("what", "What"), ("why", "Why"), ("so_what", "So what"), ("next_steps", "Next"))
PART_HINTS = {
    "what": "What the figures show this month.",
    "why": "The evidence the data hold. The portal does not guess causes: add an explanation only "
    "if you know it.",
    "so_what": "What it means for families and young people, and for the plan.",
    "next_steps": "What happens next, and who does it.",
}


class InsightSummary(db.Model):
    """One summary per calendar month (the unique month makes two officers racing to draft get
    one)."""

    __tablename__ = "insight_summaries"

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[date] = mapped_column(Date, unique=True)  # the first day of the month
    facts: Mapped[dict] = mapped_column(
        JSON, default=dict
    )  # the figures the draft was written from, protected
    drafted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    drafted_at: Mapped[datetime] = mapped_column(default=utcnow)

    drafted_by = relationship("User")
    versions = relationship(
        "SummaryVersion",
        order_by="SummaryVersion.number",
        back_populates="summary",
        cascade="all, delete-orphan",
    )

    @property
    def key(self):
        return f"{self.month:%Y-%m}"

    @property
    def label(self):
        return f"{self.month:%B %Y}"

    @property
    def latest(self):
        return self.versions[-1] if self.versions else None

    @property
    def published_versions(self):
        return [v for v in self.versions if v.published_at is not None]

    @property
    def current_published(self):
        published = self.published_versions
        return published[-1] if published else None


class SummaryVersion(db.Model):
    """One saved text of a summary: who wrote it and when, who signed it off, when it was
    published."""

    __tablename__ = "insight_summary_versions"
    __table_args__ = (
        UniqueConstraint("summary_id", "number", name="uq_insight_summary_version_number"),
        CheckConstraint(
            "signed_off_by_id IS NULL OR written_by_id IS NULL OR signed_off_by_id != "
            "written_by_id",
            name="not_own_sign_off",
        ),
        CheckConstraint(
            "published_at IS NULL OR signed_off_at IS NOT NULL", name="published_signed_off"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    summary_id: Mapped[int] = mapped_column(
        ForeignKey("insight_summaries.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    what: Mapped[str] = mapped_column(Text, default="")
    why: Mapped[str] = mapped_column(Text, default="")
    so_what: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    young_people: Mapped[str] = mapped_column(
        Text, default=""
    )  # the young people's version, easy words
    note: Mapped[str] = mapped_column(
        Text, default=""
    )  # what changed in this version (a correction says why)
    written_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    written_at: Mapped[datetime] = mapped_column(default=utcnow)
    signed_off_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    signed_off_at: Mapped[datetime | None]
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    published_at: Mapped[datetime | None] = mapped_column(index=True)

    summary = relationship("InsightSummary", back_populates="versions")
    written_by = relationship("User", foreign_keys=[written_by_id])
    signed_off_by = relationship("User", foreign_keys=[signed_off_by_id])
    published_by = relationship("User", foreign_keys=[published_by_id])

    @property
    def state(self):
        if self.published_at is not None:
            return "published"
        return "signed_off" if self.signed_off_at is not None else "draft"
