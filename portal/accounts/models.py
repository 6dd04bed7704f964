"""The users table: staff (by email) and young people's forum accounts (by username)."""

import secrets
from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from portal.clock import utcnow
from portal.extensions import db
from portal.permissions import STAFF_ROLES, Role


def new_session_token():
    return secrets.token_hex(16)


class Organisation(StrEnum):
    COUNCIL = "council"
    ICB = "icb"
    PCF = "pcf"
    SENDIASS = "sendiass"
    SCHOOL = "school"
    OTHER = "other"


ORGANISATION_LABELS = {
    Organisation.COUNCIL: "Shropshire Council",
    Organisation.ICB: "NHS Integrated Care Board",
    Organisation.PCF: "Parent Carer Forum (PACC)",
    Organisation.SENDIASS: "SENDIASS",
    Organisation.SCHOOL: "School or setting",
    Organisation.OTHER: "Other",
}


class User(UserMixin, db.Model):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("email IS NOT NULL OR username IS NOT NULL", name="has_login_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    username: Mapped[str | None] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(20), index=True)
    organisation: Mapped[str | None] = mapped_column(String(20))
    is_safeguarding_lead: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    # Part of the id kept in the session cookie: replacing it ends every session of this account.
    session_token: Mapped[str] = mapped_column(String(32), default=new_session_token)

    def get_id(self):
        return f"{self.id}:{self.session_token}"

    def end_sessions(self):
        """Sign this account out everywhere: every cookie issued so far stops working."""
        self.session_token = new_session_token()

    def set_password(self, password):
        self.password_hash = generate_password_hash(password)

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self):
        return self.active

    @property
    def is_staff(self):
        return Role(self.role) in STAFF_ROLES

    @property
    def display_name(self):
        return self.name or self.username or self.email

    @property
    def organisation_label(self):
        return ORGANISATION_LABELS.get(self.organisation, "") if self.organisation else ""

    @classmethod
    def from_session_id(cls, session_id):
        """The active user a session's id names, or None when it is malformed or out of date."""
        user_id, _, token = str(session_id).partition(":")
        if not user_id.isdigit() or len(user_id) > 18 or not token:
            return None
        user = db.session.get(cls, int(user_id))
        if (
            user is None
            or not user.active
            or not secrets.compare_digest(token, user.session_token or "")
        ):
            return None
        return user

    def __repr__(self):
        return f"<User {self.id} {self.role}>"
