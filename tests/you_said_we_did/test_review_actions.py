"""The entry page offers only the actions the service would accept, and says why the others are
missing."""

from portal.extensions import db
from portal.you_said_we_did import services
from portal.you_said_we_did.models import EntryState
from tests.factories import make_user
from tests.you_said_we_did.conftest import draft

APPROVE = "Approve and publish"


def test_the_person_who_asked_for_review_is_not_offered_approve(
    client, login_as, editor, reference
):
    entry = draft(editor)
    services.request_review(entry, editor=editor)
    login_as(editor)
    page = client.get(f"/staff/you-said-we-did/{entry.id}").get_data(as_text=True)
    assert APPROVE not in page and f"/staff/you-said-we-did/{entry.id}/publish" not in page
    assert "You asked for this review, so another editor must approve it or send it back." in page
    # The service still refuses a hand-made POST.
    client.post(f"/staff/you-said-we-did/{entry.id}/publish")
    db.session.refresh(entry)
    assert entry.state == EntryState.IN_REVIEW


def test_a_second_editor_is_offered_approve_and_send_back(client, login_as, editor, reference):
    entry = draft(editor)
    services.request_review(entry, editor=editor)
    login_as(make_user(role="editor"))
    page = client.get(f"/staff/you-said-we-did/{entry.id}").get_data(as_text=True)
    assert (
        APPROVE in page
        and "Send it back with a note" in page
        and "You asked for this review" not in page
    )


def test_publish_is_not_offered_until_the_entry_is_ready(client, login_as, editor, reference):
    entry = draft(editor, young_text="")
    login_as(editor)
    page = client.get(f"/staff/you-said-we-did/{entry.id}").get_data(as_text=True)
    assert "Publish now" not in page and "Write the young people&#39;s version" in page
    assert "It cannot be published until the points above are done." in page
    assert "Ask another editor to review" in page
