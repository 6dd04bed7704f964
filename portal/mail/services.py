"""Queueing email in the outbox and delivering it over SMTP, with backoff, until it is accepted."""
import logging
import smtplib
import uuid
from datetime import timedelta
from email.message import EmailMessage

from flask import current_app, g, has_app_context
from sqlalchemy import select, update

from portal.accounts.models import utcnow
from portal.extensions import db
from portal.mail.models import OutboxMessage

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)  # a claimed message is not picked up by another sender for this long


def queue_email(to, subject, body, key=None):
    """Add an email to the outbox in the caller's transaction (the caller commits).

    `key` makes the send idempotent: queueing the same key twice keeps the first message only.
    Returns the OutboxMessage (the existing one when the key was already queued).
    """
    key = key or f"adhoc-{uuid.uuid4()}"
    existing = db.session.scalar(select(OutboxMessage).where(OutboxMessage.key == key))
    if existing is not None:
        return existing
    message = OutboxMessage(key=key, to=to, subject=subject[:200], body=body, next_attempt_at=utcnow())
    db.session.add(message)
    if has_app_context():
        g.setdefault("outbox_keys", []).append(key)  # tried once, inline, after the request commits
    return message


def backoff(attempts):
    """Seconds to wait after `attempts` failures: base, 2x, 4x ... capped at MAIL_RETRY_MAX_SECONDS."""
    base = current_app.config["MAIL_RETRY_BASE_SECONDS"]
    return min(base * 2 ** max(attempts - 1, 0), current_app.config["MAIL_RETRY_MAX_SECONDS"])


def _claim(message, now):
    """Take the message for this sender, or return False when another sender already has it."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message.id, OutboxMessage.sent_at.is_(None),
               OutboxMessage.next_attempt_at == message.next_attempt_at)
        .values(next_attempt_at=now + LEASE))
    db.session.commit()
    return result.rowcount == 1


def _send(message):
    config = current_app.config
    email = EmailMessage()
    email["From"], email["To"], email["Subject"] = config["MAIL_SENDER"], message.to, message.subject
    email["Message-ID"] = f"<{message.key}@{config['MAIL_SENDER'].split('@')[-1]}>"
    email.set_content(message.body)
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT"]) as smtp:
        smtp.send_message(email)


def deliver_outbox(*, now=None, keys=None, limit=100):
    """Send every due, unsent message (or only those with `keys`). Returns (sent, failed) counts.

    A failure records the error and schedules the next try with exponential backoff; the message
    stays queued until the SMTP server accepts it. Each message is claimed first, so two senders
    running at once never send the same message twice.
    """
    now = now or utcnow()
    query = select(OutboxMessage).where(OutboxMessage.sent_at.is_(None), OutboxMessage.next_attempt_at <= now)
    if keys is not None:
        query = query.where(OutboxMessage.key.in_(keys))
    sent = failed = 0
    for message in db.session.scalars(query.order_by(OutboxMessage.id).limit(limit)).all():
        if not _claim(message, now):
            continue
        try:
            _send(message)
        except (OSError, smtplib.SMTPException) as error:
            message.attempts += 1
            message.last_error = f"{type(error).__name__}: {error}"[:1000]
            message.next_attempt_at = now + timedelta(seconds=backoff(message.attempts))
            failed += 1
            log.warning("Email %s not sent (attempt %s): %s", message.id, message.attempts, error)
        else:
            message.attempts += 1
            message.sent_at, message.last_error = utcnow(), None
            sent += 1
        db.session.commit()
    return sent, failed


def deliver_queued_this_request():
    """Try, once, the messages queued during this request (called after the response is built)."""
    keys = g.pop("outbox_keys", None)
    if keys:
        try:
            deliver_outbox(keys=keys)
        except Exception:  # the outbox keeps the messages; the send-mail loop retries them
            db.session.rollback()
            log.exception("Inline email delivery failed; the messages stay queued")


def outbox_counts():
    """{"waiting": n, "failing": n} for the staff dashboard."""
    waiting = db.session.scalar(select(db.func.count(OutboxMessage.id)).where(OutboxMessage.sent_at.is_(None)))
    failing = db.session.scalar(select(db.func.count(OutboxMessage.id)).where(
        OutboxMessage.sent_at.is_(None), OutboxMessage.attempts > 0))
    return {"waiting": waiting, "failing": failing}
