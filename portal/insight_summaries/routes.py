"""Staff pages for monthly insight summaries and the public pages for published ones."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.forms_util import ConfirmForm, apply_errors
from portal.insight_summaries import services
from portal.insight_summaries.forms import DraftForm, EditForm
from portal.insight_summaries.models import PARTS
from portal.insight_summaries.months import UnknownMonth, closed_months, parse_month
from portal.permissions import Role, can_edit, public, role_required

bp = Blueprint("insight_summaries", __name__)


def _summary_or_404(month_key, *, published_only=False):
    try:
        month = parse_month(month_key)
    except UnknownMonth:
        abort(404)
    summary = services.find(month)
    if summary is None or (published_only and summary.current_published is None):
        abort(404)
    return summary


def _draft_form():
    """Months without a summary are offered; a month drafted meanwhile by someone else is still
    accepted (the service hands back that summary), and anything else gets parse_month's message."""
    form = DraftForm()
    taken = {s.month for s in services.all_summaries()}
    form.month.choices = [("", "Choose a month")] + [
        (f"{m:%Y-%m}", f"{m:%B %Y}") for m in closed_months() if m not in taken
    ]
    return form


def sign_off_panel():
    if not can_edit(current_user):
        return []
    waiting = [
        s
        for s in services.all_summaries()
        if s.latest
        and s.latest.published_at is None
        and services.may_sign_off(s, current_user)
        and s.latest.signed_off_at is None
    ]
    return [
        {
            "title": "Insight summaries waiting for your sign-off",
            "value": len(waiting),
            "url": url_for("insight_summaries.index"),
            "link_text": "See the summaries",
        }
    ]


@bp.route("/staff/insight-summaries", methods=["GET", "POST"])
@role_required(Role.VIEWER)
def index():
    form = _draft_form() if can_edit(current_user) else None
    if request.method == "POST":
        if form is None:
            abort(403)
        if form.validate_on_submit():
            try:
                summary, created = services.draft(
                    parse_month(form.month.data), officer=current_user
                )
            except UnknownMonth as error:
                form.month.errors = [str(error)]
            else:
                flash(
                    "Draft written from the data. Check it, edit it, then ask another officer to "
                    "sign it off."
                    if created
                    else f"{summary.label} already has a summary: here it is.",
                    "success" if created else "information",
                )
                return redirect(url_for("insight_summaries.show", month=summary.key))
    summaries = (
        services.all_summaries() if can_edit(current_user) else services.published_summaries()
    )
    return render_template(
        "insight_summaries/index.html", summaries=summaries, form=form
    ), 400 if form is not None and form.errors else 200


@bp.route("/staff/insight-summaries/<month>")
@role_required(Role.VIEWER)
def show(month):
    summary = _summary_or_404(month, published_only=not can_edit(current_user))
    version = summary.latest if can_edit(current_user) else summary.current_published
    return render_template(
        "insight_summaries/show.html",
        summary=summary,
        version=version,
        parts=PARTS,
        confirm=ConfirmForm(),
        may_sign_off=services.may_sign_off(summary, current_user),
        problems=services.publish_problems(summary),
        facts=summary.facts,
    )


@bp.route("/staff/insight-summaries/<month>/versions/<int:number>")
@role_required(Role.EDITOR)
def version(month, number):
    summary = _summary_or_404(month)
    found = next((v for v in summary.versions if v.number == number), None)
    if found is None:
        abort(404)
    return render_template(
        "insight_summaries/version.html", summary=summary, version=found, parts=PARTS
    )


@bp.route("/staff/insight-summaries/<month>/edit", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def edit(month):
    summary = _summary_or_404(month)
    latest = summary.latest
    form = EditForm(
        obj=latest if request.method == "GET" else None, data={"base_number": latest.number}
    )
    if request.method == "GET":
        form.note.data = ""
    elif form.validate_on_submit():
        try:
            services.save_version(
                summary,
                officer=current_user,
                data=form.values(),
                base_number=form.base_number.data or 0,
            )
        except (ValidationFailed, NotAllowed) as error:
            apply_errors(form, error)
        else:
            flash(
                "Saved as a new version. Another officer must sign it off before it is published.",
                "success",
            )
            return redirect(url_for("insight_summaries.show", month=summary.key))
    return render_template(
        "insight_summaries/edit.html", form=form, summary=summary, latest=latest
    ), 400 if form.errors else 200


def _transition(month, action, done_message):
    summary = _summary_or_404(month)
    if ConfirmForm().validate_on_submit():
        try:
            action(summary, officer=current_user)
            flash(done_message, "success")
        except (InvalidTransition, NotAllowed, ValidationFailed) as error:
            flash(str(error), "information")
    return redirect(url_for("insight_summaries.show", month=summary.key))


@bp.route("/staff/insight-summaries/<month>/sign-off", methods=["POST"])
@role_required(Role.EDITOR)
def sign_off(month):
    return _transition(month, services.sign_off, "Signed off. It can now be published.")


@bp.route("/staff/insight-summaries/<month>/redraft", methods=["POST"])
@role_required(Role.EDITOR)
def redraft(month):
    return _transition(
        month,
        services.redraft,
        "Drafted again from the data as a new version. Your earlier versions are in the history.",
    )


@bp.route("/staff/insight-summaries/<month>/publish", methods=["POST"])
@role_required(Role.EDITOR)
def publish(month):
    return _transition(
        month,
        services.publish,
        "Published to the board report and, with the young people's version, on the public page.",
    )


@bp.route("/insight-summaries")
@public
def public_index():
    return render_template(
        "insight_summaries/public_index.html", summaries=services.published_summaries()
    )


@bp.route("/insight-summaries/<month>")
@public
def public_show(month):
    summary = _summary_or_404(month, published_only=True)
    return render_template(
        "insight_summaries/public_show.html",
        summary=summary,
        version=summary.current_published,
        parts=PARTS,
        threshold=current_app.config["SMALL_NUMBER_THRESHOLD"],
    )
