"""Event (kiosk) mode and shared phones: each person starts afresh and nothing of anyone else is
shown."""

import re
import time

import pytest
from flask import g
from sqlalchemy import select

from portal.contributions.models import Contribution
from portal.extensions import db
from portal.reference.services import find_locality
from portal.surveys.models import SurveyAnswer, SurveyResponse
from tests.factories import PASSWORD
from tests.surveys.helpers import PARENTS, YOUNG, open_seeded_surveys, start, walk

SECRET = "Tom at Oak Primary is bullied every day (A-SECRET)"


@pytest.fixture
def kiosk(client, moderator, login_as):
    """A tablet in event mode for the parent carers' survey, started by a moderator."""
    surveys = open_seeded_surveys()
    login_as(moderator)
    g.pop("_login_user", None)
    response = client.post(
        f"/staff/surveys/{surveys[PARENTS].id}/kiosk",
        data={"locality": str(find_locality("ludlow-south").id)},
    )
    assert response.status_code == 302
    return surveys[PARENTS]


def _person_a_walks_away(client):
    """Person A answers up to the free text and stops before the next question. Returns A's
    response."""
    walk(client, PARENTS, {"what_is_working": SECRET}, stop_before="what_should_change")
    response = db.session.scalars(select(SurveyResponse).order_by(SurveyResponse.id.desc())).first()
    assert any(a.text == SECRET for a in response.answers)
    return response


def _page(client, url):
    return client.get(url, follow_redirects=True).get_data(as_text=True)


def test_next_person_pressing_start_never_sees_the_last_persons_answers(client, kiosk):
    first = _person_a_walks_away(client)
    start_page = _page(client, f"/surveys/{PARENTS}")
    assert "Carry on where you left off" not in start_page and "Start now" in start_page
    location = start(client, PARENTS)
    assert location.endswith("/questions/role")
    seen = _page(client, location) + _page(client, f"/surveys/{PARENTS}/check")
    seen += _page(client, f"/surveys/{PARENTS}/questions/what_is_working")
    assert SECRET not in seen and first.resume_code not in seen.replace("-", "")
    assert "Staff home" not in seen and "Sign out" not in seen and "resume code" not in seen
    second = db.session.scalars(select(SurveyResponse).order_by(SurveyResponse.id.desc())).first()
    assert second.id != first.id and second.channel == "event"


def test_question_and_check_pages_show_finish_not_resume_code_or_email_offer(client, kiosk):
    _person_a_walks_away(client)
    response = db.session.scalars(select(SurveyResponse)).one()
    for url in (f"/surveys/{PARENTS}/questions/what_should_change", f"/surveys/{PARENTS}/check"):
        page = _page(client, url)
        assert "Finish and hand over" in page and 'id="kiosk-timeout"' in page
        assert (
            response.resume_code not in page.replace("-", "") and "Get a link by email" not in page
        )
        assert "govuk-service-navigation" not in page


def test_finish_and_hand_over_keeps_the_answers_and_clears_the_tablet(client, kiosk):
    first = _person_a_walks_away(client)
    finished = client.post(f"/surveys/{PARENTS}/finish")
    assert finished.status_code == 302 and finished.headers["Location"].endswith(
        f"/surveys/{PARENTS}/cleared"
    )
    assert "answers were saved" in _page(client, finished.headers["Location"])
    db.session.expire_all()
    # kept, unfinished; the released free text is stored once, on its contribution
    assert first.status == "in_progress" and first.answers
    assert not any(a.text == SECRET for a in first.answers)
    assert db.session.scalar(select(Contribution.text).where(Contribution.text == SECRET))
    for url in (f"/surveys/{PARENTS}/check", f"/surveys/{PARENTS}/questions/what_is_working"):
        back = client.get(
            url
        )  # the browser's Back button: pages are no-store, so they are asked for again
        assert back.status_code == 302 and back.headers["Location"].endswith(f"/surveys/{PARENTS}")
        assert back.headers["Cache-Control"] == "no-store"
    assert "Carry on where you left off" not in _page(client, f"/surveys/{PARENTS}")


def test_handed_over_free_text_goes_to_moderation_once_and_a_worry_opens_a_concern(client, kiosk):
    from portal.contributions.models import Contribution
    from portal.safeguarding.models import Concern

    walk(
        client,
        PARENTS,
        {"what_is_working": "I want to kill myself, nobody listens"},
        stop_before="what_should_change",
    )
    client.post(f"/surveys/{PARENTS}/finish")
    client.post(
        f"/surveys/{PARENTS}/finish"
    )  # a second press, or the timeout after it, adds nothing
    items = db.session.scalars(select(Contribution)).all()
    assert [(i.source, i.question_key, i.status) for i in items] == [
        ("survey", "what_is_working", "escalated")
    ]
    assert db.session.get(SurveyResponse, items[0].response_id).status == "in_progress"
    assert db.session.query(Concern).count() == 1


def test_finish_outside_event_mode_changes_nothing(client):
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="what_should_change")
    assert (
        client.post(f"/surveys/{PARENTS}/finish")
        .headers["Location"]
        .endswith(f"/surveys/{PARENTS}")
    )
    assert "Carry on where you left off" in _page(
        client, f"/surveys/{PARENTS}"
    )  # a phone keeps its place
    from portal.contributions.models import Contribution

    assert (
        db.session.query(Contribution).count() == 0
    )  # online, unfinished text waits until it is sent


def test_another_survey_reached_from_the_tablet_is_cleared_too(client, kiosk, app, monkeypatch):
    """The easy read or young people's version, opened from the event survey, leaves the tablet as
    well."""
    monkeypatch.setitem(app.config, "KIOSK_IDLE_SECONDS", 60)
    walk(client, YOUNG, {"what_is_working": SECRET}, stop_before="what_should_change")
    other = db.session.scalars(select(SurveyResponse)).one()
    _idle_for(client, 61)
    assert (
        client.get(f"/surveys/{YOUNG}/check")
        .headers["Location"]
        .endswith(f"/surveys/{PARENTS}/cleared")
    )
    assert "answers were saved" in _page(client, f"/surveys/{PARENTS}/cleared")
    assert SECRET not in _page(client, f"/surveys/{YOUNG}/questions/what_is_working")
    start(client, YOUNG)
    assert (
        db.session.scalars(select(SurveyResponse).order_by(SurveyResponse.id.desc())).first().id
        != other.id
    )


def _idle_for(client, seconds):
    with client.session_transaction() as session:
        session["kiosk_seen"] = time.time() - seconds


def test_idle_tablet_is_cleared_without_javascript_and_a_late_answer_is_not_stored(
    client, kiosk, app, monkeypatch
):
    monkeypatch.setitem(app.config, "KIOSK_IDLE_SECONDS", 60)
    first = _person_a_walks_away(client)
    _idle_for(client, 61)
    late = client.post(
        f"/surveys/{PARENTS}/questions/what_should_change", data={"answer": "someone else typed"}
    )
    assert late.status_code == 302 and late.headers["Location"].endswith(
        f"/surveys/{PARENTS}/cleared"
    )
    page = _page(client, late.headers["Location"])
    assert "answers were saved" in page and SECRET not in page
    assert (
        db.session.scalar(select(SurveyAnswer).where(SurveyAnswer.text == "someone else typed"))
        is None
    )
    assert (
        client.get(f"/surveys/{PARENTS}/check").headers["Location"].endswith(f"/surveys/{PARENTS}")
    )
    db.session.expire_all()
    assert first.status == "in_progress"


def test_idle_before_answering_anything_says_nothing_was_saved(client, kiosk, app, monkeypatch):
    monkeypatch.setitem(app.config, "KIOSK_IDLE_SECONDS", 60)
    start(client, PARENTS)
    _idle_for(client, 120)
    page = _page(client, f"/surveys/{PARENTS}/questions/role")
    assert "nothing was saved" in page


def test_activity_within_the_idle_time_keeps_the_person_going(client, kiosk, app, monkeypatch):
    monkeypatch.setitem(app.config, "KIOSK_IDLE_SECONDS", 60)
    _person_a_walks_away(client)
    _idle_for(client, 50)
    assert client.post("/surveys/kiosk/still-here").status_code == 204  # "Continue answering"
    with client.session_transaction() as session:
        assert time.time() - session["kiosk_seen"] < 5
    assert (
        "what_should_change"
        in client.get(f"/surveys/{PARENTS}/questions/what_should_change").request.path
    )


def test_a_sent_kiosk_response_leaves_nothing_and_the_next_person_starts_afresh(client, kiosk):
    walk(client, PARENTS, {"what_is_working": SECRET})
    assert client.post(f"/surveys/{PARENTS}/check").status_code == 302
    with client.session_transaction() as session:
        assert PARENTS not in session.get("survey_responses", {})
    start(client, PARENTS)
    assert SECRET not in _page(client, f"/surveys/{PARENTS}/questions/what_is_working")


def test_ending_event_mode_throttles_wrong_passwords_per_staff_account(client, kiosk, app):
    for attempt in range(5):
        page = client.post(
            "/staff/surveys/kiosk/end",
            data={"password": f"guess-{attempt}"},
            environ_base={"REMOTE_ADDR": f"10.0.0.{attempt}"},
        )  # addresses do not help
        assert page.status_code == 200 and "That password is not right" in page.get_data(
            as_text=True
        )
    blocked = client.post(
        "/staff/surveys/kiosk/end",
        data={"password": PASSWORD},
        environ_base={"REMOTE_ADDR": "10.0.0.99"},
    )
    assert blocked.status_code == 429 and "tried too many times" in blocked.get_data(as_text=True)
    assert client.get("/staff/surveys/").status_code == 302  # still locked in event mode


def test_a_right_password_ends_event_mode_and_is_not_counted(client, kiosk):
    for attempt in range(4):
        client.post("/staff/surveys/kiosk/end", data={"password": f"guess-{attempt}"})
    assert client.post("/staff/surveys/kiosk/end", data={"password": PASSWORD}).status_code == 302
    assert client.get("/staff/surveys/").status_code == 200
    assert "Staff home" in client.get("/staff/surveys/").get_data(as_text=True)


def test_a_wrong_password_gets_a_clear_error_in_the_error_summary(client, kiosk):
    for password, message in (
        ("", "Enter your staff password"),
        ("nope", "That password is not right"),
    ):
        page = client.post("/staff/surveys/kiosk/end", data={"password": password}).get_data(
            as_text=True
        )
        assert (
            "govuk-error-summary" in page and page.count(message) == 2
        )  # the summary and the field
        assert "<title>Error: " in page


# --- a shared phone, not event mode ---------------------------------------------------------------


def test_sending_a_survey_forgets_it_in_that_browser(client):
    open_seeded_surveys()
    walk(client, PARENTS, {"what_is_working": SECRET})
    assert client.post(f"/surveys/{PARENTS}/check").status_code == 302
    with client.session_transaction() as session:
        assert PARENTS not in session.get(
            "survey_responses", {}
        )  # before the confirmation is even shown
    start_page = _page(client, f"/surveys/{PARENTS}")
    assert "Carry on where you left off" not in start_page
    for url in (f"/surveys/{PARENTS}/check", f"/surveys/{PARENTS}/questions/what_is_working"):
        assert SECRET not in _page(client, url)


def test_sending_feedback_leaves_nothing_in_that_browser(client):
    client.post(
        "/feedback/",
        data={
            "author_role": "parent_carer",
            "message": SECRET,
            "contact": ["reply"],
            "email": "sam@example.test",
            "name": "Sam Jones",
            "phone": "01632 960 001",
        },
    )
    sent = client.get("/feedback/sent")
    assert sent.headers["Cache-Control"] == "no-store"
    with client.session_transaction() as session:
        assert "feedback_sent" not in session  # gone once the confirmation has been shown
        assert session["feedback_forms_sent"] == 1  # only a count, so Back finds a different form
        assert SECRET not in str(dict(session)) and "sam@example.test" not in str(dict(session))
    again = client.get("/feedback/")
    page = again.get_data(as_text=True)
    assert again.headers["Cache-Control"] == "no-store"
    assert SECRET not in page and "sam@example.test" not in page and "Sam Jones" not in page


def test_the_tablet_offers_no_way_to_anyone_elses_answers(client, kiosk):
    """Resume pages, email links, feedback and staff pages all lead back to the event survey."""
    _person_a_walks_away(client)
    client.post(f"/surveys/{PARENTS}/finish")
    for url in (
        "/surveys/resume",
        f"/surveys/{PARENTS}/email",
        "/feedback/",
        "/staff",
        "/staff/moderation",
        "/forum/",
        "/sign-in",
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.headers["Location"].endswith(
            f"/surveys/{PARENTS}"
        ), url
    code = db.session.scalars(select(SurveyResponse)).one().resume_code
    typed = client.post("/surveys/resume", data={"code": code})
    assert typed.headers["Location"].endswith(
        f"/surveys/{PARENTS}"
    )  # typing a code on the tablet does nothing
    assert "Carry on where you left off" not in _page(client, f"/surveys/{PARENTS}")


def test_with_csrf_checks_on_a_tablet_question_page_saves_its_answer(client, kiosk, app):
    """Event mode pages are never kept (the header differs) but carry the same token placeholder
    as kept ones: each must be filled with the tablet's own token, or every answer is refused."""
    location = start(client, PARENTS)
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        page = client.get(location).get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        saved = client.post(location, data={"answer": "parent_carer", "csrf_token": token})
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert saved.status_code == 302 and "/questions/" in saved.headers["Location"]
