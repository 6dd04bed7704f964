"""No page about a person stays in a browser or proxy cache: every route is walked and checked."""

import pytest

from portal.caching import CACHEABLE
from tests.factories import make_user
from tests.fixtures.pages import page_endpoints, page_url

pytestmark = pytest.mark.shared_demo


@pytest.fixture(scope="module", autouse=True)
def demo(shared_demo):
    yield


def _get_as(client, login_as, users, role, url):
    with client.session_transaction() as session:
        session.clear()
    if role is not None:
        if role not in users:
            users[role] = make_user(role=role.value, email=f"cache-{role.value}@example.test")
        login_as(users[role])
    return client.get(url)


def test_every_page_is_no_store_unless_declared_cacheable(app, client, login_as):
    """Each GET route, fetched as the least-privileged role allowed (no redirects followed)."""
    from tests.fixtures.pages import DOWNLOADS

    users, checked = {}, 0
    for endpoint, role, has_args in page_endpoints(app) + _downloads(app, DOWNLOADS):
        url = page_url(app, endpoint, has_args)
        response = _get_as(client, login_as, users, role, url)
        assert response.status_code < 500, url
        if endpoint in CACHEABLE and role is None:
            assert "no-store" not in response.headers.get("Cache-Control", ""), url
        else:
            assert response.headers.get("Cache-Control") == "no-store", f"{endpoint} {url}"
        checked += 1
    assert checked >= 60


def _downloads(app, names):
    from tests.fixtures.pages import _least_role

    rules = {r.endpoint: r for r in app.url_map.iter_rules() if r.endpoint in names}
    return [
        (name, _least_role(app.view_functions[name].required_roles), bool(rule.arguments))
        for name, rule in rules.items()
    ]


@pytest.mark.parametrize(
    "url",
    ["/feedback/", "/surveys/resume", "/forum/join", "/sign-in", "/you-said-we-did/subscribe"],
)
def test_forms_that_take_personal_details_are_no_store_when_sent_with_errors_too(client, url):
    assert client.get(url).headers["Cache-Control"] == "no-store"
    assert (
        client.post(url, data={"email": "someone@example.com"}).headers["Cache-Control"]
        == "no-store"
    )


def test_signed_in_people_get_no_store_even_on_public_pages(client, login_as):
    login_as(make_user(role="young_person", email="cache-signed-in@example.test"))
    assert client.get("/you-said-we-did").headers["Cache-Control"] == "no-store"


def test_cacheable_pages_are_real_public_read_only_pages(app):
    for endpoint in CACHEABLE:
        assert endpoint in app.view_functions, f"{endpoint} is not a route"
        assert getattr(app.view_functions[endpoint], "is_public", False), (
            f"{endpoint} is not public"
        )
        methods = {m for r in app.url_map.iter_rules(endpoint=endpoint) for m in r.methods}
        assert "POST" not in methods, f"{endpoint} takes a form, so it may hold what someone typed"


def test_static_assets_keep_their_long_cache(client):
    for url, expected in [
        ("/static/css/portal.css?v=1", "public, max-age=31536000, immutable"),
        ("/static/css/portal.css", "no-cache"),
    ]:
        response = client.get(url)
        response.close()
        assert response.headers["Cache-Control"] == expected
