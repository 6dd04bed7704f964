"""Themes (an editable taxonomy) and the themes suggested for or confirmed on a contribution."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.extensions import db


class Theme(db.Model):
    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[list] = mapped_column(JSON, default=list)
    aliases: Mapped[list] = mapped_column(JSON, default=list)
    local_offer_url: Mapped[str | None] = mapped_column(String(500))
    active: Mapped[bool] = mapped_column(default=True)


class TagState(StrEnum):
    SUGGESTED = "suggested"  # from analysis; not yet seen by staff
    CONFIRMED = "confirmed"  # a member of staff agreed or added it
    DISMISSED = "dismissed"  # staff removed the suggestion; re-analysis must not bring it back


class ContributionTheme(db.Model):
    __tablename__ = "contribution_themes"
    __table_args__ = (
        UniqueConstraint("contribution_id", "theme_id", name="one_tag_per_theme"),
        # Covering: the insight explorer finds a period's contributions, then their tags' state and
        # theme, and asks "has this contribution a confirmed theme?", from the index alone.
        Index(
            "ix_contribution_themes_contribution_state_theme",
            "contribution_id",
            "state",
            "theme_id",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contribution_id: Mapped[int] = mapped_column(ForeignKey("contributions.id", ondelete="CASCADE"))
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(12), default=TagState.SUGGESTED)
    score: Mapped[float | None]
    tagged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    tagged_at: Mapped[datetime] = mapped_column(default=utcnow)

    theme = relationship("Theme")
