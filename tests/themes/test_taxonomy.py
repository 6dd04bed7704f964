"""The theme taxonomy editor: validation, audit, permissions, and changes reaching the next
analysis."""

import pytest
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.extensions import db
from portal.themes.models import Theme
from tests.factories import make_user
from tests.themes.helpers import contribution, states, theme

NEW = {
    "slug": "holiday-clubs",
    "label": "Holiday clubs",
    "description": "Clubs and activities in the holidays",
    "keywords": "holiday club*\n\n  Summer Scheme \nholiday club*",
    "aliases": "HAF",
    "active": "y",
    "local_offer_url": "https://www.example.gov.uk/local-offer/holidays",
}


def test_editor_adds_a_theme(client, login_as, editor):
    login_as(editor)
    response = client.post("/staff/themes/new", data=NEW)
    assert response.status_code == 302 and response.headers["Location"] == "/staff/themes/"
    added = db.session.scalar(select(Theme).where(Theme.slug == "holiday-clubs"))
    assert added.label == "Holiday clubs" and added.active
    assert added.keywords == ["holiday club*", "summer scheme"] and added.aliases == ["haf"]
    assert added.local_offer_url == "https://www.example.gov.uk/local-offer/holidays"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "theme.create"))
    assert event.actor_id == editor.id and event.details["slug"] == "holiday-clubs"
    assert "Holiday clubs" in client.get("/staff/themes/").get_data(as_text=True)


@pytest.mark.parametrize(
    "change,field,message",
    [
        ({"slug": "Holiday Clubs!"}, "slug", "lower-case letters"),
        ({"slug": ""}, "slug", "lower-case letters"),
        ({"slug": "transport"}, "slug", "already exists"),
        ({"label": ""}, "label", "Enter a label in plain words"),
        ({"local_offer_url": "javascript:alert(1)"}, "local_offer_url", "starting with https://"),
        ({"local_offer_url": "www.example.gov.uk"}, "local_offer_url", "starting with https://"),
        ({"local_offer_url": "ftp://example.org/x"}, "local_offer_url", "starting with https://"),
    ],
)
def test_bad_theme_is_refused_and_what_was_typed_is_kept(
    client, login_as, editor, change, field, message
):
    theme("transport")
    login_as(editor)
    before = db.session.scalar(select(db.func.count(Theme.id)))
    response = client.post("/staff/themes/new", data={**NEW, **change})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page and "There is a problem" in page
    assert f'href="#{field}"' in page
    assert (
        "Clubs and activities in the holidays" in page and "summer scheme".title() in page.title()
    )
    assert db.session.scalar(select(db.func.count(Theme.id))) == before


def test_editing_keeps_the_slug_and_audits_what_changed(client, login_as, editor):
    transport = theme("transport")
    login_as(editor)
    page = client.get(f"/staff/themes/{transport.id}").get_data(as_text=True)
    assert "cannot be changed" in page and 'name="slug"' not in page
    response = client.post(
        f"/staff/themes/{transport.id}",
        data={
            "slug": "renamed",
            "label": "Getting to school",
            "keywords": "bus\ntaxi",
            "aliases": "",
            "active": "y",
        },
    )
    assert response.status_code == 302
    db.session.refresh(transport)
    assert transport.slug == "transport" and transport.label == "Getting to school"
    assert transport.keywords == ["bus", "taxi"] and transport.aliases == []
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "theme.update"))
    assert event.actor_id == editor.id and {"label", "keywords", "aliases"} <= set(
        event.details["changed"]
    )


def test_an_alias_reaches_the_next_analysis(client, login_as, editor):
    transport = theme("transport")
    text = "The Zorblefish service let us down again this week."
    assert "transport" not in states(contribution(text))
    login_as(editor)
    data = {
        "label": transport.label,
        "keywords": "\n".join(transport.keywords),
        "aliases": "\n".join(transport.aliases + ["zorblefish"]),
        "active": "y",
    }
    assert client.post(f"/staff/themes/{transport.id}", data=data).status_code == 302
    assert states(contribution(text))["transport"] == "suggested"


def test_an_inactive_theme_is_no_longer_suggested(client, login_as, editor):
    transport = theme("transport")
    login_as(editor)
    client.post(
        f"/staff/themes/{transport.id}",
        data={"label": transport.label, "keywords": "\n".join(transport.keywords), "aliases": ""},
    )
    db.session.refresh(transport)
    assert transport.active is False
    assert "transport" not in states(contribution())


@pytest.mark.parametrize("role", ["viewer", "moderator"])
def test_only_editors_manage_themes(client, login_as, role):
    transport = theme("transport")
    login_as(make_user(role=role))
    assert client.get("/staff/themes/").status_code == 403
    assert client.post("/staff/themes/new", data=NEW).status_code == 403
    assert (
        client.post(f"/staff/themes/{transport.id}", data={**NEW, "label": "Hacked"}).status_code
        == 403
    )
    db.session.refresh(transport)
    assert transport.label != "Hacked"
