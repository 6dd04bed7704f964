"""Forms for editing reference data."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSubmitInput, GovTextInput
from wtforms import BooleanField, IntegerField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, NumberRange, Optional


class LocalityForm(FlaskForm):
    name = StringField(
        "Name",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter the locality's name"), Length(max=120)],
    )
    send_population = IntegerField(
        "SEND population (optional)",
        widget=GovTextInput(),
        description="Children and young people with SEND living here. Used to check who we reach.",
        validators=[
            Optional(),
            NumberRange(
                min=0,
                max=1_000_000,
                message="SEND population must be a whole number from 0 to 1,000,000",
            ),
        ],
    )
    active = BooleanField(
        "Shown to people answering surveys", widget=GovCheckboxInput(), default=True
    )
    submit = SubmitField("Save", widget=GovSubmitInput())


class LabelForm(FlaskForm):
    label = StringField(
        "Label",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter a label"), Length(max=120)],
    )
    active = BooleanField("In use", widget=GovCheckboxInput(), default=True)
    submit = SubmitField("Save", widget=GovSubmitInput())


class SettingForm(FlaskForm):
    name = StringField(
        "Name of the school, nursery, college or service",
        widget=GovTextInput(),
        description="As families write it, for example Oakfield Primary School.",
        validators=[
            InputRequired(message="Enter the school or setting's full name, 4 characters or more"),
            Length(max=160),
        ],
    )
    active = BooleanField(
        "Look for this name when redacting", widget=GovCheckboxInput(), default=True
    )
    submit = SubmitField("Save", widget=GovSubmitInput())
