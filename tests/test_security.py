"""Security headers on every response, CSRF, cookie flags and open redirects."""

import pytest

from portal import create_app
from portal.extensions import db
from portal.urls import safe_next
from tests.factories import PASSWORD, make_user


@pytest.mark.parametrize("url", ["/", "/sign-in", "/privacy", "/does-not-exist", "/staff"])
def test_security_headers(client, url):
    headers = client.get(url).headers
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src and "'nonce-" in script_src
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"


def test_inline_script_carries_the_nonce(client):
    response = client.get("/")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.get_data(as_text=True)


@pytest.fixture
def app_with(app):
    """Another app on the suite's database with `settings` changed; its engine is disposed after.

    Left open, its pooled connection is found by the garbage collector in some later test (psycopg
    then warns that a connection was deleted while still open).
    """
    made = []

    def build(**settings):
        uri = app.config["SQLALCHEMY_DATABASE_URI"]
        made.append(create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": uri, **settings}))
        return made[-1]

    yield build
    for other in made:
        with other.app_context():
            db.engine.dispose()


@pytest.fixture
def csrf_app(app_with):
    """The same database with CSRF protection switched on, as in production."""
    return app_with(WTF_CSRF_ENABLED=True)


def test_post_without_csrf_token_gets_friendly_400(csrf_app):
    with csrf_app.app_context():
        response = csrf_app.test_client().post("/sign-in", data={"email": "a@b.c", "password": "x"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Sorry, your form timed out" in page
    assert "'nonce-" in response.headers["Content-Security-Policy"]
    assert page.count("nonce=") == 1


def test_session_cookie_flags_in_production(app_with):
    prod = app_with(SESSION_COOKIE_SECURE=True)
    make_user(email="cookie@example.test")
    with prod.app_context():
        response = prod.test_client().post(
            "/sign-in", data={"email": "cookie@example.test", "password": PASSWORD}
        )
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


@pytest.mark.parametrize(
    "target,expected",
    [
        ("/staff/users", "/staff/users"),
        ("/staff?x=1", "/staff?x=1"),
        ("https://evil.example/", None),
        ("//evil.example/", None),
        ("/\\evil.example", None),
        ("javascript:alert(1)", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_next(target, expected):
    assert safe_next(target) == expected


def test_sign_in_ignores_off_site_next(client):
    make_user(email="next@example.test")
    response = client.post(
        "/sign-in?next=https://evil.example/",
        data={"email": "next@example.test", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff"
