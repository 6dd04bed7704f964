"""Public information pages, the staff home page and the health check."""

from flask import Blueprint, jsonify, render_template
from sqlalchemy import text

from portal.extensions import db
from portal.main import dashboard, front_door, home
from portal.permissions import STAFF_ROLES, public, role_required
from portal.templating import render_ready

bp = Blueprint("main", __name__)


@bp.route("/")
@public
def index():
    door = front_door.front_door()
    return render_ready("main/index.html", door, surveys=door.surveys, changes=door.changes)


@bp.route("/young-people")
@public
def young_people():
    return render_template("main/young_people.html", surveys=home.young_peoples_surveys())


@bp.route("/accessibility")
@public
def accessibility():
    return render_template("main/accessibility.html")


@bp.route("/privacy")
@public
def privacy():
    return render_template("main/privacy.html")


@bp.route("/cookies")
@public
def cookies():
    return render_template("main/cookies.html")


@bp.route("/contact")
@public
def contact():
    return render_template("main/contact.html")


@bp.route("/health")
@public
def health():
    db.session.execute(text("SELECT 1"))
    return jsonify(status="ok")


@bp.route("/staff")
@role_required(*STAFF_ROLES)
def staff_home():
    return render_template("main/staff_home.html", panels=dashboard.panels())
