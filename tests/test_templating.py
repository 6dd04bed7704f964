"""The shared header and footer: kept for people not signed in, per page and event mode."""

import re

from tests.surveys.helpers import PARENTS, open_seeded_surveys

MENU = 'aria-label="Main menu"'
CURRENT = re.compile(r'href="([^"]+)" aria-current="page"')


def test_the_menu_marks_the_page_being_read_on_every_page(client):
    open_seeded_surveys()
    for path in ("/", "/surveys", "/results", "/", "/surveys"):
        page = client.get(path).get_data(as_text=True)
        assert CURRENT.findall(page) == [path], path
    assert CURRENT.findall(client.get("/cookies").get_data(as_text=True)) == []


def test_a_signed_in_person_gets_their_own_header_never_the_shared_one(client, login_as, editor):
    client.get("/")  # the shared header for people not signed in is now kept
    login_as(editor)
    page = client.get("/").get_data(as_text=True)
    assert "Sign out" in page and "Staff sign in" not in page
    assert 'href="/staff"' in page  # their own menu: staff entries
    client.post("/sign-out")
    page = client.get("/").get_data(as_text=True)
    assert "Sign out" not in page and "Staff sign in" in page and 'href="/staff"' not in page


def test_event_mode_has_its_own_header(app, client):
    survey = open_seeded_surveys()[PARENTS]
    start = f"/surveys/{PARENTS}"
    visitor = app.test_client()
    assert MENU in visitor.get(start).get_data(as_text=True)
    with client.session_transaction() as session:
        session["kiosk"] = {"survey_id": survey.id, "locality_id": None, "staff_id": 1}
    assert MENU not in client.get(start).get_data(as_text=True)  # no way off the survey
    assert MENU in visitor.get(start).get_data(as_text=True)


NONCE_IN_PAGE = re.compile(r'<script nonce="([^"]+)">')


def _nonces(response):
    page = response.get_data(as_text=True)
    header = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])
    return NONCE_IN_PAGE.findall(page), header.group(1)


def test_the_home_page_kept_for_visitors_carries_each_response_its_own_nonce(client):
    open_seeded_surveys()
    seen = set()
    for _ in range(3):
        response = client.get("/")
        in_page, in_header = _nonces(response)
        assert in_page == [in_header] and len(in_header) >= 16
        seen.add(in_header)
    assert len(seen) == 3  # a fresh nonce each time, never the one the kept page was rendered with


def test_a_message_waiting_to_be_shown_is_shown_on_a_kept_page(client):
    open_seeded_surveys()
    first = client.get("/").get_data(as_text=True)
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "You have unsubscribed")]
    page = client.get("/").get_data(as_text=True)
    assert "You have unsubscribed" in page and "You have unsubscribed" not in first
    assert "You have unsubscribed" not in client.get("/").get_data(as_text=True)  # shown once


def test_the_kept_home_page_is_what_a_fresh_render_gives(app, client):
    open_seeded_surveys()
    client.get("/")
    kept = client.get("/").get_data(as_text=True)
    app.extensions.pop("portal.ready_pages", None)
    fresh = client.get("/").get_data(as_text=True)
    assert NONCE_IN_PAGE.sub("", kept) == NONCE_IN_PAGE.sub("", fresh)
    assert "Open now" in kept


def test_a_page_showing_a_csrf_token_is_never_kept(app, monkeypatch):
    from flask_wtf.csrf import generate_csrf

    import portal.templating as templating

    renders = []

    def page(name, with_form=True, **context):
        renders.append(name)
        return f'<form><input value="{generate_csrf()}"></form>' if with_form else "<p>same</p>"

    monkeypatch.setattr(templating, "render_template", page)
    for _ in range(2):
        with app.test_request_context("/"):
            templating.render_ready("form.html", "same key")
    assert renders == ["form.html", "form.html"]  # rendered for each visitor, never kept
    for _ in range(2):
        with app.test_request_context("/"):
            templating.render_ready("plain.html", "same key", with_form=False)
    assert renders[2:] == ["plain.html"]  # the same page without a token is kept
