"""The moderation queue: order, redaction, approve/reject/escalate, bulk approve, audit, insight."""

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.extensions import db
from portal.moderation.services import queue_query, queue_summary
from tests.factories import make_contribution, make_user

RISKY = "My dad hits me when he is drunk and I am scared to go home."


def test_queue_puts_safeguarding_first_then_oldest():
    clean = make_contribution("The new bus route to college is great.")
    risky = make_contribution(RISKY, source="survey")
    later = make_contribution("Lunch clubs help a lot.", source="forum")
    assert db.session.scalars(queue_query()).all() == [risky, clean, later]
    assert db.session.scalars(queue_query(source="forum")).all() == [later]
    assert db.session.scalars(queue_query(flag="safeguarding")).all() == [risky]
    assert queue_summary()[0] == 3


def test_item_page_highlights_personal_data_and_proposes_redaction(client, login_as, moderator):
    item = make_contribution("Call me on 07700 900123 about the <b>bus</b>")
    login_as(moderator)
    page = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    assert '<mark class="portal-pii">07700 900123' in page
    assert "&lt;b&gt;bus&lt;/b&gt;" in page and "<b>bus</b>" not in page  # escaped, never rendered
    assert "[phone]" in page


def test_approve_publishes_edited_redaction_and_audits(client, login_as, moderator):
    item = make_contribution("Mrs Patel at school was brilliant")
    login_as(moderator)
    response = client.post(
        f"/staff/moderation/{item.id}/approve",
        data={"redacted_text": "[name] at school was brilliant"},
    )
    assert response.status_code == 302
    db.session.refresh(item)
    assert item.status == "approved" and item.redacted_text == "[name] at school was brilliant"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "contribution.approve"))
    assert event.actor_id == moderator.id and event.object_id == str(item.id)


def test_approve_with_empty_text_keeps_item_pending(client, login_as, moderator):
    item = make_contribution("Fine")
    login_as(moderator)
    response = client.post(f"/staff/moderation/{item.id}/approve", data={"redacted_text": "  "})
    assert response.status_code == 400 and "Enter the text to publish" in response.get_data(
        as_text=True
    )
    assert item.status == "pending"


def test_reject_needs_reason(client, login_as, moderator):
    item = make_contribution("spam spam")
    login_as(moderator)
    assert client.post(f"/staff/moderation/{item.id}/reject", data={}).status_code == 400
    assert (
        client.post(f"/staff/moderation/{item.id}/reject", data={"reason": "off_topic"}).status_code
        == 302
    )
    db.session.refresh(item)
    assert item.status == "rejected" and item.rejection_reason == "off_topic"


def test_escalate_opens_concern_and_blocks_approval(client, login_as, moderator):
    item = make_contribution("Things at home are not good lately")
    login_as(moderator)
    client.post(f"/staff/moderation/{item.id}/escalate", data={"reason": "Possible neglect"})
    db.session.refresh(item)
    assert item.status == "escalated"
    response = client.post(f"/staff/moderation/{item.id}/approve", data={"redacted_text": "x"})
    assert response.status_code == 400 and "can never be published" in response.get_data(
        as_text=True
    )


def test_bulk_approve_only_clean_items(client, login_as, moderator):
    clean = make_contribution("The short breaks scheme is really good.")
    with_phone = make_contribution("Ring me on 07700 900123")
    risky = make_contribution(RISKY)
    login_as(moderator)
    client.post(
        "/staff/moderation/bulk-approve", data={"item": [clean.id, with_phone.id, risky.id]}
    )
    assert [clean.status, with_phone.status, risky.status] == ["approved", "pending", "escalated"]


def test_viewer_and_young_person_cannot_moderate(client, login_as):
    item = make_contribution("Fine")
    login_as(make_user(role="viewer"))
    assert (
        client.post(f"/staff/moderation/{item.id}/approve", data={"redacted_text": "x"}).status_code
        == 403
    )
    assert item.status == "pending"
