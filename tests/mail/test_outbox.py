"""The outbox: idempotent keys, retries with backoff while SMTP is down, exactly one delivery."""

from datetime import timedelta

from aiosmtpd.controller import Controller

from portal.clock import utcnow
from portal.extensions import db
from portal.mail.models import OutboxMessage
from portal.mail.services import deliver_outbox, queue_email
from tests.fixtures.smtp import Collector


def test_same_key_queues_once():
    queue_email("a@example.test", "Hello", "Body", key="event-1")
    queue_email("a@example.test", "Hello again", "Body", key="event-1")
    db.session.commit()
    assert db.session.query(OutboxMessage).count() == 1


def test_smtp_down_then_up_retries_and_delivers_exactly_once(smtp_port):
    queue_email("lead@example.test", "Alert", "Please look", key="concern-1")
    db.session.commit()
    assert deliver_outbox() == (0, 1)  # nobody listening on the port
    message = db.session.query(OutboxMessage).one()
    assert message.attempts == 1 and message.sent_at is None and "Connection" in message.last_error
    assert message.next_attempt_at > utcnow() + timedelta(seconds=50)  # backed off
    assert deliver_outbox() == (0, 0)  # not due yet: no hammering

    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        later = utcnow() + timedelta(minutes=2)
        assert deliver_outbox(now=later) == (1, 0)
        assert deliver_outbox(now=later + timedelta(hours=5)) == (0, 0)
    finally:
        controller.stop()
    assert len(collector.messages) == 1
    assert collector.messages[0].rcpt_tos == ["lead@example.test"]
    db.session.refresh(message)
    assert message.sent_at is not None and message.attempts == 2 and message.last_error is None


def test_send_mail_command(runner, smtp_server):
    queue_email("x@example.test", "Subject", "Body", key="k1")
    db.session.commit()
    result = runner.invoke(args=["send-mail"])
    assert "Sent 1 email" in result.output
    assert len(smtp_server.messages) == 1
