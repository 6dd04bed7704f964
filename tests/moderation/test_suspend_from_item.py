"""A moderator can suspend a forum member from any of their posts in moderation: pending, rejected
or approved."""

import pytest
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.extensions import db
from portal.forum import members, services
from portal.forum.models import Board
from portal.moderation.services import reject

UNKIND = "you are all losers and nobody likes you"


@pytest.fixture
def board():
    services.ensure_boards()
    return db.session.scalar(select(Board).where(Board.slug == "school-and-college"))


def _member(name="starfish9"):
    return members.register_member(
        username=name,
        password="tiger-bus-cloud",
        age_band="16-18",
        parental_consent=False,
        house_rules=True,
    )


@pytest.mark.parametrize("decided", [False, True])
def test_suspend_the_author_of_a_pending_or_rejected_post(
    client, login_as, moderator, board, decided
):
    author = _member()
    post = services.start_topic(board, author=author, title="Lunch", text=UNKIND)
    item = post.contribution
    if decided:
        reject(item, moderator=moderator, reason="unkind")
    login_as(moderator)
    page = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    link = f"/forum/members/{author.id}/suspend?item={item.id}"
    assert "Suspend starfish9" in page and link in page
    assert "Back to item" in client.get(link).get_data(as_text=True)
    response = client.post(link, data={"reason": "Unkind posts about other members"})
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"/staff/moderation/{item.id}"
    )
    assert members.profile_for(author).is_suspended
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "forum.suspend"))
    assert event.actor_id == moderator.id and event.details == {
        "reason": "Unkind posts about other members",
        "item": item.id,
    }


def test_a_reason_is_required_and_a_blank_one_is_refused(client, login_as, moderator, board):
    author = _member()
    item = services.start_topic(board, author=author, title="Lunch", text=UNKIND).contribution
    login_as(moderator)
    for reason in ("", "   "):
        response = client.post(
            f"/forum/members/{author.id}/suspend?item={item.id}", data={"reason": reason}
        )
        assert (
            response.status_code == 200
            and "Give a reason the member will see" in response.get_data(as_text=True)
        )
    assert not (members.profile_for(author) and members.profile_for(author).is_suspended)


def test_an_item_by_someone_else_is_not_linked_to_the_suspension(
    client, login_as, moderator, board
):
    author, other = _member(), _member("moonfish7")
    item = services.start_topic(board, author=other, title="Hi", text="Clubs are good").contribution
    login_as(moderator)
    response = client.post(
        f"/forum/members/{author.id}/suspend?item={item.id}", data={"reason": "Spam"}
    )
    assert response.headers["Location"].endswith(
        "/staff/moderation"
    )  # not back to another member's item
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "forum.suspend"))
    assert event.details["item"] is None


def test_staff_posts_and_other_sources_offer_no_suspension(client, login_as, moderator, board):
    staff_item = services.start_topic(
        board, author=moderator, title="Clubs", text="What clubs do you like?"
    ).contribution
    login_as(moderator)
    assert "The forum member who wrote it" not in client.get(
        f"/staff/moderation/{staff_item.id}"
    ).get_data(as_text=True)


def test_viewers_cannot_suspend(client, login_as, viewer, board):
    author = _member()
    login_as(viewer)
    assert (
        client.post(f"/forum/members/{author.id}/suspend", data={"reason": "x"}).status_code == 403
    )
    assert not (members.profile_for(author) and members.profile_for(author).is_suspended)
