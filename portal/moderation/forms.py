"""Moderation forms: approve, reject, escalate."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, SelectChoice, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

from portal.contributions.models import REJECTION_REASONS
from portal.contributions.services import MAX_TEXT


class ApproveForm(FlaskForm):
    redacted_text = TextAreaField(
        "Text to publish",
        widget=GovTextArea(),
        description="Only this text is ever shown to anyone else. Check every highlighted detail "
        "is removed.",
        validators=[InputRequired(message="Enter the text to publish"), Length(max=MAX_TEXT)],
    )
    redacted_title = StringField(
        "Topic title to publish", widget=GovTextInput(), validators=[Length(max=120)]
    )
    approve = SubmitField("Approve and publish", widget=GovSubmitInput())


class RejectForm(FlaskForm):
    reason = RadioField(
        "Why are you rejecting it?",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select why it is being rejected")],
    )
    note = StringField(
        "Note for the audit log (optional, no names)",
        widget=GovTextInput(),
        validators=[Length(max=500)],
    )
    reject = SubmitField("Reject", widget=GovSubmitInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reason.choices = [
            SelectChoice(code, label) for code, (label, _) in REJECTION_REASONS.items()
        ]


class EscalateForm(FlaskForm):
    reason = StringField(
        "Why are you worried? (no names)",
        widget=GovTextInput(),
        validators=[InputRequired(message="Say briefly why you are worried"), Length(max=200)],
    )
    escalate = SubmitField("Escalate to safeguarding", widget=GovSubmitInput())
