"""Session cookies: re-signed when the session changes or once an hour, not on every page."""

from datetime import timedelta

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
