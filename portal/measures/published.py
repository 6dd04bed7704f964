"""Published figures stored ready: /results and the public API are worked out once per change, not
per request.

Published figures are for closed financial-year quarters only (portal.measures.periods), and
answers submitted online are dated when they are submitted, so nothing a family does changes a
closed quarter's figures. What can: a measure, target, baseline or staff figure, or a locality, age
band or cohort (the labels and order of breakdowns) being written, or an import of answers (which
may date them in a closed quarter). Any such write through the ORM adds a FigureChange row in the
same transaction (see _note_changes), as does an audited import (WATCHED_ACTIONS). The newest
FigureChange id is the figures' *generation*; a stored figure is served only while its generation
is the newest. Stored rows are keyed by the closed period they were computed for, so when a quarter
closes the default period's key changes and the next request computes it (the cheap check is the
key).

The first request after a change computes and stores; `portal measures refresh` does it ahead.
"""

import logging

from sqlalchemy import DateTime, Text, delete, event, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from portal.audit.models import AuditEvent
from portal.extensions import db, one_statement_options
from portal.measures.models import (
    Baseline,
    FigureChange,
    Measure,
    MeasureFigure,
    PublishedFigure,
    Target,
)
from portal.reference.models import AgeBand, Cohort, Locality

log = logging.getLogger(__name__)
#: Writes to these change what is published (values, targets, baselines, breakdown labels and
# order).
WATCHED = (Measure, Target, Baseline, MeasureFigure, Locality, AgeBand, Cohort)
#: Audited actions that write answers with bulk statements the ORM hook cannot see: an import of
# paper : responses may date them in a closed quarter.
WATCHED_ACTIONS = frozenset({"survey.import"})


def generation():
    """The newest FigureChange id (0 before any change)."""
    return db.session.scalar(select(func.coalesce(func.max(FigureChange.id), 0)))


# Written out once: served on every /results and API request, where building the statement with the
# ORM cost as much as the rest of the request. The unique constraint's index answers it.
_READ = text(
    "SELECT payload, computed_at FROM published_figures WHERE page = :page AND measure = :measure "
    "AND period = :period AND breakdown = :breakdown AND threshold = :threshold "
    "AND generation = (SELECT COALESCE(MAX(id), 0) FROM figure_changes)"
).columns(payload=Text, computed_at=DateTime)


def read(page, *, period, threshold, measure="", breakdown=""):
    """(payload, computed_at) stored for this key at the newest generation, or None.

    Read on a connection of its own rather than through the ORM session: a served page then never
    opens the session at all, which halves the cost of the read. Only public pages read here, and
    they have written nothing the read should see. One statement needs no transaction
    (extensions.one_statement_options).
    """
    key = {
        "page": page,
        "measure": measure,
        "period": period,
        "breakdown": breakdown,
        "threshold": threshold,
    }
    options = one_statement_options(db.engine)
    with db.engine.connect().execution_options(**options) as connection:
        row = connection.execute(_READ, key).first()
    return (row.payload, row.computed_at) if row else None


def _insert(values):
    """Insert a stored figure; a twin stored by a concurrent request meanwhile wins quietly."""
    dialect = db.engine.dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    db.session.execute(insert(PublishedFigure).values(**values).on_conflict_do_nothing())


def stored(page, *, period, threshold, compute, measure="", breakdown=""):
    """The payload for a key: as stored, or computed by `compute()` (a str), stored and returned.

    The generation is read before computing, so figures computed while an editor's change commits
    are stored under the older generation and never served after it.
    Returns (payload, computed_at or None when just computed).
    """
    found = read(page, period=period, threshold=threshold, measure=measure, breakdown=breakdown)
    if found is not None:
        return found
    current = generation()
    payload = compute()
    try:
        _insert(
            dict(
                page=page,
                measure=measure,
                period=period,
                breakdown=breakdown,
                threshold=threshold,
                generation=current,
                payload=payload,
            )
        )
        db.session.execute(delete(PublishedFigure).where(PublishedFigure.generation < current))
        db.session.commit()
    except (
        SQLAlchemyError
    ):  # storing is a saving, never a reason to fail the page: serve what was computed
        db.session.rollback()
        log.warning(
            "could not store published figures for %s %s %s", page, measure, period, exc_info=True
        )
    return payload, None


def mark_changed(reason):
    """Record a change that the ORM hook cannot see (a bulk write); stored figures go stale."""
    db.session.add(FigureChange(reason=reason[:80]))


def forget_all():
    """Delete every stored figure (the next request, or refresh, computes them again)."""
    db.session.execute(delete(PublishedFigure))


def _changed(session):
    for obj in session.new | session.deleted:
        if (
            isinstance(obj, WATCHED)
            or isinstance(obj, AuditEvent)
            and obj.action in WATCHED_ACTIONS
        ):
            return obj
    for obj in session.dirty:
        if isinstance(obj, WATCHED) and session.is_modified(obj):
            return obj
    return None


@event.listens_for(Session, "before_flush")
def _note_changes(session, flush_context, instances):
    """Add one FigureChange to a flush that writes anything in WATCHED (once per flush)."""
    if any(isinstance(obj, FigureChange) for obj in session.new):
        return
    changed = _changed(session)
    if changed is not None:
        session.add(FigureChange(reason=f"{type(changed).__tablename__} changed"))
