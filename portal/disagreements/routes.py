"""Staff pages: the complaints and disagreements table (viewers and up) and recording counts
(officers)."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from portal.disagreements import services
from portal.disagreements.dashboard import disagreements_view
from portal.disagreements.forms import CountForm
from portal.disagreements.models import OUTCOMES, STAGES
from portal.errors import ValidationFailed
from portal.forms_util import apply_errors
from portal.measures.periods import period_options
from portal.measures.routes.public import window_or_error
from portal.metrics.disclosure import sees_exact_counts
from portal.permissions import Role, role_required
from portal.reference.services import active_localities
from portal.themes.services import active_themes

bp = Blueprint("disagreements", __name__, url_prefix="/staff/measures/complaints")
#: Whose officers keep the complaint returns, and so may read back the exact counts they entered.
OWNER = "council"


@bp.route("")
@role_required(Role.VIEWER)
def index():
    period = request.args.get("period", "")
    window, error = window_or_error(period)
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    exact = window is not None and sees_exact_counts(current_user, OWNER)
    return render_template(
        "disagreements/manage/index.html",
        period=period,
        window=window,
        error=error,
        options=period_options(),
        threshold=threshold,
        table=disagreements_view(window, threshold) if window else None,
        entered=services.entered_rows(window.key) if exact else None,
        stages=STAGES,
        outcomes=OUTCOMES,
    ), 400 if error else 200


def _form():
    form = CountForm()
    form.quarter.choices = [SelectChoice("", "Choose the quarter")] + [
        SelectChoice(k, v) for k, v in period_options()
    ]
    form.theme_id.choices = [SelectChoice(0, "Choose the theme")] + [
        SelectChoice(t.id, t.label) for t in active_themes()
    ]
    form.locality_id.choices = [SelectChoice(0, "Not known, or county-wide")] + [
        SelectChoice(place.id, place.name) for place in active_localities()
    ]
    return form


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def record():
    form = _form()
    if form.validate_on_submit():
        fields = {
            name: form[name].data
            for name in ("quarter", "theme_id", "stage", "outcome", "locality_id", "count")
        }
        try:
            services.record_count(actor=current_user, **fields)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash(
                f"Saved: {form.count.data} for {STAGES[form.stage.data].lower()}, "
                f"{OUTCOMES[form.outcome.data].lower()}.",
                "success",
            )
            return redirect(url_for("disagreements.index", period=form.quarter.data))
    return render_template("disagreements/manage/record.html", form=form)
