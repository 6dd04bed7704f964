"""Taking a survey: one page at a time, stored once, submitted once, resumable, with clear
errors."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal.contributions.models import Contribution
from portal.extensions import db
from portal.surveys.models import SurveyAnswer, SurveyResponse
from tests.surveys.helpers import ANSWERS, EASY, PARENTS, YOUNG, open_seeded_surveys, start, walk


def _answers(key=None):
    query = select(SurveyAnswer)
    if key:
        query = query.where(SurveyAnswer.question_key == key)
    return db.session.scalars(query).all()


def test_start_page_says_what_it_is_for(client):
    open_seeded_surveys()
    html = client.get(f"/surveys/{PARENTS}").get_data(as_text=True)
    for words in (
        "It takes about",
        "anonymous",
        "Who will see your answers",
        "What happens next",
        "Start now",
    ):
        assert words in html
    assert "Easy read" not in html  # the easy read version belongs to the young people's survey
    assert "easy read version" in client.get(f"/surveys/{YOUNG}").get_data(as_text=True)


def test_list_shows_open_surveys_only(client):
    surveys = open_seeded_surveys()
    surveys[PARENTS].state = "closed"
    db.session.commit()
    html = client.get("/surveys").get_data(as_text=True)
    assert "Big Listen 2026: young people" in html and "parent carers" not in html


def test_complete_survey_stores_each_answer_once_and_submits_once(client):
    open_seeded_surveys()
    walk(client, PARENTS)
    location = f"/surveys/{PARENTS}/questions/role"
    assert (
        client.post(location, data={"answer": "parent_carer"}).status_code == 302
    )  # a resubmitted page
    first, second = (
        client.post(f"/surveys/{PARENTS}/check"),
        client.post(f"/surveys/{PARENTS}/check"),
    )
    assert first.headers["Location"].endswith("/sent") and second.status_code == 302
    response = db.session.scalar(select(SurveyResponse))
    assert response.status == "submitted" and response.submitted_at is not None
    assert (response.role, response.locality.slug, response.age_band, response.cohort) == (
        "parent_carer",
        "shrewsbury",
        "11-15",
        "ehcp",
    )
    assert len(_answers("role")) == 1 and len(_answers("services_used")) == 2
    texts = db.session.scalars(select(Contribution)).all()
    assert sorted(c.question_key for c in texts) == ["what_is_working", "what_should_change"]
    assert all(
        c.status == "pending"
        and c.survey_id == response.survey_id
        and c.response_id == response.id
        and c.source == "survey"
        for c in texts
    )
    assert "Your answers have been sent" in client.get(f"/surveys/{PARENTS}/sent").get_data(
        as_text=True
    )


def test_after_sending_the_back_button_cannot_change_answers(client):
    open_seeded_surveys()
    walk(client, PARENTS)
    client.post(f"/surveys/{PARENTS}/check")
    client.get(f"/surveys/{PARENTS}/sent")
    response = client.post(f"/surveys/{PARENTS}/questions/role", data={"answer": "professional"})
    assert response.status_code == 302
    assert db.session.scalar(select(SurveyResponse.role)) == "parent_carer"


def test_progress_accounts_for_routing(client):
    open_seeded_surveys()
    walk(client, PARENTS, {"cohort": "sen_support"}, stop_before="overall_satisfaction")
    html = client.get(f"/surveys/{PARENTS}/questions/overall_satisfaction").get_data(as_text=True)
    assert "Question 6 of 16" in html
    client.post(f"/surveys/{PARENTS}/questions/cohort", data={"answer": "ehcp"})
    assert "Question 6 of 17" in client.get(
        f"/surveys/{PARENTS}/questions/overall_satisfaction"
    ).get_data(as_text=True)


def _walk_progress(client, slug, answers):
    """Walk a survey answering from `answers`; return the (number, total) shown on each page."""
    import re

    location, seen = start(client, slug), []
    while "/check" not in location:
        html = client.get(location).get_data(as_text=True)
        number, about, total = re.search(r"Question (\d+) of (about )?(\d+)", html).groups()
        seen.append((int(number), int(total), bool(about)))
        key = location.split("/questions/")[1].split("?")[0]
        value = answers.get(key, ANSWERS.get(key))
        location = client.post(location, data={"answer": value} if value else {}).headers[
            "Location"
        ]
    return seen


@pytest.mark.parametrize(
    "slug,answers",
    [
        (PARENTS, {"cohort": "no_plan"}),
        (PARENTS, {"cohort": "ehcp"}),
        (YOUNG, {"age_band": "11-15"}),
        (YOUNG, {"age_band": "19-25"}),
        (EASY, {"age_band": "16-18"}),
        (EASY, {"age_band": "5-10"}),
    ],
)
def test_progress_never_jumps_backwards_and_says_about_until_routing_is_settled(
    client, slug, answers
):
    open_seeded_surveys()
    seen = _walk_progress(client, slug, answers)
    numbers, totals = [n for n, _, _ in seen], [t for _, t, _ in seen]
    assert numbers == list(range(1, len(seen) + 1))
    assert all(later <= earlier for earlier, later in zip(totals, totals[1:], strict=False)), totals
    assert (
        totals[-1] == len(seen) and not seen[-1][2]
    )  # the last page is exact: "Question 14 of 14"
    assert seen[0][2] or totals[0] == len(
        seen
    )  # "about" while routing could still change the count


def test_start_page_count_matches_the_first_question_page(client):
    open_seeded_surveys()
    import re

    for slug in (PARENTS, YOUNG, EASY):
        start_page = client.get(f"/surveys/{slug}").get_data(as_text=True)
        first = client.get(client.post(f"/surveys/{slug}/start").headers["Location"]).get_data(
            as_text=True
        )
        said = re.search(r"(\d+) questions", start_page).group(1)
        assert re.search(rf"Question 1 of (about )?{said}\b", first), (slug, said)


def test_routing_skips_hidden_questions(client):
    open_seeded_surveys()
    visited = walk(client, PARENTS, {"cohort": "no_plan"})
    assert "ehcp_listened" not in visited and "support_when_needed" in visited
    visited = walk(client.application.test_client(), YOUNG, {"age_band": "11-15"})
    assert "preparing_for_adulthood" not in visited


def test_required_question_shows_error_summary_and_inline_error(client):
    open_seeded_surveys()
    start(client, PARENTS)
    response = client.post(f"/surveys/{PARENTS}/questions/role", data={})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert (
        "govuk-error-summary" in html
        and "Select if you are answering as a parent or carer" in html
        and "<title>Error:" in html
    )
    assert 'href="#answer"' in html


def test_unknown_option_code_is_refused(client):
    open_seeded_surveys()
    start(client, PARENTS)
    html = client.post(f"/surveys/{PARENTS}/questions/role", data={"answer": "admin"}).get_data(
        as_text=True
    )
    assert "Choose from the answers shown on this page" in html
    assert _answers() == []


def test_huge_text_gets_clear_error_and_keeps_what_was_typed(client):
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="what_is_working")
    text = "Waiting lists are too long. " * 250
    html = client.post(
        f"/surveys/{PARENTS}/questions/what_is_working", data={"answer": text}
    ).get_data(as_text=True)
    assert "Your answer must be 5,000 characters or fewer" in html
    assert "Waiting lists are too long. Waiting lists" in html
    assert _answers("what_is_working") == []


def test_control_characters_are_removed_before_storing(client):
    """Every request drops control characters (portal/requests.py), so the answer is kept,
    cleaned."""
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="what_is_working")
    response = client.post(
        f"/surveys/{PARENTS}/questions/what_is_working", data={"answer": "Good\x00 help\x07"}
    )
    assert response.status_code == 302
    assert [a.text for a in _answers("what_is_working")] == ["Good help"]


def test_question_not_in_survey_redirects_instead_of_storing(client):
    open_seeded_surveys()
    start(client, PARENTS)
    response = client.post(f"/surveys/{PARENTS}/questions/made_up_key", data={"answer": "x"})
    assert response.status_code == 302 and _answers() == []


def test_missing_csrf_keeps_the_answer(app, client):
    open_seeded_surveys()
    start(client, PARENTS)
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        response = client.post(
            f"/surveys/{PARENTS}/questions/role", data={"answer": "parent_carer"}
        )
        html = response.get_data(as_text=True)
        assert response.status_code == 200 and "open for a long time" in html
        assert 'value="parent_carer" checked' in html
        assert client.post(f"/surveys/{PARENTS}/check").status_code == 400
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert _answers() == []


def test_with_csrf_on_a_shown_token_saves_and_a_saved_answer_signs_none(app, client, monkeypatch):
    import flask_wtf.csrf

    signed = []
    real = flask_wtf.csrf.generate_csrf
    monkeypatch.setattr(
        flask_wtf.csrf, "generate_csrf", lambda *a, **k: signed.append(1) or real(*a, **k)
    )
    open_seeded_surveys()
    start(client, PARENTS)
    page_url = f"/surveys/{PARENTS}/questions/role"
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        page = client.get(page_url).get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        assert len(token) > 40 and len(signed) == 1  # signed once, for the page shown
        saved = client.post(page_url, data={"answer": "parent_carer", "csrf_token": token})
        assert saved.status_code == 302 and len(signed) == 1  # nothing signed for a redirect
        wrong = client.post(page_url, data={"answer": "not-a-role", "csrf_token": token})
        shown = re.search(
            r'name="csrf_token" type="hidden" value="([^"]+)"', wrong.get_data(as_text=True)
        )
        assert wrong.status_code == 200 and shown and len(signed) == 2  # shown again: signed
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert [a.code for a in _answers()] == ["parent_carer"]


def test_resume_by_code_on_another_device(app, client):
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="overall_satisfaction")
    code = db.session.scalar(select(SurveyResponse.resume_code))
    other = app.test_client()
    typed = f" {code[:4].lower()} - {code[4:]} "
    response = other.post("/surveys/resume", data={"code": typed})
    assert response.headers["Location"].endswith("/questions/overall_satisfaction")
    assert "Question 6 of" in other.get(response.headers["Location"]).get_data(as_text=True)


def test_unknown_resume_code_gets_clear_error(client):
    open_seeded_surveys()
    html = client.post("/surveys/resume", data={"code": "NOPE-NOPE"}).get_data(as_text=True)
    assert "We could not find that code" in html and 'value="NOPE-NOPE"' in html


def test_expired_response_gets_clear_page(client):
    open_seeded_surveys()
    start(client, PARENTS)
    response = db.session.scalar(select(SurveyResponse))
    response.updated_at -= timedelta(days=31)
    db.session.commit()
    page = client.get(f"/surveys/{PARENTS}/questions/role")
    assert page.status_code == 410 and "expired" in page.get_data(as_text=True)


def test_closed_survey_gets_clear_page(client):
    surveys = open_seeded_surveys()
    start(client, PARENTS)
    surveys[PARENTS].state = "closed"
    db.session.commit()
    assert "has closed" in client.get(f"/surveys/{PARENTS}").get_data(as_text=True)
    assert client.get(f"/surveys/{PARENTS}/questions/role").status_code == 410
    assert client.post(f"/surveys/{PARENTS}/start").status_code == 410


def test_unknown_survey_is_404(client):
    assert client.get("/surveys/no-such-survey").status_code == 404


def test_easy_read_answers_pool_with_young_peoples_keys(client):
    surveys = open_seeded_surveys()
    keys = {q.key for q in surveys[EASY].questions}
    assert keys == {q.key for q in surveys[YOUNG].questions}
    walk(client, EASY)
    client.post(f"/surveys/{EASY}/check")
    assert (
        db.session.scalar(
            select(func.count(SurveyAnswer.id)).where(
                SurveyAnswer.question_key == "overall_satisfaction",
                SurveyAnswer.code == "satisfied",
            )
        )
        == 1
    )


def test_submit_with_missing_required_answer_goes_to_that_question(client):
    open_seeded_surveys()
    walk(client, PARENTS, {"feel_listened_to": ""}, stop_before="feel_listened_to")
    response = client.post(f"/surveys/{PARENTS}/check")
    assert response.headers["Location"].endswith("/questions/feel_listened_to")
    assert db.session.scalar(select(SurveyResponse.status)) == "in_progress"


def test_answer_fields_keep_what_was_given_and_point_to_their_errors(client):
    """The plainly written answer markup: ids, checked state, typed text and error wiring."""
    open_seeded_surveys()
    start(client, PARENTS)
    checkboxes = f"/surveys/{PARENTS}/questions/services_used"
    html = client.post(checkboxes, data={"answer": ["salt", "made_up"]}).get_data(as_text=True)
    assert 'href="#answer"' in html and 'aria-describedby="answer-hint answer-error"' in html
    assert 'id="answer" name="answer" type="checkbox" value="salt" checked' in html
    assert 'id="answer-2" name="answer" type="checkbox" value="ot">' in html
    assert client.post(checkboxes, data={"answer": ["salt", "ot"]}).status_code == 302
    html = client.get(checkboxes).get_data(as_text=True)
    assert (
        'value="salt" checked' in html
        and 'value="ot" checked' in html
        and 'value="camhs" checked' not in html
    )
    text = f"/surveys/{PARENTS}/questions/what_is_working"
    typed = "<b>Speech</b> therapy & " + "x" * 5000
    html = client.post(text, data={"answer": typed}).get_data(as_text=True)
    assert "&lt;b&gt;Speech&lt;/b&gt; therapy &amp; xxx" in html and "<b>Speech" not in html
    assert "govuk-textarea govuk-textarea--error govuk-js-character-count" in html
    assert 'aria-describedby="answer-info answer-hint answer-error"' in html
    assert 'data-maxlength="5000"' in html and "You can enter up to 5000 characters" in html
    assert _answers("what_is_working") == []


def test_save_and_come_back_later_keeps_the_answer_and_shows_how_to_return(client):
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="what_should_change")
    response = client.post(
        f"/surveys/{PARENTS}/questions/what_should_change",
        data={"answer": "More respite in the holidays", "later": "y"},
    )
    assert response.status_code == 302 and "/saved" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    code = db.session.scalar(select(SurveyResponse.resume_code))
    assert "Your answers have been saved" in page and f"{code[:4]}-{code[4:]}" in page
    assert "/surveys/" in page and "email" in page
    stored = db.session.scalar(
        select(SurveyAnswer).where(SurveyAnswer.question_key == "what_should_change")
    )
    assert stored.text == "More respite in the holidays"


def test_save_and_come_back_later_on_a_blank_required_page_saves_nothing_and_does_not_nag(client):
    open_seeded_surveys()
    location = start(client, PARENTS)
    response = client.post(location, data={"later": "y"})
    assert response.status_code == 302 and "/saved" in response.headers["Location"]
    assert db.session.scalar(select(func.count(SurveyAnswer.id))) == 0


def test_save_and_come_back_later_with_too_long_text_shows_the_error_and_keeps_the_text(client):
    open_seeded_surveys()
    walk(client, PARENTS, stop_before="what_should_change")
    page = client.post(
        f"/surveys/{PARENTS}/questions/what_should_change",
        data={"answer": "word " * 2000, "later": "y"},
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "govuk-error-summary" in html and "word word" in html


def test_question_pages_mark_optional_questions_and_offer_no_code_under_the_button(client):
    open_seeded_surveys()
    html = client.get(start(client, PARENTS)).get_data(as_text=True)
    assert "(optional)" not in html  # role is required
    walk(client, PARENTS, stop_before="locality")
    html = client.get(f"/surveys/{PARENTS}/questions/locality").get_data(as_text=True)
    assert "Where do you live? (optional)" in html
    assert "portal-resume-code" not in html and "Save and come back later" in html


@pytest.mark.parametrize(
    "slug,message",
    [
        (
            PARENTS,
            "Select if you are answering as a parent or carer, a young person or a professional",
        ),
        (EASY, "Choose who is filling this in"),
    ],
)
def test_leaving_out_a_required_question_says_what_to_do(client, slug, message):
    open_seeded_surveys()
    html = client.post(start(client, slug), data={}).get_data(as_text=True)
    assert html.count(message) == 2  # in the error summary and beside the question
    assert "Select an answer" not in html


def test_every_required_seeded_question_has_its_own_error_message(client):
    surveys = open_seeded_surveys()
    for survey in surveys.values():
        messages = [q.error_message for q in survey.live_questions if q.required]
        assert messages and all(m and m != "Select an answer" for m in messages), survey.slug
