"""The easy-read survey is measured: reading age 9 or below on every page, and pictures with text
alternatives."""

import re

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.surveys.models import SurveyResponse
from tests.reading import easy_read_problems, main_text
from tests.surveys.helpers import ANSWERS, EASY, PARENTS, open_seeded_surveys, start

EASY_AGE = 9


def _pages_of_the_easy_read_survey(client):
    """Every page a young person meets: start, each question, check is staff-like so left out, then
    sent."""
    pages = {"start": client.get(f"/surveys/{EASY}").get_data(as_text=True)}
    location = start(client, EASY)
    while "/check" not in location:
        key = location.split("/questions/")[1]
        pages[key] = client.get(location).get_data(as_text=True)
        value = ANSWERS.get(key)
        location = client.post(location, data={"answer": value} if value else {}).headers[
            "Location"
        ]
    client.post(f"/surveys/{EASY}/check")
    pages["sent"] = client.get(f"/surveys/{EASY}/sent").get_data(as_text=True)
    return pages


def test_every_easy_read_page_reads_at_age_nine_or_below(client):
    open_seeded_surveys()
    pages = _pages_of_the_easy_read_survey(client)
    assert db.session.scalar(select(SurveyResponse.status)) == "submitted"
    problems = {
        name: easy_read_problems(main_text(html), EASY_AGE, long_words=False)
        for name, html in pages.items()
    }
    assert not {name: found for name, found in problems.items() if found}
    everything = [part for html in pages.values() for part in main_text(html)]
    assert not easy_read_problems(everything, EASY_AGE)


def test_the_standard_survey_would_fail_the_same_check(client):
    """The check can fail: the standard parents' start page is written for adults."""
    open_seeded_surveys()
    assert easy_read_problems(
        main_text(client.get(f"/surveys/{PARENTS}").get_data(as_text=True)), EASY_AGE
    )


def test_easy_read_questions_have_a_picture_with_a_text_alternative(client):
    open_seeded_surveys()
    html = client.get(start(client, EASY)).get_data(as_text=True)
    picture = re.search(r'<img class="portal-easy-picture" src="([^"]+)" alt="([^"]+)"', html)
    assert picture and picture.group(2) == "A person"
    image = client.get(picture.group(1))
    assert image.status_code == 200 and b"<title>" in image.get_data()
    image.close()


@pytest.mark.parametrize("key", ["overall_satisfaction", "feel_listened_to"])
def test_easy_read_scale_answers_have_faces_beside_the_words(client, key):
    open_seeded_surveys()
    location = start(client, EASY)
    while not location.endswith(f"/questions/{key}"):
        step = location.split("/questions/")[1]
        value = ANSWERS.get(step)
        location = client.post(location, data={"answer": value} if value else {}).headers[
            "Location"
        ]
    html = client.get(location).get_data(as_text=True)
    faces = re.findall(
        r'<label class="[^"]*portal-picture-label" for="[^"]+"><img src="[^"]+" alt=""', html
    )
    assert len(faces) == 6  # five points and "I don't know", each beside its words


def test_standard_surveys_have_no_pictures(client):
    open_seeded_surveys()
    assert "portal-easy-picture" not in client.get(start(client, PARENTS)).get_data(as_text=True)
