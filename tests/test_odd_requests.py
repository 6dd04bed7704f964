"""Odd requests get a page or a clear 4xx, never a 500: page numbers, url_for keywords, nameless parts."""
import re

import pytest

from portal import create_app
from portal.audit.services import record
from portal.extensions import db

PAGINATED = ["/staff/audit/", "/staff/moderation", "/staff/themes/tagging", "/you-said-we-did"]
ODD_PAGES = ["9" * 20, "-5", "0", "abc", "1.5", "\u00b2", "9" * 5000, ""]


@pytest.fixture
def sixty_events(admin):
    for n in range(60):
        record(admin, f"test.event{n % 3}", admin)
    db.session.commit()


@pytest.mark.parametrize("path", PAGINATED)
@pytest.mark.parametrize("page", ODD_PAGES)
def test_any_page_number_gives_a_page(client, login_as, admin, path, page):
    login_as(admin)
    response = client.get(path, query_string={"page": page})
    assert response.status_code == 200, (path, page[:30])


def test_huge_page_number_is_an_empty_page_with_a_way_back(client, login_as, admin, sixty_events):
    login_as(admin)
    page = client.get("/staff/audit/?page=" + "9" * 20).get_data(as_text=True)
    assert "test.event" not in page  # past the end: nothing listed
    first = client.get("/staff/audit/?page=-3").get_data(as_text=True)
    assert first.count("test.event") >= 50  # below 1 means the first page


@pytest.mark.parametrize("extra", [
    {"_method": "POST"}, {"endpoint": "x"}, {"_external": "1", "_scheme": "javascript"},
    {"_anchor": "x"}, {"values": "x"}, {"_method": "POST", "endpoint": "x", "page": "2"},
])
def test_url_for_keywords_in_the_query_are_ignored_in_pager_links(client, login_as, admin, sixty_events, extra):
    login_as(admin)
    response = client.get("/staff/audit/", query_string={"action": "", **extra})
    assert response.status_code == 200
    links = re.findall(r'href="([^"]+)"', response.get_data(as_text=True))
    pager = [link for link in links if "page=" in link]
    assert pager, "the pager should link to another page"
    for link in links:
        assert not link.startswith(("javascript:", "http")), link
        assert "_method" not in link and "endpoint=" not in link and "_anchor" not in link


@pytest.mark.parametrize("extra", [{"_method": "POST"}, {"endpoint": "x"}, {"_scheme": "javascript", "_external": "1"}])
def test_public_list_ignores_url_for_keywords_and_keeps_real_filters(client, extra):
    response = client.get("/you-said-we-did", query_string={"status": "done", **extra})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    young_link = re.search(r'href="([^"]*version=young[^"]*)"', page).group(1)
    assert "status=done" in young_link  # a real filter is carried over
    assert "_method" not in young_link and "endpoint" not in young_link and "javascript" not in page


NAMELESS = [
    b'--B\r\nContent-Disposition: form-data\r\n\r\nhello\r\n--B--\r\n',
    b'--B\r\nContent-Disposition: form-data; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--B--\r\n',
    b'--B\r\nContent-Type: text/plain\r\n\r\nhello\r\n--B--\r\n',
]


@pytest.fixture
def csrf_app(app):
    other = create_app({"TESTING": True, "WTF_CSRF_ENABLED": True, "PROPAGATE_EXCEPTIONS": False,
                        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]})
    yield other
    with other.app_context():
        db.engine.dispose()


@pytest.mark.parametrize("body", NAMELESS)
@pytest.mark.parametrize("path", ["/sign-in", "/feedback/", "/forum/sign-in", "/surveys/resume"])
def test_multipart_part_without_a_name_is_refused_clearly_with_csrf(csrf_app, body, path):
    response = csrf_app.test_client().post(path, data=body, content_type="multipart/form-data; boundary=B")
    assert response.status_code == 400
    assert "Sorry, there is a problem with the service" not in response.get_data(as_text=True)


@pytest.mark.parametrize("body", NAMELESS)
def test_multipart_part_without_a_name_is_ignored_by_the_form(client, body):
    response = client.post("/sign-in", data=body, content_type="multipart/form-data; boundary=B")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "govuk-error-summary" in page and "Enter your email address" in page
