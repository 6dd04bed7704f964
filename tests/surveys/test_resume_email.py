"""The emailed resume link, through a real local SMTP server (aiosmtpd), and when that server is
down."""

import re
from urllib.parse import urlsplit

from sqlalchemy import select

from portal.extensions import db
from portal.mail.models import OutboxMessage
from portal.mail.services import deliver_outbox
from portal.surveys.models import ResumeEmail, SurveyAnswer
from tests.surveys.helpers import PARENTS, open_seeded_surveys, start


def _ask_for_link(client, email="carer@example.test"):
    open_seeded_surveys()
    start(client, PARENTS)
    assert (
        client.post(
            f"/surveys/{PARENTS}/questions/role", data={"answer": "parent_carer"}
        ).status_code
        == 302
    )
    return client.post(f"/surveys/{PARENTS}/email", data={"email": email})


def test_emailed_link_resumes_on_another_device(app, client, smtp_server):
    page = _ask_for_link(client)
    assert page.status_code == 200 and "We have emailed you a link" in page.get_data(as_text=True)
    assert smtp_server.messages == []  # the request never waits on the mail server
    assert deliver_outbox() == (1, 0)  # the send-mail worker's pass
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["carer@example.test"]
    body = envelope.content.decode()
    link = re.search(r"(https?://\S+/surveys/resume/\S+)", body).group(1)
    assert link.startswith(app.config["PUBLIC_BASE_URL"])  # from the setting, never the Host header
    other_device = app.test_client()
    resumed = other_device.get(urlsplit(link).path)
    assert resumed.status_code == 302 and "/questions/" in resumed.headers["Location"]
    assert other_device.get(resumed.headers["Location"]).status_code == 200
    assert all(
        answer.text != "carer@example.test" for answer in db.session.scalars(select(SurveyAnswer))
    )


def test_mail_server_down_keeps_the_message_and_sends_it_later(app, client, smtp_port):
    page = _ask_for_link(client, "later@example.test")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "resume code" in html  # the code is always on the page
    [queued] = db.session.scalars(select(OutboxMessage)).all()
    assert (
        queued.sent_at is None and queued.attempts == 0
    )  # queued for the worker, not tried in the request
    assert deliver_outbox() == (0, 1)  # the worker's pass while the server is down
    db.session.refresh(queued)
    assert queued.sent_at is None and queued.attempts == 1 and queued.last_error
    from aiosmtpd.controller import Controller

    from tests.fixtures.smtp import Collector

    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        queued.next_attempt_at = queued.created_at  # its backoff has passed
        db.session.commit()
        assert deliver_outbox() == (1, 0)
    finally:
        controller.stop()
    assert [e.rcpt_tos for e in collector.messages] == [["later@example.test"]]
    assert (
        db.session.scalar(select(ResumeEmail.email)) == "later@example.test"
    )  # until submit or 30 days


def test_bad_email_is_explained_and_nothing_is_sent(client, smtp_server):
    page = _ask_for_link(client, "not an email")
    assert page.status_code == 200 and "govuk-error-summary" in page.get_data(as_text=True)
    assert smtp_server.messages == [] and db.session.scalar(select(ResumeEmail)) is None


def test_sending_the_answers_forgets_the_address_everywhere(client, smtp_server):
    _ask_for_link(client)
    assert db.session.scalar(select(OutboxMessage.to)) == "carer@example.test"
    from tests.surveys.helpers import walk

    walk(client, PARENTS)
    assert client.post(f"/surveys/{PARENTS}/check").status_code == 302
    assert db.session.scalar(select(ResumeEmail)) is None
    assert db.session.scalar(select(OutboxMessage)) is None  # the sent message held the address too
