"""Writing and reading the audit log."""

import logging

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.extensions import db

log = logging.getLogger(__name__)


def record(actor, action, obj=None, **details):
    """Add an audit event to the current transaction (the caller's service commits).

    `actor` is a User or None (system), `obj` any model with an `id`, `details` JSON-able values.
    """
    if obj is not None and getattr(obj, "id", 1) is None:
        db.session.flush()  # give a new object its id before we point at it
    event = AuditEvent(
        actor_id=getattr(actor, "id", None),
        action=action,
        object_type=type(obj).__name__ if obj is not None else None,
        object_id=str(obj.id) if obj is not None and getattr(obj, "id", None) is not None else None,
        details=details,
    )
    db.session.add(event)
    log.info(
        "%s by %s on %s %s",
        action,
        getattr(actor, "id", "system"),
        event.object_type,
        event.object_id,
    )
    return event


def recent_events(*, page=1, per_page=50, action=None):
    """A page of audit events, newest first, optionally for one action."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    if action:
        query = query.where(AuditEvent.action == action)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)
