"""Absolute links come from PUBLIC_BASE_URL, never from the request's Host header."""

import os
import subprocess
import sys

import pytest

from portal import create_app
from portal.config import ProductionConfig
from portal.extensions import db
from portal.mail.models import OutboxMessage
from portal.surveys import builder
from tests.surveys.helpers import PARENTS, open_seeded_surveys

HOSTILE = {
    "Host": "evil.example:666",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Proto": "gopher",
}
EVIL_BASE = "http://evil.example:666"
ROOT = os.path.join(os.path.dirname(__file__), "..")


@pytest.fixture
def base_url(app):
    app.config["PUBLIC_BASE_URL"] = "https://voice.example.org"
    yield "https://voice.example.org"
    app.config["PUBLIC_BASE_URL"] = "http://127.0.0.1:5000"


def test_openapi_servers_ignore_the_host_header(client, base_url):
    document = client.get("/api/v1/openapi.json", headers=HOSTILE).get_json()
    assert document["servers"] == [{"url": base_url + "/"}]


def test_atom_feed_links_ignore_the_host_header(client, base_url):
    feed = client.get("/you-said-we-did.atom", headers=HOSTILE).get_data(as_text=True)
    assert "evil" not in feed and "gopher" not in feed
    assert f'href="{base_url}/you-said-we-did' in feed


def test_confirmation_email_link_ignores_the_host_header(client, base_url):
    from tests.factories import make_reference_data

    make_reference_data()
    response = client.post(
        "/you-said-we-did/subscribe", data={"email": "parent@example.com"}, headers=HOSTILE
    )
    assert response.status_code == 302
    body = db.session.query(OutboxMessage).one().body
    assert "evil" not in body and f"{base_url}/you-said-we-did/confirm/" in body


def test_survey_link_pages_ignore_the_host_header(client, editor, base_url):
    survey = open_seeded_surveys()[PARENTS]
    link = builder.create_link(
        survey, actor=editor, route="family_hub", label="Oswestry family hub"
    )
    with client.session_transaction(
        base_url=EVIL_BASE
    ) as session:  # the cookie is for the hostile host
        session["_user_id"], session["_fresh"] = editor.get_id(), True
    response = client.get(f"/staff/surveys/{survey.id}/links", base_url=EVIL_BASE, headers=HOSTILE)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "evil" not in page
    assert f"{base_url}/s/{link.code}" in page
    show = client.get(f"/staff/surveys/{survey.id}", base_url=EVIL_BASE, headers=HOSTILE).get_data(
        as_text=True
    )
    assert "evil" not in show and f"{base_url}/surveys/{survey.slug}" in show


def test_qr_code_encodes_the_public_address(app, base_url, moderator):
    import segno

    from portal.surveys.routes.ops import _qr_data_uri

    survey = open_seeded_surveys()[PARENTS]
    link = builder.create_link(survey, actor=moderator, route="family_hub", label="Hub")
    with app.test_request_context("/", headers=HOSTILE):
        expected = segno.make(f"{base_url}/s/{link.code}", error="m").svg_data_uri(
            scale=4, border=2
        )
        assert _qr_data_uri(link) == expected


def test_production_refuses_to_start_without_a_public_base_url(monkeypatch):
    monkeypatch.setenv("PORTAL_SECRET_KEY", "x" * 32)
    monkeypatch.delenv("PORTAL_PUBLIC_BASE_URL", raising=False)
    with pytest.raises(RuntimeError, match="PUBLIC_BASE_URL"):
        create_app(ProductionConfig)
    # A production app that starts changes the shared extensions (Talisman forces HTTPS), so build
    # it in its own process, never in this one's.
    monkeypatch.setenv("PORTAL_PUBLIC_BASE_URL", "https://voice.example.org")
    code = (
        "from portal import create_app; from portal.config import ProductionConfig; "
        "print(create_app(ProductionConfig).config['PUBLIC_BASE_URL'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PORTAL_DATABASE_URL": "sqlite://"},
    )
    assert done.stdout.strip().splitlines()[-1] == "https://voice.example.org", done.stderr


@pytest.mark.parametrize("port", ["8123", None])
def test_development_links_use_the_port_make_run_serves(port):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_") and k != "PORT"}
    if port:
        env["PORT"] = port
    code = (
        "from portal import create_app; from portal.urls import public_url; app = create_app();\n"
        "with app.app_context(): print(public_url('you_said_we_did.index'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "PORTAL_DATABASE_URL": "sqlite://"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.strip()
    assert out == f"http://127.0.0.1:{port or 5000}/you-said-we-did"
