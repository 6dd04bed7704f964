"""Only safeguarding leads act on a concern; whoever clears an item as "no risk" cannot approve it.

Every web test runs with CSRF on, as the app does, posting the token read from the page.
"""

import re

import pytest
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.errors import NotAllowed
from portal.extensions import db
from portal.moderation.services import approve, bulk_approve
from portal.safeguarding import services
from tests.factories import make_contribution, make_user

RISKY = "I want to kill myself. Nobody at school listens."
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
LEAD_ACTIONS = ["acknowledge", "refer_on", "close_handled", "close_no_risk"]


@pytest.fixture
def csrf(app):
    app.config["WTF_CSRF_ENABLED"] = True
    yield
    app.config["WTF_CSRF_ENABLED"] = False


def token(client, url):
    page = client.get(url)
    assert page.status_code == 200
    return TOKEN.search(page.get_data(as_text=True)).group(1)


def post_action(client, concern, action, note="Spoke to the family's social worker"):
    url = f"/staff/safeguarding/{concern.id}"
    return client.post(url, data={"csrf_token": token(client, url), "action": action, "note": note})


def new_concern():
    return services.active_concern_for(make_contribution(RISKY))


@pytest.mark.parametrize("role", ["moderator", "editor", "admin"])
@pytest.mark.parametrize("action", LEAD_ACTIONS)
def test_non_lead_cannot_act_on_a_concern_through_the_web(client, login_as, csrf, role, action):
    concern = new_concern()
    login_as(make_user(role=role))
    response = post_action(client, concern, action)
    html = response.get_data(as_text=True)
    assert response.status_code == 403
    assert "Only a safeguarding lead can acknowledge, refer on or close a concern" in html
    assert "govuk-error-summary" in html and "Spoke to the family" in html  # the note typed is kept
    db.session.refresh(concern)
    assert concern.state == "open" and concern.acknowledged_at is None and concern.notes == []
    assert concern.contribution.status == "escalated"
    assert (
        db.session.scalar(
            select(AuditEvent).where(
                AuditEvent.action.like("safeguarding.%"), AuditEvent.action != "safeguarding.open"
            )
        )
        is None
    )


@pytest.mark.parametrize("role", ["moderator", "editor", "admin"])
def test_non_lead_sees_only_a_note_form_and_can_add_notes(client, login_as, csrf, role):
    concern = new_concern()
    login_as(make_user(role=role))
    html = client.get(f"/staff/safeguarding/{concern.id}").get_data(as_text=True)
    assert (
        "Add a note" in html
        and "Only a safeguarding lead can" in html
        and "Add note\n</button>" in html
    )
    for label in ("Acknowledging", "Referring it on", "Closing: dealt with", "Closing: no risk"):
        assert label not in html
    assert post_action(client, concern, "note", "Family called back").status_code == 302
    db.session.refresh(concern)
    assert concern.state == "open" and [n.text for n in concern.notes] == ["Family called back"]


@pytest.mark.parametrize("role", ["moderator", "editor", "admin"])
@pytest.mark.parametrize(
    "action, state",
    [
        ("acknowledge", "acknowledged"),
        ("refer_on", "referred_on"),
        ("close_handled", "closed"),
        ("close_no_risk", "closed"),
    ],
)
def test_lead_of_any_staff_role_can_act(client, login_as, csrf, role, action, state):
    concern = new_concern()
    lead = make_user(role=role, safeguarding_lead=True)
    login_as(lead)
    html = client.get(f"/staff/safeguarding/{concern.id}").get_data(as_text=True)
    assert "Acknowledging" in html and "Closing: no risk" in html
    assert post_action(client, concern, action).status_code == 302
    db.session.refresh(concern)
    assert concern.state == state and concern.notes[-1].author_id == lead.id


def test_inactive_lead_cannot_act():
    concern = new_concern()
    lead = make_user(role="moderator", safeguarding_lead=True, active=False)
    with pytest.raises(NotAllowed):
        services.acknowledge(concern, actor=lead)


@pytest.mark.parametrize("action", ["acknowledge", "refer_on", "close"])
def test_service_refuses_non_leads(action):
    concern = new_concern()
    moderator = make_user(role="moderator")
    call = {
        "acknowledge": lambda: services.acknowledge(concern, actor=moderator, note="x"),
        "refer_on": lambda: services.refer_on(concern, actor=moderator, note="MASH"),
        "close": lambda: services.close(concern, actor=moderator, outcome="no_risk", note="Lyric"),
    }[action]
    with pytest.raises(NotAllowed):
        call()
    assert concern.state == "open" and concern.contribution.safeguarding_flag


def _cleared_item(client, login_as, lead):
    concern = new_concern()
    login_as(lead)
    assert (
        post_action(
            client, concern, "close_no_risk", "A song lyric, checked with the school"
        ).status_code
        == 302
    )
    return concern.contribution


def test_closer_cannot_approve_and_page_says_why(client, login_as, csrf):
    lead = make_user(role="moderator", safeguarding_lead=True)
    item = _cleared_item(client, login_as, lead)
    html = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    assert "another moderator must decide whether to approve it" in html
    assert f'action="/staff/moderation/{item.id}/approve"' not in html  # no button it would refuse
    url = f"/staff/moderation/{item.id}"
    response = client.post(
        f"{url}/approve", data={"csrf_token": token(client, url), "redacted_text": "fine"}
    )
    assert response.status_code == 400 and "another moderator must decide" in response.get_data(
        as_text=True
    )
    db.session.refresh(item)
    assert item.status == "pending"


def test_another_moderator_can_approve_the_cleared_item(client, login_as, csrf):
    item = _cleared_item(client, login_as, make_user(role="moderator", safeguarding_lead=True))
    other = make_user(role="moderator")
    login_as(other)
    url = f"/staff/moderation/{item.id}"
    assert f'action="{url}/approve"' in client.get(url).get_data(as_text=True)
    response = client.post(
        f"{url}/approve", data={"csrf_token": token(client, url), "redacted_text": "[removed]"}
    )
    assert response.status_code == 302
    db.session.refresh(item)
    assert item.status == "approved" and item.moderated_by_id == other.id


def test_closer_cannot_bulk_approve_the_cleared_item(client, login_as, csrf):
    lead = make_user(role="moderator", safeguarding_lead=True)
    item = _cleared_item(client, login_as, lead)
    item.text = item.redacted_text = "Lunch clubs help."  # as clean as a bulk approval allows
    item.pii_spans, item.abusive_flag = [], False
    db.session.commit()
    html = client.get("/staff/moderation").get_data(as_text=True)
    assert f'id="bulk-{item.id}"' not in html
    response = client.post(
        "/staff/moderation/bulk-approve",
        data={"csrf_token": token(client, "/staff/moderation"), "item": str(item.id)},
    )
    assert response.status_code == 302
    db.session.refresh(item)
    assert item.status == "pending"
    assert bulk_approve([item.id], moderator=make_user(role="moderator")) == (1, 0)


def test_service_refuses_the_closer():
    lead = make_user(role="moderator", safeguarding_lead=True)
    concern = new_concern()
    services.close(concern, actor=lead, outcome="no_risk", note="Lyric")
    with pytest.raises(NotAllowed, match="another moderator"):
        approve(concern.contribution, moderator=lead, redacted_text="fine")


def test_closed_item_returns_to_queue_as_ordinary_pending(client, login_as, csrf):
    lead = make_user(role="moderator", safeguarding_lead=True)
    older = make_contribution("The bus to college is always late.")
    item = _cleared_item(client, login_as, lead)
    login_as(make_user(role="moderator"))
    html = client.get("/staff/moderation").get_data(as_text=True)
    rows = re.findall(r'href="/staff/moderation/(\d+)"', html)
    assert rows == [str(older.id), str(item.id)]  # oldest first: no longer at the top
    row = html[html.index(f'href="/staff/moderation/{item.id}"') :].split("</tr>")[0]
    assert "Safeguarding" not in row and "Escalated" not in row
    assert (
        client.get("/staff/moderation?flag=safeguarding")
        .get_data(as_text=True)
        .count("/staff/moderation/")
        == 0
    )


def test_item_closed_as_handled_leaves_the_queue_and_stays_unpublishable(client, login_as, csrf):
    lead = make_user(role="moderator", safeguarding_lead=True)
    handled = new_concern()
    login_as(lead)
    assert (
        post_action(client, handled, "close_handled", "Referred to the school's DSL").status_code
        == 302
    )
    newer = new_concern()  # a new disclosure is not buried beneath items already dealt with
    login_as(make_user(role="moderator"))
    html = client.get("/staff/moderation").get_data(as_text=True)
    assert re.findall(r'href="/staff/moderation/(\d+)"', html) == [str(newer.contribution.id)]
    assert "1 waiting" in html
    item = client.get(f"/staff/moderation/{handled.contribution.id}").get_data(as_text=True)
    assert f'action="/staff/moderation/{handled.contribution.id}/approve"' not in item
    with pytest.raises(NotAllowed):
        approve(handled.contribution, moderator=make_user(role="moderator"), redacted_text="fine")
