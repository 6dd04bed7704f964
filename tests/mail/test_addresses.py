"""Every form that accepts an email address takes exactly one valid address (email-validator, no
DNS): a comma, a line break or a display name gets a clear error and keeps what was typed, and
nothing is stored or queued."""

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.extensions import db
from portal.feedback.models import FeedbackContact
from portal.mail.addresses import clean_address
from portal.mail.models import OutboxMessage
from portal.you_said_we_did.models import Subscriber
from tests.surveys.helpers import PARENTS, open_seeded_surveys, start

BAD = [
    "one@example.test, two@example.test",
    "one@example.test\r\nBcc: two@example.test",
    "Bob <bob@example.test>",
    "one@example.test;two@example.test",
    "no-at-sign",
    "a@b",
    "@example.test",
]
ERROR = "Enter an email address in the correct format"


@pytest.mark.parametrize("address", BAD)
def test_clean_address_refuses(address):
    with pytest.raises(ValueError):
        clean_address(address)


def test_clean_address_normalises_one_address():
    assert clean_address("  Parent@Example.COM ") == "parent@example.com"
    assert clean_address("jo@école.fr") == "jo@xn--cole-9oa.fr"  # sent as ASCII, no SMTPUTF8 needed


def test_reserved_domains_refused_outside_tests(app):
    app.config["MAIL_ALLOW_TEST_DOMAINS"] = False
    try:
        with pytest.raises(ValueError):
            clean_address("someone@example.test")
    finally:
        app.config["MAIL_ALLOW_TEST_DOMAINS"] = True


@pytest.mark.parametrize("address", BAD[:3])
def test_feedback_contact(client, address):
    response = client.post(
        "/feedback/",
        data={
            "author_role": "parent_carer",
            "message": "Keep this text",
            "contact": ["updates"],
            "email": address,
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page and ERROR in page
    assert "Keep this text" in page
    assert db.session.scalar(select(FeedbackContact)) is None


@pytest.mark.parametrize("address", BAD[:3])
def test_subscription(client, address):
    response = client.post("/you-said-we-did/subscribe", data={"email": address})
    page = response.get_data(as_text=True)
    assert "govuk-error-summary" in page and ERROR in page
    assert (
        db.session.scalar(select(Subscriber)) is None
        and db.session.scalar(select(OutboxMessage)) is None
    )


@pytest.mark.parametrize("address", BAD[:3])
def test_resume_email(client, address):
    open_seeded_surveys()
    start(client, PARENTS)
    assert (
        client.post(
            f"/surveys/{PARENTS}/questions/role", data={"answer": "parent_carer"}
        ).status_code
        == 302
    )
    page = client.post(f"/surveys/{PARENTS}/email", data={"email": address}).get_data(as_text=True)
    assert "govuk-error-summary" in page and ERROR in page
    assert db.session.scalar(select(OutboxMessage)) is None


@pytest.mark.parametrize("address", BAD[:3])
def test_staff_account(client, login_as, admin, address):
    login_as(admin)
    response = client.post(
        "/staff/users/new",
        data={
            "email": address,
            "role": "viewer",
            "organisation": "icb",
            "password": "copper-kettle-marsh-river",
        },
    )
    page = response.get_data(as_text=True)
    assert (
        response.status_code == 200 and "govuk-error-summary" in page and "correct format" in page
    )
    assert db.session.scalar(select(User).where(User.role == "viewer")) is None


def test_create_user_command_refuses_a_list(runner):
    result = runner.invoke(
        args=[
            "create-user",
            "--email",
            "a@example.test,b@example.test",
            "--role",
            "viewer",
            "--organisation",
            "icb",
            "--password",
            "copper-kettle-marsh-river",
        ]
    )
    assert result.exit_code != 0 and db.session.scalar(select(User)) is None
