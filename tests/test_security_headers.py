"""The security headers worked out once are exactly Talisman's own, with each response's nonce."""

import pytest
from flask import Response, request
from flask_talisman import Talisman

from portal.extensions import talisman

PAGES = ["/", "/cookies", "/surveys", "/sign-in", "/api/v1/measures", "/no-such-page"]


def _talismans_own(app, path, nonce, **environ):
    with app.test_request_context(path, **environ):
        request.csp_nonce = nonce
        response = Response()
        Talisman._set_response_headers(talisman, response)
        return {k: v for k, v in response.headers.items() if k not in ("Content-Type",)}


@pytest.mark.parametrize("path", PAGES)
def test_headers_are_talismans_with_this_responses_nonce(app, client, path):
    response = client.get(path)
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    expected = _talismans_own(app, path, nonce)
    sent = {k: response.headers.get(k) for k in expected}
    assert sent == expected
    assert "Strict-Transport-Security" not in response.headers  # plain http: no HSTS


def test_each_response_has_its_own_nonce(client):
    nonces = {
        client.get("/").headers["Content-Security-Policy"].split("'nonce-")[1][:32]
        for _ in range(5)
    }
    assert len(nonces) == 5


def test_hsts_still_follows_the_request(app, client):
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    expected = _talismans_own(app, "/", nonce, headers={"X-Forwarded-Proto": "https"})
    assert {k: response.headers.get(k) for k in expected} == expected
