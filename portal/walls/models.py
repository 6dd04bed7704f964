"""One row per organisation whose wall setting an admin has changed (no row: the default)."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.accounts.models import Organisation
from portal.clock import utcnow
from portal.extensions import db

# Walled unless an admin says otherwise: SENDIASS keeps what families tell it confidential.
WALLED_BY_DEFAULT = frozenset({Organisation.SENDIASS.value})


class OrganisationWall(db.Model):
    __tablename__ = "organisation_walls"

    organisation: Mapped[str] = mapped_column(String(20), primary_key=True)
    walled: Mapped[bool] = mapped_column(default=False)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
