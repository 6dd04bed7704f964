"""The audit log, readable by admins."""

from flask import Blueprint, render_template, request

from portal.audit.services import recent_events
from portal.permissions import Role, role_required
from portal.urls import page_arg

bp = Blueprint("audit", __name__, url_prefix="/staff/audit")


@bp.route("/")
@role_required(Role.ADMIN)
def index():
    action = request.args.get("action", "", type=str)[:80] or None
    return render_template(
        "audit/manage/index.html",
        events=recent_events(page=page_arg(), action=action),
        action=action,
    )
