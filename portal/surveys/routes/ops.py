"""Staff work around a survey: paper and phone entry, event (kiosk) mode, results, exports,
distribution links."""

import io

import segno
from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from portal.errors import ValidationFailed
from portal.extensions import db, limiter
from portal.forms_util import ConfirmForm, apply_errors
from portal.permissions import Role, can_moderate, role_required
from portal.reference.models import Locality
from portal.reference.services import active_localities
from portal.surveys import builder, respondent, results
from portal.surveys.models import DistributionLink, Survey
from portal.surveys.routes.blueprint import bp
from portal.surveys.staff_forms import ROUTE_LABELS, EndKioskForm, EntryForm, KioskForm, LinkForm
from portal.urls import public_url


@bp.route("/staff/surveys/<int:survey_id>/entry", methods=["GET", "POST"])
@role_required(Role.MODERATOR)
def entry(survey_id):
    survey = db.get_or_404(Survey, survey_id)
    form = EntryForm()
    if form.validate_on_submit():
        respondent.end_kiosk()
        respondent.start_staff_entry(survey, form.channel.data)
        respondent.forget(survey)
        return redirect(url_for("surveys.start", slug=survey.slug))
    return render_template(
        "surveys/manage/entry.html", survey=survey, form=form, end_form=ConfirmForm()
    )


@bp.route("/staff/surveys/entry/end", methods=["POST"])
@role_required(Role.MODERATOR)
def end_entry():
    if ConfirmForm().validate_on_submit():
        respondent.end_staff_entry()
        flash("You have stopped entering responses.", "success")
    return redirect(url_for("surveys.staff_index"))


@bp.route("/staff/surveys/<int:survey_id>/kiosk", methods=["GET", "POST"])
@role_required(Role.MODERATOR)
def kiosk(survey_id):
    survey = db.get_or_404(Survey, survey_id)
    form = KioskForm()
    form.locality.choices = [SelectChoice("", "Choose a locality")] + [
        SelectChoice(str(loc.id), loc.name) for loc in active_localities()
    ]
    if form.validate_on_submit():
        respondent.end_staff_entry()
        respondent.start_kiosk(
            survey, db.session.get(Locality, int(form.locality.data)), current_user
        )
        respondent.forget(survey)
        return redirect(url_for("surveys.start", slug=survey.slug))
    return render_template(
        "surveys/manage/kiosk.html", survey=survey, form=form, end_form=ConfirmForm()
    )


# While event mode is on, the tablet only shows the survey (and the page to end it), never staff
# pages.
KIOSK_ENDPOINTS = {
    "surveys.start",
    "surveys.begin",
    "surveys.question",
    "surveys.check",
    "surveys.sent",
    "surveys.finish",
    "surveys.still_here",
    "surveys.cleared",
    "surveys.end_kiosk",
    "glossary.index",
    "main.accessibility",
    "main.privacy",
    "static",
}


@bp.before_app_request
def kiosk_lock():
    held = respondent.kiosk()
    if held and request.endpoint not in KIOSK_ENDPOINTS:
        survey = db.session.get(Survey, held["survey_id"])
        if survey is not None:
            return redirect(url_for("surveys.start", slug=survey.slug))
        respondent.end_kiosk()
    return None


def _kiosk_staff_key():
    """Wrong passwords are counted against the staff account that started event mode, wherever they
    come from."""
    held = respondent.kiosk()
    return f"end-kiosk:{held['staff_id']}" if held else f"end-kiosk:{current_user.get_id()}"


def _wrong_password(response):
    return (
        response.status_code != 302
    )  # a right password redirects; only failures use up the allowance


@bp.route("/staff/surveys/kiosk/end", methods=["GET", "POST"])
@limiter.limit(
    lambda: current_app.config["KIOSK_END_RATE_LIMIT"],
    key_func=_kiosk_staff_key,
    methods=["POST"],
    deduct_when=_wrong_password,
)
@limiter.limit(
    lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"], deduct_when=_wrong_password
)
@role_required(Role.MODERATOR)
def end_kiosk():
    form = EndKioskForm()
    if form.validate_on_submit():
        if current_user.check_password(form.password.data):
            held = respondent.kiosk()
            survey = db.session.get(Survey, held["survey_id"]) if held else None
            if survey is not None:
                respondent.forget(survey)  # an unfinished answer on the tablet ends with the kiosk
            respondent.end_kiosk()
            flash("Event mode has ended on this device.", "success")
            return redirect(url_for("surveys.staff_index"))
        form.password.errors = ["That password is not right"]
    return render_template("surveys/manage/end_kiosk.html", form=form)


@bp.route("/staff/surveys/<int:survey_id>/results")
@role_required(
    Role.MODERATOR
)  # live exact counts: viewers read the protected measures and insights instead
def show_results(survey_id):
    survey = db.get_or_404(Survey, survey_id)
    return render_template(
        "surveys/manage/results.html", survey=survey, results=results.survey_results(survey)
    )


@bp.route("/staff/surveys/<int:survey_id>/export.<any(csv, xlsx):kind>")
@role_required(Role.MODERATOR)  # one row per response: never for aggregate-only roles
def export(survey_id, kind):
    survey = db.get_or_404(Survey, survey_id)
    header, rows = results.export_rows(
        survey, show_free_text=can_moderate(current_user), viewer=current_user
    )
    if kind == "csv":
        body, mimetype = results.to_csv(header, rows), "text/csv"
    else:
        body = results.to_xlsx(header, rows, survey.slug)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{survey.slug}-responses.{kind}"'},
    )


@bp.route("/staff/surveys/<int:survey_id>/links", methods=["GET", "POST"])
@role_required(Role.MODERATOR)
def links(survey_id):
    survey = db.get_or_404(Survey, survey_id)
    form = LinkForm()
    if form.validate_on_submit():
        try:
            builder.create_link(
                survey, actor=current_user, route=form.route.data, label=form.label.data
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash("Link created. Share it, or print its QR code.", "success")
            return redirect(url_for("surveys.links", survey_id=survey.id))
    rows = db.session.scalars(
        select(DistributionLink)
        .where(DistributionLink.survey_id == survey.id)
        .order_by(DistributionLink.id.desc())
    ).all()
    return render_template(
        "surveys/manage/links.html",
        survey=survey,
        form=form,
        links=rows,
        route_labels=ROUTE_LABELS,
        qr=_qr_data_uri,
        address=_link_url,
    )


def _link_url(link):
    return public_url("surveys.link", code=link.code)


def _qr_data_uri(link):
    return segno.make(_link_url(link), error="m").svg_data_uri(scale=4, border=2)


def qr_svg(link, scale=10):
    """A standalone SVG file (XML declaration, namespace, title) that opens as an image anywhere."""
    out = io.BytesIO()
    segno.make(_link_url(link), error="m").save(
        out, kind="svg", scale=scale, border=4, title=f"QR code for {link.label}"
    )
    return out.getvalue()


@bp.route("/staff/surveys/links/<int:link_id>/qr.svg")
@role_required(Role.MODERATOR)
def qr_code(link_id):
    link = db.get_or_404(DistributionLink, link_id)
    return Response(
        qr_svg(link),
        mimetype="image/svg+xml",
        headers={"Content-Disposition": f'attachment; filename="survey-qr-{link.code}.svg"'},
    )


@bp.route("/staff/surveys/links/<int:link_id>/poster")
@role_required(Role.MODERATOR)
def poster(link_id):
    link = db.get_or_404(DistributionLink, link_id)
    return render_template(
        "surveys/manage/poster.html",
        link=link,
        survey=link.survey,
        address=_link_url(link),
        qr=_qr_data_uri(link),
    )
