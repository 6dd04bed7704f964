"""Every page carries the security headers, and every POST route refuses a request without a CSRF
token."""

from collections import Counter

import pytest
from flask import url_for

from portal import create_app
from portal.demo import load_demo_data
from portal.extensions import db
from tests.factories import make_user
from tests.fixtures.pages import SAMPLE_ARGS, _first_id, rendered_pages

# Routes exempt from the global check because their form checks the token itself and re-shows
# the page with what was typed (tests/surveys covers the missing-token case for each).
FORM_CHECKED = {"surveys.question"}
# POST routes per blueprint walked for CSRF (exact: a lost or extra POST route changes it on
# purpose).
POST_ROUTES = {
    "accounts": 5,
    "contributions": 1,
    "disagreements": 1,
    "feedback": 1,
    "forum": 9,
    "glossary": 3,
    "insight_summaries": 5,
    "measure_actions": 2,
    "measures": 7,
    "moderation": 5,
    "outbox": 1,
    "privacy": 1,
    "reference": 5,
    "safeguarding": 1,
    "surveys": 18,
    "themes": 5,
    "walls": 2,
    "you_said_we_did": 10,
}
# POST-only routes whose URLs need arguments: a function giving them (run after the demo data
# loads).
POST_SAMPLE_ARGS = {
    "forum.delete_post": lambda: {"post_id": _first_id("portal.forum.models.Post")},
    "forum.unsuspend": lambda: {
        "user_id": _first_id("portal.accounts.models.User", username="bluefox7")
    },
    "forum.resolve_report": lambda: {"report_id": 1},
    "you_said_we_did.publish": lambda: {
        "entry_id": _first_id("portal.you_said_we_did.models.Entry")
    },
    "you_said_we_did.request_review": lambda: {
        "entry_id": _first_id("portal.you_said_we_did.models.Entry")
    },
    "moderation.approve": lambda: {
        "item_id": _first_id("portal.contributions.models.Contribution")
    },
    "moderation.reject": lambda: {"item_id": _first_id("portal.contributions.models.Contribution")},
    "moderation.escalate": lambda: {
        "item_id": _first_id("portal.contributions.models.Contribution")
    },
    "surveys.begin": lambda: {"slug": "big-listen-2026-parent-carers"},
    "surveys.finish": lambda: {"slug": "big-listen-2026-parent-carers"},
    "surveys.change_question": lambda: {
        "survey_id": _first_id("portal.surveys.models.Survey"),
        "question_id": _first_id("portal.surveys.models.Question"),
        "action": "up",
    },
    "surveys.set_state": lambda: {
        "survey_id": _first_id("portal.surveys.models.Survey"),
        "state": "open",
    },
    "measures.unlock_baseline": lambda: {
        "baseline_id": _first_id("portal.measures.models.Baseline")
    },
    **{
        endpoint: lambda: {"action_id": _first_id("portal.measure_actions.models.MeasureAction")}
        for endpoint in ("measure_actions.close", "measure_actions.assign")
    },
    "glossary.delete_term": lambda: {"term_id": _first_id("portal.glossary.models.GlossaryTerm")},
    "themes.add": lambda: {"item_id": _first_id("portal.contributions.models.Contribution")},
    "moderation.tag_item": lambda: {
        "item_id": _first_id("portal.contributions.models.Contribution")
    },
    "themes.remove": lambda: {"item_id": _first_id("portal.contributions.models.Contribution")},
    "outbox.retry": lambda: {"message_id": 1},  # CSRF is checked before the message is looked up
    **{
        endpoint: lambda: {"month": SAMPLE_ARGS["insight_summaries.show"]()["month"]}
        for endpoint in (
            "insight_summaries.sign_off",
            "insight_summaries.publish",
            "insight_summaries.redraft",
        )
    },
    "walls.outside": lambda: {
        "item_id": _first_id("portal.contributions.models.Contribution"),
        "action": "approve",
    },
}


def _check_headers(headers, url):
    csp = headers.get("Content-Security-Policy", "")
    script_src = next((p for p in csp.split(";") if p.strip().startswith("script-src")), "")
    assert (
        "frame-ancestors 'none'" in csp and "'nonce-" in script_src and "unsafe" not in script_src
    ), url
    assert headers.get("X-Content-Type-Options") == "nosniff", url
    assert headers.get("Referrer-Policy") == "strict-origin-when-cross-origin", url
    assert headers.get("X-Frame-Options") == "DENY", url


def test_security_headers_on_every_page(app, client, login_as):
    load_demo_data()
    count = 0
    for _endpoint, url, _html in rendered_pages(app, client, login_as):
        _check_headers(client.get(url).headers, url)
        count += 1
    assert count >= 8


@pytest.fixture
def csrf_client(app):
    other = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": True,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        }
    )
    yield other
    with other.app_context():
        db.engine.dispose()


def test_every_post_route_requires_csrf(app, csrf_client):
    load_demo_data()
    admin = make_user(role="admin")
    client = csrf_client.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = admin.get_id()
    checked = []
    for rule in csrf_client.url_map.iter_rules():
        if "POST" not in rule.methods or rule.endpoint in FORM_CHECKED:
            continue
        samples = POST_SAMPLE_ARGS.get(rule.endpoint) or SAMPLE_ARGS.get(rule.endpoint)
        assert not rule.arguments or samples, (
            f"add sample URL arguments for POST route {rule.endpoint}"
        )
        with csrf_client.test_request_context():
            url = url_for(rule.endpoint, **(samples() if rule.arguments else {}))
        response = client.post(url, data={"anything": "x"})
        assert response.status_code == 400, f"{url} accepted a POST without a CSRF token"
        assert "Sorry, your form timed out" in response.get_data(as_text=True)
        checked.append(rule.endpoint)
    assert "accounts.sign_in" in checked
    assert dict(Counter(endpoint.rpartition(".")[0] for endpoint in checked)) == POST_ROUTES
