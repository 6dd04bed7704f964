"""Changing themes on a pending item never throws away the moderator's unsaved redaction edits."""

import re

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.contributions.services import apply_analysis
from portal.extensions import db
from portal.themes.models import TagState
from tests.themes.helpers import contribution, states, theme

TEXT = "Mr David Evans never rings back and the school bus is always late."
EDITED = "[name] never rings back and the bus is always late (edited)."


def _textarea(page):
    return re.search(
        r'<textarea[^>]*name="redacted_text"[^>]*>\s*(.*?)</textarea>', page, re.S
    ).group(1)


def test_theme_buttons_carry_the_text_being_edited(client, login_as, moderator):
    item = contribution(TEXT)
    login_as(moderator)
    page = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    # The confirm buttons submit the same form as the text, to the tagging action.
    form = page[page.index(f'action="/staff/moderation/{item.id}/approve"') :]
    form = form[: form.index("</form>")]
    assert 'name="redacted_text"' in form
    assert (
        f'formaction="/staff/moderation/{item.id}/themes" name="confirm_theme" '
        f'value="{theme("transport").id}"' in form
    )


def test_confirming_a_theme_saves_the_edits_and_shows_them_again(client, login_as, moderator):
    item = contribution(TEXT)
    login_as(moderator)
    response = client.post(
        f"/staff/moderation/{item.id}/themes",
        data={"redacted_text": EDITED, "confirm_theme": theme("transport").id},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"/staff/moderation/{item.id}#themes"
    )
    assert states(item)["transport"] == TagState.CONFIRMED
    assert item.redacted_text == EDITED and item.status == "pending"
    page = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    assert _textarea(page) == EDITED and "Evans" not in _textarea(page)
    assert db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "contribution.save_redaction")
    )
    # Approving after the reload publishes what the moderator saw, never the automatic text.
    client.post(f"/staff/moderation/{item.id}/approve", data={"redacted_text": _textarea(page)})
    db.session.refresh(item)
    assert item.status == "approved" and item.redacted_text == EDITED


def test_removing_and_adding_themes_keep_edits_too(client, login_as, moderator):
    item = contribution(TEXT)
    login_as(moderator)
    client.post(
        f"/staff/moderation/{item.id}/themes",
        data={"redacted_text": EDITED, "remove_theme": theme("transport").id},
    )
    assert states(item)["transport"] == TagState.DISMISSED and item.redacted_text == EDITED
    client.post(
        f"/staff/moderation/{item.id}/themes",
        data={
            "redacted_text": EDITED + " Thanks.",
            "add_theme": "1",
            "theme": theme("communication").id,
        },
    )
    assert (
        states(item)["communication"] == TagState.CONFIRMED
        and item.redacted_text == EDITED + " Thanks."
    )


def test_reanalysis_keeps_a_saved_redaction(client, login_as, moderator):
    item = contribution(TEXT)
    login_as(moderator)
    client.post(
        f"/staff/moderation/{item.id}/themes",
        data={"redacted_text": EDITED, "confirm_theme": theme("transport").id},
    )
    apply_analysis(item)
    db.session.commit()
    assert item.redacted_text == EDITED


def test_bad_input_loses_nothing(client, login_as, moderator):
    item = contribution(TEXT)
    login_as(moderator)
    # No theme chosen: an error on the theme list, the edited text still in the box, nothing saved.
    response = client.post(
        f"/staff/moderation/{item.id}/themes",
        data={"redacted_text": EDITED, "add_theme": "1", "theme": ""},
    )
    page = response.get_data(as_text=True)
    assert (
        response.status_code == 400
        and "govuk-error-summary" in page
        and "Select a theme to add" in page
    )
    assert _textarea(page) == EDITED
    # An empty text box is refused and the theme is not changed.
    response = client.post(
        f"/staff/moderation/{item.id}/themes",
        data={"redacted_text": " ", "confirm_theme": theme("transport").id},
    )
    assert response.status_code == 400 and "Enter the text to publish" in response.get_data(
        as_text=True
    )
    assert states(item)["transport"] == TagState.SUGGESTED
    # An unknown theme: error, edits kept on the page, neither the text nor any theme saved.
    response = client.post(
        f"/staff/moderation/{item.id}/themes",
        data={"redacted_text": EDITED, "confirm_theme": "99999"},
    )
    page = response.get_data(as_text=True)
    assert (
        response.status_code == 400
        and "Select a theme that is in use" in page
        and _textarea(page) == EDITED
    )
    db.session.refresh(item)
    assert "Evans" in item.redacted_text or item.redacted_text != EDITED


def test_a_decided_item_cannot_have_its_text_changed_this_way(client, login_as, moderator):
    item = contribution(TEXT)
    login_as(moderator)
    client.post(f"/staff/moderation/{item.id}/reject", data={"reason": "off_topic"})
    response = client.post(
        f"/staff/moderation/{item.id}/themes",
        data={"redacted_text": "changed", "confirm_theme": theme("transport").id},
    )
    assert response.status_code == 400
    db.session.refresh(item)
    assert item.redacted_text != "changed"


def test_viewers_cannot_tag_or_save_text(client, login_as, viewer):
    item = contribution(TEXT)
    login_as(viewer)
    response = client.post(
        f"/staff/moderation/{item.id}/themes",
        data={"redacted_text": "x", "confirm_theme": theme("transport").id},
    )
    assert response.status_code == 403
