"""Retention (portal purge) and erasure by email or username; safeguarding records are kept."""

from datetime import timedelta

from sqlalchemy import select

from portal.accounts.models import User
from portal.audit.models import AuditEvent
from portal.clock import utcnow
from portal.contributions.models import Contribution
from portal.extensions import db
from portal.feedback.models import FeedbackContact
from portal.feedback.services import submit_feedback
from portal.forum import members, services
from portal.moderation.services import reject
from portal.privacy.services import erase_person, purge
from tests.factories import make_user


def test_purge_applies_retention(app):
    moderator = make_user(role="moderator")
    old = submit_feedback(
        author_role="parent_carer",
        about="",
        locality=None,
        message="Old message",
        contact_choices=["reply"],
        email="old@example.test",
    )
    reject(old, moderator=moderator, reason="off_topic")
    keep = submit_feedback(
        author_role="parent_carer", about="", locality=None, message="New message"
    )
    future = utcnow() + timedelta(days=400)
    counts = purge(now=future)
    assert counts["contacts"] == 1 and counts["rejected"] == 1
    assert db.session.scalars(select(Contribution)).all() == [keep]
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "privacy.purge"))


def test_purge_command(runner):
    assert "contacts: 0" in runner.invoke(args=["purge"]).output


def test_erase_by_email_and_username(client, login_as, admin):
    submit_feedback(
        author_role="parent_carer",
        about="",
        locality=None,
        message="Please reply",
        contact_choices=["reply"],
        email="Mum@Example.test",
    )
    services.ensure_boards()
    member = members.register_member(
        username="comet22",
        password="tiger-bus-cloud",
        age_band="16-18",
        parental_consent=False,
        house_rules=True,
    )
    board = services.boards()[0]
    services.start_topic(board, author=member, title="Hi", text="Hello all")
    login_as(admin)
    assert (
        client.post("/staff/erasure/", data={"identifier": "mum@example.test"}).status_code == 200
    )
    assert db.session.query(FeedbackContact).count() == 0
    counts = erase_person("COMET22", actor=admin)
    assert counts["accounts"] == 1
    assert db.session.scalar(select(User).where(User.username == "comet22")) is None
    assert db.session.query(Contribution).count() == 0
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "privacy.erase")
    ).first()
    assert "mum@example.test" not in str(event.details)


def test_erasure_keeps_items_under_active_concern(admin):
    submit_feedback(
        author_role="young_person",
        about="",
        locality=None,
        message="I want to kill myself",
        contact_choices=["reply"],
        email="yp@example.test",
    )
    counts = erase_person("yp@example.test", actor=admin)
    assert counts["kept_for_safeguarding"] == 1 and db.session.query(Contribution).count() == 1


def test_only_admins_erase(client, login_as, moderator):
    login_as(moderator)
    assert client.post("/staff/erasure/", data={"identifier": "x@example.test"}).status_code == 403
