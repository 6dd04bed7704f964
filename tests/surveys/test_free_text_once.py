"""Survey free text is stored once: on the answer while the response is a draft, then only on the
contribution its submission makes, so moderation, export, erasure and retention act on one copy."""

from datetime import timedelta

from sqlalchemy import select

from portal.clock import utcnow
from portal.contributions.models import Contribution
from portal.extensions import db
from portal.moderation.services import approve, reject
from portal.privacy.services import purge
from portal.surveys import results, services
from portal.surveys.models import SurveyAnswer, SurveyResponse
from tests.surveys.helpers import ANSWERS, PARENTS, open_seeded_surveys, walk

WORKING = "What is working well for your child?"
CHANGE = "What is the one thing that should change?"


def _stored_copies(text):
    answers = db.session.scalars(select(SurveyAnswer).where(SurveyAnswer.text == text)).all()
    items = db.session.scalars(select(Contribution).where(Contribution.text == text)).all()
    return len(answers), len(items)


def _row(survey, user, *, show_free_text):
    header, rows = results.export_rows(survey, show_free_text=show_free_text, viewer=user)
    assert len(rows) == 1
    return dict(zip(header, rows[0], strict=True))


def test_a_draft_answer_is_on_the_answer_and_shown_on_the_check_page(client):
    open_seeded_surveys()
    walk(client, PARENTS)
    page = client.get(f"/surveys/{PARENTS}/check").get_data(as_text=True)
    assert ANSWERS["what_is_working"] in page
    assert _stored_copies(ANSWERS["what_is_working"]) == (1, 0)


def test_after_sending_the_text_lives_only_on_the_contribution(client):
    open_seeded_surveys()
    walk(client, PARENTS)
    assert client.post(f"/surveys/{PARENTS}/check").status_code == 302
    for key in ("what_is_working", "what_should_change"):
        assert _stored_copies(ANSWERS[key]) == (0, 1)
        answer = db.session.scalar(select(SurveyAnswer).where(SurveyAnswer.question_key == key))
        assert answer is not None and answer.text is None  # still counted as answered


def test_moderators_export_the_text_others_only_the_approved_redacted_text(
    client, moderator, editor
):
    surveys = open_seeded_surveys()
    walk(client, PARENTS, {"what_is_working": "Ms Patel at Oak School listens to us."})
    client.post(f"/surveys/{PARENTS}/check")
    survey = surveys[PARENTS]
    assert _row(survey, moderator, show_free_text=True)[WORKING] == (
        "Ms Patel at Oak School listens to us."
    )
    assert _row(survey, editor, show_free_text=False)[WORKING] == results.REDACTED
    item = db.session.scalar(
        select(Contribution).where(Contribution.question_key == "what_is_working")
    )
    approve(item, moderator=moderator, redacted_text="[name] at [school] listens to us.")
    row = _row(survey, editor, show_free_text=False)
    assert row[WORKING] == "[name] at [school] listens to us."
    assert "Patel" not in str(row)


def test_retention_removes_the_only_copy(client, moderator):
    surveys = open_seeded_surveys()
    walk(client, PARENTS)
    client.post(f"/surveys/{PARENTS}/check")
    for item in db.session.scalars(select(Contribution)).all():
        reject(item, moderator=moderator, reason="off_topic")
    purge(now=utcnow() + timedelta(days=400))
    for key in ("what_is_working", "what_should_change"):
        assert _stored_copies(ANSWERS[key]) == (0, 0)
    row = _row(surveys[PARENTS], moderator, show_free_text=True)
    assert row[WORKING] == "" and row[CHANGE] == ""
    assert row["Area"] == "shrewsbury"  # the rest of the response is kept


def test_released_event_answers_move_to_their_contribution(client):
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="equality_ethnicity")
    response = db.session.scalar(select(SurveyResponse))
    assert services.release_free_text(response) == 2
    assert _stored_copies(ANSWERS["what_is_working"]) == (0, 1)
    assert services.release_free_text(response) == 0  # once per response


def test_sending_after_release_makes_no_second_contribution(client):
    open_seeded_surveys()
    walk(client, PARENTS)
    response = db.session.scalar(select(SurveyResponse))
    services.release_free_text(response)
    assert services.submit_response(response)
    assert _stored_copies(ANSWERS["what_should_change"]) == (0, 1)


def test_imported_free_text_is_stored_once(runner, tmp_path):
    open_seeded_surveys()
    path = tmp_path / "paper.csv"
    path.write_text(
        "role,locality,channel,submitted_at,what_is_working\n"
        "parent_carer,shrewsbury,paper,2026-08-01,The new key worker rings back\n"
    )
    result = runner.invoke(args=["import-responses", PARENTS, str(path)])
    assert result.exit_code == 0, result.output
    assert _stored_copies("The new key worker rings back") == (0, 1)
    assert db.session.scalar(
        select(SurveyAnswer).where(SurveyAnswer.question_key == "what_is_working")
    )
