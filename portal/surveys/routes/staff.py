"""Editors' survey builder: details, questions, routing, order, state, duplicate, preview."""

from datetime import datetime, time

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from portal.errors import InvalidTransition, ValidationFailed
from portal.extensions import db
from portal.forms_util import ConfirmForm, apply_errors
from portal.permissions import Role, role_required
from portal.surveys import builder, services, versions
from portal.surveys.models import Question, Survey
from portal.surveys.pictures import pictures_for
from portal.surveys.questions import LONG_TEXT_MAX, answer_form, question_options
from portal.surveys.routes.blueprint import bp
from portal.surveys.staff_forms import DuplicateForm, QuestionForm, SurveyForm


def _as_datetime(day):
    return datetime.combine(day, time()) if day else None


def _flash_version(survey):
    """After an edit to an open survey, say who gets which version (the editor should never have to
    guess)."""
    notice = versions.edit_notice(survey)
    if notice:
        flash(notice, "information")


@bp.route("/staff/surveys/")
@role_required(Role.VIEWER)
def staff_index():
    surveys = db.session.scalars(
        select(Survey).order_by(Survey.created_at.desc(), Survey.id.desc())
    ).all()
    return render_template("surveys/manage/index.html", surveys=surveys)


@bp.route("/staff/surveys/new", methods=["GET", "POST"], defaults={"survey_id": None})
@bp.route("/staff/surveys/<int:survey_id>/details", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def edit_survey(survey_id):
    survey = db.get_or_404(Survey, survey_id) if survey_id else None
    form = SurveyForm(
        obj=survey, easy_read_variant_id=str(survey.easy_read_variant_id or "") if survey else ""
    )
    others = db.session.scalars(select(Survey).where(Survey.is_easy_read.is_(True))).all()
    form.easy_read_variant_id.choices = [SelectChoice("", "None")] + [
        SelectChoice(str(s.id), s.title) for s in others if s is not survey
    ]
    if form.validate_on_submit():
        try:
            survey = builder.save_survey(
                survey,
                actor=current_user,
                title=form.title.data,
                slug=form.slug.data,
                description=form.description.data,
                audience=form.audience.data,
                is_easy_read=form.is_easy_read.data,
                opens_at=_as_datetime(form.opens_at.data),
                closes_at=_as_datetime(form.closes_at.data),
                minutes_to_complete=form.minutes_to_complete.data,
                easy_read_variant_id=int(form.easy_read_variant_id.data or 0) or None,
                who_sees_answers=form.who_sees_answers.data,
                what_happens_next=form.what_happens_next.data,
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash("Survey details saved.", "success")
            _flash_version(survey)
            return redirect(url_for("surveys.show", survey_id=survey.id))
    return render_template("surveys/manage/details.html", form=form, survey=survey)


@bp.route("/staff/surveys/<int:survey_id>")
@role_required(Role.EDITOR)
def show(survey_id):
    survey = db.get_or_404(Survey, survey_id)
    return render_template(
        "surveys/manage/show.html",
        survey=survey,
        form=ConfirmForm(),
        version_notice=versions.edit_notice(survey),
        answered={q.key for q in survey.questions if builder.has_answers(survey, q.key)},
    )


@bp.route(
    "/staff/surveys/<int:survey_id>/questions/new",
    methods=["GET", "POST"],
    defaults={"question_id": None},
)
@bp.route("/staff/surveys/<int:survey_id>/questions/<int:question_id>", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def edit_question(survey_id, question_id):
    survey = db.get_or_404(Survey, survey_id)
    question = db.get_or_404(Question, question_id) if question_id else None
    form = QuestionForm(
        obj=question,
        options_text=builder.format_options(question.options) if question else "",
        show_if_key=(question.show_if or {}).get("key", "") if question else "",
        show_if_codes=", ".join((question.show_if or {}).get("in", [])) if question else "",
    )
    form.show_if_key.choices = [SelectChoice("", "Always show it")] + [
        SelectChoice(q.key, q.text[:80]) for q in survey.live_questions if q is not question
    ]
    if form.validate_on_submit():
        try:
            builder.save_question(
                survey,
                question,
                actor=current_user,
                **{
                    name: form[name].data
                    for name in (
                        "key",
                        "type",
                        "text",
                        "hint",
                        "options_text",
                        "required",
                        "show_if_key",
                        "show_if_codes",
                        "error_message",
                    )
                },
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash("Question saved.", "success")
            _flash_version(survey)
            return redirect(url_for("surveys.show", survey_id=survey.id))
    return render_template(
        "surveys/manage/question.html", form=form, survey=survey, question=question
    )


@bp.route(
    "/staff/surveys/<int:survey_id>/questions/<int:question_id>/<any(up, down, remove, "
    "restore):action>",
    methods=["POST"],
)
@role_required(Role.EDITOR)
def change_question(survey_id, question_id, action):
    survey = db.get_or_404(Survey, survey_id)
    question = db.get_or_404(Question, question_id)
    if question.survey_id == survey.id and ConfirmForm().validate_on_submit():
        if action in ("up", "down"):
            builder.move_question(survey, question, -1 if action == "up" else 1, actor=current_user)
        elif action == "restore":
            builder.restore_question(survey, question, actor=current_user)
        else:
            outcome = builder.remove_question(survey, question, actor=current_user)
            flash(
                f"Question {question.key} {outcome}"
                + (
                    ": it has answers, so they are kept and it is hidden from new respondents."
                    if outcome == "retired"
                    else "."
                ),
                "success",
            )
        _flash_version(survey)
    return redirect(url_for("surveys.show", survey_id=survey.id, _anchor=f"q-{question.key}"))


@bp.route("/staff/surveys/<int:survey_id>/<any(open, closed, draft):state>", methods=["POST"])
@role_required(Role.EDITOR)
def set_state(survey_id, state):
    survey = db.get_or_404(Survey, survey_id)
    if ConfirmForm().validate_on_submit():
        try:
            builder.set_state(survey, state, actor=current_user)
        except InvalidTransition as error:
            flash(str(error), "error")
        else:
            flash(
                {
                    "open": "Survey opened.",
                    "closed": "Survey closed.",
                    "draft": "Survey is a draft again.",
                }[state],
                "success",
            )
            _flash_version(survey)
    return redirect(url_for("surveys.show", survey_id=survey.id))


@bp.route("/staff/surveys/<int:survey_id>/duplicate", methods=["GET", "POST"])
@role_required(Role.EDITOR)
def duplicate(survey_id):
    survey = db.get_or_404(Survey, survey_id)
    form = (
        DuplicateForm(title=f"{survey.title} (copy)", slug=f"{survey.slug}-copy")
        if request.method == "GET"
        else DuplicateForm()
    )
    if form.validate_on_submit():
        try:
            copy = builder.duplicate_survey(
                survey, actor=current_user, slug=form.slug.data, title=form.title.data
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            flash(
                "Copy made. It is a draft: check the dates and questions before opening it.",
                "success",
            )
            return redirect(url_for("surveys.show", survey_id=copy.id))
    return render_template("surveys/manage/duplicate.html", form=form, survey=survey)


@bp.route("/staff/surveys/<int:survey_id>/preview/<int:number>")
@role_required(Role.EDITOR)
def preview_question(survey_id, number):
    """One question a page, as respondents meet it, with where routing shows it."""
    survey = db.get_or_404(Survey, survey_id)
    questions = survey.live_questions
    if not 1 <= number <= len(questions):
        abort(404)
    question = questions[number - 1]
    reference = services.reference_options(
        kinds=[question.type] if question.type in services.REFERENCE_KINDS else []
    )
    picture, answer_pictures = pictures_for(survey, question)
    return render_template(
        "surveys/manage/preview_question.html",
        survey=survey,
        question=question,
        picture=picture,
        answer_pictures=answer_pictures,
        form=answer_form(question, question_options(question, reference)),
        number=number,
        total=len(questions),
        max_length=LONG_TEXT_MAX,
    )


@bp.route("/staff/surveys/<int:survey_id>/preview")
@role_required(Role.EDITOR)
def preview(survey_id):
    survey = db.get_or_404(Survey, survey_id)
    reference = services.reference_options()
    return render_template(
        "surveys/print.html",
        survey=survey,
        preview=True,
        questions=[(q, question_options(q, reference)) for q in survey.live_questions],
    )
