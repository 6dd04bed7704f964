"""Alerts always get through, and show when they don't: no request waits on the mail server, the
send-mail worker delivers, a poison message is set aside without blocking the others, and the
concern and outbox pages say plainly what was and was not delivered. Real SMTP servers
throughout."""

import dataclasses
import re
import time
from datetime import timedelta
from email import message_from_bytes

import pytest
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.clock import utcnow
from portal.extensions import db
from portal.mail.models import OutboxMessage
from portal.mail.services import deliver_outbox, queue_email
from portal.safeguarding import services
from portal.safeguarding.models import Concern
from tests.factories import make_contribution, make_user

RISKY = "I want to kill myself tonight. Nobody listens to me at school."
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@pytest.fixture
def four_leads():
    return [
        make_user(role="moderator", safeguarding_lead=True, email=f"lead{n}@example.test")
        for n in range(4)
    ]


def _poison(key, **fields):
    """A message stored by older code (or a crafted POST) that can never be built as it stands."""
    message = OutboxMessage(
        key=key,
        to=fields.get("to", "editor@example.test"),
        subject=fields.get("subject", "Hello"),
        body="Body",
        next_attempt_at=utcnow(),
    )
    db.session.add(message)
    db.session.commit()
    return message


def test_disclosure_returns_quickly_with_helplines_while_the_mail_server_hangs(
    app, client, hanging_smtp, four_leads
):
    app.config["MAIL_TIMEOUT"] = 10
    started = time.monotonic()
    response = client.post("/feedback/", data={"author_role": "young_person", "message": RISKY})
    elapsed = time.monotonic() - started
    assert response.status_code == 302 and elapsed < 2, elapsed
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "0800 1111" in page and "116 123" in page and "999" in page
    assert hanging_smtp == []  # the request never even connected to the mail server
    concern = db.session.scalar(select(Concern))
    queued = db.session.scalars(select(OutboxMessage)).all()
    assert concern.state == "open" and len(queued) == 4 and all(m.sent_at is None for m in queued)


def test_worker_gives_up_on_a_hanging_server_once_per_pass(app, hanging_smtp, four_leads):
    app.config["MAIL_TIMEOUT"] = 1
    make_contribution(RISKY)
    started = time.monotonic()
    assert deliver_outbox() == (0, 1)  # the first times out; the other three wait for the next pass
    assert time.monotonic() - started < 5
    messages = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    assert [m.attempts for m in messages] == [1, 0, 0, 0] and "timed out" in messages[0].last_error
    assert all(m.failed_at is None for m in messages)  # still queued: retried with backoff


def test_poison_messages_are_set_aside_and_four_due_alerts_still_go(
    runner, smtp_server, four_leads
):
    header = _poison("crafted-1", subject="Published\r\nBcc: everyone@example.test")
    comma = _poison("legacy-2", to="one@example.test, two@example.test")
    display = _poison("legacy-3", to="Bob <bob@example.test>")
    concern = services.active_concern_for(make_contribution(RISKY))
    assert deliver_outbox() == (4, 3)
    assert sorted(r for m in smtp_server.messages for r in m.rcpt_tos) == [
        lead.email for lead in four_leads
    ]
    for message in (header, comma, display):
        db.session.refresh(message)
        assert message.failed_at is not None and message.sent_at is None and message.last_error
    assert "line" in header.last_error.lower() or "linefeed" in header.last_error.lower()
    assert "not one valid email address" in comma.last_error
    # Later passes never try them again, and never die on them.
    result = runner.invoke(args=["send-mail"])
    assert result.exit_code == 0 and "Sent 0 email(s); 0 failed" in result.output
    assert len(smtp_server.messages) == 4
    assert services.alert_delivery(concern)["latest"][0].startswith(
        "Alert delivered to 4 leads at "
    )


def test_a_broken_periodic_task_never_stops_the_mail(app, runner, smtp_server, monkeypatch):
    def broken():
        raise RuntimeError("database went away")

    wiring = app.extensions["portal.wiring"]
    monkeypatch.setitem(
        app.extensions,
        "portal.wiring",
        dataclasses.replace(wiring, mail_passes=(broken, *wiring.mail_passes)),
    )
    queue_email("lead@example.test", "Alert", "Please look", key="k-1")
    db.session.commit()
    result = runner.invoke(args=["send-mail"])
    assert (
        result.exit_code == 0
        and "broken failed" in result.output
        and "Sent 1 email(s)" in result.output
    )
    assert len(smtp_server.messages) == 1


def test_line_breaks_never_reach_a_header(smtp_server):
    queue_email(
        "reader@example.test",
        "New entry\r\nBcc: everyone@example.test\nX-Evil: 1",
        "Body",
        key="k-2",
    )
    db.session.commit()
    assert deliver_outbox() == (1, 0)
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["reader@example.test"]
    parsed = message_from_bytes(envelope.content)
    assert parsed["Subject"] == "New entry Bcc: everyone@example.test X-Evil: 1"
    assert parsed["Bcc"] is None and parsed["X-Evil"] is None


def test_refused_then_recovered_and_the_concern_page_says_so(app, client, login_as, refusing_smtp):
    lead = make_user(role="moderator", safeguarding_lead=True, email="lead@example.test")
    concern = services.active_concern_for(make_contribution(RISKY))
    login_as(make_user(role="moderator"))
    html = client.get(f"/staff/safeguarding/{concern.id}").get_data(as_text=True)
    assert re.search(r"Alert not delivered yet, waiting since \d\d:\d\d", html)
    assert "Alerts sent" not in html and "delivered to" not in html
    assert deliver_outbox() == (0, 1)
    message = db.session.scalar(select(OutboxMessage))
    assert "451" in message.last_error and message.failed_at is None
    assert "Alert not delivered yet" in client.get(f"/staff/safeguarding/{concern.id}").get_data(
        as_text=True
    )

    refusing_smtp.recover()
    assert deliver_outbox(now=utcnow() + timedelta(hours=1)) == (1, 0)
    assert [e.rcpt_tos for e in refusing_smtp.messages] == [[lead.email]]
    db.session.refresh(message)
    html = client.get(f"/staff/safeguarding/{concern.id}").get_data(as_text=True)
    assert f"Alert delivered to 1 lead at {message.sent_at:%H:%M}" in html
    assert "not delivered yet" not in html


def test_concern_page_says_when_no_lead_was_alerted(client, login_as, moderator):
    concern = services.active_concern_for(make_contribution(RISKY))
    login_as(moderator)
    html = client.get(f"/staff/safeguarding/{concern.id}").get_data(as_text=True)
    assert "No alert email was sent: there is no active safeguarding lead" in html


def test_reminder_waiting_is_shown_beside_the_delivered_first_alert(app, smtp_server, four_leads):
    concern = services.active_concern_for(make_contribution(RISKY))
    deliver_outbox()
    later = utcnow() + timedelta(minutes=app.config["SAFEGUARDING_REALERT_MINUTES"] + 1)
    assert services.realert_due(now=later) == 1
    delivery = services.alert_delivery(concern)
    assert delivery["problem"] and delivery["latest"][0].startswith(
        "Reminder not delivered yet, waiting since"
    )
    assert delivery["earlier"].startswith("An earlier alert was delivered to 4 leads at")


def test_retries_run_out_then_the_message_is_set_aside_and_an_admin_retries_it(
    app, client, login_as, admin, refusing_smtp
):
    app.config["MAIL_MAX_ATTEMPTS"] = 2
    make_user(role="moderator", safeguarding_lead=True, email="lead@example.test")
    concern = services.active_concern_for(make_contribution(RISKY))
    now = utcnow()
    assert deliver_outbox(now=now) == (0, 1)
    assert deliver_outbox(now=now + timedelta(hours=2)) == (0, 1)
    message = db.session.scalar(select(OutboxMessage))
    assert message.failed_at is not None and message.attempts == 2
    assert deliver_outbox(now=now + timedelta(days=2)) == (
        0,
        0,
    )  # set aside: never tried again by itself

    login_as(admin)
    html = client.get(f"/staff/safeguarding/{concern.id}").get_data(as_text=True)
    assert "could not be delivered to 1 lead" in html and 'href="/staff/outbox/"' in html
    page = client.get("/staff/outbox/?state=failed").get_data(as_text=True)
    assert "l***@example.test" in page and "lead@example.test" not in page
    assert f"Safeguarding concern {concern.id} needs a lead today" in page and "451" in page
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        token = TOKEN.search(page).group(1)
        response = client.post(f"/staff/outbox/{message.id}/retry", data={"csrf_token": token})
        assert (
            client.post(f"/staff/outbox/{message.id}/retry").status_code == 400
        )  # no token, no retry
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert response.status_code == 302
    db.session.refresh(message)
    assert message.failed_at is None and message.attempts == 0
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "outbox.retry"))
    assert (
        event.actor_id == admin.id
        and event.object_id == str(message.id)
        and event.details["was"] == "failed"
    )

    refusing_smtp.recover()
    assert deliver_outbox() == (1, 0)
    assert "Alert delivered to 1 lead" in client.get(f"/staff/safeguarding/{concern.id}").get_data(
        as_text=True
    )
    sent_page = client.get("/staff/outbox/?state=sent").get_data(as_text=True)
    assert "l***@example.test" in sent_page and "/retry" not in sent_page
    assert (
        client.post(f"/staff/outbox/{message.id}/retry").status_code == 302
    )  # already sent: nothing changes
    db.session.refresh(message)
    assert message.sent_at is not None


def test_a_permanent_refusal_is_set_aside_at_once(smtp_server, monkeypatch):
    async def refuse(server, session, envelope, address, rcpt_options):
        return "550 5.1.1 No such mailbox"

    monkeypatch.setattr(smtp_server, "handle_RCPT", refuse, raising=False)
    queue_email("gone@example.test", "Hello", "Body", key="k-3")
    queue_email("here@example.test", "Hello", "Body", key="k-4")
    db.session.commit()
    assert deliver_outbox() == (0, 2)
    assert all(
        m.failed_at and "550" in m.last_error for m in db.session.scalars(select(OutboxMessage))
    )


@pytest.mark.parametrize("role", ["viewer", "moderator", "editor"])
def test_only_admins_see_the_outbox(client, login_as, role):
    queue_email("x@example.test", "Hello", "Body", key="k-5")
    db.session.commit()
    message = db.session.scalar(select(OutboxMessage))
    login_as(make_user(role=role))
    assert client.get("/staff/outbox/").status_code == 403
    assert client.post(f"/staff/outbox/{message.id}/retry").status_code == 403


def test_outbox_lists_every_state(client, login_as, admin, smtp_server):
    queue_email("sent@example.test", "Gone", "Body", key="k-7")
    _poison("k-9", to="a@example.test, b@example.test", subject="Broken")
    assert deliver_outbox() == (1, 1)
    queue_email("queued@example.test", "Waiting", "Body", key="k-6")
    db.session.commit()
    login_as(admin)
    page = client.get("/staff/outbox/").get_data(as_text=True)
    for text in (
        "q***@example.test",
        "s***@example.test",
        "a***@example.test, b@example.test",
        "Broken",
        "not one valid email address",
        "Queued: 1",
        "Failed (set aside): 1",
        "Sent: 1",
    ):
        assert text in page, text
    assert "queued@example.test" not in page
    assert client.get("/staff/outbox/?state=nonsense&page=99999999999999999999").status_code == 200


def test_staff_home_tells_admins_about_undelivered_email(client, login_as, admin, moderator):
    queue_email("x@example.test", "Hello", "Body", key="k-10")
    _poison("k-11", to="a@example.test, b@example.test")
    assert deliver_outbox() == (
        0,
        2,
    )  # nothing listening: the first waits, the poison is still set aside
    login_as(admin)
    html = client.get("/staff").get_data(as_text=True)
    assert "Email not delivered" in html and "1 could not be sent and were set aside" in html
    assert 'href="/staff/outbox/"' in html
    login_as(moderator)
    assert "Email not delivered" not in client.get("/staff").get_data(as_text=True)
