"""Asking for updates: subscribe, confirm by link, unsubscribe, and retention and erasure."""

import secrets
from datetime import timedelta

from sqlalchemy import delete, func, select

from portal.clock import utcnow
from portal.errors import InvalidTransition, ValidationFailed
from portal.extensions import db
from portal.mail.addresses import FORMAT, clean_address
from portal.mail.services import queue_email
from portal.reference.models import Locality
from portal.themes.models import Theme
from portal.urls import public_url
from portal.you_said_we_did.models import Subscriber

UNCONFIRMED_DAYS = 7


def subscribe(*, email, theme_slugs=(), locality_slugs=()):
    """Store an unconfirmed subscription and email a confirmation link; nothing else is sent until
    it is confirmed. Unknown slugs are dropped. Raises ValidationFailed for a bad address."""
    try:
        email = clean_address(email)
    except ValueError as error:
        raise ValidationFailed("Bad email", {"email": str(error) if email else FORMAT}) from error
    themes = set(db.session.scalars(select(Theme.slug).where(Theme.slug.in_(list(theme_slugs)))))
    localities = set(
        db.session.scalars(select(Locality.slug).where(Locality.slug.in_(list(locality_slugs))))
    )
    subscriber = Subscriber(
        email=email,
        theme_slugs=sorted(themes),
        locality_slugs=sorted(localities),
        confirm_token=secrets.token_urlsafe(32),
        unsubscribe_token=secrets.token_urlsafe(32),
    )
    db.session.add(subscriber)
    db.session.flush()
    link = public_url("you_said_we_did.confirm", token=subscriber.confirm_token)
    queue_email(
        email,
        "Confirm you want updates about what changed",
        f"Someone (we hope you) asked for email updates when the partnership publishes what it did "
        f"about what people told it.\n\nConfirm here: {link}\n\nIf this was not you, ignore this "
        "email. "
        f"We delete unconfirmed requests after {UNCONFIRMED_DAYS} days.",
        key=f"ysywd-confirm-{subscriber.id}",
    )
    db.session.commit()
    return subscriber


def find_by_token(kind, token):
    """The subscriber whose confirm or unsubscribe token is `token`, or None."""
    column = Subscriber.confirm_token if kind == "confirm" else Subscriber.unsubscribe_token
    if not token or len(token) > 64:
        return None
    return db.session.scalar(select(Subscriber).where(column == token))


def confirm(subscriber):
    """Confirm the subscription. It replaces any earlier one for the same address, so nobody gets
    two emails for one event. Raises InvalidTransition when already confirmed."""
    if subscriber.confirmed_at is not None:
        raise InvalidTransition("Already confirmed")
    db.session.execute(
        delete(Subscriber).where(
            func.lower(Subscriber.email) == subscriber.email,
            Subscriber.id != subscriber.id,
            Subscriber.confirmed_at.is_not(None),
        )
    )
    subscriber.confirmed_at = utcnow()
    db.session.commit()
    return subscriber


def unsubscribe(subscriber):
    """Delete the subscription and with it the email address."""
    db.session.delete(subscriber)
    db.session.commit()


def purge_unconfirmed(now=None):
    """Delete subscriptions left unconfirmed for UNCONFIRMED_DAYS days (does not commit). Returns
    n."""
    cutoff = (now or utcnow()) - timedelta(days=UNCONFIRMED_DAYS)
    return db.session.execute(
        delete(Subscriber).where(Subscriber.confirmed_at.is_(None), Subscriber.created_at < cutoff)
    ).rowcount


def erase_subscriptions(email):
    """Delete every subscription for `email` (does not commit). Returns how many."""
    return db.session.execute(
        delete(Subscriber).where(func.lower(Subscriber.email) == (email or "").strip().lower())
    ).rowcount
