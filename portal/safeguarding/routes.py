"""Staff pages for safeguarding concerns: the list and one concern with its notes and actions."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from portal.contributions.models import SOURCE_LABELS
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.forms_util import apply_errors
from portal.permissions import Role, can_moderate, role_required
from portal.safeguarding import services
from portal.safeguarding.forms import NoteForm
from portal.safeguarding.models import OPENED_BY_LABELS, STATE_LABELS, Concern
from portal.walls.services import note_read, organisation_label

bp = Blueprint("safeguarding", __name__, url_prefix="/staff/safeguarding")
ACTIONS = {
    "note": lambda c, note: services.add_note(c, actor=current_user, text=note),
    "acknowledge": lambda c, note: services.acknowledge(c, actor=current_user, note=note),
    "refer_on": lambda c, note: services.refer_on(c, actor=current_user, note=note),
    "close_handled": lambda c, note: services.close(
        c, actor=current_user, outcome="handled", note=note
    ),
    "close_no_risk": lambda c, note: services.close(
        c, actor=current_user, outcome="no_risk", note=note
    ),
}


@bp.route("/")
@role_required(Role.MODERATOR)
def index():
    return render_template(
        "safeguarding/index.html",
        concerns=services.list_concerns(),
        states=STATE_LABELS,
        opened_by=OPENED_BY_LABELS,
    )


@bp.route("/<int:concern_id>", methods=["GET", "POST"])
@role_required(Role.MODERATOR)
def concern(concern_id):
    concern = db.get_or_404(Concern, concern_id)
    form, status = NoteForm(), 200
    if form.validate_on_submit():
        try:
            ACTIONS[form.action.data](concern, form.note.data or "")
        except NotAllowed as error:  # a non-lead forcing a lead's action: nothing is changed
            db.session.rollback()
            form.note.errors, status = [str(error)], 403
        except (ValidationFailed, InvalidTransition) as error:
            apply_errors(form, error)
            form.note.errors = form.note.errors or form.action.errors
        else:
            flash("Saved.", "success")
            return redirect(url_for("safeguarding.concern", concern_id=concern.id))
    item = concern.contribution
    show_text = item is not None and note_read(current_user, item, where="safeguarding concern")
    return render_template(
        "safeguarding/concern.html",
        concern=concern,
        form=form,
        states=STATE_LABELS,
        opened_by=OPENED_BY_LABELS,
        sources=SOURCE_LABELS,
        show_text=show_text,
        owner=organisation_label(item.owner_organisation) if item else "",
        is_lead=services.is_lead(current_user),
        delivery=services.alert_delivery(concern),
        related=services.related_contributions(concern),
    ), status


def concerns_panel():
    if not can_moderate(current_user):
        return []
    count = services.count_open()
    return [
        {
            "title": "Open safeguarding concerns",
            "value": count,
            "detail": "Nobody has acknowledged these yet" if count else "None waiting",
            "url": url_for("safeguarding.index"),
            "link_text": "Open safeguarding concerns",
        }
    ]
