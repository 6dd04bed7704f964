"""Which pages the browser checks visit, and as whom.

Every GET endpoint of the app is visited. An endpoint whose URL needs arguments must have an
entry in SAMPLE_ARGS (a function of nothing, run after the demo data is loaded, returning the
URL arguments); a new page without one fails the page checks until it is added here.
"""

from flask import url_for
from sqlalchemy import select

from portal.extensions import db
from portal.permissions import Role

SKIP = {"static", "accounts.sign_out"}
# File downloads (not pages): the role matrix still checks them, the browser page checks do not.
DOWNLOADS = {
    "surveys.export",
    "surveys.qr_code",
    "measures.report_csv",
    "measures.report_xlsx",
    "measures.quarterly_return",
    "you_said_we_did.report_csv",
}


def _first_id(model_path, **filters):
    module, name = model_path.rsplit(".", 1)
    model = getattr(__import__(module, fromlist=[name]), name)
    return db.session.scalar(select(model.id).filter_by(**filters).order_by(model.id))


_ENTRY = "portal.you_said_we_did.models.Entry"


def _token(column, **filters):
    from portal.you_said_we_did.models import Subscriber

    return db.session.scalar(
        select(getattr(Subscriber, column)).filter_by(**filters).order_by(Subscriber.id)
    )


def _model(model_path):
    module, name = model_path.rsplit(".", 1)
    return getattr(__import__(module, fromlist=[name]), name)


def _resume_token():
    """A fresh unfinished response with a resume email, so the emailed link has something to
    open."""
    from portal.surveys.models import ResumeEmail
    from portal.surveys.services import start_response, survey_by_slug

    response = start_response(survey_by_slug("big-listen-2026-parent-carers"))
    db.session.add(
        ResumeEmail(
            response_id=response.id, email="someone@example.test", token=f"tok{response.id}"
        )
    )
    db.session.commit()
    return f"tok{response.id}"


def _summary_month():
    """The demo's published monthly insight summary (portal/insight_summaries/demo.py)."""
    from portal.insight_summaries.services import published_summaries

    found = published_summaries()
    return found[0].key if found else None


SAMPLE_ARGS = {
    "accounts.edit_user": lambda: {
        "user_id": _first_id("portal.accounts.models.User", role="viewer")
    },
    "reference.edit_locality": lambda: {
        "locality_id": _first_id("portal.reference.models.Locality")
    },
    "reference.edit_setting": lambda: {
        "setting_id": _first_id("portal.reference.models.EducationSetting")
    },
    "reference.edit_label": lambda: {
        "kind": "cohorts",
        "item_id": _first_id("portal.reference.models.Cohort"),
    },
    "forum.board": lambda: {"slug": "have-your-say"},
    "forum.new_topic": lambda: {"slug": "school-and-college"},
    "forum.topic": lambda: {"topic_id": _first_id("portal.forum.models.Topic", have_your_say=True)},
    "forum.report": lambda: {"post_id": _first_id("portal.forum.models.Post", by_staff=True)},
    "forum.suspend": lambda: {
        "user_id": _first_id("portal.accounts.models.User", username="bluefox7")
    },
    "moderation.item": lambda: {
        "item_id": _first_id("portal.contributions.models.Contribution", status="pending")
    },
    "you_said_we_did.entry": lambda: {"entry_id": _first_id(_ENTRY, state="published")},
    "you_said_we_did.confirm": lambda: {"token": _token("confirm_token", confirmed_at=None)},
    "you_said_we_did.unsubscribe": lambda: {"token": _token("unsubscribe_token")},
    "you_said_we_did.show": lambda: {"entry_id": _first_id(_ENTRY, state="draft")},
    "you_said_we_did.edit": lambda: {"entry_id": _first_id(_ENTRY, state="published")},
    "you_said_we_did.evidence": lambda: {"entry_id": _first_id(_ENTRY, state="draft")},
    "you_said_we_did.return_to_draft": lambda: {"entry_id": _first_id(_ENTRY, state="in_review")},
    "you_said_we_did.change_status": lambda: {"entry_id": _first_id(_ENTRY, state="published")},
    "themes.edit": lambda: {"theme_id": _first_id("portal.themes.models.Theme", slug="transport")},
    "safeguarding.concern": lambda: {"concern_id": _first_id("portal.safeguarding.models.Concern")},
    "measures.measure_detail": lambda: {"slug": "parent-carer-satisfaction"},
    "measures.baseline": lambda: {"slug": "parent-carer-satisfaction"},
    "measures.targets": lambda: {"slug": "parent-carer-satisfaction"},
    "measures.edit_measure": lambda: {"slug": "parent-carer-satisfaction"},
    "measures.figures": lambda: {"slug": "complaints-per-month"},
    "api.measure": lambda: {"slug": "parent-carer-satisfaction"},
    "measure_actions.show": lambda: {
        "action_id": _first_id("portal.measure_actions.models.MeasureAction")
    },
    **{
        endpoint: lambda: {"slug": "big-listen-2026-parent-carers"}
        for endpoint in (
            "surveys.start",
            "surveys.check",
            "surveys.sent",
            "surveys.email",
            "surveys.printable",
            "surveys.saved",
        )
    },
    "surveys.cleared": lambda: {"slug": "big-listen-2026-parent-carers"},
    "surveys.question": lambda: {
        "slug": "big-listen-2026-parent-carers",
        "key": "overall_satisfaction",
    },
    "surveys.resume_link": lambda: {"token": _resume_token()},
    "surveys.link": lambda: {
        "code": db.session.scalar(select(_model("portal.surveys.models.DistributionLink").code))
    },
    **{
        endpoint: lambda: {"survey_id": _first_id("portal.surveys.models.Survey")}
        for endpoint in (
            "surveys.edit_survey",
            "surveys.show",
            "surveys.duplicate",
            "surveys.preview",
            "surveys.entry",
            "surveys.kiosk",
            "surveys.show_results",
            "surveys.links",
        )
    },
    "surveys.preview_question": lambda: {
        "survey_id": _first_id("portal.surveys.models.Survey"),
        "number": 2,
    },
    "surveys.edit_question": lambda: {
        "survey_id": _first_id("portal.surveys.models.Survey"),
        "question_id": _first_id("portal.surveys.models.Question"),
    },
    "surveys.export": lambda: {
        "survey_id": _first_id("portal.surveys.models.Survey"),
        "kind": "csv",
    },
    "surveys.qr_code": lambda: {"link_id": _first_id("portal.surveys.models.DistributionLink")},
    "surveys.poster": lambda: {"link_id": _first_id("portal.surveys.models.DistributionLink")},
    "glossary.edit_term": lambda: {"term_id": _first_id("portal.glossary.models.GlossaryTerm")},
    **{
        endpoint: lambda: {"month": _summary_month()}
        for endpoint in (
            "insight_summaries.show",
            "insight_summaries.edit",
            "insight_summaries.public_show",
        )
    },
    "insight_summaries.version": lambda: {"month": _summary_month(), "number": 1},
}
# Extra query strings worth checking (error and filter states).
EXTRA_URLS = ["/you-said-we-did?version=young", "/you-said-we-did?status=done&theme=transport"]


def page_endpoints(app):
    """GET endpoints to visit, with the least-privileged role that may see each (None: anyone)."""
    found = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if rule.endpoint in SKIP | DOWNLOADS or "GET" not in rule.methods:
            continue
        view = app.view_functions[rule.endpoint]
        roles = getattr(view, "required_roles", None)
        found.append((rule.endpoint, _least_role(roles), bool(rule.arguments)))
    unique = {}
    for endpoint, role, has_args in found:
        unique.setdefault(endpoint, (role, has_args))
    return [(endpoint, role, has_args) for endpoint, (role, has_args) in unique.items()]


_ORDER = [Role.YOUNG_PERSON, Role.VIEWER, Role.MODERATOR, Role.EDITOR, Role.ADMIN]


def _least_role(roles):
    if not roles:
        return None
    return min(roles, key=_ORDER.index)


def page_url(app, endpoint, has_args):
    """The URL to visit for an endpoint, with sample arguments from the demo data."""
    kwargs = {}
    if has_args:
        assert endpoint in SAMPLE_ARGS, (
            f"Add sample URL arguments for {endpoint} in tests/browser/pages.py"
        )
        kwargs = SAMPLE_ARGS[endpoint]()
        assert all(v is not None for v in kwargs.values()), (
            f"demo data has nothing to show at {endpoint}"
        )
    with app.test_request_context():
        return url_for(endpoint, **kwargs)


def rendered_pages(app, client, login_as):
    """Yield (endpoint, url, html) for every HTML page, each fetched as its least-privileged
    role."""
    from tests.factories import make_user

    users = {}
    for endpoint, role, has_args in page_endpoints(app):
        url = page_url(app, endpoint, has_args)
        if role not in users:
            users[role] = make_user(role=role.value) if role else None
        with client.session_transaction() as session:
            session.clear()
        if users[role]:
            login_as(users[role])
        response = client.get(
            url, follow_redirects=True
        )  # e.g. a distribution link leads to its survey
        assert response.status_code == 200, f"{url} as {role}: {response.status_code}"
        if (
            response.mimetype == "text/html" and not response.history
        ):  # a redirect shows another page
            yield endpoint, url, response.get_data(as_text=True)
