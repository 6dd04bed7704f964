"""The glossary term form."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea, GovTextInput
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length


class TermForm(FlaskForm):
    term = StringField(
        "Acronym",
        widget=GovTextInput(),
        description="For example, EHCP",
        validators=[InputRequired(message="Enter the acronym"), Length(max=30)],
    )
    expansion = StringField(
        "What it stands for",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter what the acronym stands for"), Length(max=200)],
    )
    explanation = TextAreaField(
        "Plain-English explanation (optional)", widget=GovTextArea(), validators=[Length(max=1000)]
    )
    submit = SubmitField("Save", widget=GovSubmitInput())
