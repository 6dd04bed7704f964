"""Plain factory functions with valid defaults; tests override only what they assert on."""

import functools
import itertools

from werkzeug.security import generate_password_hash

from portal.accounts.models import User
from portal.extensions import db
from portal.reference.models import DEMO_LOCALITIES
from portal.reference.services import ensure_defaults

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
