"""In the browser: an editor drafts from a selection and publishes; a parent switches to the young
people's version and asks for updates with JavaScript off. axe runs on every page reached."""

import pytest

from portal.extensions import db
from portal.themes.services import seed_themes
from portal.you_said_we_did.models import Entry, Subscriber
from tests.factories import PASSWORD, make_reference_data, make_user
from tests.fixtures.browser import axe_violations, follow, horizontal_overflow, sign_in_page
from tests.you_said_we_did.conftest import approved

pytestmark = pytest.mark.browser


def check(page):
    report = axe_violations(page)
    assert not report, f"axe found problems on {page.url}:\n{report}"
    assert horizontal_overflow(page) <= 0, f"{page.url} scrolls sideways"


def test_draft_from_selection_publish_and_read_young_version(context_factory):
    make_reference_data()
    seed_themes()
    make_user(role="editor", email="ed@example.test")
    evidence = approved("The school bus is late every day and nobody tells us.")
    editor = context_factory(width=1280, height=900).new_page()
    sign_in_page(editor, "ed@example.test", PASSWORD)
    editor.goto(f"/staff/you-said-we-did/new?theme=transport&contributions={evidence.id}")
    check(editor)
    editor.get_by_label("Title", exact=True).fill("Buses on time")
    editor.get_by_label("Title in easy words").fill("Buses that come on time")
    editor.get_by_label("You said", exact=True).fill("The school bus is often late.")
    editor.get_by_label("We did, or we will").fill(
        "We will agree a new timetable with the bus company."
    )
    editor.get_by_label("Young people's version", exact=True).fill(
        "You said the bus is late. We will fix it."
    )
    follow(editor.get_by_role("button", name="Save draft"))
    check(editor)
    editor.get_by_label("Quote: contribution").first.check()
    follow(editor.get_by_role("button", name="Save evidence and quotes"))
    follow(editor.get_by_role("button", name="Publish now"))
    assert editor.get_by_text("Published.").first.is_visible()
    entry_id = db.session.query(Entry.id).scalar()
    db.session.rollback()

    parent = context_factory(width=320, height=640, javascript=False).new_page()
    parent.goto("/you-said-we-did")
    follow(parent.get_by_role("link", name="Show the young people's version in easy words"))
    assert parent.get_by_text("You said the bus is late. We will fix it.").is_visible()
    assert parent.get_by_role(
        "link", name="Buses that come on time"
    ).is_visible()  # the easy-words title
    phone = context_factory(width=320, height=640).new_page()  # axe needs JavaScript
    for url in (
        "/you-said-we-did?version=young",
        f"/you-said-we-did/{entry_id}?version=young",
        "/you-said-we-did/subscribe/check-your-email",
    ):
        phone.goto(url)
        check(phone)
    parent.goto(f"/you-said-we-did/{entry_id}")
    assert parent.get_by_text("nobody tells us").is_visible()  # the approved, redacted quote
    follow(parent.get_by_role("link", name="Get an email when we publish or update something"))
    assert parent.get_by_label(
        "Travel to school or college"
    ).is_checked()  # preselected from the entry's theme
    parent.get_by_label("Email address").fill("parent@example.test")
    follow(parent.get_by_role("button", name="Ask for updates"))
    assert parent.get_by_role("heading", name="Check your email").is_visible()
    subscriber = db.session.query(Subscriber).one()
    db.session.rollback()  # end the read so the server can write
    parent.goto(f"/you-said-we-did/confirm/{subscriber.confirm_token}")
    follow(parent.get_by_role("button", name="Yes, send me updates"))
    assert parent.get_by_text("We will email you").is_visible()
    db.session.refresh(subscriber)
    assert subscriber.confirmed_at is not None
