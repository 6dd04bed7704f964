"""Writing measures, figures, baselines, targets and the co-production log; every write is
audited."""

import logging
import re

from sqlalchemy import select

from portal.audit.services import record
from portal.clock import utcnow
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.measures import queries
from portal.measures.models import (
    DECISION_LEVELS,
    Baseline,
    BaselineState,
    CoproductionActivity,
    Measure,
    MeasureFigure,
    Source,
    Target,
)
from portal.metrics.calculations import summary
from portal.permissions import can_admin, can_edit

log = logging.getLogger(__name__)
FINANCIAL_YEARS = ("2026/27", "2027/28", "2028/29")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def list_measures(public_only=False):
    """Every measure in display order (only public ones when asked)."""
    query = select(Measure).order_by(Measure.position, Measure.name)
    if public_only:
        query = query.where(Measure.public.is_(True))
    return db.session.scalars(query).all()


def find_measure(slug):
    return db.session.scalar(select(Measure).where(Measure.slug == slug))


def locked_baseline(measure):
    """The measure's locked baseline, or None."""
    return db.session.scalar(
        select(Baseline).where(
            Baseline.measure_id == measure.id, Baseline.state == BaselineState.LOCKED
        )
    )


def baseline_history(measure):
    return db.session.scalars(
        select(Baseline)
        .where(Baseline.measure_id == measure.id)
        .order_by(Baseline.locked_at.desc(), Baseline.id.desc())
    ).all()


def _require_editor(actor):
    if not can_edit(actor):
        raise NotAllowed("Only editors can change measures")


UNCHANGED = object()


def save_measure(
    measure,
    *,
    actor,
    slug,
    name,
    definition,
    audience,
    question_key,
    favourable_codes,
    owner,
    source,
    polarity,
    unit="",
    public=True,
    owner_organisation=UNCHANGED,
):
    """Create (measure=None) or update a measure. Raises ValidationFailed or NotAllowed.

    owner_organisation decides whose staff see exact counts (portal.metrics.disclosure), so only an
    admin may set or change it; leave it UNCHANGED otherwise.
    """
    _require_editor(actor)
    current = measure.owner_organisation if measure is not None else None
    if (
        owner_organisation is not UNCHANGED
        and (owner_organisation or None) != current
        and not can_admin(actor)
    ):
        raise NotAllowed("Only an admin can change which organisation owns a measure's figures")
    errors = {}
    if not _SLUG.match(slug or ""):
        errors["slug"] = (
            "Enter a slug of lower-case letters, numbers and hyphens, like "
            "parent-carer-satisfaction"
        )
    elif (clash := find_measure(slug)) is not None and clash is not measure:
        errors["slug"] = "Another measure already uses this slug"
    if not (name or "").strip():
        errors["name"] = "Enter the measure's name"
    if source == Source.SURVEY and not (question_key or "").strip():
        errors["question_key"] = (
            "Enter the question key this measure reads, like overall_satisfaction"
        )
    if source == Source.SURVEY and not favourable_codes:
        errors["favourable_codes"] = "Enter at least one favourable answer code"
    if errors:
        raise ValidationFailed("Check the measure", errors)
    created = measure is None
    if created:
        measure = Measure(position=len(list_measures()) + 20)
        db.session.add(measure)
    fields = dict(
        slug=slug,
        name=name.strip(),
        definition=(definition or "").strip(),
        audience=audience,
        question_key=(question_key or "").strip() or None,
        favourable_codes=list(favourable_codes),
        owner=(owner or "").strip(),
        source=source,
        polarity=polarity,
        unit=unit or "",
        public=public,
    )
    if owner_organisation is not UNCHANGED:
        fields["owner_organisation"] = owner_organisation or None
    for field, value in fields.items():
        setattr(measure, field, value)
    record(actor, "measure.create" if created else "measure.update", measure, **fields)
    db.session.commit()
    return measure


def preview_baseline(measure, *, date_from=None, date_to=None, survey_id=None, threshold=10):
    """The figure a baseline for this period would lock, without saving: a MeasureSummary-like
    dict."""
    if measure.is_survey:
        favourable, n = queries.measure_value(measure, date_from, date_to, survey_id)
        return summary(favourable, n, threshold).as_dict()
    mean, count = queries.figure_summary(measure, date_from, date_to)
    return {
        "value": mean,
        "n": count,
        "favourable": None,
        "ci_low": None,
        "ci_high": None,
        "suppressed": mean is None,
    }


def lock_baseline(
    measure, *, actor, label, date_from=None, date_to=None, survey_id=None, threshold=10
):
    """Compute and lock a measure's baseline for a period; stored once and never recomputed.

    Raises NotAllowed (not an editor), InvalidTransition (a baseline is already locked) or
    ValidationFailed (no label, dates the wrong way round, or too few answers to show).
    """
    _require_editor(actor)
    if locked_baseline(measure) is not None:
        raise InvalidTransition(
            "This measure already has a locked baseline. An admin must unlock it first."
        )
    if not (label or "").strip():
        raise ValidationFailed(
            "Name the period", {"label": "Enter a name for the period, like Summer 2026 Big Listen"}
        )
    if date_from and date_to and date_from > date_to:
        raise ValidationFailed(
            "Dates", {"date_from": "The start date must be on or before the end date"}
        )
    figure = preview_baseline(
        measure, date_from=date_from, date_to=date_to, survey_id=survey_id, threshold=threshold
    )
    if figure["suppressed"]:
        raise ValidationFailed(
            "Too few",
            {
                "label": f"This period has fewer than {threshold} valid answers, "
                "so it cannot be a baseline"
            },
        )
    if measure.is_survey and survey_id and not (date_from and date_to):
        first, last = queries.submitted_range(survey_id, measure.audience)
        date_from, date_to = date_from or first, date_to or last
    baseline = Baseline(
        measure_id=measure.id,
        label=label.strip(),
        date_from=date_from,
        date_to=date_to,
        survey_id=survey_id,
        value=figure["value"],
        favourable=figure["favourable"],
        n=figure["n"],
        ci_low=figure["ci_low"],
        ci_high=figure["ci_high"],
        locked_by_id=getattr(actor, "id", None),
    )
    db.session.add(baseline)
    record(
        actor,
        "baseline.lock",
        baseline,
        measure=measure.slug,
        label=baseline.label,
        value=baseline.value,
        n=baseline.n,
        date_from=str(date_from),
        date_to=str(date_to),
    )
    db.session.commit()
    return baseline


def unlock_baseline(baseline, *, actor, reason):
    """Unlock a baseline (admins only) so a new one can be locked; the old one stays in history."""
    if not can_admin(actor):
        raise NotAllowed("Only an admin can unlock a baseline")
    if baseline.state != BaselineState.LOCKED:
        raise InvalidTransition("This baseline is not locked")
    if not (reason or "").strip():
        raise ValidationFailed(
            "Give a reason", {"reason": "Enter why the baseline is being unlocked"}
        )
    baseline.state, baseline.unlock_reason = BaselineState.UNLOCKED, reason.strip()
    baseline.unlocked_by_id, baseline.unlocked_at = actor.id, utcnow()
    record(
        actor,
        "baseline.unlock",
        baseline,
        measure=baseline.measure.slug,
        reason=reason.strip(),
        value=baseline.value,
        n=baseline.n,
    )
    db.session.commit()
    return baseline


def set_target(measure, *, actor, financial_year, value):
    """Set (or change, or with value None remove) a measure's target for a financial year."""
    _require_editor(actor)
    if financial_year not in FINANCIAL_YEARS:
        raise ValidationFailed(
            "Year", {"financial_year": "Choose a financial year from 2026/27 to 2028/29"}
        )
    if value is not None and measure.is_survey and not 0 <= value <= 1:
        raise ValidationFailed("Range", {"value": "Enter a target from 0% to 100%"})
    if value is not None and value < 0:
        raise ValidationFailed("Range", {"value": "Enter a target of 0 or more"})
    target = db.session.scalar(
        select(Target).where(
            Target.measure_id == measure.id, Target.financial_year == financial_year
        )
    )
    if value is None:
        if target is not None:
            db.session.delete(target)
    elif target is None:
        target = Target(
            measure_id=measure.id,
            financial_year=financial_year,
            value=value,
            set_by_id=getattr(actor, "id", None),
        )
        db.session.add(target)
    else:
        target.value, target.set_by_id = value, getattr(actor, "id", None)
    record(actor, "target.set", measure, financial_year=financial_year, value=value)
    db.session.commit()
    return target


def record_figure(measure, *, actor, period_start, period_end, value, note=""):
    """Enter (or correct) a staff figure for a month or quarter. Raises ValidationFailed."""
    _require_editor(actor)
    if measure.is_survey:
        raise ValidationFailed(
            "Survey", {"value": "This measure is worked out from survey answers"}
        )
    if period_end < period_start:
        raise ValidationFailed(
            "Dates", {"period_end": "The end of the period must be after its start"}
        )
    if value is None or value < 0:
        raise ValidationFailed("Value", {"value": "Enter a figure of 0 or more"})
    figure = db.session.scalar(
        select(MeasureFigure).where(
            MeasureFigure.measure_id == measure.id, MeasureFigure.period_start == period_start
        )
    )
    if figure is None:
        figure = MeasureFigure(measure_id=measure.id, period_start=period_start)
        db.session.add(figure)
    figure.period_end, figure.value, figure.note = period_end, value, (note or "").strip()
    figure.entered_by_id = getattr(actor, "id", None)
    record(actor, "figure.record", measure, period_start=str(period_start), value=value)
    db.session.commit()
    return figure


def log_activity(
    *,
    actor,
    title,
    held_on,
    locality_id,
    parent_carers,
    young_people,
    professionals,
    decision_level,
    what_changed,
):
    """Add a co-production activity to the log (moderators and above). Raises ValidationFailed."""
    errors = {}
    if not (title or "").strip():
        errors["title"] = "Enter the event or group"
    if decision_level not in DECISION_LEVELS:
        errors["decision_level"] = "Choose the level of decision it informed"
    if min(parent_carers or 0, young_people or 0, professionals or 0) < 0:
        errors["parent_carers"] = "Numbers of people must be 0 or more"
    if errors:
        raise ValidationFailed("Check the activity", errors)
    activity = CoproductionActivity(
        title=title.strip(),
        held_on=held_on,
        locality_id=locality_id,
        parent_carers=parent_carers or 0,
        young_people=young_people or 0,
        professionals=professionals or 0,
        decision_level=decision_level,
        what_changed=(what_changed or "").strip(),
        logged_by_id=getattr(actor, "id", None),
    )
    db.session.add(activity)
    record(actor, "coproduction.log", activity, title=activity.title, held_on=str(held_on))
    db.session.commit()
    return activity


def recent_activities(limit=50):
    return db.session.scalars(
        select(CoproductionActivity)
        .order_by(CoproductionActivity.held_on.desc(), CoproductionActivity.id.desc())
        .limit(limit)
    ).all()
