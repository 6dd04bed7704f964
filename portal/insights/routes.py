"""The insight explorer (/staff/insights): contributions by theme, for viewers and every staff role
above."""

from datetime import date

from flask import Blueprint, current_app, render_template, request
from flask_login import current_user
from sqlalchemy import select

from portal.contributions.models import CHANNEL_LABELS, ROLE_LABELS
from portal.extensions import db
from portal.insights.explorer import explore
from portal.insights.queries import Filters
from portal.measures.periods import FIRST_YEAR, closed_windows
from portal.permissions import Role, can_admin, role_required
from portal.reference.models import AgeBand, Cohort
from portal.reference.services import all_localities
from portal.themes.models import Theme

bp = Blueprint("insights", __name__, url_prefix="/staff/insights")


def survey_choices():
    """[(id, title)] when the surveys feature's table is part of this app, else [] (filter
    omitted)."""
    table = db.metadata.tables.get("surveys")
    if table is None or "title" not in table.c:
        return []
    return [
        (row.id, row.title)
        for row in db.session.execute(select(table.c.id, table.c.title).order_by(table.c.title))
    ]


def _date(name, errors, label):
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        errors[name] = f"{label} must be a real date, like 2026-04-01"
        return None


def _closed_quarters(date_from, date_to, errors, today):
    """For readers who see protected counts: the period must run from the start of a quarter to the
    end of a quarter that has ended (empty: from the beginning, to the end of the latest closed
    quarter)."""
    windows = closed_windows(today)
    if date_from and date_from not in {w.start for w in windows}:
        errors["from"] = (
            "Period from must be the first day of a financial-year quarter that has ended "
            "(1 April, 1 July, 1 October or 1 January)"
        )
        date_from = None
    if date_to and date_to not in {w.end for w in windows}:
        errors["to"] = (
            "Period to must be the last day of a financial-year quarter that has ended "
            "(30 June, 30 September, 31 December or 31 March)"
        )
        date_to = None
    return date_from, date_to or (windows[0].end if windows else date(FIRST_YEAR, 3, 31))


def read_filters(choices, protected=False, today=None):
    """Filters from the query string; unknown values are ignored, bad dates reported in errors.

    When `protected`, the period is snapped to closed quarters (see _closed_quarters).
    """
    args, errors = request.args, {}
    date_from, date_to = _date("from", errors, "Period from"), _date("to", errors, "Period to")
    if date_from and date_to and date_from > date_to:
        errors["to"] = "Period to must be the same as or after period from"
        date_to = None
    if protected:
        date_from, date_to = _closed_quarters(date_from, date_to, errors, today or date.today())

    def pick(name, options, cast=str):
        value = args.get(name, "")
        return cast(value) if value and value in {str(k) for k, _ in options} else None

    return Filters(
        date_from=date_from,
        date_to=date_to,
        survey_id=pick("survey", choices["surveys"], int),
        channel=pick("channel", choices["channels"]),
        author_role=pick("role", choices["roles"]),
        locality_id=pick("locality", choices["localities"], int),
        age_band=pick("age_band", choices["age_bands"]),
        cohort=pick("cohort", choices["cohorts"]),
    ), errors


def _filter_choices():
    localities = all_localities()
    return {
        "surveys": survey_choices(),
        "channels": list(CHANNEL_LABELS.items()),
        "roles": list(ROLE_LABELS.items()),
        "localities": [(loc.id, loc.name) for loc in localities],
        "age_bands": [
            (b.code, b.label)
            for b in db.session.scalars(select(AgeBand).order_by(AgeBand.position))
        ],
        "cohorts": [
            (c.code, c.label) for c in db.session.scalars(select(Cohort).order_by(Cohort.position))
        ],
    }, localities


@bp.route("")
@role_required(Role.VIEWER)
def index():
    choices, localities = _filter_choices()
    # Contributions are owned by the organisations that gathered them; until walls between
    # organisations exist, everyone but admins reads protected counts for closed quarters.
    protected = not can_admin(current_user)
    filters, errors = read_filters(choices, protected)
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    themes = db.session.scalars(select(Theme).order_by(Theme.label)).all()
    data = explore(
        filters,
        themes=themes,
        localities=localities,
        threshold=threshold,
        today=date.today(),
        viewer=current_user,
        protected=protected,
    )
    return render_template(
        "insights/index.html",
        data=data,
        filters=filters,
        choices=choices,
        errors=errors,
        threshold=threshold,
        args=request.args,
        protected=protected,
    ), 400 if errors else 200
