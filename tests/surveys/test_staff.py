"""Staff: builder rules, paper and event entry, results, exports and import."""

import csv
import io

from flask import g
from sqlalchemy import func, select

from portal.extensions import db
from portal.surveys import builder
from portal.surveys.models import Question, SurveyResponse
from tests.factories import PASSWORD
from tests.surveys.helpers import PARENTS, open_seeded_surveys, walk


def _sign_in(login_as, user):
    """Sign in after anonymous requests: the tests' shared app context would keep the anonymous user
    in g."""
    login_as(user)
    g.pop("_login_user", None)


def test_question_with_answers_is_retired_not_deleted(client, editor, login_as):
    surveys = open_seeded_surveys()
    walk(client, PARENTS, stop_before="locality")
    _sign_in(login_as, editor)
    survey = surveys[PARENTS]
    role = next(q for q in survey.questions if q.key == "role")
    hint = next(q for q in survey.questions if q.key == "equality_english")
    client.post(f"/staff/surveys/{survey.id}/questions/{role.id}/remove")
    client.post(f"/staff/surveys/{survey.id}/questions/{hint.id}/remove")
    assert db.session.get(Question, role.id).retired is True
    assert db.session.get(Question, hint.id) is None
    response = client.post(
        f"/staff/surveys/{survey.id}/questions/{role.id}",
        data={
            "key": "who",
            "type": "role",
            "text": "Who?",
            "hint": "",
            "options_text": "",
            "show_if_key": "",
            "show_if_codes": "",
        },
    )
    assert "already has answers" in response.get_data(as_text=True)


def test_duplicate_keeps_keys_as_a_draft(client, editor, login_as):
    surveys = open_seeded_surveys()
    _sign_in(login_as, editor)
    survey = surveys[PARENTS]
    response = client.post(
        f"/staff/surveys/{survey.id}/duplicate",
        data={"title": "Big Listen 2027", "slug": "big-listen-2027-parent-carers"},
    )
    assert response.status_code == 302
    copy = builder.db.session.scalar(
        select(type(survey)).where(type(survey).slug == "big-listen-2027-parent-carers")
    )
    assert copy.state == "draft" and [q.key for q in copy.questions] == [
        q.key for q in survey.live_questions
    ]


def test_paper_entry_records_channel_and_who_entered_it(client, moderator, login_as):
    surveys = open_seeded_surveys()
    _sign_in(login_as, moderator)
    client.post(f"/staff/surveys/{surveys[PARENTS].id}/entry", data={"channel": "paper"})
    walk(client, PARENTS)
    client.post(f"/surveys/{PARENTS}/check")
    response = db.session.scalar(select(SurveyResponse))
    assert (response.channel, response.entered_by_id, response.status) == (
        "paper",
        moderator.id,
        "submitted",
    )


def test_kiosk_returns_to_start_with_no_trace_until_staff_end_it(client, moderator, login_as):
    surveys = open_seeded_surveys()
    _sign_in(login_as, moderator)
    from portal.reference.services import find_locality

    ludlow = find_locality("ludlow-south")
    client.post(f"/staff/surveys/{surveys[PARENTS].id}/kiosk", data={"locality": str(ludlow.id)})
    walk(client, PARENTS, {"locality": "ludlow-south"})
    client.post(f"/surveys/{PARENTS}/check")
    sent = client.get(f"/surveys/{PARENTS}/sent").get_data(as_text=True)
    assert "Start again for the next person" in sent
    back = client.get(f"/surveys/{PARENTS}/questions/what_is_working")
    assert back.status_code == 302 and back.headers["Location"].endswith(f"/surveys/{PARENTS}")
    assert (
        client.get("/staff/surveys/").status_code == 302
    )  # staff pages are locked while the kiosk runs
    walk(client, PARENTS, stop_before="locality")
    rows = db.session.scalars(select(SurveyResponse).order_by(SurveyResponse.id)).all()
    assert len(rows) == 2 and rows[1].channel == "event" and rows[1].locality_id == ludlow.id
    assert rows[1].entered_by_id == moderator.id
    assert "not right" in client.post(
        "/staff/surveys/kiosk/end", data={"password": "wrong"}
    ).get_data(as_text=True)
    client.post("/staff/surveys/kiosk/end", data={"password": PASSWORD})
    assert client.get("/staff/surveys/").status_code == 200


def _export(client, survey_id):
    return list(
        csv.DictReader(
            io.StringIO(client.get(f"/staff/surveys/{survey_id}/export.csv").get_data(as_text=True))
        )
    )


def test_viewers_get_no_response_level_data_moderators_get_guarded_exports(
    app, client, viewer, moderator, login_as
):
    surveys = open_seeded_surveys()
    walk(client, PARENTS, {"what_is_working": '=HYPERLINK("x")'})
    client.post(f"/surveys/{PARENTS}/check")
    _sign_in(
        login_as, viewer
    )  # aggregate only: one row per response or live exact counts are not for viewers
    for kind in ("export.csv", "export.xlsx", "results"):
        assert client.get(f"/staff/surveys/{surveys[PARENTS].id}/{kind}").status_code == 403
    assert f"/staff/surveys/{surveys[PARENTS].id}/results" not in client.get(
        "/staff/surveys/"
    ).get_data(as_text=True)
    _sign_in(login_as, moderator)
    rows = _export(client, surveys[PARENTS].id)
    satisfaction = "Overall, how satisfied are you with the support for your child's SEND?"
    change, working = (
        "What is the one thing that should change?",
        "What is working well for your child?",
    )
    assert rows[0][satisfaction] == "satisfied" and rows[0]["Area"] == "shrewsbury"
    assert rows[0]["Which of these has your child or family used in the last year?"] == "salt;pacc"
    assert rows[0]["How it was given"] == "online"
    staff = client
    assert rows[0][change].startswith("Shorter waits")
    assert rows[0][working].startswith("'=")  # no formula injection
    xlsx = staff.get(f"/staff/surveys/{surveys[PARENTS].id}/export.xlsx")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"


def test_results_count_by_locality_role_channel_and_drop_off(client, moderator, login_as):
    surveys = open_seeded_surveys()
    walk(client, PARENTS)
    client.post(f"/surveys/{PARENTS}/check")
    walk(client.application.test_client(), PARENTS, stop_before="overall_satisfaction")
    _sign_in(login_as, moderator)
    html = client.get(f"/staff/surveys/{surveys[PARENTS].id}/results").get_data(as_text=True)
    assert "1 responses sent, 1 started but not finished" in html and "Shrewsbury" in html
    assert "Where does your child go to learn?" in html  # where the unfinished one stopped


def test_import_validates_every_row_first(runner, tmp_path):
    open_seeded_surveys()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "role,locality,overall_satisfaction,channel,submitted_at\n"
        "parent_carer,Shrewsbury,Satisfied,paper,2026-08-01\n"
        "alien,Atlantis,Delighted,pigeon,yesterday\n"
    )
    result = runner.invoke(args=["import-responses", PARENTS, str(bad)])
    assert result.exit_code == 1
    for words in (
        "line 3: role: 'alien' is not one of its answers",
        "line 3: locality: 'Atlantis' is not one of its answers",
        "'Delighted' is not one of its answers",
        "line 3: channel 'pigeon'",
        "line 3: submitted_at 'yesterday'",
    ):
        assert words in result.output
    assert db.session.scalar(select(func.count(SurveyResponse.id))) == 0
    good = tmp_path / "good.csv"
    good.write_text(
        "role,locality,overall_satisfaction,services_used,channel,submitted_at,what_is_working\n"
        "Parent_Carer,shrewsbury,VERY SATISFIED,salt;Short breaks,paper,2026-08-01,Good SENCO\n"
        "professional,Ludlow and the South,dont_know,,event,2026-09-02T10:30:00,\n"
    )
    result = runner.invoke(args=["import-responses", PARENTS, str(good)])
    assert result.exit_code == 0, result.output
    rows = db.session.scalars(select(SurveyResponse).order_by(SurveyResponse.id)).all()
    assert [(r.role, r.channel, r.status) for r in rows] == [
        ("parent_carer", "paper", "submitted"),
        ("professional", "event", "submitted"),
    ]
    assert rows[0].submitted_at.month == 8


def test_seed_surveys_command_is_idempotent(runner):
    open_seeded_surveys()
    assert "Added 0 draft surveys" in runner.invoke(args=["seed-surveys"]).output


def test_editors_change_who_sees_answers_and_what_happens_next_without_code(
    client, editor, login_as
):
    survey = open_seeded_surveys()[PARENTS]
    _sign_in(login_as, editor)
    response = client.post(
        f"/staff/surveys/{survey.id}/details",
        data={
            "title": survey.title,
            "slug": survey.slug,
            "description": survey.description,
            "audience": "parent_carer",
            "minutes_to_complete": "10",
            "who_sees_answers": "Only the Big Listen team at the council and PACC.",
            "what_happens_next": "We will publish what we heard by 1 November.",
        },
    )
    assert response.status_code == 302
    start = client.get(f"/surveys/{PARENTS}").get_data(as_text=True)
    assert "Only the Big Listen team at the council and" in start
    assert "We will publish what we heard by 1 November." in start
    assert "co-produce" not in start  # no note to the partnership on the public page


def test_survey_text_that_is_too_long_is_refused_and_kept(client, editor, login_as):
    survey = open_seeded_surveys()[PARENTS]
    _sign_in(login_as, editor)
    page = client.post(
        f"/staff/surveys/{survey.id}/details",
        data={
            "title": survey.title,
            "slug": survey.slug,
            "audience": "parent_carer",
            "minutes_to_complete": "10",
            "who_sees_answers": "x" * 2001,
            "what_happens_next": "Kept as typed",
            "opens_at": ["", "", ""],
            "closes_at": ["", "", ""],
        },
    ).get_data(as_text=True)  # as a browser sends them
    assert "govuk-error-summary" in page and "Kept as typed" in page


def test_builder_requires_an_error_message_for_a_required_question(client, editor, login_as):
    survey = open_seeded_surveys()[PARENTS]
    _sign_in(login_as, editor)
    data = {
        "key": "school_travel",
        "type": "agreement_scale",
        "text": "Travel to school works for us",
        "hint": "",
        "options_text": "",
        "required": "y",
        "show_if_key": "",
        "show_if_codes": "",
    }
    page = client.post(f"/staff/surveys/{survey.id}/questions/new", data=data).get_data(
        as_text=True
    )
    assert "Enter the message people see if they leave this question out" in page
    assert "Travel to school works for us" in page  # nothing typed is lost
    response = client.post(
        f"/staff/surveys/{survey.id}/questions/new",
        data={**data, "error_message": "Select how much you agree that travel to school works"},
    )
    assert response.status_code == 302
    question = db.session.scalar(select(Question).where(Question.key == "school_travel"))
    assert question.error_message == "Select how much you agree that travel to school works"


def test_preview_shows_one_question_a_page_with_its_routing(client, editor, viewer, login_as):
    survey = open_seeded_surveys()[PARENTS]
    routed = next(i for i, q in enumerate(survey.live_questions, 1) if q.show_if)
    _sign_in(login_as, editor)
    first = client.get(f"/staff/surveys/{survey.id}/preview/1").get_data(as_text=True)
    assert survey.live_questions[0].text in first and survey.live_questions[1].text not in first
    assert (
        f"Question 1 of {len(survey.live_questions)}" in first
        and 'rel="next"' in first
        and 'rel="prev"' not in first
    )
    page = client.get(f"/staff/surveys/{survey.id}/preview/{routed}").get_data(as_text=True)
    assert "Only shown when the answer to" in page
    assert client.get(f"/staff/surveys/{survey.id}/preview/0").status_code == 404
    assert (
        client.get(
            f"/staff/surveys/{survey.id}/preview/{len(survey.live_questions) + 1}"
        ).status_code
        == 404
    )
    _sign_in(login_as, viewer)
    assert client.get(f"/staff/surveys/{survey.id}/preview/1").status_code == 403
