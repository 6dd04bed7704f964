"""Surveys, their questions, responses and answers, resume emails and distribution links."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db_types import enum_check
from portal.extensions import db


class SurveyState(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Audience(StrEnum):
    PARENT_CARER = "parent_carer"
    YOUNG_PERSON = "young_person"
    ALL = "all"


class ResponseStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"


class Survey(db.Model):
    __tablename__ = "surveys"
    __table_args__ = (
        enum_check("state", SurveyState),
        enum_check("audience", Audience),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(String(20), default=Audience.ALL)
    is_easy_read: Mapped[bool] = mapped_column(default=False)
    easy_read_variant_id: Mapped[int | None] = mapped_column(
        ForeignKey("surveys.id", ondelete="SET NULL")
    )
    state: Mapped[str] = mapped_column(String(10), default=SurveyState.DRAFT, index=True)
    opens_at: Mapped[datetime | None]
    closes_at: Mapped[datetime | None]
    minutes_to_complete: Mapped[int] = mapped_column(default=10)
    who_sees_answers: Mapped[str] = mapped_column(Text, default="")
    what_happens_next: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    easy_read_variant = relationship(
        "Survey", remote_side=[id], foreign_keys=[easy_read_variant_id]
    )
    questions = relationship(
        "Question",
        order_by="Question.position",
        back_populates="survey",
        cascade="all, delete-orphan",
    )

    @property
    def live_questions(self):
        return [q for q in self.questions if not q.retired]

    def is_open(self, now=None):
        """Open for answers: state open and inside any opening dates."""
        now = now or utcnow()
        return (
            self.state == SurveyState.OPEN
            and (self.opens_at is None or self.opens_at <= now)
            and (self.closes_at is None or now < self.closes_at)
        )


class Question(db.Model):
    __tablename__ = "survey_questions"
    __table_args__ = (UniqueConstraint("survey_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(default=0)
    type: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    hint: Mapped[str] = mapped_column(Text, default="")
    options: Mapped[list] = mapped_column(JSON, default=list)  # [{"code", "label"}]
    required: Mapped[bool] = mapped_column(default=False)
    error_message: Mapped[str] = mapped_column(
        String(200), default="", server_default=""
    )  # GOV.UK: say what to do
    show_if: Mapped[dict | None] = mapped_column(JSON)  # {"key": "role", "in": ["parent_carer"]}
    retired: Mapped[bool] = mapped_column(default=False)

    survey = relationship("Survey", back_populates="questions")


class SurveyVersion(db.Model):
    """A survey's definition frozen when it opens, and again at each edit while open. Never changed.

    `definition` is JSON: {"questions": [...live questions...], "glossary": {term: expansion}}.
    Responses record the version they started on and finish on it, whatever editors change
    meanwhile.
    """

    __tablename__ = "survey_versions"
    __table_args__ = (UniqueConstraint("survey_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    definition: Mapped[dict] = mapped_column(JSON)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


@event.listens_for(SurveyVersion, "before_update")
def _versions_never_change(mapper, connection, version):
    raise ValueError(
        f"Survey version {version.number} is frozen: make a new version instead of changing it"
    )


class SurveyResponse(db.Model):
    __tablename__ = "survey_responses"
    __table_args__ = (
        enum_check("status", ResponseStatus),
        CheckConstraint(
            "status != 'submitted' OR submitted_at IS NOT NULL", name="submitted_has_time"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    # The frozen definition this respondent answers (None only for responses begun before versions).
    version_id: Mapped[int | None] = mapped_column(ForeignKey("survey_versions.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default=ResponseStatus.IN_PROGRESS, index=True)
    resume_code: Mapped[str] = mapped_column(String(12), unique=True)
    channel: Mapped[str] = mapped_column(String(12), default="online", index=True)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    distribution_link_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_distribution_links.id", ondelete="SET NULL"), index=True
    )
    # The respondent's broad profile, copied from their answers so measures group without joins.
    role: Mapped[str | None] = mapped_column(String(20), index=True)
    locality_id: Mapped[int | None] = mapped_column(
        ForeignKey("localities.id", ondelete="SET NULL"), index=True
    )
    age_band: Mapped[str | None] = mapped_column(String(20))
    cohort: Mapped[str | None] = mapped_column(String(40))
    setting_type: Mapped[str | None] = mapped_column(String(40))
    last_question_key: Mapped[str | None] = mapped_column(String(60))  # where people stop
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(index=True)

    survey = relationship("Survey")
    locality = relationship("Locality")
    entered_by = relationship("User")
    answers = relationship("SurveyAnswer", cascade="all, delete-orphan", back_populates="response")


class SurveyAnswer(db.Model):
    __tablename__ = "survey_answers"
    __table_args__ = (
        UniqueConstraint("response_id", "question_key", "code"),
        # Measures read (question, code) for every response: this index answers them without the
        # table.
        Index("ix_survey_answers_question_key_code", "question_key", "code", "response_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("survey_responses.id", ondelete="CASCADE"), index=True
    )
    question_key: Mapped[str] = mapped_column(String(60))
    code: Mapped[str | None] = mapped_column(String(60))
    text: Mapped[str | None] = mapped_column(Text)
    number: Mapped[float | None]

    response = relationship("SurveyResponse", back_populates="answers")


class ResumeEmail(db.Model):
    """An email address given only to receive a resume link; kept apart from the answers."""

    __tablename__ = "survey_resume_emails"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("survey_responses.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(254))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class DistributionLink(db.Model):
    """A tagged link (and QR code) for one outreach route, so results show which routes reach
    whom."""

    __tablename__ = "survey_distribution_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    route: Mapped[str] = mapped_column(String(30))
    label: Mapped[str] = mapped_column(String(120))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    survey = relationship("Survey")
