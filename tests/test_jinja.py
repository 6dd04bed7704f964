"""Template helpers that keep work between pages: shared header and footer, asset URLs, imports."""

import os
import re

from portal import create_app
from portal.jinja import asset
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


def test_a_deployed_app_keeps_templates_and_asset_urls(monkeypatch):
    served = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert not served.debug and served.jinja_env.auto_reload is False  # templates compiled once
    with served.test_request_context("/"):
        first = asset("css/portal.css")
        assert re.fullmatch(r"/static/css/portal\.css\?v=\w+", first)

        def no_stat(path):
            raise AssertionError(f"{path} looked at again")

        monkeypatch.setattr(os.path, "getmtime", no_stat)
        monkeypatch.setattr(os.path, "exists", no_stat)
        assert asset("css/portal.css") == first


def test_sqlite_needs_no_ping_before_each_use_and_postgresql_keeps_it():
    sqlite = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert sqlite.config["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is False
    url = "postgresql+psycopg://localhost/elsewhere"
    postgres = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
    assert postgres.config["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is True
