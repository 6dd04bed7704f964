"""Odd requests get a page or a clear 4xx, never a 500: page numbers, url_for keywords, nameless
parts."""

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


@pytest.mark.parametrize(
    "extra",
    [
        {"_method": "POST"},
        {"endpoint": "x"},
        {"_external": "1", "_scheme": "javascript"},
        {"_anchor": "x"},
        {"values": "x"},
        {"_method": "POST", "endpoint": "x", "page": "2"},
    ],
)
def test_url_for_keywords_in_the_query_are_ignored_in_pager_links(
    client, login_as, admin, sixty_events, extra
):
    login_as(admin)
    response = client.get("/staff/audit/", query_string={"action": "", **extra})
    assert response.status_code == 200
    links = re.findall(r'href="([^"]+)"', response.get_data(as_text=True))
    pager = [link for link in links if "page=" in link]
    assert pager, "the pager should link to another page"
    for link in links:
        assert not link.startswith(("javascript:", "http")), link
        assert "_method" not in link and "endpoint=" not in link and "_anchor" not in link


@pytest.mark.parametrize(
    "extra", [{"_method": "POST"}, {"endpoint": "x"}, {"_scheme": "javascript", "_external": "1"}]
)
def test_public_list_ignores_url_for_keywords_and_keeps_real_filters(client, extra):
    response = client.get("/you-said-we-did", query_string={"status": "done", **extra})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    young_link = re.search(r'href="([^"]*version=young[^"]*)"', page).group(1)
    assert "status=done" in young_link  # a real filter is carried over
    assert "_method" not in young_link and "endpoint" not in young_link and "javascript" not in page


NAMELESS = [
    b"--B\r\nContent-Disposition: form-data\r\n\r\nhello\r\n--B--\r\n",
    b'--B\r\nContent-Disposition: form-data; filename="a.txt"\r\nContent-Type: '
    b"text/plain\r\n\r\nhello\r\n--B--\r\n",
    b"--B\r\nContent-Type: text/plain\r\n\r\nhello\r\n--B--\r\n",
]


@pytest.fixture
def csrf_app(app):
    other = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": True,
            "PROPAGATE_EXCEPTIONS": False,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        }
    )
    yield other
    with other.app_context():
        db.engine.dispose()


@pytest.mark.parametrize("body", NAMELESS)
@pytest.mark.parametrize("path", ["/sign-in", "/feedback/", "/forum/sign-in", "/surveys/resume"])
def test_multipart_part_without_a_name_is_refused_clearly_with_csrf(csrf_app, body, path):
    response = csrf_app.test_client().post(
        path, data=body, content_type="multipart/form-data; boundary=B"
    )
    assert response.status_code == 400
    assert "Sorry, there is a problem with the service" not in response.get_data(as_text=True)


@pytest.mark.parametrize("body", NAMELESS)
def test_multipart_part_without_a_name_is_ignored_by_the_form(client, body):
    response = client.post("/sign-in", data=body, content_type="multipart/form-data; boundary=B")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "govuk-error-summary" in page and "Enter your email address" in page


def _int_routes(app):
    """(rule, method) for every route with an <int:...> part."""
    for rule in app.url_map.iter_rules():
        if any(type(conv).__name__ == "IdConverter" for conv in rule._converters.values()):
            yield rule, "GET" if "GET" in rule.methods else "POST"


def test_every_route_with_an_id_treats_a_twenty_digit_id_as_not_found(app, client, login_as, admin):
    login_as(admin)
    routes = list(_int_routes(app))
    assert len(routes) > 20
    for rule, method in routes:
        values = {
            name: ("9" * 20 if type(conv).__name__ == "IdConverter" else "x")
            for name, conv in rule._converters.items()
        }
        path = rule.rule
        for name, value in values.items():
            path = re.sub(rf"<[^>]*:?{name}>", value, path)
        response = client.open(path, method=method)
        assert response.status_code in (404, 405), f"{method} {path}: {response.status_code}"


@pytest.mark.parametrize(
    "query",
    [
        {"locality": "9" * 20},
        {"theme": "9" * 20},
        {"locality": "-3"},
        {"theme": "\u0661"},
        {"locality": "9" * 5000},
    ],
)
@pytest.mark.parametrize("path", ["/staff/moderation", "/staff/themes/tagging"])
def test_filter_ids_out_of_range_are_ignored(client, login_as, admin, path, query):
    login_as(admin)
    assert client.get(path, query_string=query).status_code == 200
