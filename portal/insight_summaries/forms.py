"""Forms: choose a month to draft, and edit a summary's text."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovSubmitInput, GovTextArea
from wtforms import IntegerField, SelectField, SubmitField, TextAreaField
from wtforms.validators import InputRequired
from wtforms.widgets import HiddenInput

from portal.insight_summaries.models import PART_HINTS, PARTS


class DraftForm(FlaskForm):
    month = SelectField(
        "Month",
        widget=GovSelect(),
        validators=[InputRequired("Choose a month")],
        validate_choice=False,
        description="Only months that have ended can be summarised.",
    )
    submit = SubmitField("Draft the summary", widget=GovSubmitInput())


class EditForm(FlaskForm):
    base_number = IntegerField(widget=HiddenInput())
    what = TextAreaField(PARTS[0][1], widget=GovTextArea(), description=PART_HINTS["what"])
    why = TextAreaField(PARTS[1][1], widget=GovTextArea(), description=PART_HINTS["why"])
    so_what = TextAreaField(PARTS[2][1], widget=GovTextArea(), description=PART_HINTS["so_what"])
    next_steps = TextAreaField(
        PARTS[3][1], widget=GovTextArea(), description=PART_HINTS["next_steps"]
    )
    young_people = TextAreaField(
        "Young people's version",
        widget=GovTextArea(),
        description="A short version in plain words for young people: short sentences, easy words, "
        "no figures that need explaining. Needed before publishing.",
    )
    note = TextAreaField(
        "What you changed (optional)",
        widget=GovTextArea(),
        description="For the history. If you are correcting a published summary, say what was "
        "wrong.",
    )
    submit = SubmitField("Save a new version", widget=GovSubmitInput())

    def values(self):
        return {
            name: self[name].data
            for name in ("what", "why", "so_what", "next_steps", "young_people", "note")
        }
