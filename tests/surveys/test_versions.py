"""Survey versions: an edit to an open survey reaches new respondents; people part-way finish what
they started."""

import csv
import io
import re
import threading

import pytest
import requests
from flask import g
from sqlalchemy import event, func, select

from portal.extensions import db
from portal.glossary.services import seed_glossary
from portal.surveys import builder
from portal.surveys.models import Question, SurveyAnswer, SurveyResponse, SurveyVersion
from tests.fixtures.servers import serve_portal
from tests.surveys.helpers import (
    ANSWERS,
    PARENTS,
    open_seeded_surveys,
    save_writes,
    start,
    walk,
)

OLD_WORDING = "Overall, how satisfied are you with the support for your child's SEND?"
NEW_WORDING = "All in all, how happy are you with the help your child gets?"
NEW_QUESTION = {
    "key": "waiting_times",
    "type": "long_text",
    "text": "What do you think of waiting times?",
    "hint": "",
    "options_text": "",
    "show_if_key": "",
    "show_if_codes": "",
}


def _sign_in(login_as, user):
    login_as(user)
    g.pop("_login_user", None)


def _question(survey, key):
    return db.session.scalar(
        select(Question).where(Question.survey_id == survey.id, Question.key == key)
    )


def _reword(client, survey, key, text):
    question = _question(survey, key)
    return client.post(
        f"/staff/surveys/{survey.id}/questions/{question.id}",
        data={
            "key": key,
            "type": question.type,
            "text": text,
            "hint": question.hint,
            "options_text": "",
            "required": "y" if question.required else "",
            "show_if_key": "",
            "show_if_codes": "",
            "error_message": question.error_message,
        },
    )


def _version_of(response_id):
    return db.session.scalar(
        select(SurveyVersion.number)
        .join(SurveyResponse, SurveyResponse.version_id == SurveyVersion.id)
        .where(SurveyResponse.id == response_id)
    )


def _response_ids():
    return db.session.scalars(select(SurveyResponse.id).order_by(SurveyResponse.id)).all()


def test_opening_freezes_version_one_and_reopening_unchanged_makes_none(client, editor, login_as):
    seed_glossary()
    survey = open_seeded_surveys()[PARENTS]
    survey.state = "draft"
    db.session.commit()
    _sign_in(login_as, editor)
    for state in ("open", "closed", "open"):
        client.post(f"/staff/surveys/{survey.id}/{state}")
    rows = db.session.execute(
        select(SurveyVersion.number, SurveyVersion.definition).where(
            SurveyVersion.survey_id == survey.id
        )
    ).all()
    assert [number for number, _ in rows] == [1]
    keys = [q["key"] for q in rows[0].definition["questions"]]
    assert keys[:2] == ["role", "locality"] and "equality_english" in keys
    assert (
        rows[0].definition["glossary"].get("SEND")
    )  # the glossary terms its wording uses are frozen too


def test_an_edit_reaches_new_respondents_while_people_part_way_finish_theirs(
    app, client, editor, moderator, login_as
):
    survey = open_seeded_surveys()[PARENTS]
    early = app.test_client()
    walk(early, PARENTS, stop_before="overall_satisfaction")  # part-way through version 1
    _sign_in(login_as, editor)
    assert _reword(client, survey, "overall_satisfaction", NEW_WORDING).status_code == 302
    assert (
        client.post(f"/staff/surveys/{survey.id}/questions/new", data=NEW_QUESTION).status_code
        == 302
    )
    english = _question(survey, "equality_english")
    client.post(
        f"/staff/surveys/{survey.id}/questions/{english.id}/remove"
    )  # no answers yet: deleted
    assert _question(survey, "equality_english") is None
    shown = client.get(f"/staff/surveys/{survey.id}").get_data(as_text=True)
    assert (
        "New respondents get version 4 of this survey" in shown
    )  # three edits, three new versions
    assert "1 person part-way through an earlier version will finish the one they started" in shown

    page = early.get(f"/surveys/{PARENTS}/questions/overall_satisfaction").get_data(as_text=True)
    assert "how satisfied are you" in page and NEW_WORDING not in page
    visited = walk(early, PARENTS)  # carries on the same response
    assert "waiting_times" not in visited and "equality_english" in visited
    assert early.post(f"/surveys/{PARENTS}/check").headers["Location"].endswith("/sent")

    late = app.test_client()
    start(late, PARENTS)
    assert NEW_WORDING in late.get(f"/surveys/{PARENTS}/questions/overall_satisfaction").get_data(
        as_text=True
    )
    late_visited = walk(late, PARENTS, {"waiting_times": "Far too long for an assessment."})
    assert "waiting_times" in late_visited and "equality_english" not in late_visited
    late.post(f"/surveys/{PARENTS}/check")

    first, second = _response_ids()
    assert (_version_of(first), _version_of(second)) == (1, 4)
    kept = dict(
        db.session.execute(
            select(SurveyAnswer.question_key, SurveyAnswer.code).where(
                SurveyAnswer.response_id == first
            )
        ).all()
    )
    assert kept["overall_satisfaction"] == "satisfied" and kept["equality_english"] == "yes"

    _sign_in(
        login_as, moderator
    )  # exports span versions: one column per question key, whichever version
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"/staff/surveys/{survey.id}/export.csv").get_data(as_text=True))
        )
    )
    assert [r["Survey version"] for r in rows] == ["1", "4"]
    assert [r[NEW_WORDING] for r in rows] == [
        "satisfied",
        "satisfied",
    ]  # the live wording heads the column
    english_column = next(h for h in rows[0] if "English" in h)
    assert [r[english_column] for r in rows] == ["yes", ""]
    assert [r[NEW_QUESTION["text"]] for r in rows] == ["", "Far too long for an assessment."]


def test_versions_never_change(client, editor, login_as):
    survey = open_seeded_surveys()[PARENTS]
    walk(client, PARENTS, stop_before="locality")
    first = db.session.scalar(select(SurveyVersion).where(SurveyVersion.survey_id == survey.id))
    frozen = dict(first.definition)
    _sign_in(login_as, editor)
    _reword(client, survey, "overall_satisfaction", NEW_WORDING)
    db.session.expire_all()
    assert db.session.get(SurveyVersion, first.id).definition == frozen
    version = db.session.get(SurveyVersion, first.id)
    version.definition = {"questions": []}
    with pytest.raises(ValueError, match="frozen"):
        db.session.commit()
    db.session.rollback()
    assert db.session.get(SurveyVersion, first.id).definition == frozen


def test_a_question_page_reads_only_the_respondents_own_rows(app, client):
    seed_glossary()
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="overall_satisfaction")
    client.get(
        f"/surveys/{PARENTS}/questions/overall_satisfaction"
    )  # this process now holds the version
    statements = []

    def note(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        page = client.get(f"/surveys/{PARENTS}/questions/overall_satisfaction")
        saved = client.post(
            f"/surveys/{PARENTS}/questions/overall_satisfaction", data={"answer": "satisfied"}
        )
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    assert page.status_code == 200 and "<abbr" in page.get_data(
        as_text=True
    )  # glossary from the version
    assert saved.headers["Location"].endswith("/questions/confidence_needs_met")
    read = " ".join(statements)
    assert (
        "survey_questions" not in read
        and "glossary_terms" not in read
        and "survey_versions (" not in read
    )
    writes = [s.split()[0] for s in statements if s.split()[0] != "SELECT"]
    assert writes == save_writes()  # resume state, then the page's rows replaced


def test_a_profile_answer_sets_the_profile_in_the_same_update_and_routes_on_it(app, client):
    open_seeded_surveys()
    walk(
        client,
        PARENTS,
        {"locality": "shrewsbury", "cohort": "ehcp"},
        stop_before="overall_satisfaction",
    )
    response = db.session.get(SurveyResponse, _response_ids()[0])
    locality = db.session.execute(
        select(SurveyResponse.locality_id, SurveyResponse.cohort).where(
            SurveyResponse.id == response.id
        )
    ).one()
    assert locality.locality_id is not None and locality.cohort == "ehcp"
    visited = walk(client, PARENTS)
    assert "ehcp_listened" in visited  # routing decided by the answer just saved, not read back


TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
KEYS = ["role", "overall_satisfaction", "confidence_needs_met", "feel_listened_to"]


@pytest.fixture
def served(app):
    with serve_portal(app, workers=2, threads=4) as base:
        yield base


def _answer(base, errors):
    try:
        session = requests.Session()
        session.headers["Connection"] = "close"
        token = TOKEN.search(session.get(f"{base}/surveys/{PARENTS}", timeout=60).text).group(1)
        started = session.post(
            f"{base}/surveys/{PARENTS}/start",
            data={"csrf_token": token},
            timeout=60,
            allow_redirects=False,
        )
        assert started.status_code == 302, started.status_code
        for key in KEYS:
            sent = session.post(
                f"{base}/surveys/{PARENTS}/questions/{key}",
                timeout=60,
                allow_redirects=False,
                data={"csrf_token": token, "answer": ANSWERS[key]},
            )
            assert sent.status_code == 302, (key, sent.status_code)
    except Exception as error:  # reported by the test
        errors.append(repr(error))


def test_editing_while_people_answer_loses_nothing_and_numbers_versions_in_order(served, editor):
    survey = open_seeded_surveys()[PARENTS]
    builder.set_state(survey, "open", actor=editor)  # version 1
    survey_id, editor_id = survey.id, editor.id
    db.session.remove()
    errors = []
    people = [threading.Thread(target=_answer, args=(served, errors)) for _ in range(12)]
    [t.start() for t in people]
    from portal.accounts.models import User
    from portal.surveys.models import Survey

    for n in range(4):  # the editor rewords a question again and again while they answer
        survey = db.session.get(Survey, survey_id)
        question = _question(survey, "feel_listened_to")
        builder.save_question(
            survey,
            question,
            actor=db.session.get(User, editor_id),
            key=question.key,
            type=question.type,
            text=f"Do you feel listened to? (wording {n})",
            hint="",
            options_text="",
            required=True,
            show_if_key="",
            show_if_codes="",
            error_message=question.error_message,
        )
    [t.join(timeout=120) for t in people]
    assert errors == []
    numbers = db.session.scalars(
        select(SurveyVersion.number)
        .where(SurveyVersion.survey_id == survey_id)
        .order_by(SurveyVersion.number)
    ).all()
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) == 5
    assert (
        db.session.scalar(
            select(func.count(SurveyResponse.id)).where(SurveyResponse.version_id.is_(None))
        )
        == 0
    )
    counts = db.session.execute(
        select(SurveyAnswer.response_id, func.count(SurveyAnswer.id)).group_by(
            SurveyAnswer.response_id
        )
    ).all()
    assert len(counts) == 12 and all(count == len(KEYS) for _, count in counts)


def test_a_response_begun_before_versions_carries_on_with_the_survey_as_it_is(client):
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="overall_satisfaction")
    db.session.execute(
        SurveyResponse.__table__.update().values(version_id=None)
    )  # as the migration leaves them
    db.session.commit()
    visited = walk(client, PARENTS)
    assert visited[0] == "overall_satisfaction" and "equality_english" in visited
    assert client.post(f"/surveys/{PARENTS}/check").headers["Location"].endswith("/sent")
    assert db.session.scalar(select(SurveyResponse.status)) == "submitted"


def test_imported_paper_responses_record_the_version_they_answered(runner, tmp_path):
    survey = open_seeded_surveys()[PARENTS]
    path = tmp_path / "paper.csv"
    path.write_text("role,locality,overall_satisfaction\nparent_carer,shrewsbury,satisfied\n")
    result = runner.invoke(args=["import-responses", PARENTS, str(path)])
    assert result.exit_code == 0, result.output
    assert _version_of(db.session.scalar(select(SurveyResponse.id))) == 1
    assert (
        db.session.scalar(
            select(func.count(SurveyVersion.id)).where(SurveyVersion.survey_id == survey.id)
        )
        == 1
    )


def test_resuming_on_another_device_after_an_edit_carries_on_with_the_version_started(
    app, client, editor, login_as
):
    survey = open_seeded_surveys()[PARENTS]
    phone = app.test_client()
    walk(phone, PARENTS, stop_before="overall_satisfaction")
    code = db.session.scalar(select(SurveyResponse.resume_code))
    _sign_in(login_as, editor)
    _reword(client, survey, "overall_satisfaction", NEW_WORDING)
    laptop = app.test_client()
    back = laptop.post("/surveys/resume", data={"code": code.lower()})
    assert back.headers["Location"].endswith("/questions/overall_satisfaction")
    page = laptop.get(back.headers["Location"]).get_data(as_text=True)
    assert "how satisfied are you" in page and NEW_WORDING not in page


def test_a_page_sent_twice_or_changed_is_stored_once_and_a_sent_response_takes_no_more(client):
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="services_used")
    url = f"/surveys/{PARENTS}/questions/services_used"
    for answer in (["salt", "pacc"], ["salt", "pacc"], ["salt"]):
        assert client.post(url, data={"answer": answer}).status_code == 302
    stored = db.session.scalars(
        select(SurveyAnswer.code).where(SurveyAnswer.question_key == "services_used")
    ).all()
    assert stored == ["salt"]
    walk(client, PARENTS)
    client.post(f"/surveys/{PARENTS}/check")
    response_id = db.session.scalar(select(SurveyResponse.id))
    from portal.surveys import services

    with pytest.raises(Exception, match="already been sent"):
        response = db.session.get(SurveyResponse, response_id)
        services.save_answer(
            response, _question_for_key("services_used"), [("pacc", None, None)], {}
        )
    assert db.session.scalars(
        select(SurveyAnswer.code).where(SurveyAnswer.question_key == "services_used")
    ).all() == ["salt"]


def _question_for_key(key):
    return db.session.scalar(select(Question).where(Question.key == key))


def test_easy_read_is_part_of_the_version(app, editor):
    from tests.surveys.helpers import EASY

    survey = open_seeded_surveys()[EASY]
    before, after = app.test_client(), app.test_client()
    first = start(before, EASY)
    assert "img/easy-read/" in before.get(first).get_data(as_text=True)
    builder.save_survey(
        survey,
        actor=editor,
        title=survey.title,
        slug=survey.slug,
        description=survey.description,
        audience=survey.audience,
        is_easy_read=False,
        opens_at=None,
        closes_at=None,
        minutes_to_complete=survey.minutes_to_complete,
    )
    assert "img/easy-read/" in before.get(first).get_data(
        as_text=True
    )  # part-way: the version they began
    assert "img/easy-read/" not in after.get(start(after, EASY)).get_data(as_text=True)
