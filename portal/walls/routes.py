"""Admins set which organisations' text is walled; owners approve walled text for use outside."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from portal.contributions.models import Contribution
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.forms_util import ConfirmForm, apply_errors
from portal.permissions import Role, role_required
from portal.walls import services
from portal.walls.forms import WallsForm
from portal.walls.guard import template_helpers

bp = Blueprint("walls", __name__, url_prefix="/staff/walls")
bp.app_context_processor(template_helpers)


@bp.route("/", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def settings():
    form = WallsForm(services.wall_settings())
    if form.validate_on_submit():
        try:
            changed = services.set_walls(form.walled.data or [], actor=current_user)
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash("Walls saved." if changed else "Nothing changed.", "success")
            return redirect(url_for("walls.settings"))
    return render_template("walls/settings.html", form=form), 400 if form.errors else 200


@bp.route("/contributions/<int:item_id>/<any(approve, withdraw):action>", methods=["POST"])
@role_required(Role.MODERATOR)
def outside(item_id, action):
    contribution = db.get_or_404(Contribution, item_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    service = services.approve_outside if action == "approve" else services.withdraw_outside
    try:
        service(contribution, moderator=current_user)
    except (NotAllowed, InvalidTransition) as error:
        flash(str(error), "error")
    else:
        owner = services.organisation_label(contribution.owner_organisation)
        flash(
            f"Item {item_id} "
            + (
                f"may now be quoted outside {owner}."
                if action == "approve"
                else f"is no longer quoted outside {owner}."
            ),
            "success",
        )
    return redirect(url_for("moderation.item", item_id=item_id) + "#outside")
