"""Staff-logged insight: moderators enter what SENDIASS, the PCF, events or phone calls tell them.

It lives in portal/contributions (it is a way text enters the one pipeline), at the same URL as
before.
"""

from flask import url_for
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.contributions.models import Contribution
from portal.extensions import db
from portal.moderation.services import queue_query
from tests.factories import make_user


def test_log_insight(client, login_as, moderator):
    login_as(moderator)
    response = client.post(
        "/staff/insight/new",
        data={
            "text": "Several families say transport letters arrive too late.",
            "channel": "sendiass",
            "organisation": "sendiass",
            "families_represented": "12",
        },
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(
        "/staff/moderation"
    )
    item = db.session.scalars(queue_query(source="insight")).one()
    assert (
        item.families_represented == 12
        and item.entered_by_id == moderator.id
        and item.channel == "sendiass"
    )
    assert db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "contribution.log_insight")
    )
    bad = client.post(
        "/staff/insight/new",
        data={
            "text": "x",
            "channel": "sendiass",
            "organisation": "pcf",
            "families_represented": "0",
        },
    )
    assert "Enter a number from 1" in bad.get_data(as_text=True)


def test_the_form_keeps_what_was_typed_when_it_is_refused(client, login_as, moderator):
    login_as(moderator)
    page = client.post(
        "/staff/insight/new",
        data={
            "text": "Families want earlier letters.",
            "channel": "",
            "organisation": "pcf",
            "families_represented": "4",
        },
    )
    html = page.get_data(as_text=True)
    assert "Select where it came from" in html and "Families want earlier letters." in html
    assert db.session.scalar(select(Contribution.id)) is None


def test_only_moderators_log_insight(client, login_as):
    login_as(make_user(role="viewer"))
    assert client.get("/staff/insight/new").status_code == 403
    assert (
        client.post(
            "/staff/insight/new",
            data={
                "text": "x",
                "channel": "phone",
                "organisation": "pcf",
                "families_represented": "2",
            },
        ).status_code
        == 403
    )
    assert db.session.scalar(select(Contribution.id)) is None


def test_same_url_linked_from_the_queue(app, client, login_as, moderator):
    with app.test_request_context():
        assert url_for("contributions.log_insight") == "/staff/insight/new"
    login_as(moderator)
    assert 'href="/staff/insight/new"' in client.get("/staff/moderation").get_data(as_text=True)
