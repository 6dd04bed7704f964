"""Recording complaint counts as an officer: the form and its errors pass axe at 320px, with and
without JavaScript."""

import pytest

from tests.browser.test_pages import _session_cookie
from tests.factories import make_user
from tests.fixtures.browser import axe_violations, follow, horizontal_overflow

pytestmark = [pytest.mark.browser, pytest.mark.shared_demo]


@pytest.fixture
def demo(shared_demo):
    """Reads the shared demo data only (the form is sent with errors, so nothing changes)."""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_record_form_errors_are_accessible_and_keep_what_was_typed(
    app, live_server, context_factory, demo, javascript
):
    context = context_factory(width=320, height=640, javascript=javascript)
    context.add_cookies(
        [_session_cookie(app, make_user(role="editor", organisation="council"), live_server)]
    )
    page = context.new_page()
    base = live_server.rstrip("/")
    assert page.goto(f"{base}/staff/measures/complaints?period=2026-27-Q2").status == 200
    assert (
        page.locator("#disagreements-heading").count() == 1
        and "Counts recorded for" in page.content()
    )
    if javascript:
        assert not axe_violations(page) and horizontal_overflow(page) <= 0
    follow(page.get_by_role("link", name="Record a count"))
    page.locator("#count").fill("a few")
    follow(page.get_by_role("button", name="Save the count"))
    summary = page.locator(".govuk-error-summary")
    assert "Enter how many, as a whole number from 0 to 100,000" in summary.inner_text()
    assert "Choose the stage" in summary.inner_text()
    for link in summary.locator("a").all():
        assert page.locator(link.get_attribute("href")).count() == 1, link.get_attribute("href")
    assert page.locator("#count").input_value() == "a few"
    if javascript:
        assert not axe_violations(page) and horizontal_overflow(page) <= 0
