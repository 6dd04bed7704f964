"""Staff pages for measure actions: the list, one action, naming its owner and closing it."""

from datetime import date

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from portal.accounts.models import ORGANISATION_LABELS
from portal.errors import InvalidTransition, ValidationFailed
from portal.extensions import db
from portal.forms_util import apply_errors
from portal.measure_actions import services
from portal.measure_actions.check import follow_up
from portal.measure_actions.forms import AssignForm, CloseForm
from portal.measure_actions.models import MeasureAction
from portal.metrics.deterioration import TRIGGER_LABELS
from portal.permissions import Role, can_edit, can_view_dashboards, role_required

bp = Blueprint("measure_actions", __name__, url_prefix="/staff/measures/actions")


def _owner_choices(action):
    return [
        SelectChoice(
            person.id,
            f"{person.display_name} ({ORGANISATION_LABELS.get(person.organisation, 'none')})",
        )
        for person in services.owners_for(action.owner_organisation)
    ]


def _page(action, assign_form=None, close_form=None):
    if can_edit(current_user) and action.is_open:
        assign_form = assign_form or AssignForm(
            data={"owner_id": action.owner_id, "review_by": action.review_by}
        )
        assign_form.owner_id.choices = _owner_choices(action)
        close_form = close_form or CloseForm()
    return render_template(
        "measure_actions/manage/show.html",
        action=action,
        assign_form=assign_form,
        close_form=close_form,
        labels=TRIGGER_LABELS,
        organisations=ORGANISATION_LABELS,
        today=date.today(),
        follow_up=follow_up(action),
    )


@bp.route("")
@role_required(Role.VIEWER)
def index():
    return render_template(
        "measure_actions/manage/index.html",
        actions=services.list_actions(),
        labels=TRIGGER_LABELS,
        organisations=ORGANISATION_LABELS,
        today=date.today(),
    )


@bp.route("/<int:action_id>")
@role_required(Role.VIEWER)
def show(action_id):
    return _page(db.get_or_404(MeasureAction, action_id))


@bp.route("/<int:action_id>/close", methods=["POST"])
@role_required(Role.EDITOR)
def close(action_id):
    action = db.get_or_404(MeasureAction, action_id)
    form = CloseForm()
    if form.validate_on_submit():
        try:
            services.close_action(action, actor=current_user, note=form.note.data)
        except (ValidationFailed, InvalidTransition) as error:
            apply_errors(form, error)
        else:
            flash(f"Action closed: {action.measure.name}, {action.period_label}.", "success")
            return redirect(url_for("measure_actions.index"))
    return _page(action, close_form=form)


@bp.route("/<int:action_id>/owner", methods=["POST"])
@role_required(Role.EDITOR)
def assign(action_id):
    action = db.get_or_404(MeasureAction, action_id)
    form = AssignForm()
    form.owner_id.choices = _owner_choices(action)
    if form.validate_on_submit():
        try:
            services.assign_action(
                action,
                actor=current_user,
                owner_id=form.owner_id.data,
                review_by=form.review_by.data,
            )
        except (ValidationFailed, InvalidTransition) as error:
            apply_errors(form, error)
        else:
            flash("Owner and review date saved.", "success")
            return redirect(url_for("measure_actions.show", action_id=action.id))
    return _page(action, assign_form=form)


def overdue_panel():
    if not can_view_dashboards(current_user):
        return []
    opened, overdue = services.action_counts()
    return [
        {
            "title": "Overdue measure actions",
            "value": overdue,
            "detail": f"{opened} open in all; overdue means past its review date"
            if opened
            else "No measure actions are open",
            "url": url_for("measure_actions.index"),
            "link_text": "See measure actions",
        }
    ]
