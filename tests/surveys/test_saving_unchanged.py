"""Saving a page only if its response is as the page read it (PostgreSQL), and the locking way
when it is not.

On PostgreSQL a question page is read outside a transaction with its response row's version, and
saved in one statement that applies only if that row is unchanged (one round trip, one durable
commit). Another copy of the page saved in between, or the survey sent, makes that statement do
nothing, and the page is saved (or refused) the locking way: UPDATE, DELETE, INSERT in one
transaction. SQLite always saves the locking way.
"""

import re

import pytest
from sqlalchemy import insert, select, update

from portal.clock import utcnow
from portal.errors import InvalidTransition
from portal.extensions import db
from portal.surveys import services
from portal.surveys.models import SurveyAnswer, SurveyResponse
from tests.surveys.helpers import (
    PARENTS,
    open_seeded_surveys,
    save_writes,
    start,
    statements_of,
    walk,
)

TICKS = f"/surveys/{PARENTS}/questions/services_used"
CHECKBOX = re.compile(r'name="answer" type="checkbox" value="([^"]+)"')


def _postgresql():
    return db.engine.dialect.name == "postgresql"


def _statements(work):
    """[(first word, whether the connection ran it outside a transaction)] of what `work` sends.
    Only PostgreSQL's connections are ever set to run outside one (sqlite3's own `autocommit`
    attribute, from Python 3.12, means something else)."""

    def describe(conn, statement):
        outside = _postgresql() and conn.connection.dbapi_connection.autocommit
        return statement.split()[0], bool(outside)

    return statements_of(work, describe)


def _at_the_ticks_page(client):
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="services_used")
    codes = CHECKBOX.findall(client.get(TICKS).get_data(as_text=True))
    assert len(codes) >= 4
    return codes, db.session.scalar(select(SurveyResponse.id))


def _stored(response_id):
    db.session.remove()
    return sorted(
        db.session.scalars(
            select(SurveyAnswer.code).where(
                SurveyAnswer.response_id == response_id,
                SurveyAnswer.question_key == "services_used",
            )
        )
    )


def _read_page(response_id):
    """What the question page's POST reads: (response as read, the ticks question)."""
    db.session.remove()
    _, response, stamp, answers = services.survey_and_response(PARENTS, response_id)
    _, _, questions, _ = services.page_state(response, stamp, answers)
    return response, next(q for q in questions if q.key == "services_used")


def _another_copy_saves(response_id, codes):
    """A second copy of the page, saved on its own connection between the read and the save."""
    with db.engine.begin() as other:
        other.execute(
            update(SurveyResponse.__table__)
            .where(SurveyResponse.id == response_id)
            .values(updated_at=utcnow(), last_question_key="services_used")
        )
        other.execute(
            SurveyAnswer.__table__.delete().where(
                SurveyAnswer.response_id == response_id,
                SurveyAnswer.question_key == "services_used",
            )
        )
        other.execute(
            insert(SurveyAnswer.__table__),
            [dict(response_id=response_id, question_key="services_used", code=c) for c in codes],
        )


def test_an_answer_on_postgresql_is_one_statement_outside_a_transaction(client):
    codes, response_id = _at_the_ticks_page(client)
    db.session.remove()  # as a new request finds it
    saved, seen = _statements(lambda: client.post(TICKS, data={"answer": codes[:2]}))
    assert saved.status_code == 302
    if _postgresql():
        # No BEGIN and no COMMIT round trip: the read, then the save with its own commit.
        assert seen == [("SELECT", True), ("WITH", True)], seen
    else:
        assert [word for word, _ in seen] == ["SELECT", *save_writes()], seen
    assert _stored(response_id) == sorted(codes[:2])


def test_a_page_another_copy_saved_since_the_read_is_saved_whole_the_locking_way(client):
    codes, response_id = _at_the_ticks_page(client)
    client.post(TICKS, data={"answer": codes[:3]})
    response, question = _read_page(response_id)
    _another_copy_saves(response_id, codes[2:4])
    rows = [(code, None, None) for code in codes[:2]]
    _, seen = _statements(lambda: services.save_answer(response, question, rows, {}))
    words = [word for word, _ in seen]
    if _postgresql():
        assert response.seen is not None
        # The one statement found the row changed and wrote nothing; then one transaction.
        assert words == ["WITH", "UPDATE", "DELETE", "INSERT"], seen
        assert [outside for _, outside in seen] == [True, False, False, False], seen
    else:
        assert response.seen is None and words == ["UPDATE", "DELETE", "INSERT"], seen
    assert _stored(response_id) == sorted(codes[:2])  # this copy whole, nothing of the other


def test_a_page_read_before_the_survey_was_sent_is_refused_and_writes_nothing(client):
    codes, response_id = _at_the_ticks_page(client)
    client.post(TICKS, data={"answer": codes[:3]})
    response, question = _read_page(response_id)
    with db.engine.begin() as other:  # sent from another tab meanwhile
        other.execute(
            update(SurveyResponse.__table__)
            .where(SurveyResponse.id == response_id)
            .values(status="submitted", submitted_at=utcnow())
        )
    with pytest.raises(InvalidTransition):
        services.save_answer(response, question, [(codes[0], None, None)], {})
    assert _stored(response_id) == sorted(codes[:3])


def test_a_profile_page_is_saved_in_one_transaction_after_a_read_outside_one(client):
    # A profile answer is copied onto the response, so it is saved the locking way; after a read
    # outside a transaction its three statements must still share one (or two copies could mix).
    open_seeded_surveys()
    location = start(client, PARENTS)
    assert location.endswith("/questions/role")
    db.session.remove()  # as a new request finds it
    saved, seen = _statements(lambda: client.post(location, data={"answer": "parent_carer"}))
    assert saved.status_code == 302
    writes = [(word, outside) for word, outside in seen if word != "SELECT"]
    assert [word for word, _ in writes] == ["UPDATE", "DELETE", "INSERT"], seen
    assert not any(outside for _, outside in writes), seen
    if _postgresql():
        assert seen[0] == ("SELECT", True), seen  # the read itself began no transaction
