"""Telling people when an entry they care about is published or changes status, once per event."""

from sqlalchemy import select

from portal.extensions import db
from portal.feedback.models import FeedbackContact
from portal.mail.services import queue_email
from portal.urls import public_url
from portal.you_said_we_did.models import STATUS_LABELS, Subscriber


def matches(subscriber, entry):
    """True when the entry is about a chosen theme (or none were chosen) and in a chosen locality
    (or none were chosen, or the entry covers the whole area)."""
    themes = {t.slug for t in entry.themes}
    localities = {loc.slug for loc in entry.localities}
    theme_ok = not subscriber.theme_slugs or bool(themes & set(subscriber.theme_slugs))
    locality_ok = (
        not subscriber.locality_slugs
        or not localities
        or bool(localities & set(subscriber.locality_slugs))
    )
    return theme_ok and locality_ok


def _what_happened(entry, event):
    status = STATUS_LABELS[entry.status].lower()
    if event.kind == "published":
        return f'We have published a response: "{entry.title}". Its status is: {status}.'
    return f'The status of "{entry.title}" has changed to: {status}.' + (
        f"\n\n{event.note}" if event.note else ""
    )


def _body(entry, event, opening, closing):
    link = public_url("you_said_we_did.entry", entry_id=entry.id)
    return (
        f"{opening}\n\n{_what_happened(entry, event)}\n\nWhat we did or will "
        f"do:\n{entry.we_did}\n\n"
        f"Read it in full: {link}\n\n{closing}"
    )


def notify_event(entry, event):
    """Queue one email per consenting contributor whose words are evidence, and one per matching
    confirmed subscriber, in the caller's transaction. Each address gets at most one email for the
    event; outbox keys make a repeat call queue nothing new. Returns how many were queued."""
    sent_to = set()
    contribution_ids = [e.contribution_id for e in entry.evidence]
    contacts = (
        db.session.scalars(
            select(FeedbackContact)
            .where(
                FeedbackContact.contribution_id.in_(contribution_ids),
                FeedbackContact.wants_updates.is_(True),
                FeedbackContact.email.is_not(None),
            )
            .order_by(FeedbackContact.id)
        )
        if contribution_ids
        else []
    )
    for contact in contacts:
        if contact.email.lower() in sent_to:
            continue
        sent_to.add(contact.email.lower())
        queue_email(
            contact.email,
            f"What happened to what you told us: {entry.title}",
            _body(
                entry,
                event,
                "You told us something and asked to hear what changed. It helped shape this "
                "response.",
                "You get this email because you asked for updates when you gave feedback. We "
                "delete your contact details after 12 months.",
            ),
            key=f"ysywd-{entry.id}-{event.id}-contact-{contact.id}",
        )
    subscribers = db.session.scalars(
        select(Subscriber).where(Subscriber.confirmed_at.is_not(None)).order_by(Subscriber.id)
    )
    for subscriber in subscribers:
        if subscriber.email.lower() in sent_to or not matches(subscriber, entry):
            continue
        sent_to.add(subscriber.email.lower())
        unsubscribe = public_url("you_said_we_did.unsubscribe", token=subscriber.unsubscribe_token)
        queue_email(
            subscriber.email,
            f"You said, we did: {entry.title}",
            _body(
                entry,
                event,
                "An update you asked for.",
                f"Stop these emails (one click, then confirm): {unsubscribe}",
            ),
            key=f"ysywd-{entry.id}-{event.id}-{subscriber.id}",
        )
    return len(sent_to)
