"""Subscriptions (confirm first, one-click unsubscribe, retention, erasure) and notifications
delivered exactly once per subscriber per event to a real local SMTP server."""

from datetime import timedelta
from email import message_from_bytes

import pytest

from portal.clock import utcnow
from portal.extensions import db
from portal.feedback.models import FeedbackContact
from portal.feedback.services import submit_feedback
from portal.mail.models import OutboxMessage
from portal.mail.services import deliver_outbox
from portal.moderation.services import approve
from portal.privacy.services import erase_person, purge
from portal.you_said_we_did import services, subscriptions
from portal.you_said_we_did.models import Subscriber
from portal.you_said_we_did.notify import notify_event
from tests.factories import make_user
from tests.you_said_we_did.conftest import approved, draft, locality_id

pytestmark = pytest.mark.usefixtures("reference")


def confirmed(email, themes=(), localities=()):
    return subscriptions.confirm(
        subscriptions.subscribe(email=email, theme_slugs=themes, locality_slugs=localities)
    )


def recipients(collector):
    return sorted(rcpt for envelope in collector.messages for rcpt in envelope.rcpt_tos)


def test_subscribe_confirm_and_unsubscribe_through_the_pages(client):
    response = client.post(
        "/you-said-we-did/subscribe",
        data={"email": "Parent@Example.com", "themes": ["transport"], "localities": ["shrewsbury"]},
    )
    assert response.status_code == 302 and response.location.endswith(
        "/you-said-we-did/subscribe/check-your-email"
    )
    subscriber = db.session.query(Subscriber).one()
    assert subscriber.email == "parent@example.com" and subscriber.confirmed_at is None
    assert subscriber.locality_slugs == ["shrewsbury"]
    message = db.session.query(OutboxMessage).one()
    assert subscriber.confirm_token in message.body and message.to == "parent@example.com"
    confirm_url = f"/you-said-we-did/confirm/{subscriber.confirm_token}"
    assert "Yes, send me updates" in client.get(confirm_url).get_data(as_text=True)
    db.session.refresh(subscriber)
    assert subscriber.confirmed_at is None  # a GET (an email scanner) confirms nothing
    client.post(confirm_url)
    db.session.refresh(subscriber)
    assert subscriber.confirmed_at is not None
    unsubscribe_url = f"/you-said-we-did/unsubscribe/{subscriber.unsubscribe_token}"
    assert "Stop my updates" in client.get(unsubscribe_url).get_data(as_text=True)
    assert db.session.query(Subscriber).count() == 1
    response = client.post(unsubscribe_url)
    assert response.status_code == 302 and db.session.query(Subscriber).count() == 0
    assert client.get(unsubscribe_url).status_code == 404


def test_bad_email_and_bad_tokens(client):
    response = client.post("/you-said-we-did/subscribe", data={"email": "not-an-email"})
    assert "Enter an email address in the correct format" in response.get_data(as_text=True)
    assert 'value="not-an-email"' in response.get_data(as_text=True)
    assert client.get("/you-said-we-did/confirm/nope").status_code == 404
    assert client.get("/you-said-we-did/unsubscribe/" + "x" * 300).status_code == 404


def test_honeypot_keeps_nothing(client):
    response = client.post(
        "/you-said-we-did/subscribe", data={"email": "bot@example.com", "website": "spam"}
    )
    assert response.status_code == 302 and db.session.query(Subscriber).count() == 0


def test_subscribe_form_is_rate_limited(app, client):
    app.config["PUBLIC_POST_RATE_LIMIT"] = "2 per minute"
    try:
        codes = [
            client.post(
                "/you-said-we-did/subscribe", data={"email": f"a{n}@example.com"}
            ).status_code
            for n in range(3)
        ]
    finally:
        app.config["PUBLIC_POST_RATE_LIMIT"] = "20 per minute;200 per hour"
    assert codes == [302, 302, 429]


def test_unknown_topics_and_areas_are_dropped():
    subscriber = subscriptions.subscribe(
        email="p@example.com", theme_slugs=["transport", "nope"], locality_slugs=["nowhere"]
    )
    assert subscriber.theme_slugs == ["transport"] and subscriber.locality_slugs == []


def test_confirming_again_replaces_earlier_choices():
    confirmed("p@example.com", themes=["transport"])
    confirmed("p@example.com", themes=["ehcp"])
    assert [s.theme_slugs for s in db.session.query(Subscriber)] == [["ehcp"]]


def test_unconfirmed_deleted_by_purge_after_seven_days_and_erasure_removes_subscriptions(admin):
    subscriptions.subscribe(email="old@example.com")
    confirmed("kept@example.com")
    counts = purge(now=utcnow() + timedelta(days=8))
    assert counts["unconfirmed_subscriptions"] == 1
    assert [s.email for s in db.session.query(Subscriber)] == ["kept@example.com"]
    assert erase_person("KEPT@example.com", actor=admin)["subscriptions"] == 1
    assert db.session.query(Subscriber).count() == 0


def test_each_subscriber_gets_exactly_one_email_per_event(smtp_server, editor):
    confirmed("transport@example.com", themes=["transport"])
    confirmed("everything@example.com")
    confirmed(
        "shrewsbury@example.com", localities=["shrewsbury"]
    )  # entry is for the whole area: matches
    confirmed("ehcp@example.com", themes=["ehcp"])  # different theme: no email
    subscriptions.subscribe(email="unconfirmed@example.com")  # only its confirmation email
    deliver_outbox()
    smtp_server.messages.clear()
    entry = draft(editor)
    event = services.publish(entry, editor=editor)
    notify_event(entry, event)  # a retry of the same event queues nothing new
    db.session.commit()
    deliver_outbox()
    deliver_outbox()
    expected = ["everything@example.com", "shrewsbury@example.com", "transport@example.com"]
    assert recipients(smtp_server) == expected
    body = message_from_bytes(smtp_server.messages[0].content).get_payload(decode=True).decode()
    assert "/you-said-we-did/unsubscribe/" in body and f"/you-said-we-did/{entry.id}" in body
    smtp_server.messages.clear()
    services.change_status(entry, editor=editor, status="in_progress", note="Started")
    deliver_outbox()
    assert recipients(smtp_server) == expected


def test_locality_subscriber_only_hears_about_their_locality(smtp_server, editor):
    confirmed("ludlow@example.com", localities=["ludlow-south"])
    deliver_outbox()
    smtp_server.messages.clear()
    services.publish(draft(editor, locality_ids=[locality_id("shrewsbury")]), editor=editor)
    services.publish(
        draft(editor, title="Ludlow", locality_ids=[locality_id("ludlow-south")]), editor=editor
    )
    deliver_outbox()
    assert recipients(smtp_server) == ["ludlow@example.com"]
    assert "Ludlow" in message_from_bytes(smtp_server.messages[0].content)["Subject"]


def test_contributors_who_consented_are_told_once(smtp_server, editor):
    moderator = make_user(role="moderator")
    consented = submit_feedback(
        author_role="parent_carer",
        about="",
        locality=None,
        message="The bus is late.",
        contact_choices=["updates"],
        email="mum@example.com",
    )
    reply_only = submit_feedback(
        author_role="parent_carer",
        about="",
        locality=None,
        message="Buses again.",
        contact_choices=["reply"],
        email="dad@example.com",
    )
    for contribution in (consented, reply_only):
        approve(contribution, moderator=moderator, redacted_text=contribution.redacted_text)
    confirmed("mum@example.com")  # also a subscriber: still one email
    deliver_outbox()
    smtp_server.messages.clear()
    entry = draft(editor, evidence_ids=[consented.id, reply_only.id, approved().id])
    services.publish(entry, editor=editor)
    deliver_outbox()
    assert recipients(smtp_server) == ["mum@example.com"]
    assert (
        "What happened to what you told us"
        in message_from_bytes(smtp_server.messages[0].content)["Subject"]
    )
    assert db.session.query(FeedbackContact).count() == 2


def test_publishing_through_the_page_queues_one_email_per_subscriber(
    smtp_server, client, login_as, editor
):
    confirmed("transport@example.com", themes=["transport"])
    deliver_outbox()
    smtp_server.messages.clear()
    entry = draft(editor)
    login_as(editor)
    client.post(f"/staff/you-said-we-did/{entry.id}/publish")
    client.post(
        f"/staff/you-said-we-did/{entry.id}/publish"
    )  # a double click publishes nothing new
    assert smtp_server.messages == []  # the request never waits on the mail server
    deliver_outbox()
    assert recipients(smtp_server) == ["transport@example.com"]
