"""The admin page about the learned text model."""

from flask import Blueprint, render_template

from portal.permissions import Role, role_required
from portal.textmodel.services import status

bp = Blueprint("textmodel", __name__, url_prefix="/staff/text-model")
FLAG_NAMES = {"safeguarding": "Safeguarding", "abusive": "Abusive", "pii": "Personal data"}


@bp.route("/")
@role_required(Role.ADMIN)
def index():
    return render_template("textmodel/index.html", status=status(), flag_names=FLAG_NAMES)
