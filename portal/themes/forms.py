"""Forms for editing the theme taxonomy and tagging contributions."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, SelectChoice, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional


class ThemeForm(FlaskForm):
    slug = StringField(
        "Slug",
        widget=GovTextInput(),
        description="A short fixed name used in links and exports, like waiting-times. It cannot "
        "be changed later.",
        validators=[Optional(), Length(max=60)],
    )
    label = StringField(
        "Label",
        widget=GovTextInput(),
        description="Plain words, as families would say it.",
        validators=[InputRequired(message="Enter a label in plain words"), Length(max=120)],
    )
    description = TextAreaField(
        "Description (optional)", widget=GovTextArea(), validators=[Length(max=2000)]
    )
    keywords = TextAreaField(
        "Keywords",
        widget=GovTextArea(),
        description="One a line. End a word with * to match any ending, like assess*.",
        validators=[Length(max=20_000)],
    )
    aliases = TextAreaField(
        "Aliases",
        widget=GovTextArea(),
        description="One a line: other names, acronyms and old service names, like Kids for the "
        "autism service.",
        validators=[Length(max=20_000)],
    )
    local_offer_url = StringField(
        "Local Offer page (optional)",
        widget=GovTextInput(),
        description="Its page on the Local Offer: a full web address starting with https://",
        validators=[Length(max=500)],
    )
    active = BooleanField(
        "In use (suggested by analysis and offered for tagging)",
        widget=GovCheckboxInput(),
        default=True,
    )
    submit = SubmitField("Save theme", widget=GovSubmitInput())


class AddThemeForm(FlaskForm):
    """Choose a theme to add to one contribution, or to several at once on the tagging page."""

    theme = SelectField(
        "Add a theme",
        widget=GovSelect(),
        validators=[InputRequired(message="Select a theme to add")],
    )
    submit = SubmitField("Add theme", widget=GovSubmitInput())

    def __init__(self, themes, *args, label="Add a theme", **kwargs):
        super().__init__(*args, **kwargs)
        self.theme.label.text = label
        self.theme.choices = [SelectChoice("", "Select a theme")] + [
            SelectChoice(str(t.id), t.label) for t in themes
        ]
