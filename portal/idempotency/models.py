"""FormSubmission: a form's one-time token and what sending it stored (no personal data)."""

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.clock import utcnow
from portal.extensions import db


class FormSubmission(db.Model):
    __tablename__ = "form_submissions"
    __table_args__ = (UniqueConstraint("kind", "token", name="uq_form_submissions_kind_token"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "feedback", "forum_post"
    token: Mapped[str] = mapped_column(String(64))
    object_id: Mapped[int | None] = mapped_column()  # the contribution or post it stored
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
