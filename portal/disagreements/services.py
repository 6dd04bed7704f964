"""Recording complaint, mediation, tribunal and ombudsman counts (officers), and reading them
back."""

import logging

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from portal.audit.services import record
from portal.disagreements.models import OUTCOMES, STAGES, DisagreementCount
from portal.errors import NotAllowed, ValidationFailed
from portal.extensions import db
from portal.measures.periods import closed_windows
from portal.permissions import can_edit
from portal.reference.models import Locality
from portal.themes.models import Theme

log = logging.getLogger(__name__)
MOST = 100000


def _check(quarter, theme_id, stage, outcome, locality_id, count):
    errors = {}
    if quarter not in {window.key for window in closed_windows()}:
        errors["quarter"] = "Choose a quarter that has ended"
    if not theme_id or db.session.get(Theme, theme_id) is None:
        errors["theme_id"] = "Choose the theme"
    if stage not in STAGES:
        errors["stage"] = "Choose the stage: complaint, mediation, tribunal or ombudsman"
    if outcome not in OUTCOMES:
        errors["outcome"] = "Choose the outcome"
    if locality_id and db.session.get(Locality, locality_id) is None:
        errors["locality_id"] = "Choose a locality from the list"
    if count is None or not 0 <= count <= MOST:
        errors["count"] = "Enter how many, as a whole number from 0 to 100,000"
    if errors:
        raise ValidationFailed("Check the count", errors)


def _cell(quarter, theme_id, stage, outcome, locality_id):
    where = [
        DisagreementCount.quarter == quarter,
        DisagreementCount.theme_id == theme_id,
        DisagreementCount.stage == stage,
        DisagreementCount.outcome == outcome,
        DisagreementCount.locality_id.is_(None)
        if not locality_id
        else DisagreementCount.locality_id == locality_id,
    ]
    return db.session.scalar(select(DisagreementCount).where(*where))


def record_count(*, actor, quarter, theme_id, stage, outcome, locality_id, count):
    """Set the count for one cell (quarter, theme, stage, outcome, locality); saving it again
    replaces it.

    Officers (editors) and admins only; audited with the count it replaced.
    Raises NotAllowed or ValidationFailed (field name -> message).
    """
    if not can_edit(actor):
        raise NotAllowed(
            "Only officers (editors) and admins can record complaints and disagreements"
        )
    locality_id = locality_id or None
    _check(quarter, theme_id, stage, outcome, locality_id, count)
    for attempt in (
        1,
        2,
    ):  # a second officer saving the same cell at the same moment: update theirs
        row = _cell(quarter, theme_id, stage, outcome, locality_id)
        was = row.count if row is not None else None
        if row is None:
            row = DisagreementCount(
                quarter=quarter,
                theme_id=theme_id,
                stage=stage,
                outcome=outcome,
                locality_id=locality_id,
                count=count,
                entered_by_id=actor.id,
            )
            db.session.add(row)
        row.count, row.entered_by_id = count, actor.id
        try:
            db.session.flush()
        except IntegrityError:
            db.session.rollback()
            if attempt == 2:
                raise
            continue
        record(
            actor,
            "disagreements.record",
            row,
            quarter=quarter,
            theme_id=theme_id,
            stage=stage,
            outcome=outcome,
            locality_id=locality_id,
            count=count,
            was=was,
        )
        db.session.commit()
        log.info("disagreement count %s set to %s by %s", row.id, count, actor.id)
        return row


def entered_rows(quarter):
    """Every recorded count for a quarter (exact: for the officers who keep them)."""
    return db.session.scalars(
        select(DisagreementCount)
        .where(DisagreementCount.quarter == quarter)
        .order_by(
            DisagreementCount.theme_id,
            DisagreementCount.stage,
            DisagreementCount.outcome,
            DisagreementCount.locality_id,
        )
    ).all()


def totals_by_theme_and_stage(quarter):
    """{(theme_id, stage): count} for a quarter, summed over outcomes and localities in the
    database."""
    rows = db.session.execute(
        select(
            DisagreementCount.theme_id, DisagreementCount.stage, func.sum(DisagreementCount.count)
        )
        .where(DisagreementCount.quarter == quarter)
        .group_by(DisagreementCount.theme_id, DisagreementCount.stage)
    )
    return {(theme_id, stage): int(total or 0) for theme_id, stage, total in rows}
