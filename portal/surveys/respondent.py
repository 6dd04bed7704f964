"""Which response this browser is filling in, kept in the signed session cookie (no answers in
it)."""

from flask import session

from portal.extensions import db
from portal.surveys.models import SurveyResponse

_KEY = "survey_responses"


def remember(survey, response):
    """This browser is now answering `response` for `survey`."""
    held = dict(session.get(_KEY, {}))
    held[survey.slug] = response.id
    session[_KEY] = held
    session.permanent = True  # closing the browser must not lose the way back in


def forget(survey):
    held = dict(session.get(_KEY, {}))
    held.pop(survey.slug, None)
    session[_KEY] = held


def forget_all():
    """Forget every response this browser holds (event mode: the next person starts with
    nothing)."""
    session.pop(_KEY, None)


def all_held():
    """Every response this browser holds, whatever the survey (the easy read version, say)."""
    ids = [i for i in session.get(_KEY, {}).values() if i]
    return [r for r in (db.session.get(SurveyResponse, i) for i in ids) if r is not None]


def held_id(slug):
    """The id of the response this browser holds for the survey `slug`, or None (nothing read)."""
    return session.get(_KEY, {}).get(slug)


def current(survey):
    """The response this browser holds for `survey`, or None."""
    response_id = session.get(_KEY, {}).get(survey.slug)
    response = db.session.get(SurveyResponse, response_id) if response_id else None
    return response if response is not None and response.survey_id == survey.id else None


def kiosk():
    """The event (kiosk) session on this device: {"survey_id", "locality_id", "staff_id"} or
    None."""
    return session.get("kiosk")


def start_kiosk(survey, locality, staff):
    session["kiosk"] = {
        "survey_id": survey.id,
        "locality_id": locality.id if locality else None,
        "staff_id": staff.id,
    }


def end_kiosk():
    for key in ("kiosk", "kiosk_seen", "kiosk_cleared"):
        session.pop(key, None)


def kiosk_touch(now):
    """Note activity on the kiosk; returns when it was last active before now (now if never)."""
    last = session.get("kiosk_seen", now)
    session["kiosk_seen"] = now
    return last


def set_kiosk_cleared(state):
    """Why the last person's answers left the tablet: "saved" (some given) or "empty"."""
    session["kiosk_cleared"] = state


def pop_kiosk_cleared():
    return session.pop("kiosk_cleared", None)


def staff_entry():
    """Paper or phone entry under way: {"survey_id", "channel"} or None."""
    return session.get("staff_entry")


def start_staff_entry(survey, channel):
    session["staff_entry"] = {"survey_id": survey.id, "channel": channel}


def end_staff_entry():
    session.pop("staff_entry", None)


def set_distribution_link(survey, link_id):
    session["survey_link"] = {"slug": survey.slug, "id": link_id}


def distribution_link_for(survey):
    held = session.get("survey_link") or {}
    return held.get("id") if held.get("slug") == survey.slug else None


def set_signpost(survey):
    """Show the helplines on the next confirmation page of this survey, once (a flagged answer was
    sent)."""
    session["survey_signpost"] = survey.slug


def pop_signpost(survey):
    """True once, on the confirmation page right after sending: a reload or the next person sees
    none."""
    return session.pop("survey_signpost", None) == survey.slug
