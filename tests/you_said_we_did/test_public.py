"""Public pages, the young people's version, the Atom feed and decisions."""

from xml.etree import ElementTree as ET

import pytest

from portal.you_said_we_did import services
from tests.you_said_we_did.conftest import YOUNG, approved, draft, locality_id, published, theme_id

pytestmark = pytest.mark.usefixtures("reference")
ATOM = "{http://www.w3.org/2005/Atom}"


def test_list_shows_published_entries_only_with_filters(client, editor):
    published(editor, title="Buses on time")
    published(
        editor,
        title="Shorter waits",
        theme_ids=[theme_id("waiting-times")],
        locality_ids=[locality_id("shrewsbury")],
        status="in_progress",
    )
    draft(editor, title="Secret draft")
    page = client.get("/you-said-we-did").get_data(as_text=True)
    assert "Buses on time" in page and "Shorter waits" in page and "Secret draft" not in page
    page = client.get("/you-said-we-did?theme=transport").get_data(as_text=True)
    assert "Buses on time" in page and "Shorter waits" not in page
    page = client.get("/you-said-we-did?locality=shrewsbury&status=in_progress").get_data(
        as_text=True
    )
    assert "Shorter waits" in page and "Buses on time" not in page


def test_entry_page_shows_count_and_redacted_quotes_never_raw_text(client, editor):
    contribution = approved("My son Tom Hardcastle at 12 Mill Lane waits for the bus in the rain.")
    other = approved("The bus never comes on time.")
    entry = published(editor, evidence_ids=[contribution.id, other.id], quote_ids=[contribution.id])
    page = client.get(f"/you-said-we-did/{entry.id}").get_data(as_text=True)
    # Evidence counts are published like every other count: under 10 is "fewer than 10".
    assert "Based on fewer than 10 things people told us" in page and "Based on 2" not in page
    assert "Hardcastle" not in page and "12 Mill Lane" not in page
    assert contribution.redacted_text.split()[-1] in page


def test_draft_entry_is_not_public(client, editor):
    entry = draft(editor)
    assert client.get(f"/you-said-we-did/{entry.id}").status_code == 404


def test_young_version_switch_is_a_link_that_works_without_javascript(client, editor):
    entry = published(editor, young_checked_on=__import__("datetime").date(2026, 9, 3))
    standard = client.get("/you-said-we-did").get_data(as_text=True)
    assert "Buses to school are late." in standard and YOUNG not in standard
    assert 'href="/you-said-we-did?version=young"' in standard
    young = client.get("/you-said-we-did?version=young").get_data(as_text=True)
    assert YOUNG in young and "Buses to school are late." not in young
    assert (
        "Buses that come on time" in young and "Buses on time<" not in young
    )  # the title in easy words too
    assert "We will do this" in young and "checked these words on 3 September 2026" in young
    detail = client.get(f"/you-said-we-did/{entry.id}?version=young").get_data(as_text=True)
    assert YOUNG in detail and "Show the standard version" in detail


def test_atom_feed_parses_and_has_required_elements(client, editor):
    entry = published(editor, title="Buses <on> time & more")
    services.change_status(entry, editor=editor, status="in_progress")
    response = client.get("/you-said-we-did.atom")
    assert response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{tag}").text
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").endswith("/you-said-we-did.atom")
    items = feed.findall(f"{ATOM}entry")
    assert len(items) == 1
    item = items[0]
    assert item.find(f"{ATOM}title").text == "Buses <on> time & more"
    assert item.find(f"{ATOM}id").text.startswith("tag:")
    assert item.find(f"{ATOM}link").get("href").endswith(f"/you-said-we-did/{entry.id}")
    assert "In progress" in item.find(f"{ATOM}summary").text
    assert item.find(f"{ATOM}updated").text.endswith("Z")


def test_empty_feed_is_still_valid(client):
    feed = ET.fromstring(client.get("/you-said-we-did.atom").data)
    assert feed.find(f"{ATOM}updated").text and feed.findall(f"{ATOM}entry") == []


def test_decisions_page_lists_decision_records(client, editor):
    published(
        editor,
        title="One driver all year",
        decision="Keep one driver per route.",
        what_changed="Parents said changes upset children.",
        decided_by="Transport panel",
    )
    published(editor, title="No decision here")
    page = client.get("/decisions").get_data(as_text=True)
    assert "One driver all year" in page and "Parents said changes upset children." in page
    assert "No decision here" not in page


def test_subscribe_offer_on_feedback_confirmation_and_public_list(client):
    assert "/you-said-we-did/subscribe" in client.get("/feedback/sent").get_data(as_text=True)
    assert "/you-said-we-did/subscribe?theme=transport" in client.get(
        "/you-said-we-did?theme=transport"
    ).get_data(as_text=True)


def test_survey_confirmation_page_offers_updates(app):
    from flask import render_template_string

    with app.test_request_context("/"):
        html = render_template_string(
            '{% set offer_theme = "transport" %}'
            '{% include "you_said_we_did/_subscribe_offer.html" %}'
        )
    assert "/you-said-we-did/subscribe?theme=transport" in html
    sent = (
        __import__("pathlib").Path(app.root_path).parent / "templates/surveys/sent.html"
    ).read_text()
    assert 'include "you_said_we_did/_subscribe_offer.html"' in sent


def test_coproduction_figures_for_the_measures_dashboard(editor):
    from portal.you_said_we_did.queries import coproduction_figures

    entry = published(editor)
    services.change_status(entry, editor=editor, status="done")
    draft(editor)
    figures = coproduction_figures()
    assert figures["published"] == 1 and figures["completed"] == 1 and figures["median_days"] < 1
