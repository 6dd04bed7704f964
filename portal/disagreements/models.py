"""DisagreementCount: how many complaints, mediations, tribunal appeals or ombudsman cases in a
quarter had one theme, outcome and locality. Counts only: no names, no free text."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db_types import enum_check
from portal.extensions import db

STAGES = {
    "complaint": "Complaint",
    "mediation": "Mediation",
    "tribunal": "Tribunal appeal",
    "ombudsman": "Ombudsman",
}
OUTCOMES = {
    "upheld": "Upheld",
    "partly_upheld": "Partly upheld",
    "not_upheld": "Not upheld",
    "agreed": "Resolved by agreement",
    "withdrawn": "Withdrawn",
    "ongoing": "Still open at the end of the quarter",
}
_CELL = ("quarter", "theme_id", "stage", "outcome")


class DisagreementCount(db.Model):
    __tablename__ = "disagreement_counts"
    __table_args__ = (
        enum_check("stage", STAGES),
        enum_check("outcome", OUTCOMES),
        CheckConstraint("count >= 0", name="count_not_negative"),
        # One count per cell; "no locality" is a cell of its own (NULLs are never equal in a plain
        # key).
        Index(
            "uq_disagreement_counts_cell",
            *_CELL,
            "locality_id",
            unique=True,
            sqlite_where=db.text("locality_id IS NOT NULL"),
            postgresql_where=db.text("locality_id IS NOT NULL"),
        ),
        Index(
            "uq_disagreement_counts_cell_no_locality",
            *_CELL,
            unique=True,
            sqlite_where=db.text("locality_id IS NULL"),
            postgresql_where=db.text("locality_id IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quarter: Mapped[str] = mapped_column(
        String(12), index=True
    )  # a closed window's key: "2026-27-Q2"
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(12))
    outcome: Mapped[str] = mapped_column(String(16))
    locality_id: Mapped[int | None] = mapped_column(
        ForeignKey("localities.id", ondelete="SET NULL")
    )
    count: Mapped[int]
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    entered_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    theme = relationship("Theme")
    locality = relationship("Locality")
    entered_by = relationship("User")
