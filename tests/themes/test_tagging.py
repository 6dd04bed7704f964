"""Tagging contributions with themes: confirm, remove, add, bulk; permissions; audit; the pages."""

import pytest
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.contributions.services import apply_analysis
from portal.extensions import db
from portal.themes.models import TagState
from tests.factories import make_user
from tests.themes.helpers import contribution, states, tag, theme


def _events(action):
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_analysis_suggests_and_confirming_a_suggestion_is_audited(client, login_as, moderator):
    item = contribution()
    assert states(item)["transport"] == TagState.SUGGESTED
    login_as(moderator)
    response = client.post(
        f"/staff/themes/tagging/{item.id}/add", data={"theme": theme("transport").id}
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"/staff/moderation/{item.id}#themes"
    )
    assert states(item)["transport"] == TagState.CONFIRMED
    tag_row = next(t for t in item.themes if t.theme.slug == "transport")
    assert tag_row.tagged_by_id == moderator.id
    [event] = _events("theme.confirm")
    assert event.actor_id == moderator.id and event.object_id == str(item.id)
    assert event.details["theme"] == "transport" and event.details["previous"] == "suggested"


def test_adding_a_theme_that_was_not_suggested(client, login_as, moderator):
    item = contribution()
    login_as(moderator)
    client.post(f"/staff/themes/tagging/{item.id}/add", data={"theme": theme("mental-health").id})
    assert states(item)["mental-health"] == TagState.CONFIRMED
    assert _events("theme.add")[0].details["theme"] == "mental-health"


def test_adding_nothing_or_an_inactive_theme_changes_nothing(client, login_as, moderator):
    item = contribution()
    retired = theme("early-years")
    retired.active = False
    db.session.commit()
    login_as(moderator)
    before = states(item)
    response = client.post(
        f"/staff/themes/tagging/{item.id}/add", data={"theme": ""}, follow_redirects=True
    )
    assert "Select a theme to add" in response.get_data(as_text=True)
    response = client.post(
        f"/staff/themes/tagging/{item.id}/add", data={"theme": retired.id}, follow_redirects=True
    )
    assert response.status_code == 200
    assert states(item) == before and _events("theme.add") == []


def test_removed_suggestion_stays_removed_after_reanalysis(client, login_as, moderator):
    item = contribution()
    login_as(moderator)
    client.post(f"/staff/themes/tagging/{item.id}/remove", data={"theme": theme("transport").id})
    assert states(item)["transport"] == TagState.DISMISSED
    assert "transport" not in [t.theme.slug for t in item.suggested_themes + item.confirmed_themes]
    assert _events("theme.remove")[0].details == {"theme": "transport", "previous": "suggested"}
    apply_analysis(item)
    db.session.commit()
    assert states(item)["transport"] == TagState.DISMISSED


def test_removing_a_confirmed_theme(client, login_as, moderator):
    item = contribution()
    tag(item, "ehcp")
    login_as(moderator)
    client.post(f"/staff/themes/tagging/{item.id}/remove", data={"theme": theme("ehcp").id})
    assert states(item)["ehcp"] == TagState.DISMISSED
    assert _events("theme.remove")[0].details["previous"] == "confirmed"


def test_removing_a_theme_the_item_does_not_have(client, login_as, moderator):
    item = contribution()
    login_as(moderator)
    response = client.post(
        f"/staff/themes/tagging/{item.id}/remove",
        data={"theme": theme("ehcp").id},
        follow_redirects=True,
    )
    assert "does not have that theme" in response.get_data(as_text=True)
    assert _events("theme.remove") == []


def test_bulk_tagging_confirms_a_theme_on_every_selected_item(client, login_as, moderator):
    first, second, third = (
        contribution(),
        contribution("We need more speech therapy."),
        contribution(),
    )
    login_as(moderator)
    response = client.post(
        "/staff/themes/tagging/bulk",
        data={
            "theme": theme("transport").id,
            "item": [first.id, second.id],
            "next": "/staff/themes/tagging?untagged=1",
        },
    )
    assert (
        response.status_code == 302
        and response.headers["Location"] == "/staff/themes/tagging?untagged=1"
    )
    assert states(first)["transport"] == states(second)["transport"] == TagState.CONFIRMED
    assert states(third)["transport"] == TagState.SUGGESTED
    events = _events("theme.confirm") + _events("theme.add")
    assert sorted(e.object_id for e in events) == sorted([str(first.id), str(second.id)])
    assert all(e.actor_id == moderator.id and e.details["bulk"] for e in events)


def test_bulk_tagging_with_nothing_selected(client, login_as, moderator):
    contribution()
    login_as(moderator)
    response = client.post(
        "/staff/themes/tagging/bulk", data={"theme": theme("transport").id}, follow_redirects=True
    )
    assert "Select at least one item to tag" in response.get_data(as_text=True)


def test_bulk_tagging_refuses_an_outside_next_url(client, login_as, moderator):
    item = contribution()
    login_as(moderator)
    response = client.post(
        "/staff/themes/tagging/bulk",
        data={"theme": theme("transport").id, "item": [item.id], "next": "https://evil.example/"},
    )
    assert response.headers["Location"] == "/staff/themes/tagging"


@pytest.mark.parametrize(
    "role,allowed",
    [
        (None, False),
        ("young_person", False),
        ("viewer", False),
        ("moderator", True),
        ("editor", True),
        ("admin", True),
    ],
)
def test_who_may_tag(client, login_as, role, allowed):
    item = contribution()
    if role:
        login_as(make_user(role=role))
    target = theme("ehcp").id
    for url in (f"/staff/themes/tagging/{item.id}/add", "/staff/themes/tagging/bulk"):
        response = client.post(url, data={"theme": target, "item": [item.id]})
        if role is None:
            assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
        else:
            assert response.status_code == (302 if allowed else 403)
    response = client.post(f"/staff/themes/tagging/{item.id}/remove", data={"theme": target})
    assert response.status_code == (302 if allowed or role is None else 403)
    assert states(item).get("ehcp") == (TagState.DISMISSED if allowed else None)
    assert client.get("/staff/themes/tagging").status_code == (
        200 if allowed else 302 if role is None else 403
    )


def test_tagging_page_untagged_filter(client, login_as, moderator):
    tagged = contribution("Tagged item about the bus being late.")
    tag(tagged, "transport")
    untagged = contribution("Untagged item about the taxi to college.")
    login_as(moderator)
    page = client.get("/staff/themes/tagging?untagged=1").get_data(as_text=True)
    assert f"tag-{untagged.id}" in page and f"tag-{tagged.id}" not in page
    page = client.get("/staff/themes/tagging").get_data(as_text=True)
    assert f"tag-{untagged.id}" in page and f"tag-{tagged.id}" in page
    page = client.get(f"/staff/themes/tagging?theme={theme('transport').id}&untagged=1").get_data(
        as_text=True
    )
    assert f"tag-{untagged.id}" in page and f"tag-{tagged.id}" not in page


def test_tagging_page_shows_redacted_text_only(client, login_as, moderator):
    item = contribution("Please email me at jo.bloggs@example.com about the school bus.")
    login_as(moderator)
    page = client.get("/staff/themes/tagging").get_data(as_text=True)
    assert "jo.bloggs@example.com" not in page and f"tag-{item.id}" in page


def test_moderation_item_shows_suggestions_distinctly(client, login_as, moderator):
    item = contribution()
    tag(item, "ehcp")
    login_as(moderator)
    page = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    confirmed = page[page.index("portal-theme--confirmed") :]
    suggested = page[page.index("portal-theme--suggested") :]
    assert confirmed[:300].count("Confirmed") and "EHC assessments and plans" in confirmed[:300]
    assert "Suggested</strong> <em>" in suggested[:300]
    assert "Suggested</strong> <em>Travel to school or college</em>" in page
    assert "Confirmed</strong> Travel" not in page and "Suggested</strong> <em>EHC" not in page
    # Confirm, remove and add work without JavaScript; on a pending item they submit the text form.
    assert f'formaction="/staff/moderation/{item.id}/themes" name="confirm_theme"' in page
    assert f'formaction="/staff/moderation/{item.id}/themes" name="remove_theme"' in page
    assert 'name="theme"' in page and "Add a theme" in page
