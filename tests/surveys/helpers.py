"""Helpers for survey tests: seeded open surveys and walking through one with a test client."""

import re

from sqlalchemy import event, select

from portal.extensions import db
from portal.surveys.builder import seed_surveys
from portal.surveys.models import Survey, SurveyState
from tests.factories import make_reference_data

PARENTS = "big-listen-2026-parent-carers"
YOUNG = "big-listen-2026-young-people"
EASY = "big-listen-2026-young-people-easy-read"
# A valid answer for every key in the seeded surveys (text for free-text keys).
ANSWERS = {
    "role": "parent_carer",
    "locality": "shrewsbury",
    "age_band": "11-15",
    "cohort": "ehcp",
    "setting_type": "mainstream_school",
    "overall_satisfaction": "satisfied",
    "confidence_needs_met": "agree",
    "feel_listened_to": "disagree",
    "included_in_decisions": "neither",
    "know_where_to_find_information": "dont_know",
    "support_when_needed": "agree",
    "ehcp_listened": "agree",
    "services_used": ["salt", "pacc"],
    "feel_safe": "agree",
    "preparing_for_adulthood": "agree",
    "what_is_working": "The SENCO listens to us.",
    "what_should_change": "Shorter waits for speech and language therapy.",
    "equality_ethnicity": "prefer_not_to_say",
    "equality_english": "yes",
}


def open_seeded_surveys():
    """Reference data plus the three Big Listen surveys, opened. Returns {slug: Survey}."""
    make_reference_data()
    seed_surveys()
    surveys = db.session.scalars(select(Survey)).all()
    for survey in surveys:
        survey.state = SurveyState.OPEN
    db.session.commit()
    return {s.slug: s for s in surveys}


def statements_of(work, describe=lambda conn, statement: " ".join(statement.split())):
    """(what `work()` returned, [describe(connection, statement) for each statement it sent])."""
    seen = []

    def note(conn, cursor, statement, *args):
        seen.append(describe(conn, statement))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        result = work()
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    return result, seen


def save_writes():
    """The statements that save a question page (not a profile one) after its read: on PostgreSQL
    one (a writing WITH, applied only if the response is as read); on SQLite the resume state, the
    page's old rows out, its new rows in."""
    return ["WITH"] if db.engine.dialect.name == "postgresql" else ["UPDATE", "DELETE", "INSERT"]


def start(client, slug):
    response = client.post(f"/surveys/{slug}/start")
    assert response.status_code == 302, response.status_code
    return response.headers["Location"]


def walk(client, slug, answers=None, stop_before=None):
    """Answer every page until check your answers (or the key `stop_before`). Returns the keys
    visited."""
    answers = {**ANSWERS, **(answers or {})}
    location, visited = start(client, slug), []
    while "/check" not in location:
        key = location.split("/questions/")[1].split("?")[0]
        if key == stop_before:
            break
        visited.append(key)
        value = answers.get(key, "")
        if key == "role" and slug != PARENTS:
            value = answers.get("role_yp", "young_person")
        response = client.post(location, data={"answer": value})
        assert response.status_code == 302, f"{key}: {response.status_code} {_errors(response)}"
        location = response.headers["Location"]
    return visited


def _errors(response):
    return re.findall(
        r'govuk-error-message">\s*<span[^>]*>[^<]*</span>([^<]*)', response.get_data(as_text=True)
    )
