"""The staff-logged insight form: SENDIASS, PCF, event or phone intelligence entered as a
contribution."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovSubmitInput, GovTextArea, GovTextInput
from wtforms import IntegerField, SelectChoice, SelectField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from portal.accounts.models import ORGANISATION_LABELS
from portal.contributions.models import CHANNEL_LABELS, ROLE_LABELS, Channel
from portal.contributions.services import MAX_TEXT

INSIGHT_CHANNELS = [Channel.SENDIASS, Channel.PCF, Channel.EVENT, Channel.PHONE, Channel.PAPER]


class InsightForm(FlaskForm):
    text = TextAreaField(
        "What did families tell you?",
        widget=GovTextArea(),
        description="Themes across families only. Never case details, names or anything that "
        "identifies a family.",
        validators=[InputRequired(message="Enter what families told you"), Length(max=MAX_TEXT)],
    )
    channel = SelectField(
        "Where it came from",
        widget=GovSelect(),
        validators=[InputRequired(message="Select where it came from")],
    )
    organisation = SelectField(
        "Organisation",
        widget=GovSelect(),
        validators=[InputRequired(message="Select an organisation")],
    )
    locality = SelectField("Locality (optional)", widget=GovSelect(), validators=[Optional()])
    author_role = SelectField(
        "Who it is from (optional)", widget=GovSelect(), validators=[Optional()]
    )
    families_represented = IntegerField(
        "How many families does this represent?",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter how many families, 1 or more"),
            NumberRange(min=1, max=100_000, message="Enter a number from 1 to 100,000"),
        ],
    )
    submit = SubmitField("Save insight", widget=GovSubmitInput())

    def __init__(self, localities, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.channel.choices = [SelectChoice("", "Select")] + [
            SelectChoice(c.value, CHANNEL_LABELS[c]) for c in INSIGHT_CHANNELS
        ]
        self.organisation.choices = [SelectChoice("", "Select")] + [
            SelectChoice(o.value, label) for o, label in ORGANISATION_LABELS.items()
        ]
        self.locality.choices = [SelectChoice("", "Across all localities")] + [
            SelectChoice(str(loc.id), loc.name) for loc in localities
        ]
        self.author_role.choices = [SelectChoice("", "Not given")] + [
            SelectChoice(r.value, label) for r, label in ROLE_LABELS.items()
        ]
