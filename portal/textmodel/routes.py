"""The admin page about the learned text model."""
from flask import Blueprint, render_template

from portal.navigation import add_nav_item
from portal.permissions import Role, can_admin, role_required
from portal.textmodel.services import status

bp = Blueprint("textmodel", __name__, url_prefix="/staff/text-model")
add_nav_item("textmodel.index", "Text model", can_admin, order=93)
FLAG_NAMES = {"safeguarding": "Safeguarding", "abusive": "Abusive", "pii": "Personal data"}


@bp.route("/")
@role_required(Role.ADMIN)
def index():
    return render_template("textmodel/index.html", status=status(), flag_names=FLAG_NAMES)
