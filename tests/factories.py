"""Plain factory functions with valid defaults; tests override only what they assert on."""

import functools
import itertools

from sqlalchemy import select
from werkzeug.security import generate_password_hash

from portal.accounts.models import User
from portal.clock import utcnow
from portal.contributions.models import Contribution
from portal.contributions.services import submit_contribution
from portal.extensions import db
from portal.moderation.services import approve, reject
from portal.reference.models import DEMO_LOCALITIES
from portal.reference.services import ensure_defaults
from portal.themes.models import ContributionTheme, Theme
from portal.themes.services import seed_themes

PASSWORD = "stable-otter-window-lantern"
_counter = itertools.count(1)


@functools.cache
def _default_hash():
    return generate_password_hash(PASSWORD)


def make_user(
    role="moderator",
    email="",
    username=None,
    organisation="pcf",
    password=PASSWORD,
    safeguarding_lead=False,
    active=True,
    name="",
):
    """A saved user; staff get an email, young people a username."""
    n = next(_counter)
    if email == "":
        email = f"user{n}@example.test" if role != "young_person" else None
    if role == "young_person" and username is None:
        username = f"member{n}"
    user = User(
        email=email,
        username=username,
        role=role,
        organisation=organisation if role != "young_person" else None,
        is_safeguarding_lead=safeguarding_lead,
        active=active,
        name=name,
    )
    if password == PASSWORD:
        user.password_hash = _default_hash()  # hashing is slow by design; do it once per run
    else:
        user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user


def make_reference_data():
    """The standard age bands and cohorts and the demo localities."""
    ensure_defaults(DEMO_LOCALITIES)


def make_contribution(
    text="The school bus is always late and nobody rings us back.",
    *,
    source="feedback",
    status="pending",
    themes=(),
    theme_state="confirmed",
    analysed=True,
    moderator=None,
    created_at=None,
    **fields,
):
    """A saved contribution.

    Args:
        text, source: what was said and through which door.
        status: "pending", "approved" or "rejected" (through the moderation services when analysed),
            or any Status when not analysed.
        themes: theme slugs to tag it with, in `theme_state` (the taxonomy is seeded when needed).
        analysed: True goes through the real service (submit_contribution: analysis, redaction,
            suggested themes, a concern for risky text); False inserts the row directly, with
            redacted_text = text unless given, for tests that only read and count.
        moderator: who approves or rejects it (a throwaway moderator when None).
        created_at: back-date it; fields: other submit_contribution arguments or columns.
    Returns the Contribution.
    """
    if themes and db.session.scalar(select(Theme.id).limit(1)) is None:
        seed_themes()  # seeded before analysis, which then suggests themes too
    if analysed and status not in ("pending", "approved", "rejected"):
        raise ValueError(f"make an analysed {status} contribution through its service")
    if analysed:
        item = submit_contribution(source=source, text=text, **fields)
        if status == "approved":
            approve(item, moderator=moderator or make_user(), redacted_text=item.redacted_text)
        elif status == "rejected":
            reject(item, moderator=moderator or make_user(), reason="unkind")
    else:
        fields.setdefault("redacted_text", text)
        item = Contribution(source=source, text=text, status=status, **fields)
        if status != "pending":
            item.moderated_at = utcnow()
        db.session.add(item)
    for slug in themes:
        theme_id = db.session.scalar(select(Theme.id).where(Theme.slug == slug))
        tag = next((t for t in item.themes if t.theme_id == theme_id), None)
        if tag is None:
            item.themes.append(ContributionTheme(theme_id=theme_id, state=theme_state))
        else:
            tag.state = theme_state
    if created_at is not None:
        item.created_at = created_at
    db.session.commit()
    return item
