"""Many people at once through the running server: every answer page and response stored exactly once."""
import threading

import requests
from sqlalchemy import func, select

from portal.extensions import db
from portal.surveys.models import SurveyAnswer, SurveyResponse
from tests.surveys.helpers import ANSWERS, PARENTS, open_seeded_surveys

PEOPLE = 12
KEYS = ["role", "overall_satisfaction", "confidence_needs_met", "feel_listened_to", "included_in_decisions",
        "know_where_to_find_information", "what_is_working"]


def _respond(base, errors):
    try:
        session = requests.Session()
        assert session.post(f"{base}/surveys/{PARENTS}/start", timeout=30).ok
        for key in KEYS:
            url = f"{base}/surveys/{PARENTS}/questions/{key}"
            # A double click: the same page sent twice at once.
            twins = [threading.Thread(target=session.post, args=(url,), kwargs={
                "data": {"answer": ANSWERS[key]}, "timeout": 30, "allow_redirects": False}) for _ in range(2)]
            [t.start() for t in twins]
            [t.join() for t in twins]
        sends = [threading.Thread(target=session.post, args=(f"{base}/surveys/{PARENTS}/check",),
                                  kwargs={"timeout": 30, "allow_redirects": False}) for _ in range(3)]
        [t.start() for t in sends]
        [t.join() for t in sends]
    except Exception as error:  # noqa: BLE001  reported by the test below
        errors.append(repr(error))


def test_many_people_at_once_each_stored_exactly_once(live_server):
    open_seeded_surveys()
    errors = []
    people = [threading.Thread(target=_respond, args=(live_server, errors)) for _ in range(PEOPLE)]
    [t.start() for t in people]
    [t.join(timeout=120) for t in people]
    assert errors == []
    db.session.expire_all()
    assert db.session.scalar(select(func.count(SurveyResponse.id)).where(SurveyResponse.status == "submitted")) \
        == PEOPLE
    duplicates = db.session.execute(
        select(SurveyAnswer.response_id, SurveyAnswer.question_key, func.count(SurveyAnswer.id))
        .group_by(SurveyAnswer.response_id, SurveyAnswer.question_key).having(func.count(SurveyAnswer.id) > 1)).all()
    assert duplicates == []
    assert db.session.scalar(select(func.count(SurveyAnswer.id))) == PEOPLE * len(KEYS)
    from portal.contributions.models import Contribution
    assert db.session.scalar(select(func.count(Contribution.id))) == PEOPLE  # one free-text answer each
