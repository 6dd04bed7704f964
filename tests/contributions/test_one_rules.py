"""Rules written once on the contribution: signposting, and refused free text."""

import pytest
from sqlalchemy import select

from portal.contributions.models import Contribution, Status
from portal.contributions.services import MAX_TEXT, submit_contribution
from portal.errors import TextNotAccepted, ValidationFailed
from portal.extensions import db
from tests.factories import make_contribution


@pytest.mark.parametrize(
    "text,status,expected",
    [
        ("The bus is late", Status.PENDING, False),
        ("The bus is late", Status.ESCALATED, True),
        ("I want to kill myself tonight", Status.PENDING, True),
    ],
)
def test_needs_signposting_is_one_rule_on_the_contribution(text, status, expected):
    item = make_contribution(text)
    item.status = status
    assert item.needs_signposting is expected


@pytest.mark.parametrize(
    "text,message",
    [
        ("   ", "A contribution needs some text"),
        ("x" * (MAX_TEXT + 1), f"A contribution can be at most {MAX_TEXT:,} characters"),
    ],
)
def test_refused_text_is_one_named_error_naming_its_field(text, message):
    with pytest.raises(TextNotAccepted) as raised:
        submit_contribution(source="feedback", text=text, field="message")
    assert isinstance(raised.value, ValidationFailed) and isinstance(raised.value, ValueError)
    assert raised.value.errors == {"message": message}


def test_blank_insight_text_is_shown_on_the_text_field_and_nothing_is_saved(
    client, login_as, moderator
):
    login_as(moderator)
    page = client.post(
        "/staff/insight/new",
        data={
            "text": "   ",
            "channel": "sendiass",
            "organisation": "pcf",
            "families_represented": "3",
        },
    ).get_data(as_text=True)
    assert "A contribution needs some text" in page and 'href="#text"' in page
    assert db.session.scalar(select(Contribution.id)) is None


def test_blank_forum_post_is_shown_on_the_text_field(client, login_as):
    from portal.forum import members, services

    services.ensure_boards()
    login_as(
        members.register_member(
            username="starfish9",
            password="tiger-bus-cloud",
            age_band="16-18",
            parental_consent=False,
            house_rules=True,
        )
    )
    page = client.post(
        "/forum/boards/school-and-college/new", data={"title": "Lunch", "text": "   "}
    )
    assert page.status_code in (200, 400)
    assert "A contribution needs some text" in page.get_data(as_text=True)
