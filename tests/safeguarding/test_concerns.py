"""A risky contribution opens a concern at once, emails every lead (no text), can never be
published."""

from datetime import timedelta

import pytest

from portal.clock import utcnow
from portal.errors import NotAllowed
from portal.extensions import db
from portal.mail.services import deliver_outbox
from portal.moderation.services import approve
from portal.safeguarding import services
from portal.safeguarding.models import Concern
from tests.factories import make_contribution, make_user

RISKY = "I want to kill myself. My name is Jack Smith and I go to Meole Brace School."


def test_flagged_feedback_opens_concern_and_emails_leads(client, smtp_server):
    lead = make_user(role="moderator", safeguarding_lead=True, email="lead@example.test")
    make_user(role="moderator", email="notlead@example.test")
    response = client.post("/feedback/", data={"author_role": "young_person", "message": RISKY})
    assert response.status_code == 302
    concern = db.session.query(Concern).one()
    assert concern.state == "open" and concern.contribution.status == "escalated"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "0800 1111" in page and "116 123" in page and "999" in page
    assert smtp_server.messages == []  # the request never waits on the mail server
    assert deliver_outbox() == (1, 0)  # the send-mail worker
    assert [m.rcpt_tos for m in smtp_server.messages] == [[lead.email]]  # leads only
    body = smtp_server.messages[0].content.decode()
    assert f"/staff/safeguarding/{concern.id}" in body and "suicidal" in body
    assert "Jack" not in body and "kill myself" not in body and "Meole" not in body


def test_approve_refused_while_concern_active():
    moderator = make_user(role="moderator")
    lead = make_user(role="moderator", safeguarding_lead=True)
    contribution = make_contribution(RISKY)
    with pytest.raises(NotAllowed):
        approve(contribution, moderator=moderator, redacted_text="fine")
    concern = services.active_concern_for(contribution)
    services.close(concern, actor=lead, outcome="handled", note="Spoke to school DSL")
    with pytest.raises(NotAllowed):
        approve(contribution, moderator=moderator, redacted_text="fine")
    assert contribution.status == "escalated"


def test_no_risk_closure_returns_item_to_queue():
    moderator = make_user(role="moderator")
    lead = make_user(role="moderator", safeguarding_lead=True)
    contribution = make_contribution(RISKY)
    services.close(
        services.active_concern_for(contribution), actor=lead, outcome="no_risk", note="Song lyric"
    )
    assert contribution.status == "pending" and not contribution.safeguarding_flag
    approve(contribution, moderator=moderator, redacted_text="[removed]")
    assert contribution.status == "approved"


def test_unacknowledged_concern_realerts_until_acknowledged(app, smtp_server):
    lead = make_user(role="moderator", safeguarding_lead=True)
    contribution = make_contribution(RISKY)
    concern = services.active_concern_for(contribution)
    deliver_outbox()
    assert services.realert_due() == 0  # not due yet
    later = utcnow() + timedelta(minutes=app.config["SAFEGUARDING_REALERT_MINUTES"] + 1)
    assert services.realert_due(now=later) == 1
    deliver_outbox()
    assert len(smtp_server.messages) == 2 and "Reminder" in smtp_server.messages[1].content.decode()
    services.acknowledge(concern, actor=lead, note="On it")
    assert services.realert_due(now=later + timedelta(days=1)) == 0
    assert concern.notes[0].author_id == lead.id and concern.notes[0].state == "acknowledged"


def test_viewer_cannot_see_concerns(client, login_as, viewer):
    concern = services.active_concern_for(make_contribution(RISKY))
    login_as(viewer)
    assert client.get(f"/staff/safeguarding/{concern.id}").status_code == 403


def test_concern_page_actions(client, login_as):
    contribution = make_contribution(RISKY)
    concern = services.active_concern_for(contribution)
    login_as(make_user(role="moderator", safeguarding_lead=True))
    assert (
        client.post(
            f"/staff/safeguarding/{concern.id}", data={"action": "refer_on", "note": ""}
        ).status_code
        == 200
    )
    assert concern.state == "open"
    response = client.post(
        f"/staff/safeguarding/{concern.id}", data={"action": "refer_on", "note": "MASH, 2pm"}
    )
    assert response.status_code == 302
    db.session.refresh(concern)
    assert concern.state == "referred_on"


def test_realert_command(runner):
    assert "No concern needs a re-alert" in runner.invoke(args=["safeguarding-realert"]).output
