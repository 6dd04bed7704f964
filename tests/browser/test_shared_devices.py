"""Shared devices at 320px: two people on one event tablet, and Back after sending feedback.

Each runs with JavaScript on and off: nothing of the first person may reach the next one either way.
"""

import re
import time

import pytest
from playwright.sync_api import Error as PlaywrightError
from sqlalchemy import select

from portal.contributions.models import Contribution
from portal.extensions import db
from portal.surveys.models import SurveyResponse
from tests.factories import PASSWORD, make_user
from tests.fixtures.browser import axe_violations, follow, horizontal_overflow, sign_in_page
from tests.surveys.helpers import PARENTS, open_seeded_surveys

pytestmark = pytest.mark.browser
SECRET = "Tom at Oak Primary is bullied every day (A-SECRET)"


def _check_page(page):
    report = axe_violations(page)
    assert not report, f"axe found problems on {page.url}:\n{report}"
    assert horizontal_overflow(page) <= 0, f"{page.url} scrolls sideways at 320px"


def _kiosk_tablet(context_factory, javascript):
    """A 320px tablet on which a moderator has started event mode for the parent carers' survey."""
    surveys = open_seeded_surveys()
    make_user(role="moderator", email="events@example.test")
    page = context_factory(width=320, height=640, javascript=javascript).new_page()
    sign_in_page(page, "events@example.test", PASSWORD)
    page.goto(f"/staff/surveys/{surveys[PARENTS].id}/kiosk")
    page.get_by_label("Where is the event?").select_option(label="Ludlow and the South")
    follow(page.get_by_role("button", name="Start event mode on this device"))
    assert page.url.endswith(f"/surveys/{PARENTS}")
    return page


def _person_a_answers_part_way(page):
    follow(page.get_by_role("button", name="Start now"))
    page.get_by_label("A parent or carer").check()
    follow(page.get_by_role("button", name="Continue"))
    page.goto(f"/surveys/{PARENTS}/questions/what_is_working")
    page.locator("textarea").fill(SECRET)
    follow(page.get_by_role("button", name="Continue"))
    assert "/questions/what_should_change" in page.url
    page.locator("textarea").fill("half typed, never saved")


def _assert_nothing_of_a(page, first):
    html = page.content()
    assert SECRET not in html and "half typed" not in html
    assert first.resume_code not in html.replace("-", "") and "resume code" not in html.lower()
    assert page.locator(".govuk-service-navigation").count() == 0  # no staff menu, no sign out
    assert page.get_by_text("Staff home").count() == 0


def _person_b_starts(page, first, javascript):
    """Person B presses Start now and looks everywhere A's answers could be."""
    if "/cleared" in page.url:
        follow(page.get_by_role("button", name="Start now"))
    assert page.url.endswith(f"/surveys/{PARENTS}")
    assert page.get_by_role("button", name="Carry on where you left off").count() == 0
    _assert_nothing_of_a(page, first)
    follow(page.get_by_role("button", name="Start now"))
    assert "/questions/role" in page.url
    _assert_nothing_of_a(page, first)
    if javascript:
        _check_page(page)
    for url in (f"/surveys/{PARENTS}/questions/what_is_working", f"/surveys/{PARENTS}/check"):
        page.goto(url)
        _assert_nothing_of_a(page, first)
    assert page.locator("textarea").count() == 0 or page.locator("textarea").input_value() == ""


def _a_response():
    db.session.expire_all()
    return db.session.scalars(select(SurveyResponse).order_by(SurveyResponse.id)).first()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_person_a_presses_finish_and_person_b_sees_none_of_it(context_factory, javascript):
    page = _kiosk_tablet(context_factory, javascript)
    _person_a_answers_part_way(page)
    if javascript:
        _check_page(page)  # the question page with the hand-over controls
    follow(page.get_by_role("button", name="Finish and hand over").first)
    assert page.url.endswith(f"/surveys/{PARENTS}/cleared")
    assert "answers were saved" in page.content()
    if javascript:
        _check_page(page)
    page.go_back()  # the browser's Back button must not bring A's page back
    _assert_nothing_of_a(page, _a_response())
    page.goto(f"/surveys/{PARENTS}")
    _person_b_starts(page, _a_response(), javascript)
    first = _a_response()
    # kept, unfinished; the released free text is stored once, on its contribution
    assert first.status == "in_progress" and first.answers
    assert not any(a.text == SECRET for a in first.answers)
    assert db.session.scalar(select(Contribution.text).where(Contribution.text == SECRET))


def test_person_a_walks_away_with_javascript_the_warning_then_the_clear(
    context_factory, app, monkeypatch
):
    page = _kiosk_tablet(context_factory, True)
    monkeypatch.setitem(app.config, "KIOSK_IDLE_SECONDS", 8)
    monkeypatch.setitem(app.config, "KIOSK_WARNING_SECONDS", 6)
    _person_a_answers_part_way(page)  # the last page is drawn with the short timeout
    dialog = page.get_by_role("dialog", name="Are you still there?")
    dialog.wait_for(state="visible", timeout=10_000)
    assert re.search(r"clear this screen in \d+ seconds", dialog.inner_text())
    _check_page(page)  # axe with the warning open
    dialog.get_by_role("button", name="Continue answering").click()
    assert not dialog.is_visible() and "/questions/what_should_change" in page.url
    assert (
        page.locator("textarea").input_value() == "half typed, never saved"
    )  # carrying on loses nothing
    dialog.wait_for(state="visible", timeout=10_000)
    page.wait_for_url(
        re.compile(r"/cleared$"), timeout=15_000
    )  # nobody answered: the tablet clears itself
    assert "answers were saved" in page.content()
    _person_b_starts(page, _a_response(), True)


def test_person_a_walks_away_without_javascript_the_server_clears_it(
    context_factory, app, monkeypatch
):
    page = _kiosk_tablet(context_factory, False)
    _person_a_answers_part_way(page)
    monkeypatch.setitem(app.config, "KIOSK_IDLE_SECONDS", 1)
    time.sleep(1.5)
    follow(
        page.get_by_role("button", name="Continue")
    )  # person B presses on with A's page still showing
    assert page.url.endswith(f"/surveys/{PARENTS}/cleared")
    assert "answers were saved" in page.content() and SECRET not in page.content()
    monkeypatch.setitem(app.config, "KIOSK_IDLE_SECONDS", 300)
    first = _a_response()
    assert all(
        "half typed" not in (a.text or "") for a in first.answers
    )  # the late page was not stored
    page.go_back()
    _assert_nothing_of_a(page, first)
    _person_b_starts(page, first, False)


FEEDBACK_MESSAGE = "The bus to Oak school is late every day (FEEDBACK-SECRET)"


def _go_back_to(page, path, forward=False):
    """The Back (or Forward) button, waiting for the page to settle. Chromium sometimes swaps the
    page's process on a Back to a no-store page and Playwright loses it for a moment ("Not attached
    to an active page"): wait and look again rather than pressing Back twice."""
    page.wait_for_load_state("load")
    for attempt in range(3):
        try:
            (page.go_forward if forward else page.go_back)(wait_until="load")
        except PlaywrightError as error:
            if "Not attached" not in str(error) or attempt == 2:
                raise
            page.wait_for_timeout(300)
        if page.url.endswith(path):
            page.wait_for_load_state("load")
            return
    raise AssertionError(f"{'Forward' if forward else 'Back'} did not reach {path}: {page.url}")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_back_after_sending_feedback_shows_nothing_that_was_sent(context_factory, javascript):
    page = context_factory(width=320, height=640, javascript=javascript).new_page()
    page.goto("/feedback/")
    page.get_by_label("A parent or carer").check()
    page.get_by_label("Your message").fill(FEEDBACK_MESSAGE)
    page.get_by_label("Yes, reply to this message").check()
    page.get_by_label("Your name (optional)").fill("Sam Jones")
    page.get_by_label("Email address").fill("sam.jones@example.test")
    page.get_by_label("Phone number").fill("01632 960 001")
    follow(page.get_by_role("button", name="Send feedback"))
    assert page.url.endswith("/feedback/sent")
    _go_back_to(page, "/feedback/")
    html = page.content()
    for sent in (FEEDBACK_MESSAGE, "Sam Jones", "sam.jones@example.test", "01632 960 001"):
        assert sent not in html
    for field in ("Your message", "Your name (optional)", "Email address", "Phone number"):
        assert page.get_by_label(field).input_value() == "", field
    if javascript:
        _check_page(page)
    _go_back_to(page, "/feedback/sent", forward=True)
    assert FEEDBACK_MESSAGE not in page.content()


def test_back_before_sending_keeps_what_was_typed(context_factory):
    """The page is never cached, but leaving it to read something and coming back loses nothing."""
    page = context_factory(width=320, height=640).new_page()
    page.goto("/feedback/")
    page.get_by_label("Your message").fill("Half way through writing this")
    follow(page.get_by_role("link", name="Privacy notice"))
    page.go_back()
    assert page.get_by_label("Your message").input_value() == "Half way through writing this"
