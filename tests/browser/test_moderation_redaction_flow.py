"""In the browser, without JavaScript: confirming a theme keeps the moderator's redaction edits."""

import pytest

from portal.contributions.models import Contribution
from portal.extensions import db
from tests.factories import PASSWORD, make_user
from tests.fixtures.browser import follow, sign_in_page
from tests.themes.helpers import contribution

pytestmark = pytest.mark.browser
EDITED = "[name] never rings back and the bus is late."


def test_confirm_a_theme_then_approve_publishes_the_edited_text(context_factory):
    item = contribution("Mr David Evans never rings back and the school bus is always late.")
    make_user(role="moderator", email="mod@example.test")
    page = context_factory(width=1280, height=900, javascript=False).new_page()
    sign_in_page(page, "mod@example.test", PASSWORD)
    page.goto(f"/staff/moderation/{item.id}")
    assert page.get_by_text("“Mr David Evans”: a person's name").is_visible()
    page.get_by_label("Text to publish").fill(EDITED)
    follow(page.get_by_role("button", name="Confirm Travel to school or college"))
    assert page.get_by_text("Your text is saved").first.is_visible()
    assert page.get_by_label("Text to publish").input_value() == EDITED
    follow(page.get_by_role("button", name="Approve and publish"))
    assert page.get_by_text("approved").first.is_visible()
    db.session.expire_all()
    assert db.session.get(Contribution, item.id).redacted_text == EDITED
