"""Measure action pages as an officer: the forms and their errors pass axe at 320px, with and
without JavaScript."""

import pytest

from portal.extensions import db
from portal.measure_actions.models import MeasureAction
from tests.browser.test_pages import _session_cookie
from tests.factories import make_user
from tests.fixtures.browser import axe_violations, follow, horizontal_overflow

pytestmark = [pytest.mark.browser, pytest.mark.shared_demo]


@pytest.fixture
def demo(shared_demo):
    """Reads the shared demo data only (the forms below are sent with errors, so nothing
    changes)."""


def _officer_page(app, live_server, context_factory, javascript):
    context = context_factory(width=320, height=640, javascript=javascript)
    context.add_cookies(
        [_session_cookie(app, make_user(role="editor", organisation="council"), live_server)]
    )
    return context.new_page()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_officer_forms_and_their_errors_are_accessible(
    app, live_server, context_factory, demo, javascript
):
    page = _officer_page(app, live_server, context_factory, javascript)
    base = live_server.rstrip("/")
    assert page.goto(f"{base}/staff/measures/actions").status == 200
    link = page.get_by_role("link", name="SEND complaints per month").first
    action_id = int(
        link.get_attribute("href").rstrip("/").rpartition("/")[2]
    )  # the demo may open several
    assert db.session.get(MeasureAction, action_id) is not None
    follow(link)
    assert page.url.endswith(f"/staff/measures/actions/{action_id}")
    assert page.get_by_role("button", name="Close the action").count() == 1
    if javascript:
        assert not axe_violations(page) and horizontal_overflow(page) <= 0

    follow(page.get_by_role("button", name="Close the action"))
    summary = page.locator(".govuk-error-summary")
    assert "Enter what was done before closing the action" in summary.inner_text()
    assert page.locator(summary.locator("a").first.get_attribute("href")).count() == 1
    if javascript:
        assert not axe_violations(page) and horizontal_overflow(page) <= 0

    page.goto(f"{base}/staff/measures/actions/{action_id}")
    page.locator("#review_by-day, [name=review_by]").first.fill("31")
    page.locator("[name=review_by]").nth(1).fill("2")
    follow(page.get_by_role("button", name="Save owner and review date"))
    assert "Enter a real date" in page.locator(".govuk-error-summary").inner_text()
    assert page.locator("[name=review_by]").first.input_value() == "31"
    if javascript:
        assert not axe_violations(page) and horizontal_overflow(page) <= 0
    db.session.expire_all()
    assert db.session.get(MeasureAction, action_id).is_open
