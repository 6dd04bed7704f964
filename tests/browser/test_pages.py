"""Every page, as the least-privileged role that may see it: axe-core, 320px and JavaScript off."""

import pytest

from portal import create_app
from portal.config import TestingConfig
from tests.factories import make_user
from tests.fixtures.browser import axe_violations, horizontal_overflow
from tests.fixtures.pages import DOWNLOADS, page_endpoints, page_url, rendered_pages

pytestmark = [pytest.mark.browser, pytest.mark.shared_demo]
ENDPOINTS = page_endpoints(create_app(TestingConfig))


def _session_cookie(app, user, base_url):
    serializer = app.session_interface.get_signing_serializer(app)
    value = serializer.dumps({"_user_id": user.get_id(), "_fresh": True})
    return {"name": app.config["SESSION_COOKIE_NAME"], "value": value, "url": base_url}


@pytest.fixture
def demo(shared_demo):
    """Every test here only reads the demo data, loaded once for the module (see conftest)."""


@pytest.mark.parametrize("endpoint,role,has_args", ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_page_is_accessible(app, live_server, context_factory, demo, endpoint, role, has_args):
    if endpoint in DOWNLOADS:
        pytest.skip("a file download, not a page")
    url = page_url(app, endpoint, has_args)
    cookies = [_session_cookie(app, make_user(role=role.value), live_server)] if role else []
    phone = context_factory(width=320, height=640)
    phone.add_cookies(cookies)
    page = phone.new_page()
    response = page.goto(url)
    assert response.status == 200, f"{url} as {role}: {response.status}"
    if "text/html" not in response.headers.get("content-type", ""):
        return
    heading = page.locator("h1").first.inner_text()
    assert heading.strip(), f"{url} has no h1"
    report = axe_violations(page)
    assert not report, f"axe found problems on {url} as {role}:\n{report}"
    assert horizontal_overflow(page) <= 0, f"{url} scrolls sideways at 320px"
    assert page.title().count(" - ") >= 2, (
        "title should name the page, the service and the partnership"
    )

    no_js = context_factory(width=320, height=640, javascript=False)
    no_js.add_cookies(cookies)
    plain = no_js.new_page()
    assert plain.goto(url).status == 200
    assert plain.locator("h1").first.inner_text() == heading, f"{url} differs without JavaScript"
    for form in plain.locator("form").all():
        assert form.locator(
            "button[type=submit], input[type=submit], button:not([type])"
        ).count(), f"a form on {url} has no submit button, so it needs JavaScript"


def test_page_titles_are_unique(app, client, demo, login_as):
    """No two HTML pages share a title (checked over the whole app with the test client)."""
    titles = {}
    for endpoint, _url, html in rendered_pages(app, client, login_as):
        title = html.split("<title>")[1].split("</title>")[0]
        assert title not in titles, f"{endpoint} and {titles.get(title)} share the title {title!r}"
        titles[title] = endpoint
    assert len(titles) >= 8
