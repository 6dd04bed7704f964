"""The moderation queue, one item's page with its decisions, and bulk approval."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from portal.contributions.models import CHANNEL_LABELS, SOURCE_LABELS, STATUS_LABELS, Contribution
from portal.contributions.services import author_of
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.formatting import format_datetime
from portal.forms_util import ConfirmForm, apply_errors
from portal.moderation import services
from portal.moderation.forms import ApproveForm, EscalateForm, RejectForm
from portal.moderation.queries import highlighted
from portal.permissions import Role, can_moderate, role_required
from portal.reference.services import active_localities
from portal.safeguarding.services import FOUR_EYES, active_concern_for, cleared_by, cleared_ids
from portal.themes.forms import AddThemeForm
from portal.themes.services import active_themes
from portal.urls import db_id, page_arg
from portal.walls.guard import require_readable

bp = Blueprint("moderation", __name__, url_prefix="/staff")


def _filters():
    args = request.args
    return {
        "source": args.get("source", "")[:12] or None,
        "channel": args.get("channel", "")[:12] or None,
        "flag": args.get("flag", "")[:20] or None,
        "locality_id": args.get("locality", type=db_id),
    }


@bp.route("/moderation")
@role_required(Role.MODERATOR)
def queue():
    filters = _filters()
    summary = services.queue_summary(current_user)
    # Unfiltered, the pager's total is the summary's count: read it once, not twice (a scan of the
    # queue).
    unfiltered = not any(filters.values())
    pager = db.paginate(
        services.queue_query(viewer=current_user, **filters),
        page=page_arg(),
        per_page=50,
        error_out=False,
        count=not unfiltered,
    )
    if unfiltered:
        pager.total = summary[0]
    mine = cleared_ids(
        current_user, [c.id for c in pager.items]
    )  # four eyes: no bulk box for these
    return render_template(
        "moderation/queue.html",
        pager=pager,
        filters=filters,
        form=ConfirmForm(),
        cleared=mine,
        localities=active_localities(),
        is_clean=services.is_clean,
        flags=services.FLAGS,
        sources=SOURCE_LABELS,
        channels=CHANNEL_LABELS,
        summary=summary,
    )


def _render_item(contribution, approve=None, reject=None, escalate=None, tag=None, status=200):
    require_readable(contribution, where="moderation item")
    approve = approve or ApproveForm(
        redacted_text=contribution.redacted_text, redacted_title=contribution.redacted_title
    )
    titled = contribution.title is not None
    return render_template(
        "moderation/item.html",
        item=contribution,
        parts=highlighted(contribution.text, contribution.pii_spans),
        title_parts=highlighted(contribution.title, contribution.title_pii_spans)
        if titled
        else None,
        approve_form=approve,
        reject_form=reject or RejectForm(),
        escalate_form=escalate or EscalateForm(),
        concern=active_concern_for(contribution),
        four_eyes=FOUR_EYES if cleared_by(contribution, current_user) else None,
        sources=SOURCE_LABELS,
        channels=CHANNEL_LABELS,
        statuses=STATUS_LABELS,
        tag_form=tag or AddThemeForm(active_themes()),
        outside_form=ConfirmForm(),
        author=author_of(contribution),
    ), status


@bp.route("/moderation/<int:item_id>")
@role_required(Role.MODERATOR)
def item(item_id):
    return _render_item(db.get_or_404(Contribution, item_id))


def _decide(item_id, form, action):
    contribution = db.get_or_404(Contribution, item_id)
    require_readable(contribution, where="moderation decision")
    if form.validate_on_submit():
        try:
            message = action(contribution, form)
        except (ValidationFailed, NotAllowed, InvalidTransition) as error:
            apply_errors(form, error)
        else:
            flash(message, "success")
            return redirect(url_for("moderation.queue"))
    name = {ApproveForm: "approve", RejectForm: "reject", EscalateForm: "escalate"}[type(form)]
    return _render_item(contribution, status=400, **{name: form})


def _approve(contribution, form):
    services.approve(
        contribution,
        moderator=current_user,
        redacted_text=form.redacted_text.data,
        redacted_title=form.redacted_title.data,
    )
    return f"Item {contribution.id} approved. Only the redacted text will be shown."


@bp.route("/moderation/<int:item_id>/approve", methods=["POST"])
@role_required(Role.MODERATOR)
def approve(item_id):
    return _decide(item_id, ApproveForm(), _approve)


def _theme_choice():
    """(confirm id, remove id) from whichever theme button was pressed on the item page."""
    form = request.form
    if "remove_theme" in form:
        return None, form.get("remove_theme", type=int)
    return form.get("confirm_theme" if "confirm_theme" in form else "theme", type=int), None


@bp.route("/moderation/<int:item_id>/themes", methods=["POST"])
@role_required(Role.MODERATOR)
def tag_item(item_id):
    contribution = db.get_or_404(Contribution, item_id)
    form, tag_form = ApproveForm(), AddThemeForm(active_themes())
    confirm, remove = _theme_choice()
    if not (confirm or remove):
        tag_form.theme.errors = ["Select a theme to add"]
    elif form.validate_on_submit():
        try:
            theme = services.tag_keeping_redaction(
                contribution,
                moderator=current_user,
                redacted_text=form.redacted_text.data,
                redacted_title=form.redacted_title.data,
                confirm=confirm,
                remove=remove,
            )
        except (ValidationFailed, NotAllowed, InvalidTransition) as error:
            db.session.rollback()
            target = (
                tag_form
                if isinstance(error, ValidationFailed) and "theme" in error.errors
                else form
            )
            apply_errors(target, error)
        else:
            flash(
                f"Your text is saved. Theme {'removed' if remove else 'confirmed'}: {theme.label}.",
                "success",
            )
            return redirect(url_for("moderation.item", item_id=contribution.id) + "#themes")
    return _render_item(contribution, approve=form, tag=tag_form, status=400)


@bp.route("/moderation/<int:item_id>/reject", methods=["POST"])
@role_required(Role.MODERATOR)
def reject(item_id):
    return _decide(item_id, RejectForm(), _reject)


def _reject(contribution, form):
    services.reject(
        contribution, moderator=current_user, reason=form.reason.data, note=form.note.data or ""
    )
    return f"Item {contribution.id} rejected."


@bp.route("/moderation/<int:item_id>/escalate", methods=["POST"])
@role_required(Role.MODERATOR)
def escalate(item_id):
    return _decide(item_id, EscalateForm(), _escalate)


def _escalate(contribution, form):
    services.escalate(contribution, moderator=current_user, reason=form.reason.data)
    return f"Item {contribution.id} escalated. The safeguarding leads have been emailed."


@bp.route("/moderation/bulk-approve", methods=["POST"])
@role_required(Role.MODERATOR)
def bulk_approve():
    if not ConfirmForm().validate_on_submit():
        abort(400)
    ids = [int(i) for i in request.form.getlist("item") if i.isdigit()][:200]
    approved, skipped = services.bulk_approve(ids, moderator=current_user)
    flash(
        f"Approved {approved} item(s)."
        + (f" {skipped} could not be bulk approved: open them one by one." if skipped else ""),
        "success" if approved else "information",
    )
    return redirect(url_for("moderation.queue"))


def queue_panel():
    if not can_moderate(current_user):
        return []
    count, oldest = services.queue_summary(current_user)
    return [
        {
            "title": "Waiting for moderation",
            "value": count,
            "detail": f"Oldest arrived {format_datetime(oldest)}"
            if oldest
            else "Nothing is waiting",
            "url": url_for("moderation.queue"),
            "link_text": "Open the moderation queue",
        }
    ]
