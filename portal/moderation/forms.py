"""Moderation and insight forms."""
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput, GovSelect, GovSubmitInput, GovTextArea, GovTextInput,
)
from wtforms import IntegerField, RadioField, SelectChoice, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from portal.accounts.models import ORGANISATION_LABELS
from portal.contributions.models import CHANNEL_LABELS, REJECTION_REASONS, ROLE_LABELS, Channel
from portal.contributions.services import MAX_TEXT


class ApproveForm(FlaskForm):
    redacted_text = TextAreaField(
        "Text to publish", widget=GovTextArea(),
        description="Only this text is ever shown to anyone else. Check every highlighted detail is removed.",
        validators=[InputRequired(message="Enter the text to publish"), Length(max=MAX_TEXT)])
    redacted_title = StringField("Topic title to publish", widget=GovTextInput(), validators=[Length(max=120)])
    approve = SubmitField("Approve and publish", widget=GovSubmitInput())


class RejectForm(FlaskForm):
    reason = RadioField("Why are you rejecting it?", widget=GovRadioInput(),
                        validators=[InputRequired(message="Select why it is being rejected")])
    note = StringField("Note for the audit log (optional, no names)", widget=GovTextInput(),
                       validators=[Length(max=500)])
    reject = SubmitField("Reject", widget=GovSubmitInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reason.choices = [SelectChoice(code, label) for code, (label, _) in REJECTION_REASONS.items()]


class EscalateForm(FlaskForm):
    reason = StringField("Why are you worried? (no names)", widget=GovTextInput(),
                         validators=[InputRequired(message="Say briefly why you are worried"), Length(max=200)])
    escalate = SubmitField("Escalate to safeguarding", widget=GovSubmitInput())


INSIGHT_CHANNELS = [Channel.SENDIASS, Channel.PCF, Channel.EVENT, Channel.PHONE, Channel.PAPER]


class InsightForm(FlaskForm):
    text = TextAreaField(
        "What did families tell you?", widget=GovTextArea(),
        description="Themes across families only. Never case details, names or anything that identifies a family.",
        validators=[InputRequired(message="Enter what families told you"), Length(max=MAX_TEXT)])
    channel = SelectField("Where it came from", widget=GovSelect(),
                          validators=[InputRequired(message="Select where it came from")])
    organisation = SelectField("Organisation", widget=GovSelect(),
                               validators=[InputRequired(message="Select an organisation")])
    locality = SelectField("Locality (optional)", widget=GovSelect(), validators=[Optional()])
    author_role = SelectField("Who it is from (optional)", widget=GovSelect(), validators=[Optional()])
    families_represented = IntegerField(
        "How many families does this represent?", widget=GovTextInput(),
        validators=[InputRequired(message="Enter how many families, 1 or more"),
                    NumberRange(min=1, max=100_000, message="Enter a number from 1 to 100,000")])
    submit = SubmitField("Save insight", widget=GovSubmitInput())

    def __init__(self, localities, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.channel.choices = [SelectChoice("", "Select")] + [
            SelectChoice(c.value, CHANNEL_LABELS[c]) for c in INSIGHT_CHANNELS]
        self.organisation.choices = [SelectChoice("", "Select")] + [
            SelectChoice(o.value, label) for o, label in ORGANISATION_LABELS.items()]
        self.locality.choices = [SelectChoice("", "Across all localities")] + [
            SelectChoice(str(loc.id), loc.name) for loc in localities]
        self.author_role.choices = [SelectChoice("", "Not given")] + [
            SelectChoice(r.value, label) for r, label in ROLE_LABELS.items()]
