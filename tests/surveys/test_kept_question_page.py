"""A question page is kept rendered for everyone at the same point of a survey version with the
same choice made, and never holds or shows another person's answers, token or nonce."""

import re

import pytest

from tests.surveys.helpers import PARENTS, open_seeded_surveys, walk

CHOICE = f"/surveys/{PARENTS}/questions/overall_satisfaction"
TEXT = f"/surveys/{PARENTS}/questions/what_is_working"
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
NONCE = re.compile(r'<script nonce="([^"]+)">')


def _kept(app):
    return app.extensions.get("portal.ready_pages") or {}


@pytest.fixture
def two_people(app):
    open_seeded_surveys()
    first, second = app.test_client(), app.test_client()
    walk(first, PARENTS, stop_before="overall_satisfaction")
    walk(second, PARENTS, stop_before="overall_satisfaction")
    return first, second


def test_two_people_at_the_same_point_share_the_page_but_not_the_token(app, two_people):
    first, second = two_people
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        pages = [client.get(CHOICE) for client in (first, second, first)]
        tokens = [TOKEN.search(page.get_data(as_text=True)).group(1) for page in pages]
        assert tokens[0] != tokens[1]  # each their own
        assert not any("token" in t[:5] and len(t) == 37 for t in tokens)  # never the marker
        for page in pages:
            html = page.get_data(as_text=True)
            assert NONCE.search(html).group(1) in page.headers["Content-Security-Policy"]
        assert any(slot[0] == "surveys/question.html" for slot in _kept(app))  # it was kept
        for client, token in ((first, tokens[2]), (second, tokens[1])):  # and each token works
            saved = client.post(CHOICE, data={"answer": "satisfied", "csrf_token": token})
            assert saved.status_code == 302 and "/questions/" in saved.headers["Location"]
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


def test_a_choice_one_person_made_is_shown_to_them_only(two_people):
    first, second = two_people
    second.get(CHOICE)  # the page with nothing chosen is kept
    first.post(CHOICE, data={"answer": "very_dissatisfied"})
    assert 'value="very_dissatisfied" checked' in first.get(CHOICE).get_data(as_text=True)
    page = second.get(CHOICE).get_data(as_text=True)
    assert " checked" not in page and 'value="very_dissatisfied"' in page


def test_a_persons_own_words_are_never_kept_or_shown_to_another(app, two_people):
    first, second = two_people
    words = "Our caseworker Priya rang back the same day"
    walk(first, PARENTS, answers={"what_is_working": words}, stop_before="what_should_change")
    walk(second, PARENTS, stop_before="what_is_working")
    assert words in first.get(TEXT).get_data(as_text=True)  # they see their own words
    assert words not in second.get(TEXT).get_data(as_text=True)
    assert not any(words in html for _, html in _kept(app).values())  # never kept in memory


def test_a_kept_page_is_what_a_fresh_render_gives(app, two_people):
    first, second = two_people
    first.get(CHOICE)
    kept = second.get(CHOICE).get_data(as_text=True)
    app.extensions.pop("portal.ready_pages", None)
    fresh = second.get(CHOICE).get_data(as_text=True)
    assert NONCE.sub("", kept) == NONCE.sub("", fresh)
    assert "Question" in kept and 'name="answer"' in kept


def test_changing_an_answer_and_a_waiting_message_get_their_own_page(app, two_people):
    first, second = two_people
    first.get(CHOICE)
    changing = first.get(CHOICE + "?change=1").get_data(as_text=True)
    assert "Save and go back to check your answers" in changing
    assert "Save and go back" not in first.get(CHOICE).get_data(as_text=True)
    with second.session_transaction() as session:
        session["_flashes"] = [("information", "Welcome back: carry on where you left off")]
    assert "Welcome back" in second.get(CHOICE).get_data(as_text=True)


def _saves_with_its_own_token(app, client, url):
    """With CSRF checks on, the page at `url` carries a token that saves its answer."""
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        html = client.get(url).get_data(as_text=True)
        token = TOKEN.search(html).group(1)
        saved = client.post(url, data={"answer": "satisfied", "csrf_token": token})
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    assert saved.status_code == 302 and "/questions/" in saved.headers["Location"]


def test_a_page_rendered_fresh_for_a_waiting_message_still_carries_a_working_token(app, two_people):
    """A page with a flashed message ("Welcome back") is not kept, but is built the same way: its
    token must be the person's own, not the kept page's placeholder."""
    first, second = two_people
    first.get(CHOICE)  # the page is kept
    with second.session_transaction() as session:
        session["_flashes"] = [("information", "Welcome back: carry on where you left off")]
    _saves_with_its_own_token(app, second, CHOICE)


def test_a_kept_page_carries_a_working_token(app, two_people):
    first, second = two_people
    first.get(CHOICE)
    _saves_with_its_own_token(app, second, CHOICE)
