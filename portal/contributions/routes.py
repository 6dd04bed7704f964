"""Staff-logged insight: moderators type in what SENDIASS, the PCF, events or phone calls tell
them."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from portal.contributions import services
from portal.contributions.forms import InsightForm
from portal.errors import ValidationFailed
from portal.forms_util import apply_errors
from portal.permissions import Role, role_required
from portal.reference.services import active_localities

bp = Blueprint("contributions", __name__, url_prefix="/staff")


@bp.route("/insight/new", methods=["GET", "POST"])
@role_required(Role.MODERATOR)
def log_insight():
    form = InsightForm(active_localities())
    if form.validate_on_submit():
        try:
            contribution = services.log_insight(
                moderator=current_user,
                text=form.text.data,
                channel=form.channel.data,
                organisation=form.organisation.data,
                locality=int(form.locality.data) if form.locality.data else None,
                families_represented=form.families_represented.data,
                author_role=form.author_role.data,
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash(
                f"Insight saved as item {contribution.id}. It is in the moderation queue.",
                "success",
            )
            return redirect(url_for("moderation.queue"))
    return render_template("contributions/insight.html", form=form)
