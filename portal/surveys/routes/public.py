"""Taking a survey: list, start page, one question per page, check your answers, confirmation."""

import secrets

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_wtf import csrf as wtf_csrf

from portal.errors import InvalidTransition
from portal.extensions import csrf, db, limiter
from portal.glossary.services import use_terms
from portal.permissions import public
from portal.reference.models import Locality
from portal.sessions import signed_in
from portal.surveys import flow, respondent, services
from portal.surveys.forms import CSRF_MESSAGE, EmailForm, ResumeForm, StartForm, SubmitForm
from portal.surveys.models import ResponseStatus
from portal.surveys.pictures import pictures_for
from portal.surveys.questions import (
    LONG_TEXT_MAX,
    TEXT_TYPES,
    answer_form_class,
    answer_values,
    form_value,
    question_options,
)
from portal.surveys.routes.blueprint import bp
from portal.templating import render_ready
from portal.urls import public_url


def _survey_or_404(slug):
    return services.survey_by_slug(slug) or abort(404)


@bp.route("/surveys")
@public
def index():
    return render_template("surveys/index.html", surveys=services.open_surveys())


@bp.route("/surveys/<slug>")
@public
def start(slug):
    survey = _survey_or_404(slug)
    if not survey.is_open() and not _staff_mode(survey):
        return render_template("surveys/closed.html", survey=survey)
    questions = [q for q in survey.questions if not q.retired]
    if respondent.kiosk():
        respondent.forget_all()  # event mode: whoever is at the start page is the next person
    return render_template(
        "surveys/start.html",
        survey=survey,
        form=StartForm(),
        count=len(questions),
        response=respondent.current(survey),
        kiosk=respondent.kiosk(),
    )


@bp.route("/surveys/<slug>/start", methods=["POST"])
@public
@limiter.limit(lambda: "30 per minute")
def begin(slug):
    survey = _survey_or_404(slug)
    if not survey.is_open() and not _staff_mode(survey):
        return render_template("surveys/closed.html", survey=survey), 410
    if StartForm().validate_on_submit():
        held = respondent.current(survey)
        if (
            held is None
            or held.status != ResponseStatus.IN_PROGRESS
            or services.is_expired(held)
            or respondent.kiosk()
        ):  # in event mode "Start now" always starts afresh
            held = services.start_response(survey, **_start_details(survey))
            respondent.remember(survey, held)
        questions, answers = services.route_for(held)
        key = flow.resume_key(questions, answers, held.last_question_key)
        return redirect(_question_url(survey, key))
    return redirect(url_for("surveys.start", slug=slug))


def _staff_mode(survey):
    from flask_login import current_user

    kiosk, entry = respondent.kiosk(), respondent.staff_entry()
    if not any(s and s["survey_id"] == survey.id for s in (kiosk, entry)):
        return False
    return signed_in() and getattr(current_user, "is_staff", False)


def _start_details(survey):
    """Channel, staff member and locality for a new response: kiosk, staff entry or online."""
    from flask_login import current_user

    kiosk, entry = respondent.kiosk(), respondent.staff_entry()
    if kiosk and kiosk["survey_id"] == survey.id and getattr(current_user, "is_staff", False):
        locality = db.session.get(Locality, kiosk["locality_id"]) if kiosk["locality_id"] else None
        return {"channel": "event", "entered_by": current_user, "locality": locality}
    if entry and entry["survey_id"] == survey.id and getattr(current_user, "is_staff", False):
        return {"channel": entry["channel"], "entered_by": current_user}
    return {"distribution_link_id": respondent.distribution_link_for(survey)}


def _question_url(survey, key, **kwargs):
    slug = survey if isinstance(survey, str) else survey.slug
    if key is None:
        return url_for("surveys.check", slug=slug)
    return url_for("surveys.question", slug=slug, key=key, **kwargs)


def _held_response(survey):
    """(response, None) when this browser may carry on answering, else (None, a response to
    return)."""
    return _may_carry_on(survey, respondent.current(survey))


def _may_carry_on(survey, response):
    """_held_response for a response already read (None when this browser holds none)."""
    if response is None:
        flash(
            "Press Start now to begin."
            if respondent.kiosk()
            else "Start the survey, or enter your resume code to carry on.",
            "information",
        )
        return None, redirect(url_for("surveys.start", slug=survey.slug))
    if response.status == ResponseStatus.SUBMITTED:
        return None, redirect(url_for("surveys.sent", slug=survey.slug))
    if services.is_expired(response):
        return None, (render_template("surveys/expired.html", survey=survey), 410)
    if not survey.is_open() and not _staff_mode(survey):
        return None, (render_template("surveys/closed.html", survey=survey), 410)
    return response, None


@bp.route("/surveys/<slug>/questions/<key>", methods=["GET", "POST"])
@public
@csrf.exempt  # checked by the form instead, so a stale page keeps what was typed
def question(slug, key):
    # One query for the survey, this browser's response and its answers; the questions come from
    # the frozen version in memory, so the page reads only the respondent's own rows.
    survey, held, stamp, given = services.survey_and_response(slug, respondent.held_id(slug))
    if survey is None:
        abort(404)
    response, stop = _may_carry_on(survey, held)
    if stop:
        return stop
    version, live, questions, answers = services.page_state(response, stamp, given)
    if version is not None:
        use_terms(version.glossary)  # the glossary terms the version was written with
    index = flow.position(questions, key)
    if index is None:
        return redirect(
            _question_url(survey, flow.resume_key(questions, answers, response.last_question_key))
        )
    page = questions[index]
    reference = services.reference_options(
        kinds=[page.type] if page.type in services.REFERENCE_KINDS else []
    )
    options = question_options(page, reference)
    changing = request.args.get("change") == "1"
    value = form_value(page, answers.get(key, []))
    form_class = answer_form_class(page, options)
    place = (survey, slug, page, index, questions, live, version, changing)
    if _keepable(version, page, value, changing):
        return _kept_page(survey, stamp, page, form_class, value, _shown(*place), response)
    form = form_class(data={"answer": value})
    if request.method == "POST" and request.form.get("later") and not changing:
        later = _save_for_later(survey, response, page, form, reference)
        if later is not None:
            return later
    elif form.validate_on_submit():
        return _save_and_move_on(
            slug,
            response,
            page,
            answer_values(page, form.answer.data),
            reference,
            changing,
            live,
            answers,
        )
    _explain_csrf(form)
    return render_template("surveys/question.html", form=form, response=response, **_shown(*place))


def _shown(survey, slug, page, index, questions, live, version, changing):
    """What a question page shows besides its form: progress, the back link and pictures."""
    key = page.key
    back = (
        _question_url(survey, flow.previous_key(questions, key))
        if index
        else url_for("surveys.start", slug=slug)
    )
    if not index and respondent.kiosk():
        back = None  # in event mode the start page begins the next person
    number, total, exact = flow.progress(live, questions, key)
    easy_read = version.easy_read if version is not None else survey.is_easy_read
    picture, answer_pictures = pictures_for(survey, page, easy_read)
    return dict(
        survey=survey,
        question=page,
        number=number,
        easy_read=easy_read,
        total=total,
        exact=exact,
        back=url_for("surveys.check", slug=slug) if changing else back,
        changing=changing,
        max_length=LONG_TEXT_MAX,
        picture=picture,
        answer_pictures=answer_pictures,
    )


def _kept_page(survey, stamp, page, form_class, value, shown, response):
    """The question page everyone at this point of this version with the same choice sees, kept
    rendered, with this respondent's CSRF token put in (render_ready adds the CSP nonce). The form
    is built only when the page is rendered."""
    csrf = current_app.config.get("WTF_CSRF_ENABLED", True)

    def with_form():
        form = form_class(data={"answer": value})
        if csrf:
            form.csrf_token.current_token = _TOKEN_MARK
        return {"form": form, "response": response}

    chosen = value if isinstance(value, list) else [value]
    return render_ready(
        "surveys/question.html",
        (
            survey.title,
            form_class,
            csrf,  # with or without a token field
            shown["easy_read"],
            shown["picture"],
            shown["answer_pictures"],
        ),
        variant=(
            survey.id,
            stamp,
            page.key,
            shown["number"],
            shown["total"],
            shown["exact"],
            shown["back"],
            tuple(chosen),
        ),
        fills={_TOKEN_MARK: wtf_csrf.generate_csrf} if csrf else None,
        lazy=with_form,
        **shown,
    )


# Where a kept question page has its CSRF token: random per process, so no page can contain it.
_TOKEN_MARK = "token" + secrets.token_hex(16)


def _keepable(version, page, value, changing):
    """Whether this question page is the same for everyone at this point with the same choices: a
    plain GET of a frozen version's page, not changing an answer, and never a page showing a
    person's own words (a text answer already given)."""
    return (
        request.method == "GET"
        and not request.query_string
        and not changing
        and version is not None
        and not (page.type in TEXT_TYPES and value)
    )


def _save_for_later(survey, response, page, form, reference):
    """'Save and come back later': keep a valid answer (or nothing, if the page is blank), then say
    how to return.

    Returns None when something typed cannot be kept as it is, so the page shows why."""
    rows = answer_values(page, form.answer.data) if form.validate() else None
    if rows:  # a blank page saves nothing, so coming back lands on this page again
        try:
            services.save_answer(response, page, rows, reference)
        except InvalidTransition:
            return redirect(url_for("surveys.sent", slug=survey.slug))
    elif rows is None and form.answer.data not in (None, "", []):
        return None
    return redirect(url_for("surveys.saved", slug=survey.slug, key=page.key))


@bp.route("/surveys/<slug>/saved")
@public
def saved(slug):
    survey = _survey_or_404(slug)
    response, stop = _held_response(survey)
    if stop:
        return stop
    questions, _ = services.route_for(response)
    key = request.args.get("key")
    carry_on = _question_url(
        survey, key if flow.position(questions, key) is not None else questions[0].key
    )
    return render_template(
        "surveys/saved.html",
        survey=survey,
        response=response,
        carry_on=carry_on,
        days=services.RESPONSE_LIFETIME.days,
        kiosk=respondent.kiosk(),
    )


def _save_and_move_on(slug, response, page, rows, reference, changing, live, answers):
    try:
        services.save_answer(response, page, rows, reference)
    except InvalidTransition:
        return redirect(url_for("surveys.sent", slug=slug))
    # Route on what was just stored rather than reading it back.
    questions = services.visible_after_saving(live, answers, page.key, rows)
    answers = {**answers, page.key: rows}
    return redirect(_question_url(slug, flow.next_key(questions, page.key, answers, changing)))


def _explain_csrf(form):
    token = getattr(form, "csrf_token", None)
    if token is not None and token.errors:
        token.errors = []
        form.answer.errors = list(form.answer.errors) + [CSRF_MESSAGE]


@bp.route("/surveys/<slug>/check", methods=["GET", "POST"])
@public
def check(slug):
    survey = _survey_or_404(slug)
    response, stop = _held_response(survey)
    if stop:
        return stop
    questions, answers = services.route_for(response)
    form = SubmitForm()
    if form.validate_on_submit():
        missing = services.missing_required(questions, answers)
        if missing is not None:
            flash(
                f"Answer this question before you send your answers: {missing.text}", "information"
            )
            return redirect(_question_url(survey, missing.key))
        services.submit_response(response)
        if services.needs_signposting(response) and not respondent.staff_entry():
            respondent.set_signpost(survey)  # helplines once, on the confirmation that follows
        respondent.forget(
            survey
        )  # sent: nothing of it stays with this browser (shared phones, kiosks)
        return redirect(url_for("surveys.sent", slug=slug))
    reference = services.reference_options()
    rows = [(q, flow.answer_summary(q, answers.get(q.key, []), reference)) for q in questions]
    return render_template(
        "surveys/check.html",
        survey=survey,
        rows=rows,
        form=form,
        response=response,
        missing=services.missing_required(questions, answers),
    )


@bp.route("/surveys/<slug>/sent")
@public
def sent(slug):
    survey = _survey_or_404(slug)
    # Helplines only on this first render after sending: a reload or the next person on a shared
    # phone or kiosk sees the plain confirmation.
    return render_template(
        "surveys/sent.html",
        survey=survey,
        kiosk=respondent.kiosk(),
        entry=respondent.staff_entry(),
        signpost=respondent.pop_signpost(survey),
    )


@bp.route("/surveys/resume", methods=["GET", "POST"])
@public
@limiter.limit(lambda: "20 per minute", methods=["POST"])
def resume():
    form = ResumeForm()
    if form.validate_on_submit():
        response = services.find_response(form.code.data)
        if response is None:
            form.code.errors = [
                "We could not find that code. Check it and try again: it has 8 letters and "
                "numbers, like ACDE-7FGH"
            ]
        else:
            return _resume(response)
    return render_template("surveys/resume.html", form=form)


@bp.route("/surveys/resume/<token>")
@public
def resume_link(token):
    response = services.response_for_token(token)
    if response is None:
        return render_template("surveys/link_expired.html"), 404
    return _resume(response)


def _resume(response):
    survey = response.survey
    if response.status == ResponseStatus.SUBMITTED:
        return render_template("surveys/already_sent.html", survey=survey)
    if services.is_expired(response):
        return render_template("surveys/expired.html", survey=survey), 410
    if not survey.is_open():
        return render_template("surveys/closed.html", survey=survey), 410
    respondent.remember(survey, response)
    questions, answers = services.route_for(response)
    flash("Welcome back. Your answers so far are saved.", "success")
    return redirect(
        _question_url(survey, flow.resume_key(questions, answers, response.last_question_key))
    )


@bp.route("/surveys/<slug>/email", methods=["GET", "POST"])
@public
@limiter.limit(lambda: "5 per minute", methods=["POST"])
def email(slug):
    survey = _survey_or_404(slug)
    response, stop = _held_response(survey)
    if stop:
        return stop
    form = EmailForm()
    if form.validate_on_submit():
        services.save_resume_email(
            response, form.email.data, lambda token: public_url("surveys.resume_link", token=token)
        )
        return render_template("surveys/email_sent.html", survey=survey, response=response)
    return render_template("surveys/email.html", survey=survey, form=form, response=response)


@bp.route("/surveys/<slug>/print")
@public
def printable(slug):
    survey = _survey_or_404(slug)
    questions = [q for q in survey.questions if not q.retired]
    reference = services.reference_options()
    return render_template(
        "surveys/print.html",
        survey=survey,
        preview=False,
        questions=[(q, question_options(q, reference)) for q in questions],
    )


@bp.route("/s/<code>")
@public
def link(code):
    found = services.distribution_link_by_code(code) or abort(404)
    respondent.set_distribution_link(found.survey, found.id)
    return redirect(url_for("surveys.start", slug=found.survey.slug))
