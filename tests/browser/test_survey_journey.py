"""Each seeded survey completed in a real browser at 320px, with JavaScript on and off; resume by
code."""

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.surveys.models import SurveyResponse
from tests.fixtures.browser import axe_violations, follow, horizontal_overflow
from tests.surveys.helpers import EASY, PARENTS, YOUNG, open_seeded_surveys

pytestmark = pytest.mark.browser


def _check_page(page, javascript=True):
    if not javascript:
        return  # axe and layout checks run script in the page; the JavaScript-on runs cover them
    report = axe_violations(page)
    assert not report, f"axe found problems on {page.url}:\n{report}"
    assert horizontal_overflow(page) <= 0, f"{page.url} scrolls sideways at 320px"


def _answer_current(page):
    """Pick the first option, or type something, then continue."""
    radios, boxes, text = (
        page.locator("input[type=radio]"),
        page.locator("input[type=checkbox]"),
        page.locator("textarea, input[type=text]"),
    )
    if radios.count():
        radios.first.check()
    elif boxes.count():
        boxes.first.check()
    elif text.count():
        text.first.fill("Shorter waits, and plain English letters about the EHCP.")
    follow(page.get_by_role("button", name="Continue"))


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("slug", [PARENTS, YOUNG, EASY])
def test_complete_each_survey_on_a_small_phone(context_factory, slug, javascript):
    open_seeded_surveys()
    page = context_factory(width=320, height=640, javascript=javascript).new_page()
    page.goto(f"/surveys/{slug}")
    _check_page(page, javascript)
    follow(page.get_by_role("button", name="Start now"))
    follow(page.get_by_role("button", name="Continue"))  # the required first question, unanswered
    assert page.locator(".govuk-error-summary").is_visible()
    _check_page(page, javascript)
    for _ in range(30):
        if "/check" in page.url:
            break
        assert page.locator(".govuk-caption-l").first.inner_text().startswith("Question ")
        _answer_current(page)
    _check_page(page, javascript)
    assert page.get_by_role("link", name="Change").count() >= 10
    follow(page.get_by_role("button", name="Send your answers"))
    assert page.locator("h1").first.inner_text().strip() == "Your answers have been sent"
    _check_page(page, javascript)
    assert (
        db.session.scalar(
            select(func.count(SurveyResponse.id)).where(SurveyResponse.status == "submitted")
        )
        == 1
    )


def test_resume_by_code_in_a_fresh_browser(context_factory):
    open_seeded_surveys()
    first = context_factory(width=320, height=640).new_page()
    first.goto(f"/surveys/{PARENTS}")
    follow(first.get_by_role("button", name="Start now"))
    for _ in range(3):
        _answer_current(first)
    follow(
        first.get_by_role("button", name="Save and come back later")
    )  # GOV.UK's secondary action
    assert first.locator("h1").first.inner_text().strip() == "Your answers have been saved"
    code = first.locator(".portal-resume-code").first.inner_text().strip()
    assert len(code) == 9 and code[4] == "-"
    fresh = context_factory(width=320, height=640, javascript=False).new_page()
    fresh.goto("/surveys/resume")
    fresh.get_by_label("Carry on with a survey: enter your resume code").fill(code.lower())
    follow(fresh.get_by_role("button", name="Continue"))
    assert "Question 4 of" in fresh.locator(".govuk-caption-l").first.inner_text()
