"""Opening, assigning and closing measure actions, and reading them; every write is audited."""

import logging
from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError

from portal.accounts.models import User
from portal.audit.services import record
from portal.clock import utcnow
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.mail.services import queue_email
from portal.measure_actions.models import ActionState, MeasureAction
from portal.metrics.deterioration import TRIGGER_LABELS
from portal.permissions import Role, can_edit
from portal.urls import public_url

log = logging.getLogger(__name__)
#: The PMO asks for an exception report and recovery plan within 10 working days (seeds-digest 6.1).
REVIEW_WORKING_DAYS = 10


def working_days_after(day, count):
    """The date `count` working days (Monday to Friday) after `day`."""
    while count > 0:
        day += timedelta(days=1)
        count -= day.weekday() < 5
    return day


def owners_for(organisation):
    """Active editors and admins who can own an action: the organisation's first, editors before
    admins."""
    order = [case((User.role == Role.EDITOR, 0), else_=1), User.id]
    if organisation:
        order.insert(0, case((User.organisation == organisation, 0), else_=1))
    return db.session.scalars(
        select(User)
        .where(
            User.active.is_(True), User.email.is_not(None), User.role.in_([Role.EDITOR, Role.ADMIN])
        )
        .order_by(*order)
    ).all()


def default_owner(organisation):
    """The named person an action opens with: the owning organisation's longest-standing editor
    (else its admin, else any admin); officers can name someone else on the action's page. None if
    nobody."""
    return next(
        (
            person
            for person in owners_for(organisation)
            if person.organisation == organisation or person.role == Role.ADMIN
        ),
        None,
    )


def _tell_owner(action):
    if action.owner is None or not action.owner.email:
        return

    body = (
        f'An action has been opened on the measure "{action.measure.name}" and you are named as '
        "its owner.\n\n"
        f"Why: {TRIGGER_LABELS[action.trigger]} ({action.period_label}).\n{action.evidence}\n\n"
        f"Review it by {action.review_by:%d %B %Y}: look at the contributory factors, agree "
        "targeted support "
        f"and improvement actions, and follow up with the {action.follow_up_label} figures.\n\n"
        f"Open the action: {public_url('measure_actions.show', action_id=action.id)}\n"
    )
    queue_email(
        action.owner.email,
        f"Action needed: {action.measure.name} got worse",
        body,
        key=f"measure-action-{action.id}-owner-{action.owner.id}",
    )


def open_action(
    measure,
    *,
    period,
    period_label,
    trigger,
    evidence,
    figures,
    follow_up_period,
    follow_up_label,
    today=None,
):
    """Open one action for (measure, period, trigger kind) and email its owner, in one transaction.

    Returns the new MeasureAction, or None when that action already exists (another run, even one
    running at the same moment, opened it first: the unique constraint decides).
    """
    exists = select(MeasureAction.id).where(
        MeasureAction.measure_id == measure.id,
        MeasureAction.period == period,
        MeasureAction.trigger == trigger,
    )
    if db.session.scalar(exists) is not None:
        return None
    owner = default_owner(measure.owner_organisation)
    action = MeasureAction(
        measure=measure,
        period=period,
        period_label=period_label,
        trigger=trigger,
        evidence=evidence,
        figures=figures,
        owner_organisation=measure.owner_organisation,
        owner=owner,
        review_by=working_days_after(today or date.today(), REVIEW_WORKING_DAYS),
        follow_up_period=follow_up_period,
        follow_up_label=follow_up_label,
    )
    db.session.add(action)
    try:
        db.session.flush()
        record(
            None,
            "measure_action.open",
            action,
            measure=measure.slug,
            period=period,
            trigger=trigger,
            owner_id=getattr(owner, "id", None),
        )
        _tell_owner(action)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        log.info("Action for %s %s %s already opened by another run", measure.slug, period, trigger)
        return None
    log.info("measure action %s opened for %s (%s, %s)", action.id, measure.slug, period, trigger)
    return action


def _require_officer(actor):
    if not can_edit(actor):
        raise NotAllowed("Only officers (editors) and admins can change actions")


def close_action(action, *, actor, note):
    """Close an open action with a note of what was done (who closed it is kept and audited).

    Raises NotAllowed, InvalidTransition (already closed) or ValidationFailed (no note).
    """
    _require_officer(actor)
    if not action.is_open:
        raise InvalidTransition("This action is already closed")
    note = (note or "").strip()
    if not note:
        raise ValidationFailed(
            "Say what was done", {"note": "Enter what was done before closing the action"}
        )
    action.state, action.closing_note = ActionState.CLOSED, note
    action.closed_at, action.closed_by_id = utcnow(), actor.id
    record(
        actor,
        "measure_action.close",
        action,
        measure=action.measure.slug,
        period=action.period,
        note=note,
    )
    db.session.commit()
    log.info("measure action %s closed by %s", action.id, actor.id)
    return action


def assign_action(action, *, actor, owner_id, review_by, today=None):
    """Name the person who owns an open action and when it is reviewed; the new owner is emailed.

    Raises NotAllowed, InvalidTransition (closed) or ValidationFailed (unknown person, date in the
    past).
    """
    _require_officer(actor)
    if not action.is_open:
        raise InvalidTransition("This action is closed")
    errors = {}
    owner = db.session.get(User, owner_id) if owner_id else None
    if owner is None or owner not in owners_for(action.owner_organisation):
        errors["owner_id"] = "Choose the person who owns this action"
    if review_by is None:
        errors["review_by"] = "Enter the review date"
    elif review_by < (today or date.today()):
        errors["review_by"] = "The review date must be today or in the future"
    if errors:
        raise ValidationFailed("Check the owner and date", errors)
    changed_owner = owner.id != action.owner_id
    record(
        actor,
        "measure_action.assign",
        action,
        owner_id=owner.id,
        was_owner_id=action.owner_id,
        review_by=str(review_by),
        was_review_by=str(action.review_by),
    )
    action.owner, action.review_by = owner, review_by
    if changed_owner:
        _tell_owner(action)
    db.session.commit()
    return action


def list_actions(state=None):
    """Actions, open ones first by review date, then closed ones newest first."""
    query = select(MeasureAction)
    if state in (ActionState.OPEN, ActionState.CLOSED):
        query = query.where(MeasureAction.state == state)
    return db.session.scalars(
        query.order_by(
            case((MeasureAction.state == ActionState.OPEN, 0), else_=1),
            MeasureAction.review_by,
            MeasureAction.id.desc(),
        )
    ).all()


def overdue_actions(today=None):
    """Open actions past their review date, oldest review date first."""
    return db.session.scalars(
        select(MeasureAction)
        .where(
            MeasureAction.state == ActionState.OPEN,
            MeasureAction.review_by < (today or date.today()),
        )
        .order_by(MeasureAction.review_by, MeasureAction.id)
    ).all()


def action_counts(today=None):
    """(open, overdue) counts."""
    today = today or date.today()
    is_open = MeasureAction.state == ActionState.OPEN
    row = db.session.execute(
        select(
            func.count(case((is_open, 1))),
            func.count(case((is_open & (MeasureAction.review_by < today), 1))),
        )
    ).one()
    return row[0], row[1]
