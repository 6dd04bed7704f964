"""In the browser: a young person joins and posts, a moderator redacts and approves, another reads
it."""

import pytest

from portal.forum.services import ensure_boards
from tests.factories import PASSWORD, make_user
from tests.fixtures.browser import follow, sign_in_page

pytestmark = pytest.mark.browser


def join(page, username):
    page.goto("/forum/join")
    page.get_by_label("Choose a username").fill(username)
    page.get_by_label("Choose a password").fill("tiger-bus-cloud")
    page.get_by_label("16 to 18").check()
    page.get_by_label("I have read the house rules").check()
    follow(page.get_by_role("button", name="Join the forum"))


def test_post_redact_approve_and_read(context_factory):
    ensure_boards()
    make_user(role="moderator", email="mod@example.test")
    author = context_factory().new_page()
    join(author, "starfish9")
    author.goto("/forum/boards/school-and-college/new")
    author.get_by_label("Title").fill("Lunch help")
    author.get_by_label("Your message").fill("Mrs Patel helps me at lunch, text 07700 900123")
    follow(author.get_by_role("button", name="Send for checking"))
    assert author.get_by_text("Waiting for a moderator").first.is_visible()

    moderator = context_factory(width=1280, height=900).new_page()
    sign_in_page(moderator, "mod@example.test", PASSWORD)
    moderator.goto("/staff/moderation")
    follow(moderator.get_by_role("link", name="Forum post").first)
    moderator.get_by_label("Text to publish").fill("[name] helps me at lunch")
    follow(moderator.get_by_role("button", name="Approve and publish"))
    assert moderator.get_by_text("approved").first.is_visible()

    reader = context_factory().new_page()
    join(reader, "otterpop")
    reader.goto("/forum/boards/school-and-college")
    follow(reader.get_by_role("link", name="Lunch help"))
    body = reader.locator("main").inner_text()
    assert "[name] helps me at lunch" in body and "Patel" not in body and "07700" not in body
