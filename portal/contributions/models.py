"""The Contribution: one piece of free text, whatever route it came by, with its analysis and
moderation."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db_types import enum_check
from portal.extensions import db


class Source(StrEnum):
    SURVEY = "survey"  # a free-text answer in a survey
    FEEDBACK = "feedback"  # the "tell us" form
    FORUM = "forum"  # a young people's forum post
    INSIGHT = "insight"  # staff-logged SENDIASS, PCF, event or phone intelligence


class Channel(StrEnum):
    ONLINE = "online"
    PAPER = "paper"
    EVENT = "event"
    PHONE = "phone"
    SENDIASS = "sendiass"
    PCF = "pcf"


class Status(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    ESCALATED = "escalated"


class AuthorRole(StrEnum):
    PARENT_CARER = "parent_carer"
    YOUNG_PERSON = "young_person"
    PROFESSIONAL = "professional"


CHANNEL_LABELS = {
    Channel.ONLINE: "Online",
    Channel.PAPER: "Paper form",
    Channel.EVENT: "Event",
    Channel.PHONE: "Phone",
    Channel.SENDIASS: "SENDIASS",
    Channel.PCF: "Parent Carer Forum",
}
SOURCE_LABELS = {
    Source.SURVEY: "Survey answer",
    Source.FEEDBACK: "Feedback",
    Source.FORUM: "Forum post",
    Source.INSIGHT: "Staff-logged insight",
}
STATUS_LABELS = {
    Status.PENDING: "Waiting for a moderator",
    Status.APPROVED: "Approved",
    Status.REJECTED: "Rejected",
    Status.ESCALATED: "Escalated",
}
# Why a moderator rejected a contribution: (label for the moderator, plain words for its author).
REJECTION_REASONS = {
    "personal_information": (
        "It shares personal information that could identify someone",
        "it had personal details in it, like a name or where someone lives. "
        "We do this to keep everyone safe",
    ),
    "unkind": (
        "It is unkind, abusive or breaks the house rules",
        "it did not follow the house rules about being kind to each other",
    ),
    "off_topic": ("It is off topic or spam", "it was not about the topic or looked like spam"),
    "duplicate": ("It repeats something already posted", "it said the same as another post"),
    "other": ("Another reason (say in the note)", "a moderator decided it could not be shared"),
}
ROLE_LABELS = {
    AuthorRole.PARENT_CARER: "Parent carer",
    AuthorRole.YOUNG_PERSON: "Young person",
    AuthorRole.PROFESSIONAL: "Professional",
}


class Contribution(db.Model):
    __tablename__ = "contributions"
    __table_args__ = (
        enum_check("status", Status),
        CheckConstraint(
            "status != 'approved' OR redacted_text IS NOT NULL", name="approved_has_redacted"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(12), index=True)
    channel: Mapped[str] = mapped_column(String(12), index=True, default=Channel.ONLINE)
    text: Mapped[str] = mapped_column(Text)  # exactly as given; never shown outside moderation
    redacted_text: Mapped[str | None] = mapped_column(
        Text
    )  # the only text ever published or quoted
    # A title given with the text (a forum post that opens a topic): analysed, redacted and
    # moderated with it. As given, only its author and moderators see it; everyone else sees
    # redacted_title.
    title: Mapped[str | None] = mapped_column(String(120))
    redacted_title: Mapped[str | None] = mapped_column(String(120))
    title_pii_spans: Mapped[list | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(12), index=True, default=Status.PENDING)
    # Who said it, in broad terms only.
    author_role: Mapped[str | None] = mapped_column(String(20), index=True)
    locality_id: Mapped[int | None] = mapped_column(
        ForeignKey("localities.id", ondelete="SET NULL"), index=True
    )
    age_band: Mapped[str | None] = mapped_column(String(20))
    cohort: Mapped[str | None] = mapped_column(String(40))
    # Provenance.
    organisation: Mapped[str | None] = mapped_column(
        String(20)
    )  # staff-logged insight: whose intelligence
    # Whose text it is (portal/walls): the logging user's organisation for staff-logged insight;
    # None (partnership-wide) for what the public sends. Walled owners' text is read by them only.
    owner_organisation: Mapped[str | None] = mapped_column(String(20), index=True)
    # The owner's decision that the redacted text may be quoted outside the organisation.
    outside_approved_at: Mapped[datetime | None]
    outside_approved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    families_represented: Mapped[
        int | None
    ]  # staff-logged insight: how many families it speaks for
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    survey_id: Mapped[int | None] = mapped_column(
        index=True
    )  # set by surveys; no FK so features stay apart
    response_id: Mapped[int | None] = mapped_column(index=True)
    question_key: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # Analysis, written when the contribution is saved (never on page view).
    sentiment: Mapped[str | None] = mapped_column(String(10))
    polarity: Mapped[float | None]
    pii_spans: Mapped[list] = mapped_column(JSON, default=list)
    safeguarding_flag: Mapped[bool] = mapped_column(default=False, index=True)
    safeguarding_reasons: Mapped[list] = mapped_column(JSON, default=list)
    abusive_flag: Mapped[bool] = mapped_column(default=False)
    abuse_reasons: Mapped[list] = mapped_column(JSON, default=list)
    analysed_at: Mapped[datetime | None]
    analysis_model_version: Mapped[str | None] = mapped_column(
        String(40), index=True
    )  # None: rules alone
    pii_suspected: Mapped[bool] = mapped_column(
        default=False
    )  # the learned layer: a moderator should look
    # Moderation.
    moderated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    moderated_at: Mapped[datetime | None]
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    # Set when a moderator saves their own redaction: re-analysis never overwrites it.
    redaction_saved_at: Mapped[datetime | None]

    locality = relationship("Locality")
    entered_by = relationship("User", foreign_keys=[entered_by_id])
    moderated_by = relationship("User", foreign_keys=[moderated_by_id])
    themes = relationship("ContributionTheme", cascade="all, delete-orphan", lazy="selectin")

    @property
    def needs_signposting(self):
        """The one rule: what its author wrote may show risk of harm, so they are shown where to get
        help now."""
        return bool(self.safeguarding_flag or self.status == Status.ESCALATED)

    @property
    def suggested_themes(self):
        return [t for t in self.themes if t.state == "suggested"]

    @property
    def confirmed_themes(self):
        return [t for t in self.themes if t.state == "confirmed"]
