"""Moderators' labels for the learned text model, and the record of which model is active."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text, delete, event
from sqlalchemy.orm import Mapped, mapped_column

from portal.clock import utcnow
from portal.contributions.models import Contribution
from portal.db_types import enum_check
from portal.extensions import db

LABEL_FIELDS = ("safeguarding", "abusive", "pii", "theme", "sentiment")


class TextLabel(db.Model):
    """One moderator decision read as a training label. Holds the redacted text only, and is
    deleted with its contribution (retention and erasure)."""

    __tablename__ = "text_labels"
    __table_args__ = (enum_check("field", LABEL_FIELDS),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contributions.id", ondelete="CASCADE"), index=True
    )
    field: Mapped[str] = mapped_column(String(12))
    value: Mapped[str] = mapped_column(
        String(80)
    )  # 'true'/'false', a sentiment, '+slug' or '-slug'
    text: Mapped[str] = mapped_column(Text)  # the redacted text at the time of the decision
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    used_in_version: Mapped[str | None] = mapped_column(String(40))  # the first model trained on it


class TextModelActivation(db.Model):
    """Each switch of the active model; the latest row is the one analysis uses."""

    __tablename__ = "text_model_activations"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(40))
    activated_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    activated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    figures: Mapped[dict] = mapped_column(
        JSON, default=dict
    )  # safeguarding recall per reference set


@event.listens_for(Contribution, "after_delete")
def _delete_labels(mapper, connection, contribution):
    """SQLite does not enforce ON DELETE CASCADE here, so labels go with their contribution
    explicitly."""
    connection.execute(delete(TextLabel).where(TextLabel.contribution_id == contribution.id))
