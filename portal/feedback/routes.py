"""The public "tell us" feedback form and its confirmation page."""

from flask import Blueprint, current_app, redirect, render_template, session, url_for

from portal.errors import ValidationFailed
from portal.extensions import limiter
from portal.feedback import services
from portal.feedback.forms import FeedbackForm
from portal.forms_util import apply_errors
from portal.permissions import public
from portal.reference.services import active_localities

bp = Blueprint("feedback", __name__, url_prefix="/feedback")


def _limit():
    return current_app.config["PUBLIC_POST_RATE_LIMIT"]


@bp.route("/", methods=["GET", "POST"])
@limiter.limit(_limit, methods=["POST"])
@public
def tell_us():
    form = FeedbackForm(active_localities())
    if form.validate_on_submit():
        if form.website.data:  # a robot filled the hidden field: look successful, keep nothing
            session["feedback_sent"] = {"signpost": False}
            return redirect(url_for("feedback.sent"))
        try:
            contribution = services.submit_feedback(
                author_role=form.author_role.data,
                about=form.about.data,
                message=form.message.data,
                locality=int(form.locality.data) if form.locality.data else None,
                contact_choices=form.contact.data or [],
                name=form.name.data,
                email=form.email.data,
                phone=form.phone.data,
                form_token=form.form_token.data,
            )
        except ValidationFailed as error:
            apply_errors(form, error)
        else:
            # Only what the confirmation needs: never the message or contact details (shared
            # phones).
            session["feedback_sent"] = {
                "signpost": bool(contribution and contribution.needs_signposting),
                "contact": services.wants_contact(contribution),
            }
            session["feedback_forms_sent"] = session.get("feedback_forms_sent", 0) + 1
            return redirect(url_for("feedback.sent"))
    return render_template(
        "feedback/tell_us.html", form=form, sent_count=session.get("feedback_forms_sent", 0)
    )


@bp.route("/sent")
@public
def sent():
    details = session.pop("feedback_sent", None) or {}
    return render_template(
        "feedback/sent.html",
        signpost=details.get("signpost", False),
        contact=details.get("contact", False),
    )
