"""Staff pages: dashboard, one measure's breakdowns, baselines, targets, figures and the KPI
dictionary."""

from decimal import Decimal

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from portal.disagreements.dashboard import disagreements_view
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.forms_util import apply_errors
from portal.measures import services
from portal.measures.dashboard import (
    SURVEY_OWNER,
    participation_view,
    representativeness_view,
    you_said_we_did_figures,
)
from portal.measures.forms import BaselineForm, FigureForm, MeasureForm, TargetsForm, UnlockForm
from portal.measures.models import Baseline
from portal.measures.periods import period_options
from portal.measures.routes.blueprint import bp
from portal.measures.routes.public import results_for, window_or_error
from portal.metrics.disclosure import protect_counts, sees_exact_counts
from portal.permissions import Role, can_admin, role_required

DIMENSIONS = ("locality", "role", "age_band", "cohort", "channel", "quarter")


def _threshold():
    return current_app.config["SMALL_NUMBER_THRESHOLD"]


def _measure_or_404(slug):
    return services.find_measure(slug) or abort(404)


def exact_for_reader(measure):
    """Whether the signed-in reader sees this measure's exact counts (the rule:
    disclosure.sees_exact_counts)."""
    return sees_exact_counts(current_user, measure.owner_organisation)


def published_history(history, exact):
    """Baselines for the history table: as stored for exact readers, else with protected figures."""
    rows = []
    for b in history:
        row = {
            "label": b.label,
            "value": b.value,
            "ci_low": b.ci_low,
            "ci_high": b.ci_high,
            "n": b.n,
            "baseline": b,
        }
        if not exact and b.favourable is not None:
            figure = protect_counts(b.favourable, b.n)
            row.update(value=figure.value, ci_low=figure.ci_low, ci_high=figure.ci_high, n=figure.n)
        rows.append(row)
    return rows


@bp.route("/staff/measures")
@role_required(Role.VIEWER)
def dashboard():
    period = request.args.get("period", "")
    window, error = window_or_error(period)
    items = results_for(services.list_measures(), window, (), exact_for_reader) if window else []
    exact = sees_exact_counts(current_user, SURVEY_OWNER)
    return render_template(
        "measures/manage/dashboard.html",
        items=items,
        period=period,
        window=window,
        error=error,
        options=period_options(),
        representation=representativeness_view(window, exact) if window else None,
        participation=participation_view(
            window.start if window else None, window.end if window else None
        ),
        you_said_we_did=you_said_we_did_figures(),
        threshold=_threshold(),
        disagreements=disagreements_view(window, _threshold()) if window else None,
    ), 400 if error else 200


@bp.route("/staff/measures/<slug>")
@role_required(Role.VIEWER)
def measure_detail(slug):
    measure = _measure_or_404(slug)
    period = request.args.get("period", "")
    window, error = window_or_error(period)
    dims = DIMENSIONS if measure.is_survey else ("quarter",)
    item = results_for([measure], window, dims, exact_for_reader)[0] if window else None
    return render_template(
        "measures/manage/measure.html",
        measure=measure,
        item=item,
        period=period,
        window=window,
        error=error,
        options=period_options(),
        threshold=_threshold(),
        history=published_history(services.baseline_history(measure), exact_for_reader(measure)),
        unlock_form=UnlockForm(),
    ), 400 if error else 200


def _survey_choices():
    from sqlalchemy import column, select, table
    from wtforms.fields.choices import SelectChoice

    surveys = table("surveys", column("id"), column("title"))
    rows = db.session.execute(
        select(surveys.c.id, surveys.c.title).order_by(surveys.c.id.desc())
    ).all()
    return [SelectChoice(0, "Any survey")] + [SelectChoice(row.id, row.title) for row in rows]


@bp.route("/staff/measures/<slug>/baseline", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def baseline(slug):
    measure = _measure_or_404(slug)
    form = BaselineForm()
    form.survey_id.choices = _survey_choices()
    preview = None
    if form.validate_on_submit():
        period = dict(
            date_from=form.date_from.data,
            date_to=form.date_to.data,
            survey_id=form.survey_id.data or None,
            threshold=_threshold(),
        )
        try:
            if form.lock.data:
                services.lock_baseline(measure, actor=current_user, label=form.label.data, **period)
                flash(f"Baseline locked for {measure.name}.", "success")
                return redirect(url_for("measures.measure_detail", slug=slug))
            preview = services.preview_baseline(measure, **period)
        except (ValidationFailed, InvalidTransition) as error:
            apply_errors(form, error)
    return render_template(
        "measures/manage/baseline.html",
        measure=measure,
        form=form,
        preview=preview,
        locked=services.locked_baseline(measure),
        threshold=_threshold(),
    )


@bp.route("/staff/measures/baselines/<int:baseline_id>/unlock", methods=["POST"])
@role_required(Role.ADMIN)
def unlock_baseline(baseline_id):
    found = db.get_or_404(Baseline, baseline_id)
    form = UnlockForm()
    if form.validate_on_submit():
        try:
            services.unlock_baseline(found, actor=current_user, reason=form.reason.data)
            flash("Baseline unlocked. An editor can now lock a new one.", "success")
        except (ValidationFailed, InvalidTransition, NotAllowed) as error:
            flash(str(error), "error")
    else:
        flash("Enter why the baseline is being unlocked.", "error")
    return redirect(url_for("measures.measure_detail", slug=found.measure.slug))


def _scale(measure, value, inward):
    """Survey targets are typed as percentages and stored as fractions."""
    if value is None or not measure.is_survey:
        return None if value is None else float(value)
    return float(value) / 100 if inward else round(value * 100, 1)


@bp.route("/staff/measures/<slug>/targets", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def targets(slug):
    measure = _measure_or_404(slug)
    current = {t.financial_year: t.value for t in measure.targets}
    form = TargetsForm(
        data={
            f"target_{y[:4]}": _scale(measure, current.get(y), False)
            for y in services.FINANCIAL_YEARS
        }
    )
    if form.validate_on_submit():
        try:
            for year in services.FINANCIAL_YEARS:
                value = form[f"target_{year[:4]}"].data
                services.set_target(
                    measure,
                    actor=current_user,
                    financial_year=year,
                    value=_scale(measure, value, True) if isinstance(value, Decimal) else None,
                )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash("Targets saved.", "success")
            return redirect(url_for("measures.measure_detail", slug=slug))
    return render_template("measures/manage/targets.html", measure=measure, form=form)


@bp.route("/staff/measures/<slug>/figures", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def figures(slug):
    measure = _measure_or_404(slug)
    if measure.is_survey:
        abort(404)
    form = FigureForm()
    if form.validate_on_submit():
        try:
            services.record_figure(
                measure,
                actor=current_user,
                period_start=form.period_start.data,
                period_end=form.period_end.data,
                value=float(form.value.data),
                note=form.note.data,
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash("Figure saved.", "success")
            return redirect(url_for("measures.measure_detail", slug=slug))
    return render_template("measures/manage/figures.html", measure=measure, form=form)


@bp.route("/staff/measures/new", methods=["GET", "POST"], defaults={"slug": None})
@bp.route("/staff/measures/<slug>/edit", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def edit_measure(slug):
    measure = _measure_or_404(slug) if slug else None
    form = MeasureForm(obj=measure)
    if measure and request.method == "GET":
        form.favourable_codes.data = ", ".join(measure.favourable_codes)
        form.owner_organisation.data = measure.owner_organisation or ""
    if not can_admin(current_user):
        del form.owner_organisation
    if form.validate_on_submit():
        codes = [
            code.strip() for code in (form.favourable_codes.data or "").split(",") if code.strip()
        ]
        fields = {
            name: form[name].data
            for name in (
                "slug",
                "name",
                "definition",
                "audience",
                "question_key",
                "owner",
                "source",
                "polarity",
                "unit",
                "public",
            )
        }
        if "owner_organisation" in form:
            fields["owner_organisation"] = form.owner_organisation.data
        try:
            saved = services.save_measure(
                measure, actor=current_user, favourable_codes=codes, **fields
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash("Measure saved.", "success")
            return redirect(url_for("measures.measure_detail", slug=saved.slug))
    return render_template("measures/manage/edit.html", form=form, measure=measure)
