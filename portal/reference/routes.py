"""Admin pages for localities, age bands and cohorts."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user

from portal.errors import ValidationFailed
from portal.extensions import db
from portal.forms_util import apply_errors
from portal.permissions import Role, role_required
from portal.reference import services
from portal.reference.forms import LabelForm, LocalityForm, SettingForm
from portal.reference.models import AgeBand, Cohort, EducationSetting, Locality

bp = Blueprint("reference", __name__, url_prefix="/staff/reference")
_KINDS = {"age_bands": AgeBand, "cohorts": Cohort}


@bp.route("/")
@role_required(Role.ADMIN)
def index():
    return render_template(
        "reference/manage/index.html",
        localities=services.all_localities(),
        age_bands=db.session.scalars(db.select(AgeBand).order_by(AgeBand.position)).all(),
        cohorts=db.session.scalars(db.select(Cohort).order_by(Cohort.position)).all(),
        settings=services.all_settings(),
    )


@bp.route("/localities/new", methods=["GET", "POST"], defaults={"locality_id": None})
@bp.route("/localities/<int:locality_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_locality(locality_id):
    locality = db.get_or_404(Locality, locality_id) if locality_id else None
    form = LocalityForm(obj=locality)
    if form.validate_on_submit():
        try:
            services.save_locality(
                locality,
                actor=current_user,
                name=form.name.data,
                send_population=form.send_population.data,
                active=form.active.data,
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash("Locality saved.", "success")
            return redirect(url_for("reference.index"))
    return render_template("reference/manage/locality.html", form=form, locality=locality)


@bp.route("/<any(age_bands, cohorts):kind>/<int:item_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_label(kind, item_id):
    item = db.get_or_404(_KINDS[kind], item_id)
    form = LabelForm(obj=item)
    if form.validate_on_submit():
        services.save_label(
            item, actor=current_user, label=form.label.data, active=form.active.data
        )
        flash("Saved.", "success")
        return redirect(url_for("reference.index"))
    return render_template("reference/manage/label.html", form=form, item=item, kind=kind)


@bp.route("/settings/new", methods=["GET", "POST"], defaults={"setting_id": None})
@bp.route("/settings/<int:setting_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_setting(setting_id):
    setting = db.get_or_404(EducationSetting, setting_id) if setting_id else None
    form = SettingForm(obj=setting)
    if form.validate_on_submit():
        try:
            services.save_setting(
                setting, actor=current_user, name=form.name.data, active=form.active.data
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash(
                "School or setting saved. New comments are checked for it; "
                "run portal reanalyse to check what is stored.",
                "success",
            )
            return redirect(url_for("reference.index") + "#settings")
    return render_template("reference/manage/setting.html", form=form, setting=setting)
