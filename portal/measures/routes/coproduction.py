"""The co-production activity log (moderators add entries; viewers read)."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from portal.errors import ValidationFailed
from portal.forms_util import apply_errors
from portal.measures import services
from portal.measures.forms import ActivityForm
from portal.measures.models import DECISION_LEVELS
from portal.measures.routes.blueprint import bp
from portal.permissions import Role, role_required
from portal.reference.services import active_localities


@bp.route("/staff/measures/co-production")
@role_required(Role.VIEWER)
def coproduction():
    return render_template(
        "measures/manage/coproduction.html",
        activities=services.recent_activities(),
        levels=DECISION_LEVELS,
    )


@bp.route("/staff/measures/co-production/new", methods=["GET", "POST"])
@role_required(Role.MODERATOR)
def log_activity():
    form = ActivityForm()
    form.locality_id.choices = [SelectChoice(0, "County-wide or not one locality")] + [
        SelectChoice(place.id, place.name) for place in active_localities()
    ]
    if form.validate_on_submit():
        fields = {
            name: form[name].data
            for name in (
                "title",
                "held_on",
                "parent_carers",
                "young_people",
                "professionals",
                "decision_level",
                "what_changed",
            )
        }
        try:
            services.log_activity(
                actor=current_user, locality_id=form.locality_id.data or None, **fields
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash("Activity added to the co-production log.", "success")
            return redirect(url_for("measures.coproduction"))
    return render_template("measures/manage/log_activity.html", form=form)
