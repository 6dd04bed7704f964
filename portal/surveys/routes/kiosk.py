"""Event (kiosk) mode for the person at the tablet: finish and hand over, and the inactivity
timeout.

Each person starts afresh. Their answers are saved page by page; when they press "Finish and hand
over", or nobody touches the tablet for KIOSK_IDLE_SECONDS, the tablet forgets their response (it
stays saved as an unfinished response, its free text goes to moderation, and as its resume code was
never shown, nobody can carry it on).
"""

import time

from flask import current_app, redirect, render_template, request, url_for

from portal.extensions import db
from portal.forms_util import ConfirmForm
from portal.permissions import public
from portal.surveys import respondent, services
from portal.surveys.models import ResponseStatus, Survey
from portal.surveys.routes.blueprint import bp


def _kiosk_survey():
    held = respondent.kiosk()
    return db.session.get(Survey, held["survey_id"]) if held else None


def _unfinished():
    """The responses still being answered on this tablet: the event's survey, or another reached
    from it."""
    return [r for r in respondent.all_held() if r.status == ResponseStatus.IN_PROGRESS]


def clear_person():
    """Forget every response this tablet holds, noting whether the person had saved any answers.

    Their free text goes to moderation now (it can never be sent later), so a worrying answer is
    read.
    """
    unfinished = _unfinished()
    for response in unfinished:
        services.release_free_text(response)
    if unfinished:
        # The event's locality is filled in for them; only a page they saved counts as answering.
        respondent.set_kiosk_cleared(
            "saved" if any(r.last_question_key for r in unfinished) else "empty"
        )
    respondent.forget_all()


@bp.before_app_request
def kiosk_idle_timeout():
    """With or without JavaScript, a person's answers leave the tablet once it has sat idle too
    long."""
    if request.endpoint == "static" or not respondent.kiosk():
        return None
    last = respondent.kiosk_touch(time.time())
    if time.time() - last <= current_app.config["KIOSK_IDLE_SECONDS"]:
        return None
    survey = _kiosk_survey()
    if survey is None or not _unfinished():
        return None
    clear_person()
    return redirect(url_for("surveys.cleared", slug=survey.slug))


@bp.app_context_processor
def kiosk_context():
    return {"kiosk_mode": bool(respondent.kiosk())}


@bp.route("/surveys/<slug>/finish", methods=["POST"])
@public
def finish(slug):
    """ "Finish and hand over": the answers so far are kept, and the tablet goes back to the
    start."""
    survey = _kiosk_survey()
    if survey is None or not ConfirmForm().validate_on_submit():
        return redirect(url_for("surveys.start", slug=slug))
    clear_person()
    return redirect(url_for("surveys.cleared", slug=survey.slug))


@bp.route("/surveys/kiosk/still-here", methods=["POST"])
@public
def still_here():
    """The timeout warning's "Continue": the request itself counts as activity (see
    kiosk_idle_timeout)."""
    return "", 204


@bp.route("/surveys/<slug>/cleared")
@public
def cleared(slug):
    survey = services.survey_by_slug(slug)
    if survey is None:
        return redirect(url_for("surveys.index"))
    return render_template(
        "surveys/cleared.html", survey=survey, state=respondent.pop_kiosk_cleared()
    )
