"""The demo staff accounts and their published password, shared by `portal.demo` and the forum
demo."""

import secrets

from portal.extensions import db

DEMO_PASSWORD = "purple-lantern-otter-41"  # demo only: printed on screen, never use in production
DEMO_STAFF = [
    ("admin@example.org", "admin", "council", "Alex Admin", False),
    ("editor@example.org", "editor", "council", "Erin Editor", False),
    ("moderator@example.org", "moderator", "pcf", "Mo Moderator", True),
    ("sendiass@example.org", "moderator", "sendiass", "Sam SENDIASS", False),
    ("viewer@example.org", "viewer", "icb", "Vic Viewer", False),
]


def setup_password():
    """A throwaway password that passes the policy, replaced by DEMO_PASSWORD (which the policy
    refuses, because it is published) with `give_demo_password`."""
    return f"demo-setup-{secrets.token_hex(12)}"


def give_demo_password(user):
    user.set_password(DEMO_PASSWORD)
    db.session.commit()
