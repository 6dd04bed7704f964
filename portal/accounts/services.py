"""Account writes: creating staff, changing roles, deactivating, signing in."""

import logging

from sqlalchemy import func, select

from portal.accounts.models import Organisation, User
from portal.accounts.passwords import password_problem
from portal.accounts.throttle import spend_password_check
from portal.audit.services import record
from portal.clock import utcnow
from portal.errors import NotAllowed, ValidationFailed
from portal.extensions import db
from portal.mail.addresses import is_address
from portal.permissions import STAFF_ROLES, Role

log = logging.getLogger(__name__)


def normalise_email(email):
    return (email or "").strip().lower()


def find_staff_by_email(email):
    """The staff user with this email (case-insensitive), or None."""
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def authenticate(email, password):
    """Return the active staff user for these credentials, or None. Records the sign-in."""
    user = find_staff_by_email(email)
    if user is None:
        spend_password_check(password)  # as slow as a real account: timing says nothing
        return None
    if not user.check_password(password) or not user.active:
        return None
    user.last_login_at = utcnow()
    record(user, "user.sign_in", user)
    db.session.commit()
    return user


def _validate_staff(email, role, organisation, password, *, existing=None):
    errors = {}
    if not is_address(email):
        errors["email"] = "Enter an email address in the correct format, like name@example.org"
    elif (other := find_staff_by_email(email)) is not None and other is not existing:
        errors["email"] = "A user with this email address already exists"
    if role not in {r.value for r in STAFF_ROLES}:
        errors["role"] = "Select a role"
    if organisation not in {o.value for o in Organisation}:
        errors["organisation"] = "Select an organisation"
    if password is not None and (problem := password_problem(password, user_inputs=[email])):
        errors["password"] = problem
    if errors:
        raise ValidationFailed("The user details are not valid", errors)


def create_staff_user(
    *, email, role, organisation, password, name="", safeguarding_lead=False, actor=None
):
    """Create a staff account. Raises ValidationFailed with per-field messages."""
    email = normalise_email(email)
    _validate_staff(email, role, organisation, password)
    user = User(
        email=email,
        name=name.strip(),
        role=role,
        organisation=organisation,
        is_safeguarding_lead=safeguarding_lead,
    )
    user.set_password(password)
    db.session.add(user)
    record(
        actor,
        "user.create",
        user,
        email=email,
        role=role,
        organisation=organisation,
        safeguarding_lead=safeguarding_lead,
    )
    db.session.commit()
    return user


def update_staff_user(user, *, actor, email, name, role, organisation, safeguarding_lead, active):
    """Change a staff account's details, role and status. Admins cannot demote or lock out
    themselves."""
    email = normalise_email(email)
    _validate_staff(email, role, organisation, None, existing=user)
    if user.id == actor.id and (role != Role.ADMIN or not active):
        raise NotAllowed("You cannot remove your own admin role or deactivate yourself")
    changes = {
        k: [getattr(user, a), v]
        for k, a, v in [
            ("email", "email", email),
            ("name", "name", name.strip()),
            ("role", "role", role),
            ("organisation", "organisation", organisation),
            ("safeguarding_lead", "is_safeguarding_lead", safeguarding_lead),
            ("active", "active", active),
        ]
        if getattr(user, a) != v
    }
    user.email, user.name, user.role, user.organisation = email, name.strip(), role, organisation
    user.is_safeguarding_lead, user.active = safeguarding_lead, active
    if "role" in changes or "active" in changes:
        user.end_sessions()  # they sign in again with the new role, or not at all
    record(actor, "user.update", user, changes=changes)
    db.session.commit()
    return user


def change_password(user, *, actor, current_password, password):
    """Set a new password after checking the current one and the policy, and end every other
    session of the account (the caller signs this browser in again). Raises ValidationFailed."""
    errors = {}
    if not user.check_password(current_password or ""):
        errors["current_password"] = "Your current password is not right"
    elif problem := password_problem(password, user_inputs=[user.email or user.username or ""]):
        errors["password"] = problem
    elif password == current_password:
        errors["password"] = "Choose a password you have not used here before"
    if errors:
        raise ValidationFailed(next(iter(errors.values())), errors)
    user.set_password(password)
    user.end_sessions()
    record(actor, "user.password_change", user)
    db.session.commit()


def sign_out(user):
    """End every session of this account, on every device (a copied cookie stops working too)."""
    user.end_sessions()
    record(user, "user.sign_out", user)
    db.session.commit()


def list_staff():
    """Every staff account, admins first then by email."""
    return db.session.scalars(
        select(User)
        .where(User.role.in_([r.value for r in STAFF_ROLES]))
        .order_by(User.role, User.email)
    ).all()


def safeguarding_leads():
    """Active staff flagged as safeguarding leads."""
    return db.session.scalars(
        select(User).where(User.is_safeguarding_lead.is_(True), User.active.is_(True))
    ).all()
