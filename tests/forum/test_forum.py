"""The forum: joining, signing in, posts waiting for a moderator, redacted reading, reports,
suspension."""

import pytest

from portal.errors import NotAllowed, ValidationFailed
from portal.extensions import db
from portal.forum import members, services
from portal.forum.models import Board
from portal.moderation.services import approve, reject
from portal.safeguarding.models import Concern
from tests.factories import make_user

GOOD = "tiger-bus-cloud"


@pytest.fixture
def board():
    services.ensure_boards()
    return db.session.query(Board).filter_by(slug="school-and-college").one()


def member(name="starfish9", age="16-18"):
    return members.register_member(
        username=name, password=GOOD, age_band=age, parental_consent=False, house_rules=True
    )


def test_join_signs_in_and_shows_forum(client):
    response = client.post(
        "/forum/join",
        data={
            "username": "rainbowtrain",
            "password": GOOD,
            "age_band": "13-15",
            "house_rules": "y",
        },
    )
    assert response.status_code == 302
    assert "A moderator reads every post" in client.get("/forum/").get_data(as_text=True)


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"username": "emily", "age_band": "13-15", "house_rules": "y"}, "username", "real name"),
        (
            {"username": "moonpie", "age_band": "under-13", "house_rules": "y"},
            "parental_consent",
            "parent or carer",
        ),
        ({"username": "moonpie", "age_band": "13-15"}, "house_rules", "house rules"),
        (
            {
                "username": "moonpie",
                "age_band": "13-15",
                "house_rules": "y",
                "password": "password1",
            },
            "password",
            "too easy",
        ),
        (
            {"username": "moonpie", "age_band": "13-15", "house_rules": "y", "password": "short"},
            "password",
            "8",
        ),
    ],
)
def test_join_errors(data, field, message):
    kwargs = {"password": GOOD, "parental_consent": False, "house_rules": False, **data}
    kwargs["house_rules"] = bool(kwargs["house_rules"])
    with pytest.raises(ValidationFailed) as error:
        members.register_member(**kwargs)
    assert message in error.value.errors[field]


def test_real_name_allowed_after_confirming():
    assert (
        members.register_member(
            username="emily",
            password=GOOD,
            age_band="19-25",
            parental_consent=False,
            house_rules=True,
            keep_name=True,
        ).username
        == "emily"
    )


def test_under_13_with_consent():
    user = members.register_member(
        username="littlestar",
        password=GOOD,
        age_band="under-13",
        parental_consent=True,
        house_rules=True,
    )
    assert members.profile_for(user).parental_consent_at is not None


def test_forum_sign_in_is_for_young_people_only(client):
    member()
    make_user(role="moderator", email="mod@example.test")
    assert (
        client.post(
            "/forum/sign-in", data={"username": "starfish9", "password": "wrong-one"}
        ).status_code
        == 200
    )
    assert (
        client.post("/forum/sign-in", data={"username": "starfish9", "password": GOOD}).status_code
        == 302
    )


def test_anonymous_goes_to_forum_sign_in(client):
    response = client.get("/forum/")
    assert response.status_code == 302 and "/forum/sign-in" in response.headers["Location"]


def test_viewer_cannot_read_forum(client, login_as, viewer):
    login_as(viewer)
    assert client.get("/forum/").status_code == 403


def test_post_waits_then_others_see_only_redacted(board):
    author, other, moderator = member(), member("otterpop"), make_user(role="moderator")
    post = services.start_topic(
        board,
        author=author,
        title="Help at lunch",
        text="Mrs Patel helps me at lunch, ring her on 07700 900123",
    )
    assert services.visible_topics(board, other) == []
    assert services.visible_posts(post.topic, author) == [post]  # the author sees it, waiting
    approve(post.contribution, moderator=moderator, redacted_text=post.contribution.redacted_text)
    assert services.visible_topics(board, other) == [post.topic]
    assert "07700" not in post.contribution.redacted_text


def test_rejected_post_shows_kind_reason_to_author(client, login_as, board):
    author = member()
    login_as(author)
    post = services.start_topic(
        board, author=author, title="Hi", text="My address is 1 High Street"
    )
    reject(post.contribution, moderator=make_user(role="moderator"), reason="personal_information")
    page = client.get(f"/forum/topics/{post.topic_id}").get_data(as_text=True)
    assert "personal details in it" in page and "welcome to post again" in page


def test_risky_post_shows_signposting_and_opens_concern(client, login_as, board):
    author = member()
    login_as(author)
    response = client.post(
        f"/forum/boards/{board.slug}/new",
        data={"title": "Bad day", "text": "I want to kill myself tonight"},
    )
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "0800 1111" in page and "116 123" in page
    assert db.session.query(Concern).count() == 1


def test_worried_report_opens_concern(board):
    author, reporter = member(), member("otterpop")
    post = services.start_topic(board, author=author, title="Hello", text="I'm fine really")
    approve(
        post.contribution, moderator=make_user(role="moderator"), redacted_text="I'm fine really"
    )
    services.report_post(post, reporter=reporter, reason="worried")
    concern = db.session.query(Concern).one()
    assert concern.opened_by == "report" and post.contribution.status == "escalated"
    assert services.visible_posts(post.topic, reporter) == []  # hidden again at once


def test_suspended_member_cannot_post(client, login_as, board):
    author = member()
    members.suspend(author, moderator=make_user(role="moderator"), reason="Unkind posts")
    with pytest.raises(NotAllowed, match="cannot post"):
        services.start_topic(board, author=author, title="x", text="y")
    login_as(author)
    assert "Unkind posts" in client.get("/forum/").get_data(as_text=True)


def test_delete_own_post_removes_text(client, login_as, board):
    author = member()
    post = services.start_topic(board, author=author, title="Oops", text="Wrong thing")
    login_as(author)
    assert client.post(f"/forum/posts/{post.id}/delete").status_code == 302
    assert post.deleted_at is not None and post.contribution.text == services.DELETED_TEXT


def test_staff_post_is_marked_and_published(board):
    staff = make_user(role="moderator", name="Mo")
    post = services.start_topic(
        board, author=staff, title="Your views on clubs", text="What clubs do you like?"
    )
    assert post.by_staff and post.contribution.status == "approved" and post.topic.have_your_say


@pytest.mark.parametrize(
    "username",
    [
        "Emily_Watson",
        "jacksmith",
        "amyjones",
        "tomwilliams",
        "jsmith",
        "chloe.davies",
        "mia2011",
        "oliverbrown",
    ],
)
def test_usernames_that_look_like_real_names_are_warned(username):
    assert members.looks_like_real_name(username)


@pytest.mark.parametrize(
    "username",
    [
        "sparkly_dragon",
        "gamer2009",
        "sunflower",
        "catlover",
        "bluefox",
        "pizzaqueen",
        "skywalker",
        "tigerlily",
        "nightowl",
        "bookworm",
    ],
)
def test_made_up_usernames_are_not_warned(username):
    assert not members.looks_like_real_name(username)
