"""Session cookies: re-signed when the session changes or once an hour, not on every page."""

from datetime import timedelta

import pytest
from flask_login import user_accessed

from portal import sessions
from tests.surveys.helpers import PARENTS, open_seeded_surveys, start

COOKIE = "session="


def _session_cookie(response):
    return [c for c in response.headers.getlist("Set-Cookie") if c.startswith(COOKIE)]


def test_a_respondent_session_is_sent_when_it_changes_not_on_every_page(client):
    open_seeded_surveys()
    started = client.post(f"/surveys/{PARENTS}/start")
    assert _session_cookie(started)  # the response is remembered: the session changed, sent
    question = started.headers["Location"]
    client.get(question)  # the page's form token goes into the session: sent
    again = client.get(question)
    assert again.status_code == 200 and _session_cookie(again) == []
    assert client.get(question).status_code == 200  # the browser still holds its way back in


def test_an_unchanged_permanent_session_is_re_sent_after_an_hour(client, monkeypatch):
    open_seeded_surveys()
    question = start(client, PARENTS)
    client.get(question)
    assert _session_cookie(client.get(question)) == []
    monkeypatch.setattr(sessions, "REFRESH_AFTER", timedelta(0))
    cookie = _session_cookie(client.get(question))
    assert cookie and "Expires=" in cookie[0]  # 30 days counted from this visit


def test_a_tampered_cookie_gives_an_empty_session(client):
    open_seeded_surveys()
    question = start(client, PARENTS)
    client.set_cookie("session", "eyJmYWtlIjp0cnVlfQ.forged.signature")
    page = client.get(question)
    assert page.status_code == 302 and page.headers["Location"].endswith(f"/surveys/{PARENTS}")


def test_staff_sessions_still_change_on_every_page(client, login_as, editor):
    login_as(editor)
    assert _session_cookie(client.get("/staff"))  # the idle clock moves on every page
    assert _session_cookie(client.get("/staff"))


@pytest.fixture
def users_loaded(app):
    """A list that grows each time Flask-Login loads the user for a request (this test only)."""
    loads = []

    def note(sender, **extra):
        loads.append(sender)

    user_accessed.connect(note, app)
    yield loads
    user_accessed.disconnect(note, app)


def _answer_first_question(client):
    question = start(client, PARENTS)
    assert client.get("/").status_code == 200
    assert client.get("/cookies").status_code == 200  # rendered afresh for everyone
    assert client.get(question).status_code == 200
    assert client.post(question, data={"answer": "parent_carer"}).status_code == 302


def test_a_visitor_answering_a_survey_never_has_a_user_loaded(app, users_loaded):
    # signed_in() reads the session first, and templates get the lazy current_user: a visitor's
    # pages, kept or rendered afresh, skip Flask-Login's load and its hashing of their address and
    # browser. (The first visitor's pages render the shared header, whose menu asks once per
    # process.)
    open_seeded_surveys()
    _answer_first_question(app.test_client())
    users_loaded.clear()
    _answer_first_question(app.test_client())
    assert users_loaded == []


def test_signed_in_staff_are_still_known_on_every_page(client, login_as, editor, users_loaded):
    login_as(editor)
    page = client.get("/")
    assert "Sign out" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"  # a signed-in page is never cached
    assert users_loaded


def test_nobody_is_signed_in_but_by_the_session(app, client):
    # What signed_in() relies on: no remember-me cookie is ever set, and no loader reads a user
    # from a request's headers.
    from tests.factories import PASSWORD, make_user

    assert app.login_manager._request_callback is None
    make_user(role="editor", email="editor-remember@example.test")
    signed = client.post(
        "/sign-in", data={"email": "editor-remember@example.test", "password": PASSWORD}
    )
    assert signed.status_code == 302
    cookies = " ".join(signed.headers.getlist("Set-Cookie"))
    assert "session=" in cookies and "remember_token" not in cookies
