"""Sending email through the configured SMTP server (one call site per feature, so an outbox can replace it)."""
import smtplib
from email.message import EmailMessage

from flask import current_app


def send_email(to, subject, body):
    """Send a plain-text email to `to` via MAIL_SERVER:MAIL_PORT from MAIL_SENDER. Raises OSError on failure."""
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    with smtplib.SMTP(current_app.config["MAIL_SERVER"], current_app.config["MAIL_PORT"], timeout=10) as smtp:
        smtp.send_message(message)
