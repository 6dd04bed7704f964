"""Storing something once per form token, however often or however fast the form is sent."""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.idempotency.forms import TOKEN
from portal.idempotency.models import FormSubmission


def stored_for(kind, token):
    """The object id stored for this form token, or None when it has not been sent (or has no
    token)."""
    if not token or not TOKEN.match(token):
        return None
    row = db.session.scalar(
        select(FormSubmission).where(FormSubmission.kind == kind, FormSubmission.token == token)
    )
    return row.object_id if row is not None else None


def store_once(kind, token, store, model):
    """Call `store()` (adds rows, returns the stored object, does not commit) and commit, once per
    token.

    The token is claimed first, in the same transaction as what `store()` adds: a second sending
    that races the first waits on the unique key and then finds the first one's object. Returns
    (object, True) when this call stored it, or (the `model` row an earlier sending stored, False):
    that row is None if it has since been deleted (erasure). Without a usable token the form is
    simply stored.
    """
    if not token or not TOKEN.match(token):
        stored = store()
        db.session.commit()
        return stored, True
    earlier = stored_for(kind, token)
    if earlier is not None:
        return db.session.get(model, earlier), False
    claim = FormSubmission(kind=kind, token=token)
    db.session.add(claim)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        return _earlier(kind, token, model), False
    try:
        stored = store()
        db.session.flush()  # gives `stored` its id
        claim.object_id = stored.id
    except BaseException:
        db.session.rollback()
        raise
    try:
        db.session.commit()
    except IntegrityError:  # SQLite may only notice the clash at commit
        db.session.rollback()
        return _earlier(kind, token, model), False
    return stored, True


def _earlier(kind, token, model):
    object_id = stored_for(kind, token)
    return db.session.get(model, object_id) if object_id is not None else None
