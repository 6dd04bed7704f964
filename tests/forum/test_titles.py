"""A forum topic's title goes through the one pipeline with the post that opens it: analysed,
redacted, shown highlighted to the moderator and published only as the moderator leaves it."""

import pytest

from portal.contributions.services import apply_analysis
from portal.errors import NotAllowed
from portal.extensions import db
from portal.forum import members, services
from portal.forum.models import Board, Post
from portal.moderation.services import approve, bulk_approve, is_clean, tag_keeping_redaction
from portal.safeguarding.models import Concern
from tests.factories import make_user
from tests.themes.helpers import theme

PHONE_TITLE = "Ring me on 07700 900123"


@pytest.fixture
def board():
    services.ensure_boards()
    return db.session.query(Board).filter_by(slug="school-and-college").one()


def member(name="starfish9"):
    return members.register_member(
        username=name,
        password="tiger-bus-cloud",
        age_band="16-18",
        parental_consent=False,
        house_rules=True,
    )


def test_title_is_kept_as_given_and_redacted_on_the_contribution(board):
    post = services.start_topic(board, author=member(), title=PHONE_TITLE, text="Lunch is too loud")
    item = post.contribution
    assert item.title == PHONE_TITLE
    assert "07700" not in item.redacted_title and item.title_pii_spans
    assert not is_clean(item)  # the body alone is clean: the title's personal data needs a person


def test_author_sees_own_title_others_only_the_approved_redaction(client, login_as, board):
    author, other = member(), member("otterpop")
    post = services.start_topic(board, author=author, title=PHONE_TITLE, text="Lunch is too loud")
    approve(
        post.contribution,
        moderator=make_user(role="moderator"),
        redacted_text="Lunch is too loud",
        redacted_title="Ring me on [phone]",
    )
    assert services.topic_title_for(post.topic, author) == PHONE_TITLE
    assert services.topic_title_for(post.topic, other) == "Ring me on [phone]"
    login_as(other)
    page = client.get(f"/forum/boards/{board.slug}").get_data(as_text=True)
    assert "Ring me on [phone]" in page and "07700" not in page
    page = client.get(f"/forum/topics/{post.topic_id}").get_data(as_text=True)
    assert "Ring me on [phone]" in page and "07700" not in page


def test_blank_redacted_title_keeps_the_analysed_redaction(board):
    post = services.start_topic(board, author=member(), title=PHONE_TITLE, text="Lunch is too loud")
    analysed = post.contribution.redacted_title
    approve(
        post.contribution,
        moderator=make_user(role="moderator"),
        redacted_text="Lunch is too loud",
        redacted_title="   ",
    )
    assert post.contribution.redacted_title == analysed and "07700" not in analysed


def test_moderator_sees_the_title_highlighted_with_the_reason(client, login_as, moderator, board):
    post = services.start_topic(board, author=member(), title=PHONE_TITLE, text="Lunch is too loud")
    login_as(moderator)
    page = client.get(f"/staff/moderation/{post.contribution_id}").get_data(as_text=True)
    title_line = page[page.index('id="topic-title"') :].split("</p>")[0]
    assert '<mark class="portal-pii">07700 900123' in title_line
    assert 'id="highlight-reasons"' in page and "&ldquo;07700 900123&rdquo;" in page
    assert 'name="redacted_title"' in page


def test_saving_themes_keeps_the_edited_title(board, moderator):
    transport = theme("transport")
    post = services.start_topic(board, author=member(), title=PHONE_TITLE, text="Lunch is too loud")
    tag_keeping_redaction(
        post.contribution,
        moderator=moderator,
        redacted_text="Lunch is too loud",
        redacted_title="A phone call",
        confirm=transport.id,
    )
    db.session.commit()
    assert post.contribution.redacted_title == "A phone call"
    apply_analysis(post.contribution)  # `portal reanalyse` keeps the moderator's title
    assert post.contribution.redacted_title == "A phone call"


def test_a_risky_title_flags_the_post_and_opens_one_concern(client, login_as, board):
    author = member()
    login_as(author)
    response = client.post(
        f"/forum/boards/{board.slug}/new",
        data={"title": "I want to kill myself tonight", "text": "Bad day"},
    )
    post = db.session.query(Post).one()
    assert post.contribution.safeguarding_flag and post.contribution.safeguarding_reasons
    assert db.session.query(Concern).count() == 1
    assert "0800 1111" in client.get(response.headers["Location"]).get_data(as_text=True)
    with pytest.raises(NotAllowed, match="safeguarding concern"):
        approve(post.contribution, moderator=make_user(role="moderator"), redacted_text="Bad day")


def test_bulk_approval_skips_a_post_whose_title_has_personal_data(board, moderator):
    post = services.start_topic(board, author=member(), title=PHONE_TITLE, text="Lunch is too loud")
    assert bulk_approve([post.contribution_id], moderator=moderator) == (0, 1)
    assert post.contribution.status == "pending"


def test_staff_topic_title_is_published_as_written(board):
    staff = make_user(role="moderator", name="Mo")
    post = services.start_topic(
        board, author=staff, title="Your views on clubs", text="What clubs do you like?"
    )
    assert post.contribution.redacted_title == "Your views on clubs"
    assert services.topic_title_for(post.topic, member()) == "Your views on clubs"


def test_replies_have_no_title(board):
    author = member()
    first = services.start_topic(board, author=author, title="Lunch", text="Lunch is too loud")
    second = services.reply(first.topic, author=author, text="And too short")
    assert second.contribution.title is None and second.contribution.redacted_title is None
