"""Every route is declared public or role-guarded, and each role gets what DESIGN.md section 3
says."""

from collections import Counter

import pytest
from flask import url_for

from portal.permissions import Role, has_role
from tests.factories import make_reference_data, make_user
from tests.fixtures.pages import SAMPLE_ARGS, SKIP


def _endpoints(app):
    return sorted({r.endpoint for r in app.url_map.iter_rules() if r.endpoint != "static"})


def test_every_route_is_public_or_guarded(app):
    unguarded = [
        e
        for e in _endpoints(app)
        if not getattr(app.view_functions[e], "is_public", False)
        and not getattr(app.view_functions[e], "required_roles", None)
    ]
    assert unguarded == [], f"declare these @public or @role_required: {unguarded}"


def test_no_route_is_both_public_and_guarded(app):
    both = [
        e
        for e in _endpoints(app)
        if getattr(app.view_functions[e], "is_public", False)
        and getattr(app.view_functions[e], "required_roles", None)
    ]
    assert both == []


ROLES = [None, Role.YOUNG_PERSON, Role.VIEWER, Role.MODERATOR, Role.EDITOR, Role.ADMIN]
# Role-guarded GET routes per blueprint (exact: a page lost, added or left unguarded changes it on
# purpose).
GUARDED_GET_ROUTES = {
    "accounts": 4,
    "audit": 1,
    "contributions": 1,
    "disagreements": 2,
    "forum": 7,
    "glossary": 3,
    "insight_summaries": 4,
    "insights": 1,
    "main": 1,
    "measure_actions": 2,
    "measures": 13,
    "moderation": 2,
    "outbox": 1,
    "privacy": 1,
    "reference": 6,
    "safeguarding": 2,
    "surveys": 17,
    "textmodel": 1,
    "themes": 4,
    "walls": 1,
    "you_said_we_did": 9,
}


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.value if r else "anonymous")
def test_role_access_matrix(app, client, login_as, role):
    """GET every guarded page as each role: allowed roles get 200, others 403, anonymous sign in."""
    from portal.demo import load_demo_data

    make_reference_data()
    load_demo_data()
    user = make_user(role=role.value) if role else None
    if user:
        login_as(user)
    checked = Counter()
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        roles = getattr(view, "required_roles", None)
        if rule.endpoint in SKIP or "GET" not in rule.methods or not roles:
            continue
        with app.test_request_context():
            url = url_for(rule.endpoint, **(SAMPLE_ARGS[rule.endpoint]() if rule.arguments else {}))
        status = client.get(url).status_code
        if user is None:
            assert status == 302, f"{url} anonymous: {status}"
        elif has_role(user, *roles):
            assert status == 200, f"{url} as {role}: {status}"
        else:
            assert status == 403, f"{url} as {role}: {status}"
        checked[rule.endpoint.rpartition(".")[0]] += 1
    assert dict(checked) == GUARDED_GET_ROUTES


def test_inheritance():
    admin, editor = make_user(role="admin"), make_user(role="editor")
    viewer, young = make_user(role="viewer"), make_user(role="young_person")
    assert has_role(admin, Role.MODERATOR) and has_role(editor, Role.MODERATOR)
    assert not has_role(viewer, Role.MODERATOR)
    assert not has_role(young, Role.VIEWER)
    assert not has_role(editor, Role.ADMIN)


def test_deactivated_user_has_no_role():
    user = make_user(role="admin", active=False)
    assert not has_role(user, Role.VIEWER)
