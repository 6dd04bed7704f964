"""Saving "tell us" feedback as a contribution, with any contact details kept apart."""

import re
from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, select

from portal.contributions.models import Contribution, Source
from portal.contributions.services import submit_contribution
from portal.errors import ValidationFailed
from portal.extensions import db
from portal.feedback.models import FeedbackContact
from portal.idempotency.services import store_once
from portal.mail.addresses import FORMAT, clean_address, is_address
from portal.safeguarding.models import active_concern_exists

PHONE = re.compile(r"^[0-9 +()-]{7,20}$")


def _contact_errors(contact_choices, email, phone):
    errors = {}
    if email and not is_address(email):
        errors["email"] = FORMAT
    if phone and not PHONE.match(phone):
        errors["phone"] = "Enter a phone number, like 01632 960 001 or 07700 900 982"
    if "updates" in contact_choices and not email and "email" not in errors:
        errors["email"] = "Enter an email address so we can send you updates"
    if "reply" in contact_choices and not (email or phone) and not errors:
        errors["email"] = "Enter an email address or phone number so we can reply"
    return errors


def submit_feedback(
    *,
    author_role,
    about,
    locality,
    message,
    contact_choices=(),
    name="",
    email="",
    phone="",
    form_token=None,
):
    """Save feedback as a pending contribution and, only if asked, contact details in a separate
    table.

    `contact_choices` holds "reply" and/or "updates". "What it is about" is part of the text, so it
    is analysed and redacted with the message. `form_token` is the form's one-time token: the same
    form sent again (a double click, a resend) stores nothing more and returns what the first
    sending stored. Raises ValidationFailed. Returns the Contribution (None if a resent form's
    feedback has since been erased).
    """
    email, phone = (email or "").strip(), (phone or "").strip()
    errors = _contact_errors(set(contact_choices), email, phone)
    if not (message or "").strip():
        errors["message"] = "Enter your message"
    if errors:
        raise ValidationFailed("Feedback is not valid", errors)
    text = f"About: {about.strip()}\n\n{message}" if (about or "").strip() else message

    def store():
        contribution = submit_contribution(
            source=Source.FEEDBACK,
            text=text,
            author_role=author_role or None,
            locality=locality,
            commit=False,
            field="message",
        )
        if contact_choices:
            db.session.add(
                FeedbackContact(
                    contribution_id=contribution.id,
                    name=(name or "").strip()[:120],
                    email=clean_address(email) if email else None,
                    phone=phone or None,
                    wants_reply="reply" in contact_choices,
                    wants_updates="updates" in contact_choices,
                )
            )
        return contribution

    return store_once("feedback", form_token, store, Contribution)[0]


def wants_contact(contribution):
    """True when contact details were left with this feedback."""
    return (
        contribution is not None
        and db.session.scalar(
            select(FeedbackContact.id)
            .where(FeedbackContact.contribution_id == contribution.id)
            .limit(1)
        )
        is not None
    )


def purge_contacts(now):
    """Retention: delete contact details older than RETENTION_CONTACT_DAYS (does not commit).

    Details given with a message under an active safeguarding concern are kept: the lead may need
    them to reach the person. Returns how many were deleted.
    """
    cutoff = now - timedelta(days=current_app.config["RETENTION_CONTACT_DAYS"])
    return db.session.execute(
        delete(FeedbackContact)
        .where(
            FeedbackContact.created_at < cutoff,
            ~active_concern_exists(FeedbackContact.contribution_id),
        )
        .execution_options(synchronize_session=False)
    ).rowcount
