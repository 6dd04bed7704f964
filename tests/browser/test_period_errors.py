"""A period that is not published gets an accessible GOV.UK error (axe, 320px, no JavaScript
needed)."""

import pytest

from tests.browser.test_pages import _session_cookie
from tests.factories import make_user
from tests.fixtures.browser import axe_violations, horizontal_overflow
from tests.security.test_html_valid import html_problems, require_checker

pytestmark = [pytest.mark.browser, pytest.mark.shared_demo]


@pytest.fixture
def demo(shared_demo):
    """Reads the shared demo data only."""


@pytest.mark.parametrize(
    "path,role",
    [
        ("/results?period=since-baseline", None),
        ("/staff/measures?period=all", "viewer"),
        ("/staff/insights?from=2026-07-02", "viewer"),
    ],
)
def test_refused_period_error_is_accessible(app, live_server, context_factory, demo, path, role):
    cookies = [_session_cookie(app, make_user(role=role), live_server)] if role else []
    for javascript in (True, False):
        context = context_factory(width=320, height=640, javascript=javascript)
        context.add_cookies(cookies)
        page = context.new_page()
        response = page.goto(live_server.rstrip("/") + path)
        assert response.status == 400
        summary = page.locator(".govuk-error-summary")
        assert summary.count() == 1 and "There is a problem" in summary.inner_text()
        link = summary.locator("a").first
        target = link.get_attribute("href")
        assert page.locator(target).count() == 1, f"{target} points at nothing on {path}"
        if javascript:
            assert not axe_violations(page), path
            assert horizontal_overflow(page) <= 0, path


def test_refused_period_pages_are_valid_html(app, client, login_as, viewer, tmp_path):
    require_checker()
    login_as(viewer)
    files = {}
    for index, path in enumerate(
        (
            "/results?period=since-baseline",
            "/staff/measures?period=all",
            "/staff/measures/report?period=fy-2026",
            "/staff/insights?from=2026-07-02",
        )
    ):
        response = client.get(path)
        assert response.status_code == 400, path
        target = tmp_path / f"page{index}.html"
        target.write_text(response.get_data(as_text=True))
        files[str(target)] = path
    assert html_problems(files) == []
