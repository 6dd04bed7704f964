"""Forum members: registration, the gentler young people's password policy, sign-in and
suspension."""

import re

from sqlalchemy import func, select

from portal.accounts.models import User
from portal.accounts.passwords import _COMMON, is_published
from portal.accounts.throttle import spend_password_check
from portal.audit.services import record
from portal.clock import utcnow
from portal.errors import ValidationFailed
from portal.extensions import db
from portal.forum.models import AGE_BANDS, ForumProfile
from portal.permissions import Role
from portal.text.names import SURNAMES, is_first_name

MIN_LENGTH = 8
USERNAME = re.compile(r"^[A-Za-z0-9_-]{3,30}$")


def member_password_problem(password, username=""):
    """Young people's policy: at least 8 characters and not a common password or the username.

    Gentler than staff (12 characters and a strength score): members are 0 to 25, many with learning
    disabilities, and a forum account holds no one else's data. Returns a reason or None.
    """
    if len(password) < MIN_LENGTH:
        return f"Your password must be at least {MIN_LENGTH} characters"
    lowered = password.lower()
    if lowered in _COMMON or lowered.rstrip("0123456789!") in _COMMON or is_published(password):
        return (
            "That password is too easy to guess. Try three words you will remember, like "
            "TigerBusCloud"
        )
    if username and username.lower() in lowered:
        return "Your password must not have your username in it"
    return None


def looks_like_real_name(username):
    """True when the username holds a common first name, or runs a first name or initial into a
    surname.

    "Emily_Watson", "jacksmith", "amy.jones2010" and "jsmith" all warn; we warn, the member may keep
    it.
    """
    parts = [p for p in re.split(r"[^a-z]+", username.lower()) if len(p) >= 3]
    if any(is_first_name(p, strict=True) for p in parts):
        return True
    return any(_joined_name(part) for part in parts)


def _joined_name(word):
    """A first name then a surname or three more letters ("jacksmith", "annabanana"), or an initial
    and surname."""
    for n in range(3, len(word) - 2):
        head, tail = word[:n], word[n:]
        if (is_first_name(head) and tail in SURNAMES) or (
            is_first_name(head, strict=True) and n >= 4
        ):
            return True
    return len(word) >= 6 and word[1:] in SURNAMES


def find_member(username):
    return db.session.scalar(
        select(User).where(func.lower(User.username) == (username or "").strip().lower())
    )


def register_member(
    *, username, password, age_band, parental_consent, house_rules, keep_name=False
):
    """Create a young person's account and forum profile. Raises ValidationFailed with field
    messages.

    Under-13s need `parental_consent` (a parent or carer confirmed). `keep_name` accepts a username
    that looks like a real name after the warning.
    """
    username = (username or "").strip()
    errors = {}
    if not USERNAME.match(username):
        errors["username"] = "Your username must be 3 to 30 letters, numbers, - or _ (no spaces)"
    elif find_member(username) is not None:
        errors["username"] = "That username is taken. Try adding a word or number"
    elif looks_like_real_name(username) and not keep_name:
        errors["username"] = (
            "That looks like it could be a real name. Choose a made-up username to keep you "
            "safe, or tick the box to say it is not your real name"
        )
    if problem := member_password_problem(password or "", username):
        errors["password"] = problem
    if age_band not in AGE_BANDS:
        errors["age_band"] = "Select how old you are"
    elif age_band == "under-13" and not parental_consent:
        errors["parental_consent"] = (
            "A parent or carer must agree before you join, because you are under 13"
        )
    if not house_rules:
        errors["house_rules"] = "You need to agree to the house rules to join"
    if errors:
        raise ValidationFailed("Registration details are not valid", errors)
    user = User(username=username, email=None, role=Role.YOUNG_PERSON)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    under_13 = age_band == "under-13"
    db.session.add(
        ForumProfile(
            user_id=user.id,
            age_band=age_band,
            under_13=under_13,
            parental_consent_at=utcnow() if under_13 else None,
        )
    )
    record(user, "forum.register", user, age_band=age_band)
    db.session.commit()
    return user


def authenticate_member(username, password):
    """The active young person's account for these details, or None."""
    user = find_member(username)
    if user is None:
        spend_password_check(password)  # as slow as a real account: timing says nothing
        return None
    if not user.check_password(password) or user.role != Role.YOUNG_PERSON or not user.active:
        return None
    user.last_login_at = utcnow()
    db.session.commit()
    return user


def profile_for(user):
    return db.session.scalar(select(ForumProfile).where(ForumProfile.user_id == user.id))


def suspend(user, *, moderator, reason, item_id=None):
    """Stop a member posting and reporting; they see the reason. Raises ValidationFailed without
    one.

    item_id: the moderation item (pending, approved or rejected post) that led to it, for the
    audit."""
    if not (reason or "").strip():
        raise ValidationFailed("Give a reason", {"reason": "Give a reason the member will see"})
    profile = profile_for(user) or ForumProfile(user_id=user.id, age_band="unknown")
    profile.suspended_at, profile.suspended_reason, profile.suspended_by_id = (
        utcnow(),
        reason.strip(),
        moderator.id,
    )
    db.session.add(profile)
    record(moderator, "forum.suspend", user, reason=reason.strip(), item=item_id)
    db.session.commit()


def unsuspend(user, *, moderator):
    """Let a suspended member post again."""
    profile = profile_for(user)
    if profile is not None and profile.is_suspended:
        profile.suspended_at = profile.suspended_reason = profile.suspended_by_id = None
        record(moderator, "forum.unsuspend", user)
        db.session.commit()
