"""The admin outbox page: queued, sent and set-aside email, with a retry button."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from portal.errors import InvalidTransition
from portal.extensions import db
from portal.forms_util import ConfirmForm
from portal.mail import services
from portal.mail.models import OutboxMessage
from portal.permissions import Role, can_admin, role_required

bp = Blueprint("outbox", __name__, url_prefix="/staff/outbox")
STATES = {"queued": "Queued", "failed": "Failed (set aside)", "sent": "Sent"}


@bp.route("/")
@role_required(Role.ADMIN)
def index():
    state = request.args.get("state", "")[:10]
    state = state if state in STATES else None
    pager = db.paginate(
        services.outbox_query(state),
        page=max(min(request.args.get("page", 1, type=int), 10**6), 1),
        per_page=50,
        error_out=False,
    )
    return render_template(
        "mail/outbox.html",
        pager=pager,
        state=state,
        states=STATES,
        counts=services.outbox_counts(),
        mask=services.mask,
        form=ConfirmForm(),
    )


@bp.route("/<int:message_id>/retry", methods=["POST"])
@role_required(Role.ADMIN)
def retry(message_id):
    message = db.get_or_404(OutboxMessage, message_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.retry(message, actor=current_user)
    except InvalidTransition as error:
        flash(f"{error}.", "information")
    else:
        flash(
            f"Email {message.id} will be tried again on the next pass of the mail worker.",
            "success",
        )
    return redirect(url_for("outbox.index", state=request.args.get("state", "")[:10] or None))


def outbox_panel():
    if not can_admin(current_user):
        return []
    counts = services.outbox_counts()
    detail = (
        f"{counts['failed']} could not be sent and were set aside"
        if counts["failed"]
        else f"{counts['queued']} waiting to be sent"
        if counts["queued"]
        else "Nothing waiting"
    )
    return [
        {
            "title": "Email not delivered",
            "value": counts["waiting"],
            "detail": detail,
            "url": url_for("outbox.index"),
            "link_text": "Open the outbox",
        }
    ]
