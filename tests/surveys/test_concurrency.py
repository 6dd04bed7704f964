"""Fifty people at once through the production server (gunicorn, several processes and threads).

Each person double-clicks every page and sends the survey three times at once; every answer page
and every response must be stored exactly once. CI runs this on SQLite and on PostgreSQL.
"""

import re
import threading
from functools import partial

import pytest
import requests
from sqlalchemy import func, select

from portal.contributions.models import Contribution
from portal.extensions import db
from portal.surveys.models import SurveyAnswer, SurveyResponse
from tests.fixtures.servers import at_once, serve_portal
from tests.surveys.helpers import ANSWERS, PARENTS, open_seeded_surveys

PEOPLE = 50
KEYS = [
    "role",
    "overall_satisfaction",
    "confidence_needs_met",
    "feel_listened_to",
    "included_in_decisions",
    "know_where_to_find_information",
    "what_is_working",
]
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@pytest.fixture
def served(app):
    """gunicorn serving wsgi:app on the test database, CSRF on, as a respondent meets it."""
    with serve_portal(app, workers=3, threads=8) as base:
        yield base


def _respond(base, errors, barrier):
    try:
        session = requests.Session()
        # A fresh connection per request: a kept-alive one the server has just timed out can be
        # reset under the client (browsers resend then; requests does not), which is not what is
        # tested here.
        session.headers["Connection"] = "close"
        token = TOKEN.search(session.get(f"{base}/surveys/{PARENTS}", timeout=60).text).group(1)
        barrier.wait(timeout=60)  # everyone starts together
        assert session.post(
            f"{base}/surveys/{PARENTS}/start", data={"csrf_token": token}, timeout=60
        ).ok
        for key in KEYS:
            url = f"{base}/surveys/{PARENTS}/questions/{key}"
            data = {"csrf_token": token, "answer": ANSWERS[key]}
            post = partial(session.post, url, data=data, timeout=60, allow_redirects=False)
            sent = at_once([post] * 2)
            assert all(r is not None and r.status_code == 302 for r in sent), [
                getattr(r, "status_code", r) for r in sent
            ]
        submits = at_once(
            [
                lambda: session.post(
                    f"{base}/surveys/{PARENTS}/check",
                    data={"csrf_token": token},
                    timeout=60,
                    allow_redirects=False,
                )
            ]
            * 3
        )
        assert all(r is not None and r.status_code == 302 for r in submits), [
            getattr(r, "status_code", r) for r in submits
        ]
        assert session.get(f"{base}/surveys/{PARENTS}/sent", timeout=60).status_code == 200
    except Exception as error:  # reported by the test below
        errors.append(repr(error))


def test_fifty_people_at_once_each_stored_exactly_once(served):
    open_seeded_surveys()
    db.session.remove()
    errors, barrier = [], threading.Barrier(PEOPLE)
    people = [
        threading.Thread(target=_respond, args=(served, errors, barrier)) for _ in range(PEOPLE)
    ]
    [t.start() for t in people]
    [t.join(timeout=240) for t in people]
    assert errors == []
    assert (
        db.session.scalar(
            select(func.count(SurveyResponse.id)).where(SurveyResponse.status == "submitted")
        )
        == PEOPLE
    )
    assert (
        db.session.scalar(select(func.count(SurveyResponse.id))) == PEOPLE
    )  # no stray half-started ones
    duplicates = db.session.execute(
        select(SurveyAnswer.response_id, SurveyAnswer.question_key, func.count(SurveyAnswer.id))
        .group_by(SurveyAnswer.response_id, SurveyAnswer.question_key)
        .having(func.count(SurveyAnswer.id) > 1)
    ).all()
    assert duplicates == []
    assert db.session.scalar(select(func.count(SurveyAnswer.id))) == PEOPLE * len(KEYS)
    assert (
        db.session.scalar(select(func.count(Contribution.id))) == PEOPLE
    )  # one free-text answer each


CHECKBOX = re.compile(r'name="answer" type="checkbox" value="([^"]+)"')


def _reach_services_used(base, session, token):
    """Start the survey and answer each page until the services page; returns its URL."""

    def absolute(location):
        return f"{base}{location}" if location.startswith("/") else location

    url = absolute(
        session.post(
            f"{base}/surveys/{PARENTS}/start", data={"csrf_token": token}, allow_redirects=False
        ).headers["Location"]
    )
    while not url.split("?")[0].endswith("/questions/services_used"):
        key = url.split("/questions/")[1].split("?")[0]
        data = {"csrf_token": token, "answer": ANSWERS.get(key, "")}
        sent = session.post(url, data=data, allow_redirects=False)
        assert sent.status_code == 302, (key, sent.status_code)
        url = absolute(sent.headers["Location"])
    return url


def test_two_different_copies_of_a_page_at_once_store_one_of_them_whole(served):
    # A double click after changing the ticks (or the page open in two tabs) sends two versions
    # of one page at the same moment: what is stored is one of them whole, never a mix.
    open_seeded_surveys()
    db.session.remove()
    session = requests.Session()
    session.headers["Connection"] = "close"
    token = TOKEN.search(session.get(f"{served}/surveys/{PARENTS}", timeout=60).text).group(1)
    page = _reach_services_used(served, session, token)
    codes = CHECKBOX.findall(session.get(page, timeout=60).text)
    assert len(codes) >= 4
    first, second = set(codes[:3]), set(codes[2:4])
    response_id = db.session.scalar(select(SurveyResponse.id))
    for _ in range(15):
        sent = at_once(
            [
                partial(
                    session.post,
                    page,
                    data={"csrf_token": token, "answer": sorted(ticks)},
                    timeout=60,
                    allow_redirects=False,
                )
                for ticks in (first, second)
            ],
            together=True,
        )
        assert all(r is not None and r.status_code == 302 for r in sent), sent
        stored = set(
            db.session.scalars(
                select(SurveyAnswer.code).where(
                    SurveyAnswer.response_id == response_id,
                    SurveyAnswer.question_key == "services_used",
                )
            )
        )
        db.session.remove()
        assert stored in (first, second), stored
