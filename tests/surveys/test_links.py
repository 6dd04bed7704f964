"""Distribution links: a QR code file that opens as an image, and a printable poster."""

import xml.etree.ElementTree as ET

from flask import g

from portal.surveys import builder
from tests.surveys.helpers import PARENTS, open_seeded_surveys

SVG = "{http://www.w3.org/2000/svg}svg"


def _link(moderator):
    survey = open_seeded_surveys()[PARENTS]
    return survey, builder.create_link(
        survey, actor=moderator, route="school", label="Oakfield noticeboard"
    )


def _sign_in(login_as, user):
    login_as(user)
    g.pop("_login_user", None)


def test_downloaded_qr_code_is_a_standalone_svg_image(app, client, moderator, login_as):
    _, link = _link(moderator)
    _sign_in(login_as, moderator)
    response = client.get(f"/staff/surveys/links/{link.id}/qr.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    body = response.get_data(as_text=True)
    assert body.startswith("<?xml")
    root = ET.fromstring(response.get_data())
    assert root.tag == SVG  # the namespace is declared, so browsers open it as an image
    assert root.find("{http://www.w3.org/2000/svg}title").text == "QR code for Oakfield noticeboard"


def test_poster_shows_the_survey_the_public_address_and_the_code(
    app, client, moderator, login_as, monkeypatch
):
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", "https://voice.example.org")
    survey, link = _link(moderator)
    _sign_in(login_as, moderator)
    page = client.get(f"/staff/surveys/links/{link.id}/poster")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert survey.title in html and f"https://voice.example.org/s/{link.code}" in html
    assert "http://localhost" not in html  # never the request's own host
    assert 'alt="QR code that opens the survey"' in html and "data:image/svg+xml" in html


def test_poster_is_for_staff_only(client, moderator, viewer, login_as):
    _, link = _link(moderator)
    assert client.get(f"/staff/surveys/links/{link.id}/poster").status_code in (302, 401)
    _sign_in(login_as, viewer)
    assert client.get(f"/staff/surveys/links/{link.id}/poster").status_code == 403
