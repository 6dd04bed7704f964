"""Demo data for a newcomer's first run. Idempotent: running it twice changes nothing."""
import secrets

from sqlalchemy import func, select

from portal.accounts.models import User
from portal.accounts.services import create_staff_user, find_staff_by_email
from portal.extensions import db
from portal.reference.models import DEMO_LOCALITIES
from portal.reference.services import ensure_defaults, ensure_demo_settings
from portal.themes.services import seed_themes

DEMO_PASSWORD = "purple-lantern-otter-41"  # demo only: printed on screen, never use in production
DEMO_STAFF = [
    ("admin@example.org", "admin", "council", "Alex Admin", False),
    ("editor@example.org", "editor", "council", "Erin Editor", False),
    ("moderator@example.org", "moderator", "pcf", "Mo Moderator", True),
    ("sendiass@example.org", "moderator", "sendiass", "Sam SENDIASS", False),
    ("viewer@example.org", "viewer", "icb", "Vic Viewer", False),
]
_LOADERS = []


def setup_password():
    """A throwaway password that passes the policy, replaced by DEMO_PASSWORD (which the policy
    refuses, because it is published) with `give_demo_password`."""
    return f"demo-setup-{secrets.token_hex(12)}"


def give_demo_password(user):
    user.set_password(DEMO_PASSWORD)
    db.session.commit()


def register_demo(loader):
    """Register `loader() -> list[str]` (lines to print); features add their demo content this way."""
    _LOADERS.append(loader)
    return loader


def load_demo_data():
    """Load reference data, demo staff and every feature's demo content. Returns lines to print."""
    ensure_defaults(DEMO_LOCALITIES)
    ensure_demo_settings()
    seed_themes()
    lines = ["Reference data: localities, age bands, cohorts and themes are in place."]
    for email, role, organisation, name, lead in DEMO_STAFF:
        if find_staff_by_email(email) is None:
            give_demo_password(create_staff_user(email=email, role=role, organisation=organisation,
                                                 password=setup_password(), name=name, safeguarding_lead=lead))
    for loader in _LOADERS:
        lines.extend(loader())
    return lines + demo_logins()


def demo_logins():
    """Lines that tell a newcomer how to sign in as each demo role."""
    return [f"Demo staff sign-ins (password for each: {DEMO_PASSWORD}):"] + [
        f"  {role:<10} {email}{'  (safeguarding lead)' if lead else ''}" for email, role, _, _, lead in DEMO_STAFF
    ]


def database_is_empty():
    """True when no user exists yet (a brand-new database)."""
    return db.session.scalar(select(func.count(User.id))) == 0
