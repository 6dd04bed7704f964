"""Measures (the KPI dictionary), staff-entered figures, locked baselines, targets and the
co-production log."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db_types import enum_check
from portal.extensions import db


class Source(StrEnum):
    SURVEY = "survey"  # favourable / valid survey answers
    STAFF = "staff"  # figures staff enter per month or quarter


class Polarity(StrEnum):
    HIGHER = "higher_is_better"
    LOWER = "lower_is_better"


class BaselineState(StrEnum):
    LOCKED = "locked"
    UNLOCKED = "unlocked"


AUDIENCE_LABELS = {
    "parent_carer": "Parent carers",
    "young_person": "Children and young people",
    "professional": "Professionals",
    "all": "Everyone",
}


class Measure(db.Model):
    __tablename__ = "measures"
    __table_args__ = (
        enum_check("source", Source),
        enum_check("polarity", Polarity),
        enum_check("audience", AUDIENCE_LABELS),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    definition: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(String(20), default="all")
    question_key: Mapped[str | None] = mapped_column(String(60))
    favourable_codes: Mapped[list] = mapped_column(JSON, default=list)
    owner: Mapped[str] = mapped_column(String(160), default="")
    # The organisation (accounts Organisation code) whose moderators, editors and admins see exact
    # counts on staff pages; everyone else sees protected figures (portal.metrics.disclosure).
    owner_organisation: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(10), default=Source.SURVEY)
    polarity: Mapped[str] = mapped_column(String(20), default=Polarity.HIGHER)
    unit: Mapped[str] = mapped_column(
        String(40), default=""
    )  # staff figures only: "complaints a month"
    amber_margin: Mapped[float] = mapped_column(default=0.05)
    position: Mapped[int] = mapped_column(default=0)
    public: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    targets = relationship(
        "Target",
        order_by="Target.financial_year",
        cascade="all, delete-orphan",
        back_populates="measure",
    )

    @property
    def is_survey(self):
        return self.source == Source.SURVEY

    @property
    def audience_label(self):
        return AUDIENCE_LABELS.get(self.audience, self.audience)


class MeasureFigure(db.Model):
    """One staff-entered figure for a month or quarter (complaints, tribunal rate)."""

    __tablename__ = "measure_figures"
    __table_args__ = (UniqueConstraint("measure_id", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), index=True
    )
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    value: Mapped[float]
    note: Mapped[str] = mapped_column(Text, default="")
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    entered_at: Mapped[datetime] = mapped_column(default=utcnow)

    measure = relationship("Measure")
    entered_by = relationship("User")


class Baseline(db.Model):
    """A measure's baseline: stored once when locked and never recomputed."""

    __tablename__ = "measure_baselines"
    __table_args__ = (
        enum_check("state", BaselineState),
        # At most one locked baseline per measure (partial unique index, SQLite and PostgreSQL).
        Index(
            "uq_measure_baselines_one_locked",
            "measure_id",
            unique=True,
            sqlite_where=db.text("state = 'locked'"),
            postgresql_where=db.text("state = 'locked'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[str] = mapped_column(String(10), default=BaselineState.LOCKED)
    label: Mapped[str] = mapped_column(String(160))
    date_from: Mapped[date | None] = mapped_column(Date)
    date_to: Mapped[date | None] = mapped_column(Date)
    survey_id: Mapped[int | None]  # no foreign key: a baseline outlives the survey it came from
    value: Mapped[float]
    favourable: Mapped[int | None]
    n: Mapped[int]
    ci_low: Mapped[float | None]
    ci_high: Mapped[float | None]
    locked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    locked_at: Mapped[datetime] = mapped_column(default=utcnow)
    unlocked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    unlocked_at: Mapped[datetime | None]
    unlock_reason: Mapped[str] = mapped_column(Text, default="")

    measure = relationship("Measure")
    locked_by = relationship("User", foreign_keys=[locked_by_id])
    unlocked_by = relationship("User", foreign_keys=[unlocked_by_id])


class Target(db.Model):
    __tablename__ = "measure_targets"
    __table_args__ = (UniqueConstraint("measure_id", "financial_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), index=True
    )
    financial_year: Mapped[str] = mapped_column(String(7))  # "2026/27"
    value: Mapped[float]
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)

    measure = relationship("Measure", back_populates="targets")


class CoproductionActivity(db.Model):
    """One co-production event or group meeting, who took part and what it changed."""

    __tablename__ = "coproduction_activities"
    __table_args__ = (
        CheckConstraint(
            "parent_carers >= 0 AND young_people >= 0 AND professionals >= 0",
            name="counts_not_negative",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    locality_id: Mapped[int | None] = mapped_column(
        ForeignKey("localities.id", ondelete="SET NULL")
    )
    parent_carers: Mapped[int] = mapped_column(default=0)
    young_people: Mapped[int] = mapped_column(default=0)
    professionals: Mapped[int] = mapped_column(default=0)
    decision_level: Mapped[str] = mapped_column(String(20))
    what_changed: Mapped[str] = mapped_column(Text, default="")
    logged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    logged_at: Mapped[datetime] = mapped_column(default=utcnow)

    locality = relationship("Locality")
    logged_by = relationship("User")


DECISION_LEVELS = {
    "individual": "An individual child's or family's support",
    "service": "How a service works",
    "strategic": "Strategy, commissioning or the partnership plan",
}


class FigureChange(db.Model):
    """One change to anything published figures are made from; the newest id is the figures'
    generation.

    Rows are only ever added (two editors never race on one counter); stored figures of an older
    generation are stale and are never served.
    """

    __tablename__ = "figure_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    reason: Mapped[str] = mapped_column(String(80), default="")
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class PublishedFigure(db.Model):
    """A published page or API answer, rendered once for a closed period and served as stored.

    page: "results" (the /results figures, HTML) or "api" (one measure's JSON); measure: its slug or
    ""; period: the closed window's key it was computed for; breakdown: the API's `by` or "".
    """

    __tablename__ = "published_figures"
    __table_args__ = (
        UniqueConstraint("page", "measure", "period", "breakdown", "threshold", "generation"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    page: Mapped[str] = mapped_column(String(20))
    measure: Mapped[str] = mapped_column(String(80), default="")
    period: Mapped[str] = mapped_column(String(20))
    breakdown: Mapped[str] = mapped_column(String(20), default="")
    threshold: Mapped[int]
    generation: Mapped[int] = mapped_column(index=True)
    payload: Mapped[str] = mapped_column(Text)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
