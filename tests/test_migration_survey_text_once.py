"""Migration c4d8e2f6a1b3 empties a sent answer's copy of its free text (the contribution keeps it)
and downgrade copies it back; text no contribution holds is never touched."""

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from portal.extensions import db
from tests.fixtures.migrations import MIGRATIONS, migration_database

BEFORE, AFTER = "3b8f1d2c4e6a", "c4d8e2f6a1b3"


def _seed(connection):
    meta = sa.MetaData()
    surveys, responses, answers, contributions = (
        sa.Table(n, meta, autoload_with=connection)
        for n in ("surveys", "survey_responses", "survey_answers", "contributions")
    )
    now = sa.func.now()
    survey = connection.execute(
        surveys.insert().values(
            slug="s",
            title="S",
            description="",
            audience="all",
            is_easy_read=False,
            state="open",
            minutes_to_complete=5,
            who_sees_answers="",
            what_happens_next="",
            created_at=now,
            updated_at=now,
        )
    ).inserted_primary_key[0]
    ids = {}
    for n, status in ((1, "submitted"), (2, "in_progress")):
        ids[n] = connection.execute(
            responses.insert().values(
                survey_id=survey,
                status=status,
                resume_code=f"ACDEFGH{n}",
                channel="online",
                started_at=now,
                updated_at=now,
                submitted_at=now if status == "submitted" else None,
            )
        ).inserted_primary_key[0]
    rows = (
        (ids[1], "working", None, "Sent and moderated"),  # its contribution holds the same text
        (ids[1], "change", None, "Answer differs"),  # its contribution differs: kept
        (ids[1], "role", "parent_carer", None),
        (ids[2], "working", None, "Still a draft"),  # no contribution yet: kept
    )
    for response_id, key, code, text in rows:
        connection.execute(
            answers.insert().values(response_id=response_id, question_key=key, code=code, text=text)
        )
    for key, text in (("working", "Sent and moderated"), ("change", "Something else")):
        values = {
            "source": "survey",
            "channel": "online",
            "text": text,
            "status": "pending",
            "pii_spans": [],
            "safeguarding_flag": False,
            "safeguarding_reasons": [],
            "abusive_flag": False,
            "abuse_reasons": [],
            "pii_suspected": False,
            "created_at": now,
            "survey_id": survey,
            "response_id": ids[1],
            "question_key": key,
        }
        connection.execute(
            contributions.insert().values(
                **{k: v for k, v in values.items() if k in contributions.c}
            )
        )
    return ids


def _answers(connection):
    query = sa.text("SELECT response_id, question_key, code, text FROM survey_answers")
    return {(r.response_id, r.question_key): (r.code, r.text) for r in connection.execute(query)}


def test_sent_text_moves_to_its_contribution_and_back():
    with migration_database("once"):
        upgrade(directory=MIGRATIONS, revision=BEFORE)
        with db.engine.begin() as connection:
            ids = _seed(connection)
            before = _answers(connection)
        upgrade(directory=MIGRATIONS, revision=AFTER)
        with db.engine.connect() as connection:
            after = _answers(connection)
        downgrade(directory=MIGRATIONS, revision=BEFORE)
        with db.engine.connect() as connection:
            back = _answers(connection)
    sent, draft = ids[1], ids[2]
    assert after[(sent, "working")] == (None, None)
    assert after[(sent, "change")] == (None, "Answer differs")
    assert after[(sent, "role")] == ("parent_carer", None)
    assert after[(draft, "working")] == (None, "Still a draft")
    assert back == before
