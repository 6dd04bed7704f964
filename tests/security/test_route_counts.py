"""Exact route counts per blueprint: a lost or an extra route fails here, not silently in
production.

Adding, removing or moving a route means changing the number below on purpose (and its page in
tests/fixtures/pages.py SAMPLE_ARGS, and POST_SAMPLE_ARGS in test_every_route.py if it takes POSTs).
"""

from collections import Counter

ROUTES_PER_BLUEPRINT = {
    "": 1,  # the app's own static route
    "accounts": 6,
    "api": 3,
    "audit": 1,
    "contributions": 1,
    "disagreements": 2,
    "feedback": 2,
    "forum": 13,
    "glossary": 5,
    "insight_summaries": 9,
    "insights": 1,
    "main": 8,
    "measure_actions": 4,
    "measures": 15,
    "moderation": 7,
    "outbox": 2,
    "privacy": 1,
    "reference": 6,
    "safeguarding": 2,
    "surveys": 35,
    "textmodel": 1,
    "themes": 7,
    "walls": 2,
    "you_said_we_did": 19,
}

# The two big features keep their routes in one package on one blueprint, a module per audience.
ROUTES_PER_MODULE = {
    "portal.surveys.routes.public": 12,
    "portal.surveys.routes.staff": 11,
    "portal.surveys.routes.ops": 9,
    "portal.surveys.routes.kiosk": 3,
    "portal.you_said_we_did.routes.public": 8,
    "portal.you_said_we_did.routes.staff": 9,
    "portal.you_said_we_did.routes.report": 2,
}


def _blueprint(endpoint):
    return endpoint.rpartition(".")[0]


def test_each_blueprint_has_exactly_its_routes(app):
    counts = Counter(_blueprint(rule.endpoint) for rule in app.url_map.iter_rules())
    assert dict(counts) == ROUTES_PER_BLUEPRINT


def test_each_survey_and_you_said_we_did_module_has_exactly_its_routes(app):
    counts = Counter(
        app.view_functions[rule.endpoint].__module__
        for rule in app.url_map.iter_rules()
        if _blueprint(rule.endpoint) in ("surveys", "you_said_we_did")
    )
    assert dict(counts) == ROUTES_PER_MODULE


def test_staff_pages_of_both_features_stay_under_staff(app):
    """One blueprint each, but the builder, operations and editors' pages keep their /staff/
    URLs."""
    for rule in app.url_map.iter_rules():
        module = app.view_functions[rule.endpoint].__module__
        if module.rpartition(".")[2] in ("staff", "ops", "report") and _blueprint(
            rule.endpoint
        ) in ("surveys", "you_said_we_did"):
            assert rule.rule.startswith(("/staff/surveys/", "/staff/you-said-we-did/")), rule.rule
