"""Queueing email in the outbox and delivering it over SMTP from the send-mail worker, never in a
request.

A message is queued, then sent, or set aside as failed (after MAIL_MAX_ATTEMPTS failures, at once
when it cannot be built or the server refuses it for good). A set-aside message never blocks the
others; an admin can retry it from /staff/outbox.
"""

import logging
import smtplib
import uuid
from datetime import timedelta
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import case, func, select, update

from portal.audit.services import record
from portal.clock import utcnow
from portal.errors import InvalidTransition
from portal.extensions import db
from portal.mail.addresses import clean_address, one_line
from portal.mail.models import OutboxMessage

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)  # a claimed message is not picked up by another sender for this long


class Unbuildable(Exception):
    """The message can never be sent as it stands (not one valid address, or a header that
    breaks)."""


def queue_email(to, subject, body, key=None):
    """Add an email to the outbox in the caller's transaction (the caller commits); the send-mail
    worker delivers it. The subject is kept to one line, so no header can carry a line break.

    `key` makes the send idempotent: queueing the same key twice keeps the first message only.
    Returns the OutboxMessage (the existing one when the key was already queued).
    """
    key = key or f"adhoc-{uuid.uuid4()}"
    existing = db.session.scalar(select(OutboxMessage).where(OutboxMessage.key == key))
    if existing is not None:
        return existing
    message = OutboxMessage(
        key=key,
        to=(to or "").strip()[:254],
        subject=one_line(subject)[:200],
        body=body,
        next_attempt_at=utcnow(),
    )
    db.session.add(message)
    return message


def backoff(attempts):
    """Seconds to wait after `attempts` failures: base, 2x, 4x ... capped at
    MAIL_RETRY_MAX_SECONDS."""
    base = current_app.config["MAIL_RETRY_BASE_SECONDS"]
    return min(base * 2 ** max(attempts - 1, 0), current_app.config["MAIL_RETRY_MAX_SECONDS"])


def _claim(message, now):
    """Take the message for this sender, or return False when another sender already has it."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message.id,
            OutboxMessage.sent_at.is_(None),
            OutboxMessage.failed_at.is_(None),
            OutboxMessage.next_attempt_at == message.next_attempt_at,
        )
        .values(next_attempt_at=now + LEASE)
    )
    db.session.commit()
    return result.rowcount == 1


def build(message):
    """(EmailMessage, recipient) ready to send, or raise Unbuildable with the reason."""
    config = current_app.config
    try:
        to = clean_address(message.to)
    except ValueError as error:
        raise Unbuildable("The recipient is not one valid email address") from error
    email = EmailMessage()  # the default policy refuses header values with line breaks
    try:
        email["From"], email["To"], email["Subject"] = config["MAIL_SENDER"], to, message.subject
        email["Message-ID"] = f"<{message.key}@{config['MAIL_SENDER'].split('@')[-1]}>"
        email.set_content(message.body)
        email.as_bytes()  # flatten now, so nothing can fail half-way through an SMTP session
    except (ValueError, TypeError, LookupError) as error:
        raise Unbuildable(f"The message cannot be built: {error}") from error
    return email, to


def _send(email, to):
    config = current_app.config
    with smtplib.SMTP(
        config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT"]
    ) as smtp:
        smtp.send_message(
            email, to_addrs=[to]
        )  # exactly this one recipient, whatever the headers say


def _server_answered(error):
    """True when the SMTP server refused this message (the next one may go); False when it is
    unreachable, hanging or dropped the connection (nothing else will go this pass either)."""
    return isinstance(error, (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused))


def _refused_for_good(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def _set_aside(message, reason, now):
    message.failed_at, message.last_error = now, reason[:1000]
    log.error("Email %s set aside: %s", message.id, reason)


def _reason(error, message):
    """Why the server said no, in words safe to show staff: the recipient's address is masked."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        reason = "Recipient refused: " + "; ".join(
            f"{code} {_text(text)}" for code, text in error.recipients.values()
        )
    elif isinstance(error, smtplib.SMTPResponseException):
        reason = f"{type(error).__name__}: {error.smtp_code} {_text(error.smtp_error)}"
    else:
        reason = f"{type(error).__name__}: {error}"
    return reason.replace(message.to, mask(message.to)) if message.to else reason


def _text(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _failed(message, error, now):
    message.attempts += 1
    reason = _reason(error, message)
    if _refused_for_good(error) or message.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
        _set_aside(message, reason, now)
    else:
        message.last_error = reason[:1000]
        message.next_attempt_at = now + timedelta(seconds=backoff(message.attempts))
        log.warning("Email %s not sent (attempt %s): %s", message.id, message.attempts, error)


def _deliver_one(message, now):
    """Try one claimed message. Returns "sent", "failed" or "unreachable" (stop the pass)."""
    try:
        email, to = build(message)
    except Unbuildable as error:
        message.attempts += 1
        _set_aside(message, str(error), now)
        return "failed"
    try:
        _send(email, to)
    except (OSError, smtplib.SMTPException) as error:
        _failed(message, error, now)
        return "failed" if _server_answered(error) else "unreachable"
    message.attempts += 1
    message.sent_at, message.last_error = utcnow(), None
    return "sent"


def deliver_outbox(*, now=None, limit=100):
    """Send every due message that is neither sent nor set aside. Returns (sent, failed) counts.

    Oldest due first, so a message backed off after failing goes behind fresh ones. One message that
    cannot be built, or breaks in any way, is set aside and the pass goes on; when the server cannot
    be reached nothing more is sent this pass (the rest stay due for the next one), but the rest are
    still built, so any that never could be are set aside now. Each message is claimed first, so two
    senders running at once never send the same message twice.
    """
    now = now or utcnow()
    query = (
        select(OutboxMessage)
        .where(
            OutboxMessage.sent_at.is_(None),
            OutboxMessage.failed_at.is_(None),
            OutboxMessage.next_attempt_at <= now,
        )
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
    )
    sent = failed = 0
    reachable = True
    for message_id in [m.id for m in db.session.scalars(query).all()]:
        message = db.session.get(OutboxMessage, message_id)
        if message is None:
            continue
        if not reachable:
            failed += _set_aside_if_unbuildable(message, now)
            continue
        if not _claim(message, now):
            continue
        try:
            outcome = _deliver_one(message, now)
            db.session.commit()
        except Exception as error:  # one broken message must never stop the others
            db.session.rollback()
            log.exception("Email %s broke the sender", message_id)
            message = db.session.get(OutboxMessage, message_id)
            message.attempts += 1
            _set_aside(message, f"Unexpected error: {type(error).__name__}: {error}", now)
            db.session.commit()
            outcome = "failed"
        sent += outcome == "sent"
        failed += outcome != "sent"
        reachable = outcome != "unreachable"
    return sent, failed


def _set_aside_if_unbuildable(message, now):
    """While the server is unreachable: set the message aside if it could never be sent. Returns 1
    if so."""
    try:
        build(message)
    except Unbuildable as error:
        message.attempts += 1
        _set_aside(message, str(error), now)
        db.session.commit()
        return 1
    return 0


def retry(message, *, actor):
    """Put a queued or set-aside message back at the front of the queue with a fresh count of
    attempts (audited). Raises InvalidTransition when it was already sent."""
    if message.sent_at is not None:
        raise InvalidTransition("This email was already sent")
    record(actor, "outbox.retry", message, was=message.state, attempts=message.attempts)
    message.failed_at, message.attempts, message.next_attempt_at = None, 0, utcnow()
    db.session.commit()
    log.info("outbox message %s retried by %s", message.id, actor.id)


STATE_FILTERS = {
    "queued": (OutboxMessage.sent_at.is_(None), OutboxMessage.failed_at.is_(None)),
    "failed": (OutboxMessage.failed_at.is_not(None), OutboxMessage.sent_at.is_(None)),
    "sent": (OutboxMessage.sent_at.is_not(None),),
}


def outbox_query(state=None):
    """Messages, newest first, optionally only those in `state` (queued, failed or sent)."""
    query = select(OutboxMessage)
    if state in STATE_FILTERS:
        query = query.where(*STATE_FILTERS[state])
    return query.order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())


def outbox_counts():
    """{"queued": n, "failed": n, "sent": n, "waiting": n, "failing": n} (waiting: not sent;
    failing: not sent and tried at least once, or set aside)."""
    unsent = OutboxMessage.sent_at.is_(None)
    row = db.session.execute(
        select(
            func.count(case((OutboxMessage.sent_at.is_not(None), 1))),
            func.count(case((unsent & OutboxMessage.failed_at.is_not(None), 1))),
            func.count(case((unsent & OutboxMessage.failed_at.is_(None), 1))),
            func.count(case((unsent & (OutboxMessage.attempts > 0), 1))),
        )
    ).one()
    sent, failed, queued, failing = row
    return {
        "queued": queued,
        "failed": failed,
        "sent": sent,
        "waiting": queued + failed,
        "failing": max(failing, failed),
    }


def mask(address):
    """'j***@example.org': enough for staff to tell messages apart without showing the address."""
    local, _, domain = (address or "").partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def messages_with_prefix(prefix):
    """Every message whose key starts with `prefix` (for example one concern's alerts)."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.key.like(f"{escaped}%", escape="\\"))
        .order_by(OutboxMessage.id)
    ).all()
