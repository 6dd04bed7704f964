"""How many SQL statements a question page and an answer cost: a regression adds one and fails here.

The question page reads the survey with this browser's response and their answers in one
statement; the questions come from the frozen version held in memory. Saving an answer reads the
same, then writes the resume state and replaces the page's rows (on SQLite an UPDATE, the old rows
out, the new rows in; on PostgreSQL one statement doing all three if the response is unchanged
since the read, tests/surveys/test_saving_unchanged.py), and commits once (durable). Nothing else:
no glossary, no questions, no user, no session token.
"""

import re

from sqlalchemy import select

from portal.extensions import db
from portal.surveys.models import SurveyAnswer
from tests.surveys.helpers import PARENTS, open_seeded_surveys, save_writes, statements_of, walk

PAGE = f"/surveys/{PARENTS}/questions/overall_satisfaction"


def _ready(client):
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="overall_satisfaction")
    client.get(PAGE)  # this process now holds the survey version


def test_a_question_page_costs_one_read(client):
    _ready(client)
    page, seen = statements_of(lambda: client.get(PAGE))
    assert page.status_code == 200 and 'name="answer"' in page.get_data(as_text=True)
    assert len(seen) == 1, seen
    assert seen[0].startswith("SELECT surveys.")
    assert "survey_responses" in seen[0] and "survey_answers" in seen[0]


def test_a_question_page_shows_every_answer_the_one_read_brings(client):
    """The one read brings a row per answer: a page with several ticked boxes shows them all, and
    routing (which needs every earlier answer) still lands on the right next page."""
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="services_used")
    services_page = f"/surveys/{PARENTS}/questions/services_used"
    page = client.get(services_page).get_data(as_text=True)
    codes = re.findall(r'name="answer" type="checkbox" value="([^"]+)"', page)
    assert len(codes) >= 3
    chosen = codes[:3]
    client.post(services_page, data={"answer": chosen})
    again, seen = statements_of(lambda: client.get(services_page))
    shown = again.get_data(as_text=True)
    assert len(seen) == 1
    for code in chosen:
        assert f'value="{code}" checked' in shown
    for code in codes[3:]:
        assert f'value="{code}" checked' not in shown


def test_an_answer_costs_one_read_and_its_writes(client):
    _ready(client)
    saved, seen = statements_of(lambda: client.post(PAGE, data={"answer": "satisfied"}))
    assert saved.status_code == 302
    assert saved.headers["Location"].endswith("/questions/confidence_needs_met")
    assert [s.split()[0] for s in seen] == ["SELECT", *save_writes()], seen
    page = client.get(PAGE).get_data(as_text=True)
    assert 'value="satisfied" checked' in page  # and the answer is there to come back to


def test_a_wrong_answer_writes_nothing(client):
    _ready(client)
    refused, seen = statements_of(lambda: client.post(PAGE, data={"answer": "not-an-option"}))
    assert refused.status_code == 200 and "Choose from the answers shown" in refused.get_data(
        as_text=True
    )
    assert [s.split()[0] for s in seen] == ["SELECT"], seen


def _stored(key):
    db.session.remove()
    return sorted(
        (a.code, a.text)
        for a in db.session.scalars(select(SurveyAnswer).where(SurveyAnswer.question_key == key))
    )


def test_a_page_answered_again_keeps_only_its_latest_answer(client):
    """The page's rows are replaced whole: ticks taken away go, ticks kept stay once, a changed
    text answer is one row, and an answer cleared leaves none (on PostgreSQL the one statement)."""
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="services_used")
    ticks = f"/surveys/{PARENTS}/questions/services_used"
    codes = re.findall(
        r'name="answer" type="checkbox" value="([^"]+)"', client.get(ticks).get_data(as_text=True)
    )
    for chosen in (codes[:3], codes[1:2], codes[1:4]):
        assert client.post(ticks, data={"answer": chosen}).status_code == 302
        assert _stored("services_used") == sorted((code, None) for code in chosen)
    walk(client, PARENTS, stop_before="what_is_working")
    words = f"/surveys/{PARENTS}/questions/what_is_working"
    for said in ("The SENCO listens.", "The SENCO listens to us now."):
        assert client.post(words, data={"answer": said}).status_code == 302
        assert _stored("what_is_working") == [(None, said)]
    assert client.post(words, data={"answer": ""}).status_code == 302  # an optional page skipped
    assert _stored("what_is_working") == []
