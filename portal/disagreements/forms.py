"""The form officers record complaint, mediation, tribunal and ombudsman counts with (no free
text)."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import IntegerField, RadioField, SelectField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, NumberRange

from portal.disagreements.models import OUTCOMES, STAGES
from portal.measure_actions.forms import _id_or_zero

WHOLE = "Enter how many, as a whole number from 0 to 100,000"
STAGE = "Choose the stage: complaint, mediation, tribunal or ombudsman"


def _choices(mapping):
    return [SelectChoice(value, label) for value, label in mapping.items()]


class WholeNumberField(IntegerField):
    """A count: anything but a whole number gets the same plain message."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(WHOLE) from None


class CountForm(FlaskForm):
    quarter = SelectField("Quarter", widget=GovSelect(), validate_choice=False)
    theme_id = SelectField("Theme", widget=GovSelect(), coerce=_id_or_zero, validate_choice=False)
    stage = RadioField(
        "Stage",
        widget=GovRadioInput(),
        choices=_choices(STAGES),
        validate_choice=False,
        validators=[InputRequired(message=STAGE)],
    )
    outcome = SelectField(
        "Outcome",
        widget=GovSelect(),
        validate_choice=False,
        choices=[SelectChoice("", "Choose the outcome")] + _choices(OUTCOMES),
    )
    locality_id = SelectField(
        "Locality", widget=GovSelect(), coerce=_id_or_zero, validate_choice=False
    )
    count = WholeNumberField(
        "How many",
        widget=GovTextInput(),
        description="Saving the same quarter, theme, stage, "
        "outcome and locality again replaces the number.",
        validators=[InputRequired(message=WHOLE), NumberRange(min=0, max=100000, message=WHOLE)],
    )
    submit = SubmitField("Save the count", widget=GovSubmitInput())
